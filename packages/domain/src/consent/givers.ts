/** Who must consent: guardians, the child, or the young adult alone (DOMAIN §6). */
import { ageOn, toCalendarDate } from './dates.ts';
import {
  AGE_OF_MAJORITY,
  DEFAULT_CONSENT_POLICY,
  type ConsentAnswer,
  type ConsentGiver,
  type ConsentGiverEntry,
  type ConsentIssue,
  type ConsentPolicy,
  type GiverRef,
  type GuardianInfo,
  type IsoDate,
  type MaturityAssessment,
} from './types.ts';

/** Why the child's own consent is or is not required. */
export type ChildConsentBasis =
  'adult' | 'assessed_mature' | 'presumed_from_age' | 'assessment_missing' | 'assessed_not_mature' | 'below_assessment_age' | 'invalid_birth_date';

export interface RequiredGivers {
  /** Whole years on the given day; null when the birth date is invalid or after that day. */
  age: number | null;
  givers: ConsentGiver[];
  childBasis: ChildConsentBasis;
  issues: ConsentIssue[];
}

export function giverKey(who: GiverRef): string {
  return who.kind === 'guardian' ? `guardian:${who.guardianId}` : who.kind;
}

export function isSameGiver(a: GiverRef, b: GiverRef): boolean {
  return giverKey(a) === giverKey(b);
}

const RESTRICTIVENESS: Record<ConsentAnswer, number> = { given: 0, not_asked: 1, refused: 2, withdrawn: 3 };

/**
 * The answer recorded for a person; no line means not asked. The ledger keeps one line per
 * person, so duplicates are a data error: then the most restrictive answer counts, because a
 * recorded "no" or withdrawal must never be hidden by an older "yes" (OSL 12:2, GDPR art. 7.3).
 */
export function answerOf(givers: readonly ConsentGiverEntry[], who: GiverRef): ConsentAnswer {
  let answer: ConsentAnswer = 'not_asked';
  let seen = false;
  for (const entry of givers) {
    if (!isSameGiver(entry, who)) continue;
    if (!seen || RESTRICTIVENESS[entry.answer] > RESTRICTIVENESS[answer]) answer = entry.answer;
    seen = true;
  }
  return answer;
}

type AssessmentVerdict = 'mature' | 'not_mature' | 'none' | 'outdated';

/**
 * Reads the maturity assessment for this day. "Mature" stays valid as the child grows: the
 * child's say only increases with age and development (FB 6:11, barnkonventionen art. 12).
 * "Not mature" counts only if made in the current age band (from maturityAssessmentFromAge,
 * from childConsentPresumedFromAge); an older "not mature" would silence a child who has since
 * grown, so it must be redone. An assessment dated after the day is not yet made.
 */
function readAssessment(
  maturity: MaturityAssessment | null | undefined,
  birthDate: IsoDate,
  on: IsoDate,
  age: number,
  policy: ConsentPolicy,
): AssessmentVerdict {
  const assessedOn = toCalendarDate(maturity?.assessedAt);
  if (!maturity || !assessedOn || assessedOn > on) return 'none';
  if (maturity.isMature) return 'mature';
  const band =
    age >= policy.childConsentPresumedFromAge
      ? policy.childConsentPresumedFromAge
      : age >= policy.maturityAssessmentFromAge
        ? policy.maturityAssessmentFromAge
        : 0;
  const ageWhenAssessed = ageOn(birthDate, assessedOn);
  if (ageWhenAssessed === null || ageWhenAssessed < band) return 'outdated';
  return 'not_mature';
}

/**
 * Who must consent on a given day for the confidentiality protecting the child to be waived.
 *
 * - 18 or over: only the young adult. Adults alone control their own confidentiality and
 *   parents cannot consent for them (OSL 12:2, FB 9:1; TSI-boken 001:426, 001:603).
 * - Under 18: every guardian with custody. Guardians decide the child's personal matters
 *   (FB 6:11, OSL 12:3), and with joint custody they decide together (FB 6:13), so one
 *   guardian's yes is not enough. A parent without custody is not asked for consent.
 * - The child as well when mature enough: the child's say grows with age and maturity
 *   (FB 6:11, OSL 12:3, barnkonventionen art. 12; TSI-boken 001:426). Tenant guidance:
 *   from maturityAssessmentFromAge (12) an assessment is required; from
 *   childConsentPresumedFromAge (15) the child's consent is presumed required unless an
 *   assessment says otherwise. While a required assessment is missing we also require the
 *   child's consent: consent from both the child and the guardians is always enough, so
 *   this errs on the safe side until the assessment is made.
 *
 * The rare case of a minor consenting alone (OSL 12:3, JO 2010/11 s. 591) needs a case-by-case
 * legal judgement and is not modelled: under 18 the guardians are always asked. With no
 * guardian with custody on record no consent can be complete (issue 'no_custodial_guardian').
 */
export function requiredGivers(
  childBirthDate: IsoDate,
  guardians: readonly GuardianInfo[],
  maturity: MaturityAssessment | null | undefined,
  on: IsoDate,
  policy: ConsentPolicy = DEFAULT_CONSENT_POLICY,
): RequiredGivers {
  const age = ageOn(childBirthDate, on);
  if (age === null) return { age, givers: [], childBasis: 'invalid_birth_date', issues: ['invalid_birth_date'] };
  if (age >= AGE_OF_MAJORITY) return { age, givers: [{ kind: 'young_adult' }], childBasis: 'adult', issues: [] };

  const issues: ConsentIssue[] = [];
  const givers: ConsentGiver[] = [];
  const seen = new Set<string>();
  for (const g of guardians) {
    if (!g.hasCustody || seen.has(g.guardianId)) continue;
    seen.add(g.guardianId);
    givers.push({ kind: 'guardian', guardianId: g.guardianId, hasCustody: true });
  }
  if (givers.length === 0) issues.push('no_custodial_guardian');

  const verdict = readAssessment(maturity, childBirthDate, on, age, policy);
  const assessmentRequired = age >= policy.maturityAssessmentFromAge;
  if (assessmentRequired && verdict === 'none') issues.push('maturity_assessment_required');
  if (assessmentRequired && verdict === 'outdated') issues.push('maturity_assessment_outdated');

  let childBasis: ChildConsentBasis;
  if (verdict === 'mature') childBasis = 'assessed_mature';
  else if (verdict === 'not_mature') childBasis = 'assessed_not_mature';
  else if (age >= policy.childConsentPresumedFromAge) childBasis = 'presumed_from_age';
  else if (assessmentRequired) childBasis = 'assessment_missing';
  else childBasis = 'below_assessment_age';

  const childRequired = childBasis === 'assessed_mature' || childBasis === 'presumed_from_age' || childBasis === 'assessment_missing';
  if (childRequired) givers.push({ kind: 'child' });
  return { age, givers, childBasis, issues };
}
