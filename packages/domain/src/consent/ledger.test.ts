import { describe, expect, it } from 'vitest';
import { evaluateConsent } from './evaluate.ts';
import { canWithdraw, recordAnswer, withdrawConsent, withdrawForUnit } from './ledger.ts';
import { BOTH, childLine, FATHER, guardianLine, makeConsent, MOTHER, NON_CUSTODIAL } from './test-fixtures.ts';

const ON = '2026-06-01';
const DOC = { method: 'oral', documentedBy: 'u-soc', documentedAt: `${ON}T09:00:00Z` } as const;
const father = { kind: 'guardian', guardianId: 'g-far', hasCustody: true } as const;

describe('recordAnswer', () => {
  it("records a guardian's answer and completes the consent", () => {
    const pending = makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'not_asked')] });
    const result = recordAnswer(pending, father, { answer: 'given', ...DOC });
    if (!result.ok) throw new Error('expected ok');
    expect(result.consent.givers).toHaveLength(2);
    expect(evaluateConsent(result.consent, BOTH, ON).status).toBe('active');
    expect(evaluateConsent(pending, BOTH, ON).status).toBe('pending');
  });
  it('lets a person who said no change their mind', () => {
    const refused = makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'refused')] });
    expect(recordAnswer(refused, father, { answer: 'given', ...DOC }).ok).toBe(true);
  });
  it('demands documentation: how, by whom and when', () => {
    const result = recordAnswer(makeConsent(), { kind: 'child' }, { answer: 'given', method: 'oral', documentedBy: ' ', documentedAt: ON });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'documentation',
          message: 'Ange hur svaret lämnades, vem som dokumenterade det och när.',
          messageEn: 'State how the answer was given, who documented it and when.',
        },
      ],
    });
    expect(recordAnswer(makeConsent(), { kind: 'child' }, { answer: 'refused', method: null, documentedBy: 'x', documentedAt: ON }).ok).toBe(false);
  });
  it('never revives a withdrawn consent', () => {
    const withdrawn = makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'withdrawn')] });
    const result = recordAnswer(withdrawn, father, { answer: 'given', ...DOC });
    expect(result.ok ? null : result.errors[0]?.message).toBe('Samtycket är återkallat. Dokumentera ett nytt samtycke i stället.');
  });
  it('sends a "yes" turning into "no" through withdrawal, and never un-asks', () => {
    expect(recordAnswer(makeConsent(), father, { answer: 'refused', ...DOC }).ok).toBe(false);
    expect(recordAnswer(makeConsent(), father, { answer: 'withdrawn', ...DOC }).ok).toBe(false);
    expect(recordAnswer(makeConsent(), father, { answer: 'not_asked', method: null, documentedBy: null, documentedAt: null }).ok).toBe(false);
    const added = recordAnswer(makeConsent(), { kind: 'child' }, { answer: 'not_asked', method: null, documentedBy: null, documentedAt: null });
    expect(added.ok && added.consent.givers.length).toBe(3);
  });
});

describe('withdrawal', () => {
  const mother = { kind: 'guardian', guardianId: 'g-mor' } as const;
  it('takes effect on the same day, whatever else holds', () => {
    const result = withdrawConsent(makeConsent(), mother, { method: 'oral', documentedBy: 'u-soc', documentedAt: `${ON}T08:00:00Z` });
    if (!result.ok) throw new Error('expected ok');
    const e = evaluateConsent(result.consent, BOTH, ON);
    expect(e.status).toBe('withdrawn');
    expect(e.reasonSv).toBe('Samtycket har återkallats och gäller inte längre.');
    expect(evaluateConsent(result.consent, BOTH, '2028-01-01').status).toBe('withdrawn');
  });
  it('leaves the original consent untouched', () => {
    const original = makeConsent();
    withdrawConsent(original, mother, { method: 'digital', documentedBy: 'u-soc', documentedAt: ON });
    expect(evaluateConsent(original, BOTH, ON).status).toBe('active');
  });
  it('counts a withdrawal by a giver who no longer has custody', () => {
    const consent = makeConsent({ givers: [guardianLine(MOTHER, 'given'), guardianLine(NON_CUSTODIAL, 'withdrawn')] });
    expect(evaluateConsent(consent, [MOTHER, NON_CUSTODIAL], ON).status).toBe('withdrawn');
  });
  it('lets a giver who said yes withdraw, in any form', () => {
    expect(canWithdraw(makeConsent(), mother)).toEqual({ allowed: true, errors: [] });
    const withChild = makeConsent({ givers: [guardianLine(MOTHER, 'given'), childLine('given')] });
    expect(canWithdraw(withChild, { kind: 'child' }).allowed).toBe(true);
  });
  it('refuses a withdrawal by someone who was not a giver, with a Swedish message', () => {
    const check = canWithdraw(makeConsent(), { kind: 'guardian', guardianId: 'g-okand' });
    expect(check.allowed).toBe(false);
    expect(check.errors).toEqual([
      {
        field: 'giver',
        message: 'Bara den som har lämnat samtycket kan återkalla det.',
        messageEn: 'Only a person who gave this consent can withdraw it.',
      },
    ]);
    expect(canWithdraw(makeConsent(), { kind: 'child' }).allowed).toBe(false);
    expect(withdrawConsent(makeConsent(), { kind: 'young_adult' }, { method: 'oral', documentedBy: 'x', documentedAt: ON }).ok).toBe(false);
  });
  it('refuses to withdraw a refusal, an unanswered request or an earlier withdrawal', () => {
    const consent = makeConsent({ givers: [guardianLine(MOTHER, 'refused'), guardianLine(FATHER, 'not_asked'), childLine('withdrawn')] });
    expect(canWithdraw(consent, mother).errors[0]?.message).toBe('Du har inte lämnat något samtycke här, så det finns inget att återkalla.');
    expect(canWithdraw(consent, { kind: 'guardian', guardianId: 'g-far' }).allowed).toBe(false);
    expect(canWithdraw(consent, { kind: 'child' }).errors[0]?.message).toBe('Du har redan återkallat samtycket.');
  });
});

describe('withdrawForUnit', () => {
  const mother = { kind: 'guardian', guardianId: MOTHER.guardianId } as const;
  it('takes one unit out of the scope and leaves the rest of the consent in force', () => {
    const consent = makeConsent();
    const result = withdrawForUnit(consent, mother, 'u-bup', 'u-skola');
    if (!result.ok) throw new Error('expected ok');
    expect(result.consent.scope.unitIds).toEqual(['u-skola', 'u-soc']);
    expect(result.consent.givers).toEqual(consent.givers);
    expect(evaluateConsent(result.consent, BOTH, ON).status).toBe('active');
    expect(consent.scope.unitIds).toHaveLength(3);
  });
  it('refuses a person who did not give the consent, with a plain reason', () => {
    const result = withdrawForUnit(
      makeConsent({ givers: [guardianLine(MOTHER, 'not_asked'), guardianLine(FATHER, 'given')] }),
      mother,
      'u-bup',
      'u-skola',
    );
    expect(result.ok ? null : result.errors[0]?.field).toBe('giver');
    expect(withdrawForUnit(makeConsent(), { kind: 'child' }, 'u-bup', 'u-skola').ok).toBe(false);
  });
  it('refuses an unknown unit, the unit that has the case, and leaving a single unit', () => {
    const consent = makeConsent();
    const message = (r: ReturnType<typeof withdrawForUnit>) => (r.ok ? null : r.errors[0]?.message);
    expect(message(withdrawForUnit(consent, mother, 'u-polis', 'u-skola'))).toBe('Den verksamheten finns inte med i samtycket.');
    expect(message(withdrawForUnit(consent, mother, 'u-skola', 'u-skola'))).toMatch(/har ärendet/);
    const two = makeConsent({ scope: { ...consent.scope, unitIds: ['u-skola', 'u-bup'] } });
    expect(message(withdrawForUnit(two, mother, 'u-bup', 'u-skola'))).toMatch(/bara en verksamhet kvar/);
  });
});
