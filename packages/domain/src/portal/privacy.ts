/**
 * The child's private words and answers in the family portal (issue 7).
 *
 * A child may keep their own words before a meeting, and single areas of their own wheel
 * answers, from their guardians when the child is "assessed as mature": it is the child
 * themself (not a guardian), the child is under 18 (a young adult alone decides anyway, and
 * the guardians no longer see anything), and either the latest consent's documented maturity
 * assessment says the child is mature, or the child has reached the age from which the child's
 * own say is presumed (the tenant's childConsentPresumedFromAge, 15 by default; FB 6:11,
 * OSL 12:3, barnkonventionen art. 12). The team always sees everything the child writes.
 */
import { DEFAULT_CONSENT_POLICY, type ConsentPolicy } from '../consent/types.ts';

export interface KeepPrivateInput {
  /** 'self' when the signed-in person is the child; 'guardian' otherwise. */
  relation: 'self' | 'guardian';
  /** The child's age in whole years today. */
  age: number;
  /** The latest consent's maturity assessment for the child, if any. */
  maturity?: { isMature: boolean } | null;
  policy?: Pick<ConsentPolicy, 'childConsentPresumedFromAge'>;
}

/** The age of majority: from 18 the young person alone decides and no guardian sees anything. */
const ADULT_AGE = 18;

/** Whether the signed-in person may keep words and answers from the child's guardians. */
export function mayKeepPrivateFromGuardians(input: KeepPrivateInput): boolean {
  if (input.relation !== 'self') return false;
  if (!Number.isInteger(input.age) || input.age < 0 || input.age >= ADULT_AGE) return false;
  const presumedFrom = input.policy?.childConsentPresumedFromAge ?? DEFAULT_CONSENT_POLICY.childConsentPresumedFromAge;
  return input.maturity?.isMature === true || input.age >= presumedFrom;
}
