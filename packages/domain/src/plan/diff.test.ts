import { describe, expect, it } from 'vitest';
import { DEFAULT_WHEEL_AREAS } from '../wheel/areas.ts';
import { diffPlans, type PlanChange } from './diff.ts';
import type { PlanContent } from './plan.ts';
import { CHILDS_PLAN, COMPLETE_SIP, SIP_PLAN, sipWith } from './test-fixtures.ts';

const AREAS = [...DEFAULT_WHEEL_AREAS];
const sv = (changes: PlanChange[]) => changes.map((c) => c.textSv);

function withSection(plan: PlanContent, index: number, change: Partial<PlanContent['areas'][number]>): PlanContent {
  return { ...plan, areas: plan.areas.map((s, i) => (i === index ? { ...s, ...change } : s)) };
}

describe('diffPlans', () => {
  it('finds no changes between equal plans', () => {
    expect(diffPlans(CHILDS_PLAN, structuredClone(CHILDS_PLAN), { areas: AREAS })).toEqual([]);
    expect(diffPlans(SIP_PLAN, structuredClone(SIP_PLAN), { areas: AREAS })).toEqual([]);
  });
  it('describes an added, a removed and a changed action under the area label', () => {
    const [rast, kurator] = CHILDS_PLAN.areas[0]!.actions;
    const after = withSection(CHILDS_PLAN, 0, {
      actions: [
        { ...kurator!, end: '2026-06-12', ownerUnitId: 'u-elevhalsa' },
        { what: 'Trygghetsvandring med klassen', ownerUnitId: 'u-skola', ownerUserId: null, start: null, end: null },
      ],
    });
    const changes = diffPlans(CHILDS_PLAN, after, { areas: AREAS, unitName: (id) => ({ 'u-skola': 'Skolan', 'u-elevhalsa': 'Elevhälsan' })[id] });
    expect(changes).toEqual([
      {
        areaKey: 'trygg',
        field: 'areas.trygg.actions',
        change: 'added',
        textSv: 'Trygg – insatser: ny insats ”Trygghetsvandring med klassen”.',
        textEn: 'Safe – actions: new action "Trygghetsvandring med klassen".',
      },
      {
        areaKey: 'trygg',
        field: 'areas.trygg.actions',
        change: 'removed',
        textSv: `Trygg – insatser: insatsen ”${rast!.what}” har tagits bort.`,
        textEn: `Safe – actions: action "${rast!.what}" removed.`,
      },
      {
        areaKey: 'trygg',
        field: 'areas.trygg.actions',
        change: 'changed',
        textSv:
          'Trygg – insatser: insatsen ”Samtal med kurator varje vecka” har ändrats: ansvarig verksamhet Skolan → Elevhälsan; slut ingen → 2026-06-12.',
        textEn: 'Safe – actions: action "Samtal med kurator varje vecka" changed: responsible unit Skolan → Elevhälsan; end none → 2026-06-12.',
      },
    ]);
  });
  it('follows an action or goal by id when its wording changes', () => {
    const before = withSection(CHILDS_PLAN, 1, {
      actions: [{ id: 'a1', what: 'Extra stöd i matematik', ownerUnitId: 'u-skola', ownerUserId: null, start: null, end: null }],
      goals: [{ id: 'g1', text: 'Klarar matten.', followUpDate: '2026-06-10' }],
    });
    const after = withSection(CHILDS_PLAN, 1, {
      actions: [{ id: 'a1', what: 'Specialpedagog två timmar i veckan', ownerUnitId: 'u-skola', ownerUserId: null, start: null, end: null }],
      goals: [{ id: 'g1', text: 'Klarar kunskapskraven i matematik.', followUpDate: '2026-06-01' }],
    });
    expect(sv(diffPlans(before, after, { areas: AREAS }))).toEqual([
      'Utvecklas – insatser: insatsen ”Specialpedagog två timmar i veckan” har ändrats: tidigare ”Extra stöd i matematik”.',
      'Utvecklas – mål: målet ”Klarar kunskapskraven i matematik.” har ändrats: tidigare ”Klarar matten.”; uppföljning 2026-06-10 → 2026-06-01.',
    ]);
  });
  it('without ids, a reworded goal is one removed and one added; a moved follow-up date is a change', () => {
    const reworded = withSection(CHILDS_PLAN, 0, { goals: [{ text: 'Hon har någon att vara med på rasterna.', followUpDate: '2026-05-04' }] });
    expect(diffPlans(CHILDS_PLAN, reworded, { areas: AREAS }).map((c) => [c.change, c.textSv])).toEqual([
      ['added', 'Trygg – mål: nytt mål ”Hon har någon att vara med på rasterna.”, följs upp 2026-05-04.'],
      ['removed', 'Trygg – mål: målet ”Hon känner sig trygg på rasterna.” har tagits bort.'],
    ]);
    const moved = withSection(CHILDS_PLAN, 0, { goals: [{ text: 'Hon känner sig trygg på rasterna.', followUpDate: '2026-05-18' }] });
    expect(sv(diffPlans(CHILDS_PLAN, moved, { areas: AREAS }))).toEqual([
      'Trygg – mål: målet ”Hon känner sig trygg på rasterna.” har ändrats: uppföljning 2026-05-04 → 2026-05-18.',
    ]);
  });
  it("describes changed words: the child's, the guardians' and the views", () => {
    const after: PlanContent = {
      ...withSection(CHILDS_PLAN, 0, { childWords: 'Jag vill veta vem jag kan gå till.', guardiansWillDo: '' }),
      childView: { ...CHILDS_PLAN.childView, challenges: '' },
      guardiansView: { ...CHILDS_PLAN.guardiansView, strengths: 'Hon är omtänksam och modig.' },
    };
    expect(diffPlans(CHILDS_PLAN, after, { areas: AREAS }).map((c) => [c.field, c.change, c.textSv])).toEqual([
      ['childView.challenges', 'removed', 'Barnets syn – utmaningar: borttaget (var ”Det är jobbigt på rasterna.”).'],
      ['guardiansView.strengths', 'changed', 'Vårdnadshavarnas syn – styrkor: ändrat från ”Hon är omtänksam.” till ”Hon är omtänksam och modig.”.'],
      [
        'areas.trygg.childWords',
        'changed',
        'Trygg – barnets ord: ändrat från ”Jag vill ha en vuxen att gå till på rasten.” till ”Jag vill veta vem jag kan gå till.”.',
      ],
      ['areas.trygg.guardiansWillDo', 'removed', 'Trygg – det vårdnadshavarna gör: borttaget (var ”Vi pratar om skoldagen varje kväll.”).'],
    ]);
  });
  it('lists an added area with its contents, in wheel order', () => {
    const after: PlanContent = {
      ...CHILDS_PLAN,
      areas: [
        ...CHILDS_PLAN.areas,
        {
          areaKey: 'ma_bra',
          childWords: 'Jag sover dåligt.',
          guardiansWillDo: '',
          actions: [{ what: 'Sömnskola hos skolsköterskan', ownerUnitId: 'u-skola', ownerUserId: null, start: null, end: null }],
          goals: [],
        },
      ],
    };
    expect(sv(diffPlans(CHILDS_PLAN, after, { areas: AREAS }))).toEqual([
      'Må bra: området har lagts till i planen.',
      'Må bra – barnets ord: tillagt ”Jag sover dåligt.”.',
      'Må bra – insatser: ny insats ”Sömnskola hos skolsköterskan”.',
    ]);
    const removed = diffPlans(after, CHILDS_PLAN, { areas: AREAS });
    expect(removed.map((c) => c.change)).toEqual(['removed', 'removed', 'removed']);
    expect(removed[0]?.textSv).toBe('Må bra: området har tagits bort ur planen.');
  });
  it('shows the area key when no areas are given, and shortens long quotes', () => {
    const long = 'a'.repeat(120);
    const [change] = diffPlans(CHILDS_PLAN, withSection(CHILDS_PLAN, 0, { childWords: long }));
    expect(change?.textSv).toBe(`trygg – barnets ord: ändrat från ”Jag vill ha en vuxen att gå till på rasten.” till ”${'a'.repeat(79)}…”.`);
  });
  it('describes changed SIP elements', () => {
    const after = sipWith({
      supportNeeded: 'Stöd i skolan, behandling för oro och sömn, och stöd till föräldrarna.',
      principalContributions: [
        COMPLETE_SIP.principalContributions[0]!,
        { ...COMPLETE_SIP.principalContributions[1]!, provides: 'BUP: samtal varje vecka.' },
      ],
      othersProvide: 'Fotbollsklubben erbjuder en plats i laget.',
      overallResponsibility: { principalId: 'p-region', principalName: 'Region Dalarna' },
      participants: ['Mamma', 'Psykolog (BUP)', 'Pappa'],
      personConsent: { given: true, date: '2026-04-01' },
      followUpDate: '2026-06-01',
    });
    expect(diffPlans(SIP_PLAN, after, { areas: AREAS }).map((c) => [c.field, c.textSv])).toEqual([
      [
        'sip.supportNeeded',
        'SIP – insatser som behövs: ändrat från ”Stöd i skolan och behandling för oro och sömn.” till ”Stöd i skolan, behandling för oro och sömn, och stöd till föräldrarna.”.',
      ],
      [
        'sip.principalContributions',
        'SIP – det Region Dalarna ska svara för: ändrat från ”BUP: samtalsbehandling varannan vecka.” till ”BUP: samtal varje vecka.”.',
      ],
      ['sip.othersProvide', 'SIP – andra än kommun och region: ändrat från ”Inga.” till ”Fotbollsklubben erbjuder en plats i laget.”.'],
      ['sip.overallResponsibility', 'SIP – övergripande ansvar: Borlänge kommun → Region Dalarna.'],
      ['sip.participants', 'SIP – deltagare: Pappa har lagts till.'],
      ['sip.participants', 'SIP – deltagare: Kurator (skolan) har tagits bort.'],
      ['sip.personConsent', 'SIP – samtycke: lämnat 2026-02-20 → lämnat 2026-04-01.'],
      ['sip.followUpDate', 'SIP – uppföljning: 2026-05-15 → 2026-06-01.'],
    ]);
  });
  it('describes a principal added or removed, and the child taking part', () => {
    const region = COMPLETE_SIP.principalContributions[1]!;
    const before = sipWith({ principalContributions: [COMPLETE_SIP.principalContributions[0]!], childParticipation: { tookPart: false, how: '' } });
    expect(sv(diffPlans(before, SIP_PLAN))).toEqual([
      `SIP – huvudmän: Region Dalarna ska svara för ”${region.provides}”.`,
      'SIP – barnets delaktighet: deltog inte → deltog (Var med första halvtimmen och berättade själv.).',
    ]);
    expect(sv(diffPlans(SIP_PLAN, before))[0]).toBe('SIP – huvudmän: Region Dalarna är inte längre med i planen.');
  });
  it('turning barnets plan into a SIP lists the kind and every SIP element as added', () => {
    const changes = diffPlans(CHILDS_PLAN, SIP_PLAN, { areas: AREAS });
    expect(changes[0]).toEqual({
      areaKey: null,
      field: 'kind',
      change: 'changed',
      textSv: 'Planen: Barnets plan → Samordnad individuell plan (SIP).',
      textEn: "The plan: The child's plan → Coordinated individual plan (SIP).",
    });
    expect(changes.filter((c) => c.field.startsWith('sip.')).map((c) => c.field)).toEqual([
      'sip.supportNeeded',
      'sip.principalContributions',
      'sip.principalContributions',
      'sip.othersProvide',
      'sip.overallResponsibility',
      'sip.participants',
      'sip.participants',
      'sip.participants',
      'sip.personConsent',
      'sip.childParticipation',
      'sip.relativesParticipated',
      'sip.followUpDate',
    ]);
  });
});
