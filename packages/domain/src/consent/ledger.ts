/**
 * Changes to the ledger: recording an answer and withdrawing. Pure: each returns a new consent
 * or field errors, and the caller stores the result and notifies the units concerned.
 */
import { answerOf, isSameGiver } from './givers.ts';
import type { Consent, ConsentGiver, ConsentMethod, FieldError, GiverDocumentation, GiverRef } from './types.ts';

export type LedgerResult = { ok: true; consent: Consent } | { ok: false; errors: FieldError[] };

function fail(field: string, message: string, messageEn: string): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message, messageEn }] };
}

/**
 * Records one person's answer, replacing their line. Guards that keep the ledger honest:
 * - every answer is documented: how, by whom and when (SOSFS 2014:5 and HSLF-FS 2016:40, 5:5;
 *   an oral answer too, JO 2003/04 s. 289);
 * - a withdrawal is final for this consent; editing the line would hide it, so a renewed
 *   consent is recorded as a new consent (GDPR art. 7.3, OSL 12:2);
 * - turning a "yes" into a "no" is a withdrawal and goes through withdrawConsent, so that the
 *   units that had access are told (issue 3 §5);
 * - an answer, once given, cannot be turned back into "not asked".
 */
export function recordAnswer(consent: Consent, giver: ConsentGiver, documentation: GiverDocumentation): LedgerResult {
  const current = answerOf(consent.givers, giver);
  if (current === 'withdrawn')
    return fail(
      'answer',
      'Samtycket är återkallat. Dokumentera ett nytt samtycke i stället.',
      'The consent was withdrawn. Record a new consent instead.',
    );
  if (documentation.answer === 'withdrawn' || (current === 'given' && documentation.answer === 'refused'))
    return fail('answer', 'Använd återkallelse för att dra tillbaka ett samtycke.', 'Use withdrawal to take back a consent.');
  if (documentation.answer === 'not_asked') {
    if (current !== 'not_asked') return fail('answer', 'Ett lämnat svar kan inte tas bort.', 'A recorded answer cannot be removed.');
    return { ok: true, consent: replaceLine(consent, giver, { answer: 'not_asked', method: null, documentedBy: null, documentedAt: null }) };
  }
  if (!documentation.method || !documentation.documentedBy?.trim() || !documentation.documentedAt)
    return fail(
      'documentation',
      'Ange hur svaret lämnades, vem som dokumenterade det och när.',
      'State how the answer was given, who documented it and when.',
    );
  return { ok: true, consent: replaceLine(consent, giver, documentation) };
}

function replaceLine(consent: Consent, giver: ConsentGiver, documentation: GiverDocumentation): Consent {
  const others = consent.givers.filter((e) => !isSameGiver(e, giver));
  return { ...consent, givers: [...others, { ...giver, ...documentation }] };
}

export interface WithdrawalCheck {
  allowed: boolean;
  errors: FieldError[];
}

/**
 * Only a person who gave the consent can withdraw it, and they can always do so, in any form:
 * withdrawing must be as easy as giving (GDPR art. 7.3; TSI-boken 001:440: "på något sätt").
 * OSL has no form requirement either, so no method is demanded here. Others get a plain reason.
 */
export function canWithdraw(consent: Consent, person: GiverRef): WithdrawalCheck {
  const lines = consent.givers.filter((e) => isSameGiver(e, person));
  const answer = answerOf(consent.givers, person);
  if (lines.length === 0) return deny('Bara den som har lämnat samtycket kan återkalla det.', 'Only a person who gave this consent can withdraw it.');
  if (answer === 'withdrawn') return deny('Du har redan återkallat samtycket.', 'You have already withdrawn this consent.');
  if (answer !== 'given')
    return deny(
      'Du har inte lämnat något samtycke här, så det finns inget att återkalla.',
      'You have not given consent here, so there is nothing to withdraw.',
    );
  return { allowed: true, errors: [] };
}

function deny(message: string, messageEn: string): WithdrawalCheck {
  return { allowed: false, errors: [{ field: 'giver', message, messageEn }] };
}

/**
 * Records a withdrawal by replacing the person's ledger line; takes effect on the very next
 * evaluation (GDPR art. 7.3). Returns a new consent; the input is left untouched.
 */
export function withdrawConsent(
  consent: Consent,
  person: GiverRef,
  documentation: { method: ConsentMethod; documentedBy: string; documentedAt: string },
): LedgerResult {
  const check = canWithdraw(consent, person);
  if (!check.allowed) return { ok: false, errors: check.errors };
  const givers = consent.givers.map((e) => (isSameGiver(e, person) ? { ...e, answer: 'withdrawn' as const, ...documentation } : e));
  return { ok: true, consent: { ...consent, givers } };
}

/**
 * Withdraws a consent for one unit only (issue 7 §3: "återkalla för BUP"): a person who gave the
 * consent may narrow it at any time, as they may withdraw all of it (GDPR art. 7.3). The unit
 * leaves the scope at once; the rest of the consent still holds. Refused with a plain reason:
 * a person who did not give it, a unit not in the consent, the unit that has the case (without it
 * nothing can be shared, so withdraw all instead), and a withdrawal that would leave one unit.
 */
export function withdrawForUnit(consent: Consent, person: GiverRef, unitId: string, caseOwnerUnitId: string): LedgerResult {
  const check = canWithdraw(consent, person);
  if (!check.allowed) return { ok: false, errors: check.errors };
  if (!consent.scope.unitIds.includes(unitId))
    return fail('unitId', 'Den verksamheten finns inte med i samtycket.', 'That unit is not part of this consent.');
  if (unitId === caseOwnerUnitId)
    return fail(
      'unitId',
      'Den verksamheten har ärendet. Vill du inte att den delar något? Återkalla då hela samtycket.',
      'That unit holds the case. To stop all sharing, withdraw the whole consent instead.',
    );
  const unitIds = consent.scope.unitIds.filter((u) => u !== unitId);
  if (unitIds.length < 2)
    return fail(
      'unitId',
      'Då finns bara en verksamhet kvar. Återkalla hela samtycket i stället.',
      'Only one unit would remain. Withdraw the whole consent instead.',
    );
  return { ok: true, consent: { ...consent, scope: { ...consent.scope, unitIds } } };
}
