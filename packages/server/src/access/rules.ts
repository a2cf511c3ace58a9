import { sql, type SQL } from 'drizzle-orm';
import type { PersonalDataTable } from '../db/personal.schema.ts';
export { PERSONAL_DATA_TABLES } from '../db/personal.schema.ts';
import { childNamedProfessionals, children, guardians } from '../db/personal.schema.ts';
import { hasRole, type Actor, type Purpose } from './actor.ts';

/**
 * The registry of access rules: one per personal-data table. A rule yields the SQL
 * condition used for lists AND for single rows (a single row is read with the same
 * condition plus its id), so the two can never disagree.
 *
 * Foundation rule (DESIGN §Confidentiality 2–3): a record is visible only inside its
 * owning unit, to samordnare and professionals acting for that unit, for the
 * purposes listed. Consent-based access across units is added by the consent issue.
 */
export interface AccessRule {
  purposes: readonly Purpose[];
  read(actor: Actor): SQL;
}

const DENY = sql`false`;

function readsIndividualData(actor: Actor): boolean {
  // A chef sees aggregates only; admins and log reviewers do not read case data.
  return hasRole(actor, 'samordnare', 'professional');
}

export const ACCESS_RULES: Readonly<Record<PersonalDataTable, AccessRule>> = {
  children: {
    purposes: ['samverkan'],
    read: (actor) => (readsIndividualData(actor) ? sql`${children.owningUnitId} = ${actor.actingUnitId}` : DENY),
  },
  guardians: {
    purposes: ['samverkan'],
    read: (actor) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from children c where c.id = ${guardians.childId} and c.owning_unit_id = ${actor.actingUnitId})`
        : DENY,
  },
  child_named_professionals: {
    purposes: ['samverkan'],
    read: (actor) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from children c where c.id = ${childNamedProfessionals.childId} and c.owning_unit_id = ${actor.actingUnitId})`
        : DENY,
  },
};

/** Who may create, change and name professionals for records: the owning unit's staff. */
export function mayWriteChildren(actor: Actor): boolean {
  return readsIndividualData(actor);
}

/** Deny by default: no rule, or a purpose the rule does not allow, means no access. */
export function ruleCondition(table: string, actor: Actor, purpose: Purpose): SQL {
  const rule = (ACCESS_RULES as Record<string, AccessRule | undefined>)[table];
  if (!rule || !rule.purposes.includes(purpose)) return DENY;
  return rule.read(actor);
}
