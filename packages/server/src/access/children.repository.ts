import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/driver.ts';
import { children, guardians } from '../db/personal.schema.ts';
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
const schoolUnit = alias(units, 'school_unit');

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
      const row = await selectChildRow(tx, id, ruleCondition('children', actor, purpose));
      if (!row) {
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
      const guardianRows = await selectGuardianRows(tx, id, ruleCondition('guardians', actor, purpose));
      await appendAudit(tx, actor, {
        action: 'read',
        resourceType: 'child',
        resourceId: id,
        subjectChildId: id,
        purpose,
        outcome: 'allowed',
        protectedIdentity: row.protectedIdentity,
      });
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

/** The single-row read, shared by the choke point and the benchmark baseline. */
export async function selectChildRow(tx: Tx, id: string, condition: SQL) {
  const [row] = await tx
    .select({
      id: children.id,
      givenName: children.givenName,
      familyName: children.familyName,
      birthDate: children.birthDate,
      owningUnitId: children.owningUnitId,
      owningUnitName: owningUnit.name,
      protectedIdentity: children.protectedIdentity,
      address: children.address,
      schoolUnitName: schoolUnit.name,
    })
    .from(children)
    .innerJoin(owningUnit, eq(owningUnit.id, children.owningUnitId))
    .leftJoin(schoolUnit, eq(schoolUnit.id, children.schoolUnitId))
    .where(and(eq(children.id, id), condition));
  return row ?? null;
}

export async function selectGuardianRows(tx: Tx, childId: string, condition: SQL) {
  return tx
    .select({ id: guardians.id, name: guardians.name, custody: guardians.custody, phone: guardians.phone, email: guardians.email })
    .from(guardians)
    .where(and(eq(guardians.childId, childId), condition))
    .orderBy(asc(guardians.name));
}
