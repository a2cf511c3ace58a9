import { describe, expect, it } from 'vitest';
import { coversAccess, type AccessRequest } from './access.ts';
import { describeScopeSv } from './describe.ts';
import { evaluateConsent } from './evaluate.ts';
import { BOTH, childLine, guardianLine, makeConsent, MOTHER, SCOPE, UNIT_NAMES } from './test-fixtures.ts';

const ON = '2026-06-01';
const names = (id: string) => UNIT_NAMES[id];
const request: AccessRequest = { owningUnitId: 'u-soc', viewerUnitId: 'u-bup', category: 'halsa', purposeCategory: 'samordning_tsi_team', on: ON };
const grantFor = (consent = makeConsent({ validUntil: '2027-03-01' }), guardians = BOTH) => ({
  evaluation: evaluateConsent(consent, guardians, ON),
  scope: consent.scope,
});

describe('coversAccess', () => {
  it('allows and explains when an active consent covers both units and the category', () => {
    const names2 = (id: string) => ({ 'u-soc': 'Socialtjänsten', 'u-bup': 'BUP' })[id];
    expect(coversAccess(grantFor(), request, names2)).toEqual({
      allowed: true,
      reasonSv: 'Du ser detta eftersom samtycke från båda vårdnadshavarna omfattar Socialtjänsten → BUP, kategori hälsa, till och med 2027-03-01.',
      reasonEn: 'You see this because consent from both guardians covers Socialtjänsten → BUP, category health, through 2027-03-01.',
    });
  });
  it('names the consent and the people it rests on', () => {
    const sole = grantFor(makeConsent({ givers: [guardianLine(MOTHER, 'given')] }), [MOTHER]);
    expect(coversAccess({ ...sole, consentId: '42' }, request).reasonSv).toMatch(
      /^Du ser detta eftersom samtycke #42 från vårdnadshavaren omfattar u-soc → u-bup/,
    );
    const young = grantFor(makeConsent({ childBirthDate: '2000-01-01', givers: [childLine('given', 'young_adult')] }));
    expect(coversAccess(young, request, names).reasonSv).toContain('från den unga personen själv omfattar socialtjänstens öppenvård → BUP');
  });
  it('denies when the owning unit is not in scope', () => {
    const d = coversAccess(grantFor(), { ...request, owningUnitId: 'u-polis' }, names);
    expect(d).toMatchObject({ allowed: false, reasonSv: 'Du ser inte detta eftersom samtycket inte omfattar u-polis.' });
  });
  it('denies when the viewing unit is not in scope', () => {
    const d = coversAccess(grantFor(), { ...request, viewerUnitId: 'u-bvc' }, names);
    expect(d).toMatchObject({ allowed: false, reasonSv: 'Du ser inte detta eftersom samtycket inte omfattar u-bvc, som du arbetar för.' });
  });
  it('denies a category outside the scope', () => {
    const d = coversAccess(grantFor(), { ...request, category: 'familj_och_hem' });
    expect(d).toMatchObject({ allowed: false, reasonSv: 'Du ser inte detta eftersom samtycket inte omfattar kategorin familj och hem.' });
  });
  it('denies another purpose', () => {
    expect(coversAccess(grantFor(), { ...request, purposeCategory: 'sip' }).allowed).toBe(false);
  });
  it('denies every non-active status with the evaluation reason', () => {
    const cases = [
      makeConsent({ givers: [guardianLine(MOTHER, 'given')] }), // pending
      makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(BOTH[1]!, 'refused')] }),
      makeConsent({ givers: [guardianLine(MOTHER, 'withdrawn'), guardianLine(BOTH[1]!, 'given')] }),
      makeConsent({ validUntil: '2026-05-31' }),
      makeConsent({ validFrom: '2026-06-02' }),
      makeConsent({ childBirthDate: '2008-06-01' }), // 18 today
    ];
    const statuses = cases.map((c) => {
      const grant = grantFor(c);
      const d = coversAccess(grant, request);
      expect(d.allowed).toBe(false);
      expect(d.reasonSv).toContain(grant.evaluation.reasonSv);
      return grant.evaluation.status;
    });
    expect(statuses).toEqual(['pending', 'refused', 'withdrawn', 'expired', 'not_yet_valid', 'lapsed_at_18']);
  });
  it('refuses to reuse an evaluation made for another day', () => {
    expect(coversAccess(grantFor(), { ...request, on: '2026-06-02' }).allowed).toBe(false);
  });
});

describe('describeScopeSv', () => {
  it('summarises units, categories, purpose and period in plain Swedish', () => {
    const text = describeScopeSv(SCOPE, names, { validFrom: '2026-12-01', validUntil: '2027-11-30' });
    expect(text).toBe(
      'Skolan, socialtjänstens öppenvård och BUP får dela uppgifter om skolsituation och hälsa med varandra för samordning av stöd i TSI-team, från 1 december 2026 till 30 november 2027. Andra uppgifter och andra verksamheter omfattas inte. Samtycket kan när som helst återkallas.',
    );
  });
  it('falls back to ids and includes the purpose text', () => {
    const text = describeScopeSv({
      unitIds: ['u-a', 'u-b'],
      categories: ['bedomningar_och_planer'],
      purposeCategory: 'annat',
      purposeText: 'Stöd vid flytt',
    });
    expect(text).toMatch(/^U-a och u-b får dela uppgifter om bedömningar och planer med varandra för följande syfte: ”Stöd vid flytt”\./);
    expect(describeScopeSv({ ...SCOPE, purposeCategory: 'sip', purposeText: 'Plan inför skolstart' }, names)).toContain(
      'Syftet beskrivs så här: ”Plan inför skolstart”.',
    );
  });
  it('says so when nothing is chosen yet', () => {
    expect(describeScopeSv({ ...SCOPE, unitIds: [] })).toBe('Samtycket omfattar ännu inga verksamheter eller uppgifter.');
  });
});
