import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryPrepared, type Tx } from '../db/driver.ts';
import { children } from '../db/personal.schema.ts';
import { units } from '../db/schema.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { FieldCrypto } from './crypto.ts';
import { mayWriteChildren, ruleCondition, ruleConditionForRow } from './rules.ts';
import { childrenWriter } from './children.write.ts';

export interface ChildSummaryView {
  id: string;
  displayName: string;
  birthDate: string;
  owningUnitId: string;
  owningUnitName: string;
  protectedIdentity: boolean;
}

export interface ChildView {
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
  guardians: { id: string; name: string; custody: string; phone: string | null; email: string | null }[];
  namedProfessionals: { userId: string; displayName: string }[];
  version: number;
  abilities: { canEdit: boolean; canSeeProtectedDetails: boolean; canManageNamedProfessionals: boolean };
}

const owningUnit = alias(units, 'owning_unit');

/**
 * Protected identity (skyddade personuppgifter): address, school and guardian
 * contact details are shown only to explicitly named professionals, everywhere
 * (lists, search, detail, audit views). Naming is done by the owning unit's staff.
 */
function canSeeProtectedDetails(actor: Actor, protectedIdentity: boolean, named: { userId: string }[]): boolean {
  return !protectedIdentity || named.some((n) => n.userId === actor.userId);
}

export function childrenRepository(tx: Tx, actor: Actor, purpose: Purpose, crypto: FieldCrypto, today: string) {
  const summaries = async (extra: SQL | undefined, action: 'list' | 'search'): Promise<ChildSummaryView[]> => {
    const rows = await tx
      .select({
        id: children.id,
        givenName: children.givenName,
        familyName: children.familyName,
        birthDate: children.birthDate,
        owningUnitId: children.owningUnitId,
        owningUnitName: owningUnit.name,
        protectedIdentity: children.protectedIdentity,
      })
      .from(children)
      .innerJoin(owningUnit, eq(owningUnit.id, children.owningUnitId))
      .where(and(ruleCondition('children', actor, purpose, today), extra))
      .orderBy(asc(children.familyName), asc(children.givenName))
      .limit(500);
    // The search term itself is not logged: it may be a personnummer.
    await appendAudit(tx, actor, {
      action,
      resourceType: 'child',
      purpose,
      outcome: 'allowed',
      protectedIdentity: rows.some((r) => r.protectedIdentity),
      details: { count: rows.length, childIds: rows.map((r) => r.id), filtered: extra !== undefined },
    });
    return rows.map((r) => ({
      id: r.id,
      displayName: `${r.givenName} ${r.familyName}`,
      birthDate: r.birthDate,
      owningUnitId: r.owningUnitId,
      owningUnitName: r.owningUnitName,
      protectedIdentity: r.protectedIdentity,
    }));
  };

  return {
    /** Children the actor may see, optionally filtered by name (within what they may see). */
    list(nameQuery?: string): Promise<ChildSummaryView[]> {
      if (!nameQuery) return summaries(undefined, 'list');
      const pattern = `%${nameQuery.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Name search stays within the acting unit's own records (issue 3 §8); only the
      // personnummer search reaches across units, by keyed hash and under the rule.
      return summaries(
        sql`${children.owningUnitId} = ${actor.actingUnitId} and lower(${children.givenName} || ' ' || ${children.familyName}) like ${pattern}`,
        'list',
      );
    },

    /**
     * Search by personnummer across the tenant, by keyed hash. The access rule still
     * applies: a match in a unit the actor may not see is not revealed, not even as
     * "exists elsewhere".
     */
    searchByIdentityNumber(canonical: string): Promise<ChildSummaryView[]> {
      return summaries(sql`${children.identityNumberHash} = ${crypto.keyedHash(canonical)}`, 'search');
    },

    async get(id: string): Promise<ChildView | null> {
      // One round trip: the rule-filtered row, its guardians and named professionals,
      // and — only if a row was allowed — its audit record, inserted by the same statement.
      const allowed = ruleConditionForRow('children', actor, purpose, today);
      const [raw] = await queryPrepared<ChildDetailRow>(
        tx,
        sql`
        with c as (${childDetailSelect(id, allowed, ruleCondition('guardians', actor, purpose, today))}),
        audited as (
          insert into audit_log (tenant_id, actor_user_id, acting_unit_id, action, resource_type, resource_id, subject_child_id, purpose, outcome, protected_identity)
          select ${actor.tenantId}, ${actor.userId}, ${actor.actingUnitId}, 'read', 'child', c.id::text, c.id, ${purpose}, 'allowed', c.protected_identity from c
        )
        select * from c`,
      );
      if (!raw) {
        // Denied and missing look the same to the caller; the audit log says which.
        const exists = await systemChildExists(tx, id, 'audit: tell denied from missing');
        await appendAudit(tx, actor, {
          action: 'read',
          resourceType: 'child',
          resourceId: id,
          subjectChildId: exists ? id : null,
          purpose,
          outcome: exists ? 'denied' : 'not_found',
        });
        return null;
      }
      const row = toChildRow(raw);
      const seeDetails = canSeeProtectedDetails(actor, row.protectedIdentity, row.namedProfessionals);
      const ownUnit = row.owningUnitId === actor.actingUnitId && mayWriteChildren(actor);
      return {
        ...row,
        // Another unit seeing the child under consent gets no personnummer or address (data minimisation).
        identityNumber: raw.identity_number_enc && row.owningUnitId === actor.actingUnitId ? crypto.decrypt(raw.identity_number_enc) : null,
        address: seeDetails && row.owningUnitId === actor.actingUnitId ? row.address : null,
        schoolUnitId: seeDetails ? row.schoolUnitId : null,
        schoolUnitName: seeDetails ? row.schoolUnitName : null,
        guardians: row.guardians.map((g) => ({ ...g, phone: seeDetails ? g.phone : null, email: seeDetails ? g.email : null })),
        abilities: { canEdit: ownUnit, canSeeProtectedDetails: seeDetails, canManageNamedProfessionals: ownUnit },
      };
    },

    ...childrenWriter(tx, actor, purpose, crypto, today),
  };
}

/** Existence check without the access rule. Used only to label audit rows. */
async function systemChildExists(tx: Tx, id: string, _reason: string): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from children where id = ${id}`);
  return res.rows.length > 0;
}

interface GuardianJson {
  id: string;
  name: string;
  custody: string;
  phone: string | null;
  email: string | null;
}

interface ChildDetailRow {
  id: string;
  given_name: string;
  family_name: string;
  identity_number_enc: string | null;
  birth_date: string;
  owning_unit_id: string;
  owning_unit_name: string;
  protected_identity: boolean;
  address: string | null;
  school_unit_id: string | null;
  school_unit_name: string | null;
  version: number;
  guardians: GuardianJson[] | string;
  named_professionals: { userId: string; displayName: string }[] | string;
}

/**
 * The single-child read, shared by the choke point and the benchmark baseline:
 * the child, its units' names, guardians and named professionals (as JSON) in one
 * statement. The conditions are the access rules' SQL (they refer to the children
 * and guardians tables by name, so those are not aliased here). Named professionals
 * are read with the child's own condition: they are part of the same record.
 */
export function childDetailSelect(id: string, childCondition: SQL, guardianCondition: SQL): SQL {
  return sql`
    select children.id, children.given_name, children.family_name, children.identity_number_enc, children.birth_date::text as birth_date,
           children.owning_unit_id, owning_unit.name as owning_unit_name, children.protected_identity,
           children.address, children.school_unit_id, school_unit.name as school_unit_name, children.version,
           (select coalesce(json_agg(json_build_object('id', guardians.id, 'name', guardians.name, 'custody', guardians.custody,
                                                      'phone', guardians.phone, 'email', guardians.email) order by guardians.name), '[]'::json)
              from guardians where guardians.child_id = children.id and ${guardianCondition}) as guardians,
           (select coalesce(json_agg(json_build_object('userId', np.user_id, 'displayName', u.display_name) order by u.display_name), '[]'::json)
              from child_named_professionals np join users u on u.id = np.user_id where np.child_id = children.id) as named_professionals
    from children
    join units owning_unit on owning_unit.id = children.owning_unit_id
    left join units school_unit on school_unit.id = children.school_unit_id
    where children.id = ${id} and ${childCondition}`;
}

const parseJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export function toChildRow(r: ChildDetailRow) {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    owningUnitId: r.owning_unit_id,
    owningUnitName: r.owning_unit_name,
    protectedIdentity: r.protected_identity,
    address: r.address,
    schoolUnitId: r.school_unit_id,
    schoolUnitName: r.school_unit_name,
    version: Number(r.version),
    guardians: parseJson<GuardianJson[]>(r.guardians),
    namedProfessionals: parseJson<{ userId: string; displayName: string }[]>(r.named_professionals),
  };
}

/** The baseline read with no rule: used only by the benchmark's bare route. */
export async function unsafeSelectChildDetail(tx: Tx, id: string) {
  const [raw] = await queryPrepared<ChildDetailRow>(tx, childDetailSelect(id, sql`true`, sql`true`));
  return raw ? toChildRow(raw) : null;
}
