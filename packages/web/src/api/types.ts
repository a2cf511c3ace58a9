// Shared vocabulary comes from the domain package, so server and web cannot drift apart.
export { ROLES, UNIT_TYPES, type Abilities, type Role, type UnitType } from '@samsyn/domain/org';
import type { Abilities, Role, UnitType } from '@samsyn/domain/org';

export interface Membership {
  unitId: string;
  unitName: string;
  unitType: UnitType;
  role: Role;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  tenant: { id: string; name: string };
  actingUnit: { id: string; name: string; type: UnitType };
  memberships: Membership[];
  roles: Role[];
  abilities: Abilities;
  csrfToken: string;
}

export interface ListResponse<T> {
  items: T[];
}

export type PrincipalKind = 'kommun' | 'region' | 'stat' | 'privat' | 'ideell';
export interface Principal {
  id: string;
  name: string;
  kind: PrincipalKind;
}

export interface Unit {
  id: string;
  name: string;
  type: UnitType;
  principalId: string;
  principalName: string;
  active: boolean;
  version: number;
}

export interface UserMembership {
  unitId: string;
  unitName: string;
  role: Role;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  memberships: UserMembership[];
  version: number;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  unitId: string;
  unitName: string;
  isSamordnare: boolean;
}

export interface Team {
  id: string;
  name: string;
  ageMin: number | null;
  ageMax: number | null;
  targetDescription: string | null;
  theme: string | null;
  active: boolean;
  members: TeamMember[];
  version: number;
}

/** The organisation's consent policy (GET/PUT /admin/consent-policy). */
export interface ConsentPolicy {
  maxValidityMonths: number;
  defaultValidityMonths: number;
  maturityAssessmentFromAge: number;
  childConsentPresumedFromAge: number;
  maxBackdateDays: number;
}

/** PUT /admin/consent-policy: the saved policy and how many consents were re-evaluated. */
export interface ConsentPolicySaved extends ConsentPolicy {
  changedConsents: number;
}

export interface ChildSummary {
  id: string;
  displayName: string;
  birthDate: string;
  owningUnitId: string;
  owningUnitName: string;
  protectedIdentity: boolean;
}

export const CUSTODY_TYPES = ['vardnadshavare', 'sarskilt_forordnad', 'annan'] as const;
export type CustodyType = (typeof CUSTODY_TYPES)[number];

export interface Guardian {
  id: string;
  name: string;
  custody: CustodyType;
  phone: string | null;
  email: string | null;
}

export interface NamedProfessional {
  userId: string;
  displayName: string;
}

export interface ChildDetail {
  id: string;
  givenName: string;
  familyName: string;
  identityNumber: string | null;
  birthDate: string;
  owningUnitId: string;
  owningUnitName: string;
  protectedIdentity: boolean;
  address: string | null;
  schoolUnitId: string | null;
  schoolUnitName: string | null;
  guardians: Guardian[];
  namedProfessionals: NamedProfessional[];
  version: number;
  abilities: { canEdit: boolean; canSeeProtectedDetails: boolean; canManageNamedProfessionals: boolean };
}

/** A preschool or school a child can be connected to (GET /units/schools). */
export interface SchoolUnit {
  id: string;
  name: string;
  type: UnitType;
}

export interface GuardianInput {
  /** An existing guardian: fields left out (identityNumber, address) keep their stored value. */
  id?: string;
  name: string;
  custody: CustodyType;
  identityNumber?: string | null;
  phone: string | null;
  email: string | null;
  address?: string | null;
}

export interface ChildCreateBody {
  givenName: string;
  familyName: string;
  identityNumber: string;
  protectedIdentity: boolean;
  address: string | null;
  schoolUnitId: string | null;
  guardians: GuardianInput[];
}

export type ChildUpdateBody = { version: number } & Partial<Omit<ChildCreateBody, 'identityNumber'>>;

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'not_found', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntry {
  id: number;
  /** ISO timestamp in UTC. */
  occurredAt: string;
  actorName: string | null;
  actorUsername: string | null;
  actingUnitName: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  subjectChildId: string | null;
  purpose: string | null;
  consentId: string | null;
  outcome: AuditOutcome;
  protectedIdentity: boolean;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `before` to get the next (older) page; null when there are no more rows. */
  nextCursor: number | null;
}

export type AuditBreakReason = 'row_changed' | 'row_missing' | 'link_changed' | 'gap';

export interface AuditVerification {
  links: number;
  unsealed: number;
  intact: boolean;
  firstBreak: { linkNo: number; auditId: number; reason: AuditBreakReason } | null;
  checkedAt: string;
}

/* ---------------------------------------------------------------------------------------------
 * Signals, cases, consent ledger and chronology (docs/api-cases.md).
 * ------------------------------------------------------------------------------------------- */

export const INFORMATION_CATEGORIES = ['skolsituation', 'halsa', 'familj_och_hem', 'fritid', 'insatser', 'bedomningar_och_planer'] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

export const SIGNAL_KINDS = ['skolfranvaro', 'maende', 'beteende', 'hemsituation', 'larande', 'halsa', 'fritid', 'annat'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const URGENCIES = ['lag', 'medel', 'hog', 'akut'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REPORT_OF_CONCERN = ['ja', 'nej', 'vet_ej'] as const;
export type ReportOfConcern = (typeof REPORT_OF_CONCERN)[number];

export const AGE_BANDS = ['0-5', '6-9', '10-12', '13-15', '16-17', '18-20'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const CASE_STATES = ['anonym', 'invantar_samtycke', 'aktiv', 'avslutad'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CLOSING_REASONS = ['behov_tillgodosett', 'flyttat', 'samtycke_aterkallat', 'avbojt_stod', 'fyllt_18', 'annat'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

export const CASE_ROLES = ['trygghetsperson', 'barnkoordinator', 'involverad'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const PURPOSE_CATEGORIES = ['samordning_tsi_team', 'sip', 'overlamning', 'annat'] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];

export const CONSENT_STATUSES = ['active', 'pending', 'refused', 'withdrawn', 'expired', 'lapsed_at_18', 'not_yet_valid'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Answers the user can record; 'withdrawn' is only ever set by a withdrawal. */
export const CONSENT_ANSWERS = ['given', 'refused', 'not_asked'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number] | 'withdrawn';

export const CONSENT_METHODS = ['written', 'oral', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const ACCESS_LEVELS = ['owner', 'consent', 'participant'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export type GiverRef = { kind: 'guardian'; guardianId: string } | { kind: 'child' } | { kind: 'young_adult' };

export interface UnitRef {
  id: string;
  name: string;
}

/** GET /units: active units of the organisation. */
export interface UnitOption {
  id: string;
  name: string;
  type: UnitType;
  principalKind: PrincipalKind;
}

export interface Signal {
  id: string;
  owningUnit: UnitRef;
  recipientUnit: UnitRef;
  raisedByName: string;
  child: { id: string; name: string } | null;
  caseId: string | null;
  category: InformationCategory;
  noticed: string;
  signalKinds: SignalKind[];
  riskFactors: string | null;
  protectiveFactors: string | null;
  actionsTaken: string | null;
  urgency: Urgency;
  reportOfConcern: ReportOfConcern;
  createdAt: string;
}

export interface SignalCreateBody {
  childId?: string;
  recipientUnitId: string;
  category: InformationCategory;
  noticed: string;
  signalKinds: SignalKind[];
  riskFactors?: string;
  protectiveFactors?: string;
  actionsTaken?: string;
  urgency: Urgency;
  reportOfConcern: ReportOfConcern;
}

/** A signal the acting unit may not read: only that it exists, and why it is hidden. */
export interface HiddenSignal {
  id: string;
  hidden: true;
  owningUnit: UnitRef;
  reasonSv: string;
  reasonEn: string;
}

export interface CaseAccessSummary {
  level: AccessLevel;
  reasonSv: string;
  reasonEn: string;
}

export interface CaseSummary {
  id: string;
  pseudonym: string;
  ageBand: AgeBand;
  state: CaseState;
  owningUnit: UnitRef;
  childName: string | null;
  myRoles: CaseRole[];
  access: CaseAccessSummary;
  openNotices: number;
  updatedAt: string;
}

export interface CaseAbilities {
  edit: boolean;
  linkChild: boolean;
  recordConsent: boolean;
  assignRoles: boolean;
  close: boolean;
  reopen: boolean;
  addEvent: boolean;
}

export interface CaseGuardian {
  id: string;
  name: string;
  custody: CustodyType;
  phone: string | null;
  email: string | null;
}

export type CaseChild =
  | null
  | { visible: false; reasonSv: string; reasonEn: string }
  | {
      visible: true;
      id: string;
      givenName: string;
      familyName: string;
      birthDate: string;
      protectedIdentity: boolean;
      address: string | null;
      school: UnitRef | null;
      guardians: CaseGuardian[];
    };

export interface CaseHelper {
  id: string;
  userId: string;
  name: string;
  unit: UnitRef;
  role: CaseRole;
  assignedAt: string;
}

export interface ConsentGiverLine {
  giver: GiverRef;
  label: string;
  answer: ConsentAnswer;
  method: ConsentMethod | null;
  documentedByName: string | null;
  documentedAt: string | null;
  required: boolean;
}

export interface Consent {
  id: string;
  version: number;
  status: ConsentStatus;
  reasonSv: string;
  reasonEn: string;
  purposeCategory: PurposeCategory;
  purposeText: string;
  units: UnitRef[];
  /** Units a giver took out of the consent in the family portal. */
  unitWithdrawals: { unit: UnitRef; on: string; byLabel: string; via: string }[];
  categories: InformationCategory[];
  validFrom: string;
  validUntil: string;
  summarySv: string;
  givers: ConsentGiverLine[];
  issues: { code: string; sv: string; en: string }[];
  maturity: { isMature: boolean; reasoning: string; assessedAt: string; assessedByName: string | null } | null;
  expiresWithin30Days: boolean;
}

export interface ConsentNotice {
  id: string;
  consentId: string;
  unit: UnitRef;
  kind: 'withdrawn';
  createdAt: string;
}

export interface CaseDetail {
  id: string;
  pseudonym: string;
  ageBand: AgeBand;
  state: CaseState;
  description: string;
  owningUnit: UnitRef;
  version: number;
  createdAt: string;
  updatedAt: string;
  closing: { reason: ClosingReason; text: string | null; closedAt: string } | null;
  child: CaseChild;
  access: CaseAccessSummary & { consentId: string | null; abilities: CaseAbilities };
  helpers: CaseHelper[];
  hiddenHelpers: number;
  signals: (Signal | HiddenSignal)[];
  consents: Consent[];
  openNotices: ConsentNotice[];
}

export interface CaseCreateBody {
  pseudonym: string;
  ageBand: AgeBand;
  description: string;
  signalId?: string;
}

export interface CaseUpdateBody {
  version: number;
  pseudonym?: string;
  ageBand?: AgeBand;
  description?: string;
}

export interface AssignablePerson {
  userId: string;
  name: string;
  unitId: string;
  unitName: string;
}

export interface ConsentDefaults {
  validFrom: string;
  validUntil: string;
  maxValidUntil: string;
  requiredGivers: { giver: GiverRef; label: string }[];
  maturityRequired: boolean;
  /** Why a maturity assessment is needed (or not), in Swedish. */
  maturityNoteSv?: string | null;
}

export interface ConsentGiverInput {
  giver: GiverRef;
  answer: 'given' | 'refused' | 'not_asked';
  method?: ConsentMethod;
  documentedAt?: string;
}

export interface ConsentCreateBody {
  purposeCategory: PurposeCategory;
  purposeText: string;
  unitIds: string[];
  categories: InformationCategory[];
  validFrom: string;
  validUntil: string;
  givers: ConsentGiverInput[];
  maturity?: { isMature: boolean; reasoning: string; assessedAt: string };
}

export interface VisibleCaseEvent {
  id: string;
  kind: string;
  category: InformationCategory | null;
  anonymousPhase: boolean;
  occurredOn: string;
  text: string;
  owningUnit: UnitRef;
  authorName: string | null;
  createdAt: string;
  correctsId: string | null;
  correctionReason: string | null;
  correctedBy: string | null;
  hidden?: false;
}

export interface HiddenCaseEvent {
  id: string;
  kind: string;
  hidden: true;
  occurredOn: string;
  owningUnit: UnitRef;
  reasonSv: string;
  reasonEn: string;
}

export type CaseEvent = VisibleCaseEvent | HiddenCaseEvent;

/** An adopted plan whose follow-up date has passed (GET /me/tasks planFollowUps, GET /overview overdueFollowUps). */
export interface OverdueFollowUp {
  planId: string;
  caseId: string;
  pseudonym: string;
  kind: 'barnets_plan' | 'sip';
  number: number;
  dueDate: string;
}

export interface CoordinatorOverview {
  awaitingConsent: CaseSummary[];
  expiringConsents: { caseId: string; pseudonym: string; consentId: string; validUntil: string }[];
  openNotices: { id: string; caseId: string; pseudonym: string; unit: UnitRef; createdAt: string }[];
  overdueFollowUps?: OverdueFollowUp[];
}
