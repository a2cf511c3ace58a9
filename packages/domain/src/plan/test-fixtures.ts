/** Plans used by the plan tests: a complete barnets plan and a complete SIP, dated 2026-03-02. */
import type { PlanContent, PlanVersion, SipDetails } from './plan.ts';

export const PLAN_DATE = '2026-03-02';

export const CHILDS_PLAN: PlanContent = {
  kind: 'barnets_plan',
  childView: { strengths: 'Jag är bra på att rita.', challenges: 'Det är jobbigt på rasterna.' },
  guardiansView: { strengths: 'Hon är omtänksam.', challenges: 'Hon vill inte gå till skolan på måndagar.' },
  areas: [
    {
      areaKey: 'trygg',
      childWords: 'Jag vill ha en vuxen att gå till på rasten.',
      guardiansWillDo: 'Vi pratar om skoldagen varje kväll.',
      actions: [
        {
          what: 'Rastvärd vid fotbollsplanen',
          ownerUnitId: 'u-skola',
          ownerUserId: 'p-rektor',
          start: '2026-03-02',
          end: '2026-06-12',
          decisionId: 'd-1',
        },
        { what: 'Samtal med kurator varje vecka', ownerUnitId: 'u-skola', ownerUserId: 'p-kurator', start: '2026-03-04', end: null },
      ],
      goals: [{ text: 'Hon känner sig trygg på rasterna.', followUpDate: '2026-05-04' }],
    },
    {
      areaKey: 'utvecklas',
      childWords: 'Matten är svår.',
      guardiansWillDo: 'Vi hjälper till med läxorna.',
      actions: [{ what: 'Extra stöd i matematik', ownerUnitId: 'u-skola', ownerUserId: null, start: null, end: null }],
      goals: [{ text: 'Hon klarar kunskapskraven i matematik.', followUpDate: '2026-06-10' }],
    },
  ],
  sip: null,
};

export const COMPLETE_SIP: SipDetails = {
  supportNeeded: 'Stöd i skolan och behandling för oro och sömn.',
  principalContributions: [
    {
      principalId: 'p-kommun',
      principalName: 'Borlänge kommun',
      principalKind: 'kommun',
      provides: 'Skolans elevhälsa och socialtjänstens öppenvård.',
    },
    { principalId: 'p-region', principalName: 'Region Dalarna', principalKind: 'region', provides: 'BUP: samtalsbehandling varannan vecka.' },
  ],
  othersProvide: 'Inga.',
  overallResponsibility: { principalId: 'p-kommun', principalName: 'Borlänge kommun' },
  participants: ['Mamma', 'Kurator (skolan)', 'Psykolog (BUP)'],
  personConsent: { given: true, date: '2026-02-20' },
  childParticipation: { tookPart: true, how: 'Var med första halvtimmen och berättade själv.' },
  relativesParticipated: ['Mormor'],
  followUpDate: '2026-05-15',
};

export const SIP_PLAN: PlanContent = { ...CHILDS_PLAN, kind: 'sip', sip: COMPLETE_SIP };

export function sipWith(overrides: Partial<SipDetails>): PlanContent {
  return { ...SIP_PLAN, sip: { ...COMPLETE_SIP, ...overrides } };
}

export function draft(number: number, content: PlanContent = CHILDS_PLAN): PlanVersion {
  return { number, status: 'draft', adoptedAt: null, content };
}
