/**
 * The child's plan / SIP as PDF (family's and professionals' versions): rendered from fictitious
 * data, read back with pdfjs, and checked for order, wording and what each reader must see.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  familyActionSentence,
  familyGoalSentence,
  renderFamilyPlanPdf,
  renderProfessionalPlanPdf,
  SIP_ELEMENT_HEADINGS,
  type FamilyPlanPdf,
  type PlanPdfArea,
  type PlanPdfWheel,
  type ProfessionalPlanPdf,
} from '../src/pdf/plan.ts';
import { pdfInfo, pdfText } from './pdf-text.ts';

const trygg: PlanPdfArea = {
  key: 'trygg',
  labelSv: 'Trygg',
  childDescriptionSv: 'Jag känner mig trygg hemma, i skolan och där jag är.',
  childWords: 'Jag vill ha en vuxen att gå till på rasten.',
  guardiansWillDo: 'Vi pratar om skoldagen varje kväll.',
  actions: [
    {
      what: 'Träffa Elin varje måndag och prata om veckan',
      who: 'Karin Berg, Elevhälsan Björkskolan',
      start: '2026-12-01',
      end: '2027-01-31',
    },
    { what: 'Ordna en lugn plats på rasten', who: 'Björkskolan åk 4', start: null, end: '2027-02-15' },
    { what: 'Hitta en fritidsaktivitet', who: null, start: '2027-01-10', end: null },
  ],
  goals: [{ text: 'Elin ska känna sig trygg på rasterna.', followUpDate: '2027-03-15' }],
};

const maBra: PlanPdfArea = {
  key: 'ma_bra',
  labelSv: 'Må bra',
  childDescriptionSv: 'Jag mår bra i kroppen och i huvudet.',
  childWords: 'Jag sover dåligt när det är prov.',
  guardiansWillDo: '',
  actions: [],
  goals: [],
};

const AREA_LABELS = ['Trygg', 'Må bra', 'Utvecklas', 'Omvårdad', 'Aktiv', 'Respekterad', 'Ansvarstagande', 'Delaktig'];

const wheel: PlanPdfWheel = {
  areas: AREA_LABELS.map((labelSv, i) => ({ key: `omrade_${i}`, labelSv })),
  scale: { min: 1, max: 5 },
  child: [2, 3, 4, null, 5, 3, 4, 2],
  professionals: [3, 3, 3, 4, 4, 2, 4, 3],
  childDate: '2026-11-10',
  professionalsDate: '2026-11-12',
};

function family(overrides: Partial<FamilyPlanPdf> = {}): FamilyPlanPdf {
  return {
    childLabel: 'Elin',
    kind: 'barnets_plan',
    versionNumber: 2,
    status: 'adopted',
    planDate: '2026-11-20',
    adoptedOn: '2026-11-20',
    childView: { strengths: 'Jag är bra på att rita och på fotboll.', challenges: 'Det är jobbigt när det är stökigt i klassen.' },
    guardiansView: { strengths: 'Elin är nyfiken och omtänksam.', challenges: 'Morgnarna är svåra.' },
    areas: [trygg, maBra],
    wheel,
    nextFollowUp: '2027-03-15',
    contact: { name: 'Karin Berg', unitName: 'Elevhälsan Björkskolan' },
    generatedAt: '2026-11-21T09:05:00.000Z',
    ...overrides,
  };
}

const sip: NonNullable<ProfessionalPlanPdf['sip']> = {
  supportNeeded: 'Stöd i skolan under raster och samtal om sömn och oro.',
  principalContributions: [
    { principalName: 'Ekby kommun', provides: 'Elevhälsan ger samtalsstöd varje vecka.' },
    { principalName: 'Region Östland', provides: 'BUP bedömer sömnen.' },
  ],
  othersProvide: 'Idrottsföreningen Ekby IF erbjuder en plats i fotbollslaget.',
  overallResponsibility: null,
  participants: ['Karin Berg, Elevhälsan Björkskolan', 'Sam Socionom, Socialtjänsten Norr', 'Elin och hennes föräldrar'],
  personConsent: { given: true, date: '2026-11-03' },
  childParticipation: { tookPart: true, how: 'Elin var med i början av mötet och ritade hjulet.' },
  relativesParticipated: ['Mormor Gun'],
  followUpDate: '2027-03-15',
};

function professional(overrides: Partial<ProfessionalPlanPdf> = {}): ProfessionalPlanPdf {
  const { contact: _contact, ...base } = family({ kind: 'sip' });
  return {
    ...base,
    caseLabel: 'Elev Blå Räv',
    readerName: 'Karin Berg',
    readerUnitName: 'Elevhälsan Björkskolan',
    sip,
    protectedIdentity: false,
    ...overrides,
  };
}

/** Path-painting operators (stroke, fill, fill-and-stroke) in all content streams of an uncompressed or Flate-compressed PDF. */
function paintOperators(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  let count = 0;
  const stream = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = stream.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    count += (content.match(/(?:^|\s)(?:S|s|f|F|B|b)(?=\s)/g) ?? []).length;
    stream.lastIndex = end + 'endstream'.length;
  }
  return count;
}

describe('plain-Swedish sentences', () => {
  it('writes an action as who, what and from–to, leaving out missing dates', () => {
    expect(familyActionSentence(trygg.actions[0]!)).toBe(
      'Karin Berg, Elevhälsan Björkskolan ska träffa Elin varje måndag och prata om veckan. Från 1 december 2026 till 31 januari 2027.',
    );
    expect(familyActionSentence(trygg.actions[1]!)).toBe('Björkskolan åk 4 ska ordna en lugn plats på rasten. Till 15 februari 2027.');
    expect(familyActionSentence(trygg.actions[2]!)).toBe(
      'Vi ska hitta en fritidsaktivitet. Vi har inte bestämt vem som gör det än. Från 10 januari 2027.',
    );
    expect(familyActionSentence({ what: 'Ringa BUP.', who: 'Kim Kurator', start: null, end: null })).toBe('Kim Kurator ska ringa BUP.');
  });

  it('writes a goal with when we look at it again', () => {
    expect(familyGoalSentence(trygg.goals[0]!)).toBe('Målet: Elin ska känna sig trygg på rasterna. Vi tittar på det igen 15 mars 2027.');
  });
});

describe('family plan PDF', () => {
  it('has the child’s words first, then the wheel, the areas, follow-up and contact, in plain Swedish', async () => {
    const pdf = await renderFamilyPlanPdf(family());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);

    expect(text).toContain('Min plan');
    expect(text).toContain('Det här är Elins plan.');
    expect(text).toContain('Det här tycker jag');
    expect(text).toContain('Jag är bra på att rita och på fotboll.');
    expect(text).toContain('Jag vill ha en vuxen att gå till på rasten.');
    expect(text).toContain('Vi pratar om skoldagen varje kväll.');

    const action = familyActionSentence(trygg.actions[0]!);
    expect(text).toContain(action);
    expect(text).toContain(familyActionSentence(trygg.actions[1]!));
    expect(text).toContain(familyGoalSentence(trygg.goals[0]!));
    expect(text).toContain('Målet: Elin ska känna sig trygg på rasterna. Vi tittar på det igen 15 mars 2027.');

    // The child's words come before everything the adults will do, and the wheel before the areas.
    const order = [
      'Det här tycker jag',
      'Jag är bra på att rita',
      'Jag vill ha en vuxen att gå till på rasten.',
      'Hjulet',
      'Det du tyckte (10 november 2026)',
      'Det de vuxna runt dig tyckte (12 november 2026)',
      'Det här ska vi göra',
      'Det här gör vi hemma',
      'Det här gör de vuxna',
      action,
      'Nästa gång vi följer upp',
      'Har ni frågor?',
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.indexOf('Jag vill ha en vuxen')).toBeLessThan(text.indexOf('Karin Berg, Elevhälsan Björkskolan ska'));

    expect(text).toContain('Vi tittar på planen tillsammans igen måndag 15 mars 2027.');
    expect(text).toContain('Ni kan alltid höra av er till Karin Berg på Elevhälsan Björkskolan.');
    expect(text).toContain('Vi bestämde planen 20 november 2026.');
    // Swedish letters round-trip.
    expect(text).toContain('Må bra');
    expect(text).toContain('Björkskolan åk 4 ska ordna en lugn plats på rasten.');
    expect(text).toMatch(/Sida 1 av \d/);

    // No internal markings.
    expect(text).not.toContain('Sekretess');
    expect(text).not.toContain('Utkast');
    expect(text).not.toContain('Saknas');

    const info = await pdfInfo(pdf);
    expect(info.title).toBe('Min plan – 20 november 2026');
    expect(info.language).toBe('sv-SE');
  });

  it('draws the wheel: area labels as text and the chart as vector paths', async () => {
    const withWheel = await renderFamilyPlanPdf(family());
    const withoutWheel = await renderFamilyPlanPdf(family({ wheel: null }));
    const text = await pdfText(withWheel);
    for (const label of AREA_LABELS) expect(text).toContain(label);
    expect(paintOperators(withWheel) - paintOperators(withoutWheel)).toBeGreaterThan(20);

    const plain = await pdfText(withoutWheel);
    expect(plain).not.toContain('Hjulet');
    expect(plain).not.toContain('Det du tyckte');
  });

  it('fits twelve areas around the wheel and copes with one perspective missing', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `Område ${i + 1} med ett långt namn`);
    const pdf = await renderFamilyPlanPdf(
      family({
        wheel: {
          areas: labels.map((labelSv, i) => ({ key: `a${i}`, labelSv })),
          scale: { min: 0, max: 9 },
          child: null,
          professionals: labels.map((_, i) => i % 10),
          childDate: null,
          professionalsDate: '2026-11-12',
        },
      }),
    );
    const text = await pdfText(pdf);
    for (const label of ['Område 1 med', 'Område 12 med']) expect(text).toContain(label);
    expect(text).toContain('Det de vuxna runt dig tyckte (12 november 2026)');
    expect(text).not.toContain('Det du tyckte');
  });

  it('marks a draft clearly and says so when the plan has no areas yet', async () => {
    const pdf = await renderFamilyPlanPdf(
      family({
        childLabel: 'ditt barn',
        status: 'draft',
        adoptedOn: null,
        areas: [],
        childView: { strengths: '', challenges: '' },
        nextFollowUp: null,
        contact: null,
      }),
    );
    const text = await pdfText(pdf);
    expect(text).toContain('Vår plan');
    expect(text).toContain('Utkast – inte bestämt än');
    expect(text).toContain('Planen har inga områden än.');
    expect(text).toContain('Du har inte berättat något än.');
    expect(text).toContain('Vi har inte bestämt när vi tittar på planen igen.');
    expect(text).toContain('Har ni frågor?');
    expect(text).not.toContain('Sekretess');
  });

  it('titles a SIP for the family', async () => {
    const text = await pdfText(await renderFamilyPlanPdf(family({ kind: 'sip' })));
    expect(text).toContain('Vår samordnade plan (SIP)');
    expect(text).not.toContain('Huvudman');
  });

  it('flows long texts onto more pages and does not crash on characters the built-in fonts lack', async () => {
    const sentence = 'Jag tycker om att vara på fritids när det är lugnt och vi får bygga med lego. ';
    const long = sentence.repeat(Math.ceil(12_000 / sentence.length)).slice(0, 12_000) + ' SLUTORD';
    const odd = 'Łukasz är glad 😀 – łódź';
    const pdf = await renderFamilyPlanPdf(
      family({
        childLabel: 'Łukasz',
        childView: { strengths: long, challenges: odd },
        areas: [{ ...trygg, childWords: odd, actions: [{ ...trygg.actions[0]!, what: 'x'.repeat(2_000) }] }],
      }),
    );
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(2);
    const text = await pdfText(pdf);
    expect(text).toContain('SLUTORD');
    expect(text).toContain('Det här är Lukasz plan.');
    expect(text).toContain('Lukasz är glad ? – lódz');
    expect(text).toContain(`Sida ${info.pages} av ${info.pages}`);
  });
});

describe('professional plan PDF', () => {
  it('prints the SIP’s four legal elements in order, “Saknas” for a missing one, participation and consent', async () => {
    const pdf = await renderProfessionalPlanPdf(professional());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);

    expect(text).toContain('Sekretess: innehåller uppgifter om enskild');
    expect(text).toContain('Samordnad individuell plan (SIP)');
    expect(text).toContain('Elev Blå Räv – version 2 (fastställd)');
    expect(text).toContain('Status: Fastställd 20 november 2026');

    const headings = SIP_ELEMENT_HEADINGS.map((h) => text.indexOf(h));
    expect(SIP_ELEMENT_HEADINGS).toEqual([
      '1. Insatser som behövs',
      '2. Vad varje huvudman ansvarar för',
      '3. Vad andra än kommun och region gör',
      '4. Huvudman med det övergripande ansvaret',
    ]);
    expect(headings.every((i) => i >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);

    expect(text).toContain('Stöd i skolan under raster och samtal om sömn och oro.');
    expect(text).toContain('Ekby kommun: Elevhälsan ger samtalsstöd varje vecka.');
    expect(text).toContain('Region Östland: BUP bedömer sömnen.');
    expect(text).toContain('Idrottsföreningen Ekby IF erbjuder en plats i fotbollslaget.');
    // Element 4 is missing: "Saknas" right after its heading.
    const fourth = text.indexOf('4. Huvudman med det övergripande ansvaret');
    expect(text.slice(fourth).startsWith('4. Huvudman med det övergripande ansvaret Saknas')).toBe(true);
    expect(text.slice(0, text.indexOf('Områden')).match(/Saknas/g)).toHaveLength(1);
    expect(text).toContain('Ansvarig: Saknas'); // the action nobody is named for

    expect(text).toContain('Sam Socionom, Socialtjänsten Norr');
    expect(text).toContain('Samtycke till SIP: Ja, 3 november 2026');
    expect(text).toContain('Barnet deltog: Ja – Elin var med i början av mötet och ritade hjulet.');
    expect(text).toContain('Närstående som deltog: Mormor Gun');
    expect(text).toContain('Uppföljning av SIP: 15 mars 2027');

    // Areas after the SIP elements, with the child's words, actions and goals; then the wheel.
    expect(text.indexOf('Områden')).toBeGreaterThan(fourth);
    expect(text).toContain('Barnets ord ”Jag vill ha en vuxen att gå till på rasten.”');
    expect(text).toContain('Vårdnadshavarna gör Vi pratar om skoldagen varje kväll.');
    expect(text).toContain('Ansvarig: Karin Berg, Elevhälsan Björkskolan');
    expect(text).toContain('Period: 1 december 2026 – 31 januari 2027');
    expect(text).toContain('Följs upp: 15 mars 2027');
    expect(text.indexOf('Hjulet')).toBeGreaterThan(text.indexOf('Områden'));
    expect(text).toContain('Barnets bedömning (10 november 2026)');
    expect(text).toContain('Professionellas bedömning (12 november 2026)');
    expect(text).toContain('Omvårdad: barnet ej bedömt, professionella 4');

    expect(text).toContain('Utskrivet av Karin Berg, Elevhälsan Björkskolan, 21 november 2026 kl. 10:05');
    expect(text).not.toContain('Skyddade personuppgifter');

    const info = await pdfInfo(pdf);
    expect(info.title).toBe('Samordnad individuell plan (SIP) – Elev Blå Räv, version 2');
    expect(text.match(/Sekretess: innehåller uppgifter om enskild/g)).toHaveLength(info.pages);
  });

  it('prints the protected-identity notice near the top, and every element as missing when the SIP has no content', async () => {
    const text = await pdfText(await renderProfessionalPlanPdf(professional({ protectedIdentity: true, sip: null, status: 'draft', areas: [] })));
    const notice = text.indexOf('Skyddade personuppgifter: adress och kontaktuppgifter visas inte.');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(text.indexOf('1. Insatser som behövs'));
    expect(text).toContain('Elev Blå Räv – version 2 (utkast)');
    expect(text.match(/Saknas/g)!.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('Samtycke till SIP: Inte registrerat');
    expect(text).toContain('Planen har inga områden än.');
  });

  it('prints barnets plan without SIP elements, and flows long texts onto more pages with the header on each', async () => {
    const long = 'Eleven har berättat om läget i klassen och vad som fungerar bra på förmiddagarna. '.repeat(300) + 'SLUTORD';
    const pdf = await renderProfessionalPlanPdf(
      professional({ kind: 'barnets_plan', sip: null, areas: [{ ...trygg, guardiansWillDo: long }, maBra], wheel: null }),
    );
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(2);
    const text = await pdfText(pdf);
    expect(text).toContain('Barnets plan');
    expect(text).not.toContain('1. Insatser som behövs');
    expect(text).not.toContain('Samtycke till SIP');
    expect(text).toContain('SLUTORD');
    expect(text.match(/Sekretess: innehåller uppgifter om enskild/g)).toHaveLength(info.pages);
    expect(text).toContain(`Sida ${info.pages} av ${info.pages}`);
  });
});
