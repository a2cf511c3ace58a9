/** Whether a consent holds on a given day (DOMAIN §6). */
import { formatDateSv, isIsoDate } from './dates.ts';
import { answerOf, isSameGiver, requiredGivers } from './givers.ts';
import { capitalize, countGivers } from './text.ts';
import {
  AGE_OF_MAJORITY,
  CONSENT_ISSUE_TEXT,
  DEFAULT_CONSENT_POLICY,
  type Consent,
  type ConsentEvaluation,
  type ConsentGiver,
  type ConsentIssue,
  type ConsentPolicy,
  type ConsentStatus,
  type GuardianInfo,
  type IsoDate,
} from './types.ts';

const BLOCKING_ISSUES: readonly ConsentIssue[] = ['invalid_birth_date', 'invalid_consent_dates', 'no_custodial_guardian'];

/**
 * Evaluates a consent on one day against the child's current guardians. Fails closed: only
 * 'active' lets information through, and anything unclear yields a non-active status.
 *
 * Precedence, strongest first:
 * 1. Invalid dates or birth date → pending (never active on data we cannot read).
 * 2. withdrawn: any giver's withdrawal ends the consent at once, on the day it is recorded
 *    and for every later read (OSL 12:2, GDPR art. 7.3; TSI-boken 001:440: "när som helst").
 *    The ledger holds the current answer, so a withdrawal also counts for earlier dates;
 *    history lives in the chronology.
 * 3. lapsed_at_18: an adult alone decides over their own confidentiality (FB 9:1, OSL 12:2;
 *    TSI-boken 001:603), so a consent resting on guardians' (and the minor child's) answers
 *    lapses on the 18th birthday. Only a line from the young adult can carry it on.
 * 4. refused: a "no" from any required giver means no consent (FB 6:13: joint custody means
 *    deciding together; OSL 12:3 and FB 6:11 for a mature child's own "no").
 * 5. expired: validUntil is inclusive, so the consent holds all of that day and is expired
 *    from the next (a consent is limited in time: issue 3 §5).
 * 6. not_yet_valid: before validFrom.
 * 7. pending: a required giver has not said yes, or no guardian with custody is known.
 * 8. active.
 */
export function evaluateConsent(
  consent: Consent,
  guardians: readonly GuardianInfo[],
  on: IsoDate,
  policy: ConsentPolicy = DEFAULT_CONSENT_POLICY,
): ConsentEvaluation {
  const req = requiredGivers(consent.childBirthDate, guardians, consent.maturity, on, policy);
  const issues = [...req.issues];
  const datesValid = isIsoDate(on) && isIsoDate(consent.validFrom) && isIsoDate(consent.validUntil) && consent.validFrom <= consent.validUntil;
  if (!datesValid) issues.push('invalid_consent_dates');
  const missing = req.givers.filter((g) => answerOf(consent.givers, g) !== 'given');
  const refusers = req.givers.filter((g) => answerOf(consent.givers, g) === 'refused');
  // Barnkonventionen art. 12: a "no" from someone not required (often a younger child) is still heard.
  if (consent.givers.some((e) => e.answer === 'refused' && !req.givers.some((g) => isSameGiver(g, e)))) issues.push('refusal_by_non_required_giver');

  const adult = req.age !== null && req.age >= AGE_OF_MAJORITY;
  let status: ConsentStatus;
  if (issues.includes('invalid_birth_date') || !datesValid) status = 'pending';
  else if (consent.givers.some((e) => e.answer === 'withdrawn')) status = 'withdrawn';
  else if (adult && !consent.givers.some((e) => e.kind === 'young_adult')) status = 'lapsed_at_18';
  else if (refusers.length > 0) status = 'refused';
  else if (on > consent.validUntil) status = 'expired';
  else if (on < consent.validFrom) status = 'not_yet_valid';
  else if (missing.length > 0 || req.givers.length === 0 || issues.some((i) => BLOCKING_ISSUES.includes(i))) status = 'pending';
  else status = 'active';

  const reason = describeStatus(status, consent, missing, refusers, issues);
  return { status, on, validUntil: consent.validUntil, required: req.givers, missing, issues, reasonSv: reason.sv, reasonEn: reason.en };
}

function describeStatus(status: ConsentStatus, consent: Consent, missing: ConsentGiver[], refusers: ConsentGiver[], issues: ConsentIssue[]) {
  const until = formatDateSv(consent.validUntil);
  const notes = issues.filter((i) => i !== 'invalid_consent_dates' && i !== 'invalid_birth_date');
  const withNotes = (sv: string, en: string) => ({
    sv: [sv, ...notes.map((i) => CONSENT_ISSUE_TEXT[i].sv)].join(' '),
    en: [en, ...notes.map((i) => CONSENT_ISSUE_TEXT[i].en)].join(' '),
  });
  switch (status) {
    case 'withdrawn':
      return { sv: 'Samtycket har återkallats och gäller inte längre.', en: 'The consent has been withdrawn and no longer applies.' };
    case 'lapsed_at_18':
      return {
        sv: 'Personen har fyllt 18 år. Samtycket från vårdnadshavarna gäller inte längre – den unga personens eget samtycke behövs.',
        en: "The person has turned 18. The guardians' consent no longer applies – the young person's own consent is needed.",
      };
    case 'refused': {
      const who = countGivers(refusers);
      return {
        sv: `${capitalize(who.sv)} har sagt nej. Uppgifter får inte delas.`,
        en: `${capitalize(who.en)} refused. Information must not be shared.`,
      };
    }
    case 'expired':
      return {
        sv: `Samtycket gällde till och med ${until} och har gått ut. Ett nytt samtycke behövs.`,
        en: `The consent was valid through ${consent.validUntil} and has expired. A new consent is needed.`,
      };
    case 'not_yet_valid':
      return { sv: `Samtycket börjar gälla ${formatDateSv(consent.validFrom)}.`, en: `The consent takes effect on ${consent.validFrom}.` };
    case 'pending': {
      if (issues.includes('invalid_birth_date') || issues.includes('invalid_consent_dates')) {
        const i = issues.includes('invalid_birth_date') ? 'invalid_birth_date' : 'invalid_consent_dates';
        return { sv: CONSENT_ISSUE_TEXT[i].sv, en: CONSENT_ISSUE_TEXT[i].en };
      }
      if (missing.length === 0) return withNotes('Samtycket är inte komplett.', 'The consent is not complete.');
      const who = countGivers(missing);
      return withNotes(`Samtycke saknas från ${who.sv}.`, `Consent is still missing from ${who.en}.`);
    }
    case 'active':
      return withNotes(`Samtycket gäller till och med ${until}.`, `The consent is valid through ${consent.validUntil}.`);
  }
}
