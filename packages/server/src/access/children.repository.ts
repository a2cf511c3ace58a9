import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryPrepared, type Tx } from '../db/driver.ts';
import { children } from '../db/personal.schema.ts';
import { units } from '../db/schema.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { ruleCondition } from './rules.ts';

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
  birthDate: string;
  owningUnitId: string;
  owningUnitName: string;
  protectedIdentity: boolean;
  address: string | null;
  schoolUnitName: string | null;
  guardians: { id: string; name: string; custody: string; phone: string | null; email: string | null }[];
  abilities: { canEdit: boolean; canSeeProtectedDetails: boolean };
}

const owningUnit = alias(units, 'owning_unit');

/**
 * Protected identity (skyddade personuppgifter): address, school and guardian
 * contact details are hidden from everyone except explicitly named professionals.
 * Naming professionals arrives with the child-record issue; until then nobody is
 * named, so nobody sees them.
 */
function canSeeProtectedDetails(_actor: Actor, protectedIdentity: boolean): boolean {
  return !protectedIdentity;
}

export function childrenRepository(tx: Tx, actor: Actor, purpose: Purpose) {
  return {
    async list(): Promise<ChildSummaryView[]> {
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
        .where(ruleCondition('children', actor, purpose))
        .orderBy(asc(children.familyName), asc(children.givenName));
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'child',
        purpose,
        outcome: 'allowed',
        protectedIdentity: rows.some((r) => r.protectedIdentity),
        details: { count: rows.length, childIds: rows.map((r) => r.id) },
      });
      return rows.map((r) => ({
        id: r.id,
        displayName: `${r.givenName} ${r.familyName}`,
        birthDate: r.birthDate,
        owningUnitId: r.owningUnitId,
        owningUnitName: r.owningUnitName,
        protectedIdentity: r.protectedIdentity,
      }));
    },

    async get(id: string): Promise<ChildView | null> {
      // One round trip: the rule-filtered row, its guardians and — only if a row was
      // allowed — its audit record, inserted by the same statement.
      const allowed = ruleCondition('children', actor, purpose);
      const [raw] = await queryPrepared<ChildDetailRow>(
        tx,
        sql`
        with c as (${childDetailSelect(id, allowed, ruleCondition('guardians', actor, purpose))}),
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
      const guardianRows = row.guardians;
      const seeDetails = canSeeProtectedDetails(actor, row.protectedIdentity);
      return {
        ...row,
        address: seeDetails ? row.address : null,
        schoolUnitName: seeDetails ? row.schoolUnitName : null,
        guardians: guardianRows.map((g) => ({
          ...g,
          phone: seeDetails ? g.phone : null,
          email: seeDetails ? g.email : null,
        })),
        abilities: { canEdit: false, canSeeProtectedDetails: seeDetails },
      };
    },
  };
}

/** Existence check without the access rule. Used only to label audit rows. */
async function systemChildExists(tx: Tx, id: string, _reason: string): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from children where id = ${id}`);
  return res.rows.length > 0;
}

interface ChildDetailRow {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  owning_unit_id: string;
  owning_unit_name: string;
  protected_identity: boolean;
  address: string | null;
  school_unit_name: string | null;
  guardians: { id: string; name: string; custody: string; phone: string | null; email: string | null }[] | string;
}

/**
 * The single-child read, shared by the choke point and the benchmark baseline:
 * the child, its units' names and its guardians (as JSON) in one statement. The
 * conditions are the access rules' SQL (they refer to the children and guardians
 * tables by name, so those are not aliased here).
 */
export function childDetailSelect(id: string, childCondition: SQL, guardianCondition: SQL): SQL {
  return sql`
    select children.id, children.given_name, children.family_name, children.birth_date::text as birth_date,
           children.owning_unit_id, owning_unit.name as owning_unit_name, children.protected_identity,
           children.address, school_unit.name as school_unit_name,
           (select coalesce(json_agg(json_build_object('id', guardians.id, 'name', guardians.name, 'custody', guardians.custody,
                                                      'phone', guardians.phone, 'email', guardians.email) order by guardians.name), '[]'::json)
              from guardians where guardians.child_id = children.id and ${guardianCondition}) as guardians
    from children
    join units owning_unit on owning_unit.id = children.owning_unit_id
    left join units school_unit on school_unit.id = children.school_unit_id
    where children.id = ${id} and ${childCondition}`;
}

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
    schoolUnitName: r.school_unit_name,
    guardians: typeof r.guardians === 'string' ? (JSON.parse(r.guardians) as Exclude<ChildDetailRow['guardians'], string>) : r.guardians,
  };
}

/** The baseline read with no rule: used only by the benchmark's bare route. */
export async function unsafeSelectChildDetail(tx: Tx, id: string) {
  const [raw] = await queryPrepared<ChildDetailRow>(tx, childDetailSelect(id, sql`true`, sql`true`));
  return raw ? toChildRow(raw) : null;
}
