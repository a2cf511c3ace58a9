/**
 * Minutes as PDF (team's and family's versions): rendered from fictitious data, read back with
 * pdfjs, and checked for what each reader must and must not see.
 */
import { describe, expect, it } from 'vitest';
import {
  familyDecisionSentence,
  familyFeedbackSentence,
  pdfSafe,
  renderFamilyMinutes,
  renderTeamMinutes,
  swedishLongDate,
  type FamilyMinutes,
  type MinutesDecision,
  type TeamMinutes,
  type TeamMinutesItem,
} from '../src/pdf/minutes.ts';
import { pdfInfo, pdfText } from './pdf-text.ts';

const decision: MinutesDecision = {
  what: 'Boka ett samtal med Elev C om rasterna',
  ownerName: 'Kim Kurator',
  ownerUnitName: 'Elevhälsan Björkskolan',
  dueDate: '2026-12-04',
  supportTarget: 'barn',
  followUpDate: '2027-01-15',
  status: 'open',
  nobodysJob: false,
};

const orphan: MinutesDecision = {
  what: 'Ta fram ett schema för läxhjälp',
  ownerName: null,
  ownerUnitName: null,
  dueDate: null,
  supportTarget: 'vardnadshavare',
  followUpDate: null,
  status: 'open',
  nobodysJob: true,
};

const hiddenItem: TeamMinutesItem = {
  position: 1,
  kind: 'case',
  title: 'Elev Hemlig Xylofon',
  description: 'Beskrivning som inte får synas',
  invitedUnitNames: ['Socialtjänsten Norr'],
  hiddenReason: 'Din enhet är inte inbjuden till punkten.',
  childWords: 'Barnord som inte får synas',
  guardianWords: 'Föräldraord som inte får synas',
  familyStatus: 'Tackat ja',
  notes: [{ unitName: 'Socialtjänsten Norr', text: 'Anteckning som inte får synas' }],
  decisions: [{ ...decision, what: 'Beslut som inte får synas' }],
  feedback: { ownerName: 'Sam Socionom', ownerUnitName: 'Socialtjänsten Norr', dueDate: '2026-12-01', done: false },
};

const caseItem: TeamMinutesItem = {
  position: 2,
  kind: 'case',
  title: 'Elev C',
  description: 'Frånvaro från idrotten sedan oktober.',
  invitedUnitNames: ['Elevhälsan Björkskolan', 'Björkskolan åk 4'],
  hiddenReason: null,
  childWords: 'Jag vill ha en lugn plats på rasten.',
  guardianWords: 'Vi vill få veta oftare hur det går.',
  familyStatus: 'Tackat ja',
  notes: [{ unitName: 'Elevhälsan Björkskolan', text: 'Samtal med Elev C genomfört i veckan.' }],
  decisions: [decision, orphan],
  feedback: { ownerName: 'Kim Kurator', ownerUnitName: 'Elevhälsan Björkskolan', dueDate: '2026-12-01', done: false },
};

const topicItem: TeamMinutesItem = {
  position: 3,
  kind: 'topic',
  title: 'Rutiner för skolskjuts',
  description: null,
  invitedUnitNames: [],
  hiddenReason: null,
  childWords: null,
  guardianWords: null,
  familyStatus: null,
  notes: [],
  decisions: [],
  feedback: null,
};

function team(overrides: Partial<TeamMinutes> = {}): TeamMinutes {
  return {
    teamName: 'TSI-team Björkskolan',
    meetingDate: '2026-11-20',
    startTime: '13:00',
    endTime: '14:30',
    location: 'Rum 12, Björkskolan',
    status: 'planned',
    readerName: 'Kim Kurator',
    readerUnitName: 'Elevhälsan Björkskolan',
    generatedAt: '2026-11-21T09:05:00.000Z',
    present: ['Kim Kurator, Elevhälsan Björkskolan', 'Lo Lärare, Björkskolan åk 4'],
    absent: ['Sam Socionom, Socialtjänsten Norr'],
    items: [topicItem, caseItem, hiddenItem],
    ...overrides,
  };
}

function family(overrides: Partial<FamilyMinutes> = {}): FamilyMinutes {
  return {
    childLabel: 'Elev C',
    teamName: 'TSI-team Björkskolan',
    meetingDate: '2026-11-20',
    topics: ['Hur det går på rasterna', 'Idrotten'],
    childWords: 'Jag vill ha en lugn plats på rasten.',
    guardianWords: 'Vi vill få veta oftare hur det går.',
    decisions: [decision, orphan],
    feedback: { ownerName: 'Kim Kurator', ownerUnitName: 'Elevhälsan Björkskolan', dueDate: '2026-12-04' },
    nextMeeting: { date: '2027-01-14', startTime: '13:00' },
    contact: { name: 'Kim Kurator', unitName: 'Elevhälsan Björkskolan' },
    generatedAt: '2026-11-21T09:05:00.000Z',
    ...overrides,
  };
}

describe('plain-Swedish helpers', () => {
  it('writes Swedish long dates, with the weekday when asked', () => {
    expect(swedishLongDate('2026-12-04')).toBe('4 december 2026');
    expect(swedishLongDate('2027-01-14', { weekday: true })).toBe('torsdag 14 januari 2027');
    expect(swedishLongDate('2026-02-30')).toBe('2026-02-30');
    expect(swedishLongDate('i morgon')).toBe('i morgon');
  });

  it('writes a decision as who (name + unit), what, by when and for whom', () => {
    expect(familyDecisionSentence(decision)).toBe(
      'Kim Kurator på Elevhälsan Björkskolan ska boka ett samtal med Elev C om rasterna. Senast 4 december 2026. Det är till för dig. ' +
        'Vi tittar på hur det har gått 15 januari 2027.',
    );
    expect(familyDecisionSentence(orphan)).toBe(
      'Vi ska ta fram ett schema för läxhjälp. Vi har inte bestämt vem som gör det än. Vi har inte bestämt när än. Det är till för er som föräldrar.',
    );
    expect(familyDecisionSentence({ ...decision, what: 'Ringa BUP och fråga om tid.', supportTarget: 'personal', followUpDate: null })).toBe(
      'Kim Kurator på Elevhälsan Björkskolan ska ringa BUP och fråga om tid. Senast 4 december 2026. Det är till för personalen runt dig.',
    );
    expect(familyDecisionSentence({ ...decision, ownerName: null, status: 'done', followUpDate: null })).toBe(
      'Någon på Elevhälsan Björkskolan ska boka ett samtal med Elev C om rasterna. Det är redan klart. Det är till för dig.',
    );
  });

  it('makes text drawable in WinAnsi without losing Swedish letters', () => {
    expect(pdfSafe('åäö ÅÄÖ é – ”citat”')).toBe('åäö ÅÄÖ é – ”citat”');
    expect(pdfSafe('Łukasz Wałęsa')).toBe('Lukasz Walesa');
    expect(pdfSafe('Glad 😀 👍🏽 👨‍👩‍👧 🇸🇪!')).toBe('Glad ? ? ? ?!');
    expect(pdfSafe('a\r\nb\tc\u200bd')).toBe('a\nb cd');
    expect(pdfSafe('skol\u00adgård\u0007')).toBe('skolgård');
    expect(pdfSafe('a\u0308')).toBe('ä'); // decomposed ä
  });
});

describe('family minutes PDF', () => {
  it('has the decisions, the family’s own words, feedback and next meeting in plain Swedish', async () => {
    const pdf = await renderFamilyMinutes(family());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);

    expect(text).toContain('Det här bestämde vi');
    expect(text).toContain('Det här pratade vi om');
    expect(text).toContain('Hur det går på rasterna');
    expect(text).toContain('Det här sa du / ni');
    expect(text).toContain('Jag vill ha en lugn plats på rasten.');
    expect(text).toContain('Vi vill få veta oftare hur det går.');
    // The child's words come before the guardians'.
    expect(text.indexOf('Jag vill ha en lugn plats')).toBeLessThan(text.indexOf('Vi vill få veta oftare'));
    expect(text).toContain('Det här ska vi göra');
    expect(text).toContain(familyDecisionSentence(decision));
    expect(text).toContain('Kim Kurator på Elevhälsan Björkskolan ska boka ett samtal med Elev C om rasterna. Senast 4 december 2026.');
    expect(text).toContain(familyDecisionSentence(orphan));
    expect(text).toContain('Någon berättar för er');
    expect(text).toContain(familyFeedbackSentence(family().feedback));
    expect(text).toContain('Kim Kurator på Elevhälsan Björkskolan hör av sig till er och berättar hur det går. Senast 4 december 2026.');
    expect(text).toContain('Nästa gång vi ses');
    expect(text).toContain('Vi ses torsdag 14 januari 2027 klockan 13:00.');
    expect(text).toContain('Elevhälsan Björkskolan');
    expect(text).toMatch(/Sida 1 av \d/);

    // No confidential marking, no internal wording.
    expect(text).not.toContain('Sekretess');
    expect(text).not.toContain('Ingens uppgift');
    expect(text).not.toContain('avidentifierad');

    const info = await pdfInfo(pdf);
    expect(info.title).toBe('Det här bestämde vi – 20 november 2026');
    expect(info.author).toBe('Samsyn');
    expect(info.language).toBe('sv-SE');
  });

  it('says so when nothing is decided yet and there is no next meeting', async () => {
    const text = await pdfText(
      await renderFamilyMinutes(
        family({
          childLabel: 'ditt barn',
          topics: [],
          childWords: null,
          guardianWords: null,
          decisions: [],
          feedback: null,
          nextMeeting: null,
          contact: null,
        }),
      ),
    );
    expect(text).toContain('Vi pratade om hur ditt barn har det och vad som kan hjälpa.');
    expect(text).toContain('Vi bestämde inget nytt den här gången.');
    expect(text).toContain('Vi har inte bestämt nästa möte än.');
    expect(text).toContain(familyFeedbackSentence(null));
  });
});

describe('team minutes PDF', () => {
  it('prints the meeting, attendance and visible items, de-identifies a hidden item and flags nobody’s job', async () => {
    const pdf = await renderTeamMinutes(team());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);

    expect(text).toContain('Sekretess: innehåller uppgifter om enskild');
    expect(text).toContain('Minnesanteckningar');
    expect(text).toContain('TSI-team Björkskolan');
    expect(text).toContain('fredag 20 november 2026');
    expect(text).toContain('13:00–14:30');
    expect(text).toContain('Rum 12, Björkskolan');
    expect(text).toContain('Närvarande (2)');
    expect(text).toContain('Lo Lärare, Björkskolan åk 4');
    expect(text).toContain('Frånvarande (1)');
    expect(text).toContain('Sam Socionom, Socialtjänsten Norr');

    // Hidden item: its number and the reason, and nothing of what was passed in for it.
    expect(text).toContain('Punkt 1: avidentifierad');
    expect(text).toContain('Din enhet är inte inbjuden till punkten.');
    for (const secret of [
      'Xylofon',
      'Beskrivning som inte får synas',
      'Barnord',
      'Föräldraord',
      'Anteckning som inte får synas',
      'Beslut som inte får synas',
    ]) {
      expect(text).not.toContain(secret);
    }

    // Visible case item: family's voice first, then status, notes, decisions, feedback.
    expect(text).toContain('Punkt 2: Elev C');
    expect(text).toContain('Ärende');
    expect(text).toContain('Inbjudna enheter: Elevhälsan Björkskolan, Björkskolan åk 4');
    const order = [
      'Barnets röst',
      'Jag vill ha en lugn plats på rasten.',
      'Vårdnadshavarnas röst',
      'Familjens deltagande: Tackat ja',
      'Anteckningar',
      'Beslut',
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Samtal med Elev C genomfört i veckan.');
    expect(text).toContain('Boka ett samtal med Elev C om rasterna');
    expect(text).toContain('Ansvarig: Kim Kurator, Elevhälsan Björkskolan');
    expect(text).toContain('Klart senast: 4 december 2026');
    expect(text).toContain('Ingens uppgift – saknar ansvarig eller datum');
    expect(text.match(/Ingens uppgift/g)).toHaveLength(1);
    expect(text).toContain('Återkoppling till familjen');

    expect(text).toContain('Punkt 3: Rutiner för skolskjuts');
    expect(text).toContain('Allmän fråga');
    // Items in position order.
    expect(text.indexOf('Punkt 1:')).toBeLessThan(text.indexOf('Punkt 2:'));
    expect(text.indexOf('Punkt 2:')).toBeLessThan(text.indexOf('Punkt 3:'));

    expect(text).toContain('Utskrivet av Kim Kurator, Elevhälsan Björkskolan, 21 november 2026 kl. 10:05');
    expect(text).toMatch(/Sida 1 av \d/);

    const info = await pdfInfo(pdf);
    expect(info.title).toBe('Minnesanteckningar – TSI-team Björkskolan 20 november 2026');
    expect(info.author).toBe('Samsyn');
  });

  it('marks a cancelled meeting', async () => {
    const text = await pdfText(await renderTeamMinutes(team({ status: 'cancelled', location: null, items: [], present: [], absent: [] })));
    expect(text).toContain('Mötet är inställt.');
    expect(text).toContain('Plats: Inte angiven');
    expect(text).toContain('Inga punkter på dagordningen.');
  });

  it('flows a very long note onto more pages, numbered on every page', async () => {
    const sentence = 'Eleven har berättat om läget i klassen och vad som fungerar bra på förmiddagarna. ';
    const long = sentence.repeat(Math.ceil(20_000 / sentence.length)).slice(0, 20_000) + ' SLUTORD';
    const item: TeamMinutesItem = {
      ...caseItem,
      notes: [
        { unitName: 'Elevhälsan Björkskolan', text: long },
        { unitName: 'Björkskolan åk 4', text: 'x'.repeat(3_000) }, // one long word, broken by characters
      ],
    };
    const pdf = await renderTeamMinutes(team({ items: [item] }));
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    expect(text).toContain('SLUTORD');
    expect(text).toContain(`Sida 1 av ${info.pages}`);
    expect(text).toContain(`Sida ${info.pages} av ${info.pages}`);
    // The confidentiality header is on every page.
    expect(text.match(/Sekretess: innehåller uppgifter om enskild/g)).toHaveLength(info.pages);
  });

  it('does not crash on characters the built-in fonts lack (emoji, Polish ł)', async () => {
    const odd = 'Łukasz mår bra 😀 👨‍👩‍👧 – łódź ✓';
    const teamPdf = await renderTeamMinutes(
      team({ teamName: `Team ${odd}`, present: [`${odd}, Elevhälsan`], items: [{ ...caseItem, title: odd, notes: [{ unitName: odd, text: odd }] }] }),
    );
    const teamText = await pdfText(teamPdf);
    expect(teamText).toContain('Lukasz mår bra ? ? – lódz ?');

    const familyPdf = await renderFamilyMinutes(family({ childLabel: 'Łukasz', childWords: odd, decisions: [{ ...decision, what: odd }] }));
    const familyText = await pdfText(familyPdf);
    expect(familyText).toContain('Mötet handlade om Lukasz.');
    expect(familyText).toContain('Lukasz mår bra ? ? – lódz ?');
    // Metadata keeps the real characters (it is UTF-16 there).
    expect((await pdfInfo(teamPdf)).title).toBe(`Minnesanteckningar – Team ${odd} 20 november 2026`);
  });
});
