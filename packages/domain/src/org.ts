/** Organisation vocabulary shared by server and web. */

export const TENANT_KINDS = ['kommun', 'region', 'samverkan'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const PRINCIPAL_KINDS = ['kommun', 'region', 'stat', 'privat', 'ideell'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/**
 * Unit types (verksamhetstyper). Each unit is its own confidentiality domain:
 * OSL 25:1 (hälso- och sjukvård), 26:1 (socialtjänst) and 23:2 (elevhälsa) protect
 * each service's records from the others, even inside one principal.
 */
export const UNIT_TYPES = [
  'forskola',
  'grundskola',
  'gymnasieskola',
  'elevhalsa',
  'socialtjanst',
  'bvc',
  'vardcentral',
  'ungdomsmottagning',
  'bup',
  'habilitering',
  'polis',
  'fritid',
  'civilsamhalle',
  'ovrigt',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Units that can be a child's current placement (förskola or skola). */
export const SCHOOL_UNIT_TYPES = ['forskola', 'grundskola', 'gymnasieskola'] as const satisfies readonly UnitType[];

export const SECTORS = ['skola', 'socialtjanst', 'halso_och_sjukvard', 'polis', 'fritid', 'civilsamhalle', 'ovrigt'] as const;
export type Sector = (typeof SECTORS)[number];

const SECTOR_OF: Record<UnitType, Sector> = {
  forskola: 'skola',
  grundskola: 'skola',
  gymnasieskola: 'skola',
  elevhalsa: 'skola',
  socialtjanst: 'socialtjanst',
  bvc: 'halso_och_sjukvard',
  vardcentral: 'halso_och_sjukvard',
  ungdomsmottagning: 'halso_och_sjukvard',
  bup: 'halso_och_sjukvard',
  habilitering: 'halso_och_sjukvard',
  polis: 'polis',
  fritid: 'fritid',
  civilsamhalle: 'civilsamhalle',
  ovrigt: 'ovrigt',
};

export function sectorOfUnitType(type: UnitType): Sector {
  return SECTOR_OF[type];
}

export const ROLES = ['systemadministrator', 'samordnare', 'professional', 'chef', 'logggranskare'] as const;
export type Role = (typeof ROLES)[number];

export interface Abilities {
  canAdminister: boolean;
  canSeeAuditLog: boolean;
  canSeeIndividualData: boolean;
  canSeeAggregates: boolean;
}

/**
 * Abilities follow the roles held in the acting unit only. A chef sees aggregates,
 * never individual children (DOMAIN §6: need-to-know); administrators manage the
 * organisation but do not read children's records by virtue of being admins.
 */
export function deriveAbilities(rolesInActingUnit: readonly Role[]): Abilities {
  const has = (r: Role) => rolesInActingUnit.includes(r);
  return {
    canAdminister: has('systemadministrator'),
    canSeeAuditLog: has('logggranskare'),
    canSeeIndividualData: has('samordnare') || has('professional'),
    canSeeAggregates: has('chef') || has('samordnare'),
  };
}
