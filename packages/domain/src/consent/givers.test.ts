import { describe, expect, it } from 'vitest';
import { answerOf, requiredGivers } from './givers.ts';
import { assessment, BOTH, childLine, FATHER, guardianLine, MOTHER, NON_CUSTODIAL } from './test-fixtures.ts';
import { DEFAULT_CONSENT_POLICY } from './types.ts';

const P = DEFAULT_CONSENT_POLICY;
const MOTHER_REF = { kind: 'guardian', guardianId: 'g-mor' } as const;
const kinds = (r: ReturnType<typeof requiredGivers>) => r.givers.map((g) => (g.kind === 'guardian' ? g.guardianId : g.kind));

describe('requiredGivers: majority', () => {
  it('asks the guardians at 17 years 364 days and only the young adult on the 18th birthday', () => {
    expect(kinds(requiredGivers('2008-05-10', BOTH, null, '2026-05-09', P))).toEqual(['g-mor', 'g-far', 'child']);
    const adult = requiredGivers('2008-05-10', BOTH, null, '2026-05-10', P);
    expect(kinds(adult)).toEqual(['young_adult']);
    expect(adult).toMatchObject({ age: 18, childBasis: 'adult', issues: [] });
  });
  it('gives a 29 February child majority on 1 March in a non-leap year', () => {
    expect(requiredGivers('2008-02-29', BOTH, null, '2026-02-28', P).age).toBe(17);
    expect(kinds(requiredGivers('2008-02-29', BOTH, null, '2026-03-01', P))).toEqual(['young_adult']);
  });
  it('ignores a maturity assessment for an adult: they decide alone anyway', () => {
    expect(kinds(requiredGivers('2000-01-01', BOTH, assessment('2015-01-01', false), '2026-01-01', P))).toEqual(['young_adult']);
  });
});

describe('requiredGivers: guardians', () => {
  it('requires every guardian with custody (joint custody, FB 6:13)', () => {
    expect(kinds(requiredGivers('2016-06-15', BOTH, null, '2026-06-01', P))).toEqual(['g-mor', 'g-far']);
  });
  it('requires only the sole custodian', () => {
    expect(kinds(requiredGivers('2016-06-15', [MOTHER], null, '2026-06-01', P))).toEqual(['g-mor']);
  });
  it('does not require a parent without custody', () => {
    expect(kinds(requiredGivers('2016-06-15', [MOTHER, NON_CUSTODIAL], null, '2026-06-01', P))).toEqual(['g-mor']);
  });
  it('lists a guardian only once', () => {
    expect(kinds(requiredGivers('2016-06-15', [MOTHER, MOTHER, FATHER], null, '2026-06-01', P))).toEqual(['g-mor', 'g-far']);
  });
  it('flags a child with no guardian with custody on record', () => {
    const r = requiredGivers('2016-06-15', [NON_CUSTODIAL], null, '2026-06-01', P);
    expect(r.givers).toEqual([]);
    expect(r.issues).toEqual(['no_custodial_guardian']);
  });
  it('flags an invalid or future birth date', () => {
    expect(requiredGivers('2030-01-01', BOTH, null, '2026-06-01', P)).toMatchObject({ age: null, givers: [], issues: ['invalid_birth_date'] });
    expect(requiredGivers('2016-02-30', BOTH, null, '2026-06-01', P).issues).toEqual(['invalid_birth_date']);
  });
});

describe('requiredGivers: the child', () => {
  const born = '2014-09-01'; // 11 until 2025-09-01, 13 from 2027-09-01, 15 from 2029-09-01
  it('does not require a young child without assessment, and raises no issue', () => {
    expect(requiredGivers(born, BOTH, null, '2025-08-31', P)).toMatchObject({ childBasis: 'below_assessment_age', issues: [] });
  });
  it('requires a young child assessed as mature', () => {
    const r = requiredGivers(born, BOTH, assessment('2025-05-01', true), '2025-08-31', P);
    expect(r.childBasis).toBe('assessed_mature');
    expect(kinds(r)).toContain('child');
  });
  it('from 12 requires an assessment, and meanwhile the child too (safe side)', () => {
    const r = requiredGivers(born, BOTH, null, '2026-09-01', P);
    expect(r).toMatchObject({ age: 12, childBasis: 'assessment_missing', issues: ['maturity_assessment_required'] });
    expect(kinds(r)).toEqual(['g-mor', 'g-far', 'child']);
  });
  it('does not require a 13-year-old assessed as not mature at 13', () => {
    const r = requiredGivers(born, BOTH, assessment('2027-09-10', false), '2027-10-01', P);
    expect(r).toMatchObject({ childBasis: 'assessed_not_mature', issues: [] });
    expect(kinds(r)).toEqual(['g-mor', 'g-far']);
  });
  it('requires a 13-year-old assessed as mature', () => {
    expect(kinds(requiredGivers(born, BOTH, assessment('2027-10-01', true), '2027-10-01', P))).toContain('child');
  });
  it('presumes a 15-year-old must consent and asks for an assessment', () => {
    const r = requiredGivers(born, BOTH, null, '2029-09-01', P);
    expect(r).toMatchObject({ age: 15, childBasis: 'presumed_from_age', issues: ['maturity_assessment_required'] });
    expect(kinds(r)).toContain('child');
  });
  it('does not require a 16-year-old assessed as not mature at 16', () => {
    const r = requiredGivers(born, BOTH, assessment('2030-10-01', false), '2030-11-01', P);
    expect(r).toMatchObject({ age: 16, childBasis: 'assessed_not_mature', issues: [] });
    expect(kinds(r)).toEqual(['g-mor', 'g-far']);
  });
  it('treats a "not mature" from a younger age band as outdated', () => {
    const at11 = requiredGivers(born, BOTH, assessment('2025-01-01', false), '2027-01-01', P);
    expect(at11).toMatchObject({ age: 12, childBasis: 'assessment_missing', issues: ['maturity_assessment_outdated'] });
    const at13 = requiredGivers(born, BOTH, assessment('2027-10-01', false), '2030-01-01', P);
    expect(at13).toMatchObject({ age: 15, childBasis: 'presumed_from_age', issues: ['maturity_assessment_outdated'] });
  });
  it('keeps "mature" valid as the child grows', () => {
    expect(requiredGivers(born, BOTH, assessment('2024-01-01', true), '2031-01-01', P)).toMatchObject({ childBasis: 'assessed_mature', issues: [] });
  });
  it('ignores an assessment dated after the day evaluated', () => {
    expect(requiredGivers(born, BOTH, assessment('2028-01-01', false), '2027-10-01', P).issues).toEqual(['maturity_assessment_required']);
  });
  it('follows the tenant policy ages', () => {
    const policy = { ...P, maturityAssessmentFromAge: 10, childConsentPresumedFromAge: 13 };
    expect(requiredGivers(born, BOTH, null, '2024-09-01', policy).childBasis).toBe('assessment_missing');
    expect(requiredGivers(born, BOTH, null, '2027-09-01', policy).childBasis).toBe('presumed_from_age');
  });
});

describe('answerOf', () => {
  it('reads a missing line as not asked', () => {
    expect(answerOf([guardianLine(MOTHER, 'given')], { kind: 'guardian', guardianId: 'g-far' })).toBe('not_asked');
    expect(answerOf([], { kind: 'child' })).toBe('not_asked');
  });
  it('lets the most restrictive of duplicate lines win', () => {
    expect(answerOf([guardianLine(MOTHER, 'given'), guardianLine(MOTHER, 'refused')], MOTHER_REF)).toBe('refused');
    expect(answerOf([guardianLine(MOTHER, 'withdrawn'), guardianLine(MOTHER, 'given')], MOTHER_REF)).toBe('withdrawn');
    expect(answerOf([childLine('given'), childLine('not_asked')], { kind: 'child' })).toBe('not_asked');
  });
});
