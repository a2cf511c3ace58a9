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
