/**
 * The span of days on which a consent is active if nothing in the ledger changes. The choke
 * point stores it so that lists can filter in SQL; single reads re-run evaluateConsent and
 * fail closed. Recomputed on every ledger or child-record change and by a daily job.
 */
import { addDays, addMonths, isIsoDate } from './dates.ts';
import { evaluateConsent } from './evaluate.ts';
import { AGE_OF_MAJORITY, DEFAULT_CONSENT_POLICY, type Consent, type ConsentPolicy, type GuardianInfo, type IsoDate } from './types.ts';

export interface ActiveWindow {
  from: IsoDate;
  until: IsoDate;
}

/**
 * From `today` (or the consent's first day, if later) to the last day it stays active.
 * Evaluation only changes on the consent's own dates and on the birthdays where the rules
 * change: the maturity-assessment age, the age from which the child's consent is presumed
 * (OSL 12:3, FB 6:11) and 18, when guardians' consent lapses (FB 9:1). So checking the start
 * and each of those birthdays inside the period is exact.
 */
export function activeWindow(
  consent: Consent,
  guardians: readonly GuardianInfo[],
  today: IsoDate,
  policy: ConsentPolicy = DEFAULT_CONSENT_POLICY,
): ActiveWindow | null {
  if (!isIsoDate(today) || !isIsoDate(consent.validFrom) || !isIsoDate(consent.validUntil) || !isIsoDate(consent.childBirthDate)) return null;
  const start = today > consent.validFrom ? today : consent.validFrom;
  if (start > consent.validUntil) return null;
  if (evaluateConsent(consent, guardians, start, policy).status !== 'active') return null;
  const ages = [...new Set([policy.maturityAssessmentFromAge, policy.childConsentPresumedFromAge, AGE_OF_MAJORITY])].sort((a, b) => a - b);
  for (const age of ages) {
    const birthday = addMonths(consent.childBirthDate, age * 12);
    if (birthday <= start || birthday > consent.validUntil) continue;
    if (evaluateConsent(consent, guardians, birthday, policy).status !== 'active') return { from: start, until: addDays(birthday, -1) };
  }
  return { from: start, until: consent.validUntil };
}
