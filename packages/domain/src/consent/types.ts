/**
 * Consent ledger vocabulary (DOMAIN §6; TSI-boken 001:414–452; issue 3 §5).
 *
 * Collaboration does not lift confidentiality: a service may show another service what it
 * knows about a child only when the person the confidentiality protects has waived it
 * (OSL 12:2). For a minor the guardians exercise that right, while the child gets more say
 * as they mature (OSL 12:3, FB 6:11); at 18 the person alone decides (FB 9:1). In Samsyn
 * the consent is the access policy, so these types are what the choke point checks.
 *
 * All dates are calendar dates 'YYYY-MM-DD' in Swedish local time; nothing here reads a clock.
 */

/** A calendar date, 'YYYY-MM-DD', in Swedish local time (see toSwedishDate). */
export type IsoDate = string;

/** FB 9:1: whoever has not turned 18 is a minor (underårig). */
export const AGE_OF_MAJORITY = 18;

export const CONSENT_ANSWERS = ['given', 'refused', 'not_asked', 'withdrawn'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** No form is prescribed: oral consent is valid but must be documented too (TSI-boken 001:430, 001:446; JO 2003/04 s. 289). */
export const CONSENT_METHODS = ['written', 'oral', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Identifies a person who may give or withdraw consent. */
export type GiverRef = { kind: 'guardian'; guardianId: string } | { kind: 'child' } | { kind: 'young_adult' };

/**
 * A person whose consent counts. Guardians carry their custody: only a guardian with custody
 * (vårdnadshavare) decides in the child's personal matters (FB 6:11), not every parent.
 */
export type ConsentGiver = { kind: 'guardian'; guardianId: string; hasCustody: boolean } | { kind: 'child' } | { kind: 'young_adult' };

/**
 * Social services and health care must document a consent, also an oral one: who gave it,
 * how and when (SOSFS 2014:5 and HSLF-FS 2016:40, 5:5; TSI-boken 001:446).
 * For 'not_asked' the documentation fields are null.
 */
export interface GiverDocumentation {
  answer: ConsentAnswer;
  method: ConsentMethod | null;
  documentedBy: string | null;
  /** ISO timestamp or date of the documentation. */
  documentedAt: string | null;
}

/** One line of the ledger: one per person. The ledger replaces the line when the answer changes. */
export type ConsentGiverEntry = ConsentGiver & GiverDocumentation;

/** The child's current guardians as the child record knows them today. */
export interface GuardianInfo {
  guardianId: string;
  hasCustody: boolean;
}

export const INFORMATION_CATEGORIES = ['skolsituation', 'halsa', 'familj_och_hem', 'fritid', 'insatser', 'bedomningar_och_planer'] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/** Categories keep a consent no wider than intended (TSI-boken 001:430; JO 1990/91 s. 366). */
export const INFORMATION_CATEGORY_LABELS: Record<InformationCategory, { sv: string; en: string }> = {
  skolsituation: { sv: 'Skolsituation', en: 'School situation' },
  halsa: { sv: 'Hälsa', en: 'Health' },
  familj_och_hem: { sv: 'Familj och hem', en: 'Family and home' },
  fritid: { sv: 'Fritid', en: 'Leisure' },
  insatser: { sv: 'Insatser', en: 'Interventions' },
  bedomningar_och_planer: { sv: 'Bedömningar och planer', en: 'Assessments and plans' },
};

export const PURPOSE_CATEGORIES = ['samordning_tsi_team', 'sip', 'overlamning', 'annat'] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];

/**
 * The purpose must be documented (SOSFS 2014:5 5:5: "i vilket syfte"). SIP is itself built
 * on the person's consent (SoL 2:7, HSL 16:4; TSI-boken 001:404).
 */
export const PURPOSE_CATEGORY_LABELS: Record<PurposeCategory, { sv: string; en: string }> = {
  samordning_tsi_team: { sv: 'Samordning av stöd i TSI-team', en: 'Coordinating support in the TSI team' },
  sip: { sv: 'Samordnad individuell plan (SIP)', en: 'Coordinated individual plan (SIP)' },
  overlamning: { sv: 'Överlämning mellan verksamheter', en: 'Hand-over between services' },
  annat: { sv: 'Annat syfte (beskrivs i text)', en: 'Other purpose (described in text)' },
};

export interface ConsentScope {
  /** Units that may exchange information with each other: an explicit list, never "all". */
  unitIds: string[];
  categories: InformationCategory[];
  purposeCategory: PurposeCategory;
  purposeText: string;
}

/**
 * An individual assessment of the child's maturity must always be made (TSI-boken 001:426,
 * Socialstyrelsen 2015 "Bedöma barns mognad för delaktighet"); we keep who, when and why.
 */
export interface MaturityAssessment {
  assessedBy: string;
  /** ISO date or timestamp; the date part counts. */
  assessedAt: string;
  isMature: boolean;
  reasoning: string;
}

export interface Consent {
  id: string;
  childBirthDate: IsoDate;
  givers: ConsentGiverEntry[];
  scope: ConsentScope;
  validFrom: IsoDate;
  /** Inclusive: the consent holds through the whole of this day. */
  validUntil: IsoDate;
  maturity?: MaturityAssessment | null;
}

/** Tenant policy. Ages are guidance for when the child's own say must be assessed, not law. */
export interface ConsentPolicy {
  maxValidityMonths: number;
  defaultValidityMonths: number;
  maturityAssessmentFromAge: number;
  childConsentPresumedFromAge: number;
  /** How many days back a consent may start: oral consent is often documented a few days later. */
  maxBackdateDays: number;
}

/** A tenant may allow longer consents, but never beyond this. */
export const MAX_VALIDITY_MONTHS_CEILING = 36;

export const DEFAULT_CONSENT_POLICY: Readonly<ConsentPolicy> = Object.freeze({
  maxValidityMonths: 12,
  defaultValidityMonths: 12,
  maturityAssessmentFromAge: 12,
  childConsentPresumedFromAge: 15,
  maxBackdateDays: 30,
});

/** Same shape as the server's field errors: Swedish message first, English for logs and tests. */
export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export const CONSENT_STATUSES = ['active', 'pending', 'refused', 'withdrawn', 'expired', 'lapsed_at_18', 'not_yet_valid'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_ISSUES = [
  'maturity_assessment_required',
  'maturity_assessment_outdated',
  'no_custodial_guardian',
  'invalid_birth_date',
  'invalid_consent_dates',
  'refusal_by_non_required_giver',
] as const;
export type ConsentIssue = (typeof CONSENT_ISSUES)[number];

export const CONSENT_ISSUE_TEXT: Record<ConsentIssue, { sv: string; en: string }> = {
  maturity_assessment_required: {
    sv: 'Barnets mognad behöver bedömas och dokumenteras.',
    en: "The child's maturity must be assessed and documented.",
  },
  maturity_assessment_outdated: {
    sv: 'Mognadsbedömningen gjordes när barnet var yngre och behöver göras om.',
    en: 'The maturity assessment was made when the child was younger and must be redone.',
  },
  no_custodial_guardian: { sv: 'Ingen vårdnadshavare med vårdnad är registrerad.', en: 'No guardian with custody is recorded.' },
  invalid_birth_date: { sv: 'Födelsedatumet är ogiltigt eller ligger i framtiden.', en: 'The birth date is invalid or in the future.' },
  invalid_consent_dates: { sv: 'Samtyckets giltighetstid är ogiltig.', en: 'The consent period is invalid.' },
  refusal_by_non_required_giver: {
    sv: 'Någon som inte behöver samtycka har sagt nej. Ta hänsyn till det och överväg en ny mognadsbedömning.',
    en: 'Someone whose consent is not required has said no. Take it into account and consider a new maturity assessment.',
  },
};

export interface ConsentEvaluation {
  status: ConsentStatus;
  /** The date the evaluation holds for; coversAccess refuses to use it for another date. */
  on: IsoDate;
  validUntil: IsoDate;
  /** Everyone whose consent is needed on this date. */
  required: ConsentGiver[];
  /** Required givers whose answer is not 'given'. */
  missing: ConsentGiver[];
  issues: ConsentIssue[];
  reasonSv: string;
  reasonEn: string;
}
