/**
 * The access rule the choke point applies: unit V may see unit U's information about a child
 * only while an active consent covers U, V, the category and the purpose (DOMAIN §6, issue 3 §6).
 */
import { describeBasis } from './text.ts';
import {
  INFORMATION_CATEGORY_LABELS,
  PURPOSE_CATEGORY_LABELS,
  type ConsentEvaluation,
  type ConsentScope,
  type InformationCategory,
  type IsoDate,
  type PurposeCategory,
} from './types.ts';

/** Display name of a unit; returns undefined when unknown, and the id is shown instead. */
export type UnitNameLookup = (unitId: string) => string | undefined;

export interface ConsentGrant {
  consentId?: string;
  evaluation: ConsentEvaluation;
  scope: ConsentScope;
}

export interface AccessRequest {
  /** The unit that owns the information (U). */
  owningUnitId: string;
  /** The unit the user acts for (V). */
  viewerUnitId: string;
  category: InformationCategory;
  purposeCategory: PurposeCategory;
  on: IsoDate;
}

export interface AccessDecision {
  allowed: boolean;
  reasonSv: string;
  reasonEn: string;
}

function nameOf(unitId: string, unitName?: UnitNameLookup): string {
  return unitName?.(unitId) ?? unitId;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Whether a consent lets V see U's information of one category for one purpose, with the
 * reason shown to the user.
 *
 * Confidentiality holds between services and between separate branches of one authority
 * (OSL 25:1, 26:1, 23:2; TSI-boken 001:414); only the person's waiver lifts it, and only as
 * far as it reaches (OSL 12:2). So: the consent must be active on the very day asked about
 * (an evaluation made for another day is not reused), both the owning and the viewing unit
 * must be named, and the category and purpose must be covered (purpose limitation, GDPR
 * art. 5.1 b; SOSFS 2014:5 5:5). A unit's access to its own records does not rest on
 * consent and is decided elsewhere; this rule only answers what the consent covers.
 */
export function coversAccess(grant: ConsentGrant, request: AccessRequest, unitName?: UnitNameLookup): AccessDecision {
  const { evaluation, scope } = grant;
  const owner = nameOf(request.owningUnitId, unitName);
  const viewer = nameOf(request.viewerUnitId, unitName);
  const category = INFORMATION_CATEGORY_LABELS[request.category];
  const deny = (sv: string, en: string): AccessDecision => ({
    allowed: false,
    reasonSv: `Du ser inte detta eftersom ${sv}`,
    reasonEn: `You cannot see this because ${en}`,
  });

  if (evaluation.on !== request.on) return deny('samtycket inte har prövats för det här datumet.', 'the consent was not evaluated for this date.');
  if (evaluation.status !== 'active')
    return {
      allowed: false,
      reasonSv: `Du ser inte detta eftersom det inte finns något gällande samtycke. ${evaluation.reasonSv}`,
      reasonEn: `You cannot see this because there is no consent in force. ${evaluation.reasonEn}`,
    };
  if (!scope.unitIds.includes(request.owningUnitId)) return deny(`samtycket inte omfattar ${owner}.`, `the consent does not cover ${owner}.`);
  if (!scope.unitIds.includes(request.viewerUnitId))
    return deny(`samtycket inte omfattar ${viewer}, som du arbetar för.`, `the consent does not cover ${viewer}, the unit you act for.`);
  if (!category || !scope.categories.includes(request.category))
    return deny(
      `samtycket inte omfattar kategorin ${lower(category?.sv ?? request.category)}.`,
      `the consent does not cover the category ${lower(category?.en ?? request.category)}.`,
    );
  if (scope.purposeCategory !== request.purposeCategory)
    return deny(
      `samtycket gäller ett annat syfte (${lower(PURPOSE_CATEGORY_LABELS[scope.purposeCategory]?.sv ?? scope.purposeCategory)}).`,
      `the consent is for another purpose (${lower(PURPOSE_CATEGORY_LABELS[scope.purposeCategory]?.en ?? scope.purposeCategory)}).`,
    );

  const basis = describeBasis(evaluation.required);
  const ref = grant.consentId ? ` #${grant.consentId}` : '';
  return {
    allowed: true,
    reasonSv: `Du ser detta eftersom samtycke${ref} från ${basis.sv} omfattar ${owner} → ${viewer}, kategori ${lower(category.sv)}, till och med ${evaluation.validUntil}.`,
    reasonEn: `You see this because consent${ref} from ${basis.en} covers ${owner} → ${viewer}, category ${lower(category.en)}, through ${evaluation.validUntil}.`,
  };
}
