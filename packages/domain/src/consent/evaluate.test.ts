import { describe, expect, it } from 'vitest';
import { evaluateConsent } from './evaluate.ts';
import { assessment, BOTH, childLine, FATHER, guardianLine, makeConsent, MOTHER, NON_CUSTODIAL } from './test-fixtures.ts';

const ON = '2026-06-01';
const missingIds = (e: ReturnType<typeof evaluateConsent>) => e.missing.map((g) => (g.kind === 'guardian' ? g.guardianId : g.kind));

describe('evaluateConsent: guardians', () => {
  it('is active with both guardians consenting, valid through validUntil', () => {
    const e = evaluateConsent(makeConsent(), BOTH, ON);
    expect(e).toMatchObject({ status: 'active', missing: [], issues: [], on: ON, validUntil: '2027-02-28' });
    expect(e.reasonSv).toBe('Samtycket gäller till och med 28 februari 2027.');
  });
  it('is refused when one guardian says no', () => {
    const e = evaluateConsent(makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'refused')] }), BOTH, ON);
    expect(e.status).toBe('refused');
    expect(missingIds(e)).toEqual(['g-far']);
    expect(e.reasonSv).toBe('En vårdnadshavare har sagt nej. Uppgifter får inte delas.');
  });
  it('is pending while one guardian has not been asked, or has no line at all', () => {
    const notAsked = evaluateConsent(makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'not_asked')] }), BOTH, ON);
    expect(notAsked.status).toBe('pending');
    expect(missingIds(notAsked)).toEqual(['g-far']);
    expect(notAsked.reasonSv).toBe('Samtycke saknas från en vårdnadshavare.');
    expect(evaluateConsent(makeConsent({ givers: [guardianLine(MOTHER, 'given')] }), BOTH, ON).status).toBe('pending');
  });
  it('is active with the sole custodian consenting', () => {
    expect(evaluateConsent(makeConsent({ givers: [guardianLine(MOTHER, 'given')] }), [MOTHER], ON).status).toBe('active');
  });
  it('does not need the parent without custody, and notes their "no"', () => {
    const consent = makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(NON_CUSTODIAL, 'refused')] });
    const e = evaluateConsent(consent, [MOTHER, NON_CUSTODIAL], ON);
    expect(e.status).toBe('active');
    expect(e.issues).toEqual(['refusal_by_non_required_giver']);
  });
  it('follows the current custody: a guardian added later must consent too', () => {
    const consent = makeConsent({ givers: [guardianLine(MOTHER, 'given')] });
    expect(evaluateConsent(consent, [MOTHER], ON).status).toBe('active');
    expect(evaluateConsent(consent, BOTH, ON).status).toBe('pending');
  });
  it('is never active without any guardian with custody on record', () => {
    const e = evaluateConsent(makeConsent({ givers: [guardianLine(NON_CUSTODIAL, 'given')] }), [NON_CUSTODIAL], ON);
    expect(e.status).toBe('pending');
    expect(e.issues).toContain('no_custodial_guardian');
  });
});

describe('evaluateConsent: the child', () => {
  const born = '2013-01-10'; // 13 on 2026-06-01, 15 from 2028-01-10
  it('is refused when a 13-year-old assessed as mature says no', () => {
    const consent = makeConsent({
      childBirthDate: born,
      maturity: assessment('2026-05-01', true),
      givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'given'), childLine('refused')],
    });
    const e = evaluateConsent(consent, BOTH, ON);
    expect(e.status).toBe('refused');
    expect(e.reasonSv).toBe('Barnet har sagt nej. Uppgifter får inte delas.');
  });
  it('stays active when a 13-year-old assessed as not mature says no, but notes it', () => {
    const consent = makeConsent({
      childBirthDate: born,
      maturity: assessment('2026-05-01', false),
      givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'given'), childLine('refused')],
    });
    expect(evaluateConsent(consent, BOTH, ON)).toMatchObject({ status: 'active', issues: ['refusal_by_non_required_giver'] });
  });
  it('waits for a 13-year-old without assessment, and says an assessment is needed', () => {
    const e = evaluateConsent(makeConsent({ childBirthDate: born }), BOTH, ON);
    expect(e).toMatchObject({ status: 'pending', issues: ['maturity_assessment_required'] });
    expect(e.reasonSv).toBe('Samtycke saknas från barnet. Barnets mognad behöver bedömas och dokumenteras.');
  });
  it('presumes a 15-year-old must consent', () => {
    const guardiansOnly = makeConsent({ childBirthDate: '2011-01-10' });
    expect(missingIds(evaluateConsent(guardiansOnly, BOTH, ON))).toEqual(['child']);
    const withChild = makeConsent({ childBirthDate: '2011-01-10', givers: [...guardiansOnly.givers, childLine('given')] });
    expect(evaluateConsent(withChild, BOTH, ON)).toMatchObject({ status: 'active', issues: ['maturity_assessment_required'] });
  });
  it('does not need a 16-year-old assessed as not mature at 16', () => {
    const consent = makeConsent({ childBirthDate: '2010-01-10', maturity: assessment('2026-05-20', false) });
    expect(evaluateConsent(consent, BOTH, ON)).toMatchObject({ status: 'active', issues: [] });
  });
});

describe('evaluateConsent: time', () => {
  it('holds through the whole validUntil day and expires the day after', () => {
    const consent = makeConsent({ validUntil: '2026-06-01' });
    expect(evaluateConsent(consent, BOTH, '2026-06-01').status).toBe('active');
    const e = evaluateConsent(consent, BOTH, '2026-06-02');
    expect(e.status).toBe('expired');
    expect(e.reasonSv).toBe('Samtycket gällde till och med 1 juni 2026 och har gått ut. Ett nytt samtycke behövs.');
  });
  it('starts on validFrom, not before', () => {
    expect(evaluateConsent(makeConsent(), BOTH, '2026-02-28').status).toBe('not_yet_valid');
    expect(evaluateConsent(makeConsent(), BOTH, '2026-03-01').status).toBe('active');
  });
  it('fails closed on unreadable dates', () => {
    expect(evaluateConsent(makeConsent({ validUntil: '2026-02-31' }), BOTH, ON)).toMatchObject({
      status: 'pending',
      issues: ['invalid_consent_dates'],
    });
    expect(evaluateConsent(makeConsent({ validUntil: '2026-01-01' }), BOTH, ON).status).toBe('pending');
    expect(evaluateConsent(makeConsent({ childBirthDate: '2027-01-01' }), BOTH, ON).issues).toContain('invalid_birth_date');
  });
});

describe('evaluateConsent: turning 18', () => {
  const consent = makeConsent({
    childBirthDate: '2008-06-02',
    maturity: assessment('2026-01-01', true),
    givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'given'), childLine('given')],
  });
  it('is active at 17 years 364 days and lapses on the 18th birthday', () => {
    expect(evaluateConsent(consent, BOTH, '2026-06-01').status).toBe('active');
    const e = evaluateConsent(consent, BOTH, '2026-06-02');
    expect(e.status).toBe('lapsed_at_18');
    expect(missingIds(e)).toEqual(['young_adult']);
    expect(e.reasonSv).toContain('den unga personens eget samtycke behövs');
  });
  it('lapses on 1 March for a child born on 29 February', () => {
    const leap = makeConsent({ childBirthDate: '2008-02-29', validFrom: '2026-01-01', validUntil: '2026-12-31' });
    expect(evaluateConsent(leap, BOTH, '2026-02-28').status).not.toBe('lapsed_at_18');
    expect(evaluateConsent(leap, BOTH, '2026-03-01').status).toBe('lapsed_at_18');
  });
  it("rests on the young adult's own answer only", () => {
    const own = makeConsent({ childBirthDate: '2000-01-01', givers: [guardianLine(MOTHER, 'refused'), childLine('given', 'young_adult')] });
    expect(evaluateConsent(own, BOTH, ON)).toMatchObject({ status: 'active', issues: ['refusal_by_non_required_giver'] });
    const refused = makeConsent({ childBirthDate: '2000-01-01', givers: [guardianLine(MOTHER, 'given'), childLine('refused', 'young_adult')] });
    expect(evaluateConsent(refused, BOTH, ON).status).toBe('refused');
    const notAsked = makeConsent({ childBirthDate: '2000-01-01', givers: [childLine('not_asked', 'young_adult')] });
    expect(evaluateConsent(notAsked, BOTH, ON).status).toBe('pending');
  });
});
