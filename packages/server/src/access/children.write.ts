import { and, eq, inArray, sql } from 'drizzle-orm';
import { SCHOOL_UNIT_TYPES } from '@samsyn/domain';
import type { Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import { childNamedProfessionals, children, guardians } from '../db/personal.schema.ts';
import { memberships, units, users } from '../db/schema.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { FieldCrypto } from './crypto.ts';
import { mayWriteChildren, ruleConditionForRow } from './rules.ts';
import { refreshChildConsents } from './consent-ledger.ts';

export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
}

export type Custody = 'vardnadshavare' | 'sarskilt_forordnad' | 'annan';

export interface GuardianInput {
  /** A stored guardian of this child (update only). */
  id?: string;
  name: string;
  custody: Custody;
  /** Canonical 12 digits, already validated, or null; undefined keeps the stored value. */
  identityNumber?: string | null;
  phone: string | null;
  email: string | null;
  /** undefined keeps the stored value. */
  address?: string | null;
}

export interface ChildInput {
  givenName: string;
  familyName: string;
  /** Canonical 12 digits, already validated by the caller. */
  identityNumber: string;
  birthDate: string;
  protectedIdentity: boolean;
  address: string | null;
  schoolUnitId: string | null;
  guardians: GuardianInput[];
}

export type ChildChanges = Partial<Omit<ChildInput, 'identityNumber' | 'birthDate'>>;

export type WriteResult = { ok: true; id: string } | { ok: false; errors: FieldProblem[] } | 'not_found' | 'conflict';

/**
 * Writes to child records. Only samordnare and professionals acting for the owning
 * unit write; the record is created in the acting unit. Everything is audited
 * with the child as subject, in the caller's transaction.
 */
export function childrenWriter(tx: Tx, actor: Actor, purpose: Purpose, crypto: FieldCrypto, today: string) {
  /** The record exists, the actor may read it, and it belongs to the acting unit. */
  const editable = async (id: string): Promise<boolean> => {
    if (!mayWriteChildren(actor)) return false;
    const [row] = await tx
      .select({ id: children.id })
      .from(children)
      .where(and(eq(children.id, id), eq(children.owningUnitId, actor.actingUnitId), ruleConditionForRow('children', actor, purpose, today)));
    return Boolean(row);
  };

  const schoolProblem = async (schoolUnitId: string | null | undefined): Promise<FieldProblem | null> => {
    if (!schoolUnitId) return null;
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, schoolUnitId), eq(units.active, true), inArray(units.type, [...SCHOOL_UNIT_TYPES])));
    return u
      ? null
      : { field: 'schoolUnitId', message: 'Välj en förskola eller skola i listan', messageEn: 'Choose a preschool or school from the list' };
  };

  const insertGuardians = (childId: string, list: GuardianInput[]) => insertGuardianRows(tx, actor.tenantId, crypto, childId, list);

  /** Staff of the owning unit who can be named for a child with protected identity. */
  const eligibleProfessionals = async (id: string): Promise<{ userId: string; displayName: string }[] | null> => {
    if (!(await editable(id))) return null;
    const rows = await tx
      .selectDistinct({ userId: users.id, displayName: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.unitId, actor.actingUnitId), inArray(memberships.role, ['samordnare', 'professional']), eq(users.active, true)))
      .orderBy(users.displayName);
    return rows;
  };

  /**
   * Guardians with an id are updated in place (an omitted personnummer or address is
   * kept: the form cannot show them back), the rest inserted, the missing ones removed.
   */
  const replaceGuardians = async (childId: string, list: GuardianInput[]): Promise<FieldProblem | null> => {
    const stored = new Set((await tx.select({ id: guardians.id }).from(guardians).where(eq(guardians.childId, childId))).map((g) => g.id));
    const badIndex = list.findIndex((g) => g.id !== undefined && !stored.has(g.id));
    if (badIndex >= 0)
      return { field: `guardians.${badIndex}.id`, message: 'Vårdnadshavaren finns inte längre', messageEn: 'The guardian no longer exists' };
    const keep = new Set(list.flatMap((g) => (g.id ? [g.id] : [])));
    const removed = [...stored].filter((g) => !keep.has(g));
    if (removed.length) await tx.delete(guardians).where(inArray(guardians.id, removed));
    for (const g of list.filter((x) => x.id)) {
      await tx
        .update(guardians)
        .set({
          name: g.name,
          custody: g.custody,
          phone: g.phone,
          email: g.email,
          ...(g.address !== undefined ? { address: g.address } : {}),
          ...(g.identityNumber !== undefined
            ? {
                identityNumberEnc: g.identityNumber ? crypto.encrypt(g.identityNumber) : null,
                identityNumberHash: g.identityNumber ? crypto.keyedHash(g.identityNumber) : null,
              }
            : {}),
        })
        .where(and(eq(guardians.id, g.id!), eq(guardians.childId, childId)));
    }
    await insertGuardians(
      childId,
      list.filter((x) => !x.id),
    );
    return null;
  };

  return {
    async create(input: ChildInput): Promise<WriteResult> {
      if (!mayWriteChildren(actor)) return 'not_found';
      const hash = crypto.keyedHash(input.identityNumber);
      // Duplicates are checked within the acting unit only: whether another unit
      // knows the child is confidential to that unit.
      const [dup] = await tx
        .select({ id: children.id })
        .from(children)
        .where(and(eq(children.identityNumberHash, hash), eq(children.owningUnitId, actor.actingUnitId)));
      const errors: FieldProblem[] = [];
      if (dup)
        errors.push({
          field: 'identityNumber',
          message: 'Barnet finns redan i din verksamhet',
          messageEn: 'The child is already registered in your unit',
        });
      const school = await schoolProblem(input.schoolUnitId);
      if (school) errors.push(school);
      if (errors.length) return { ok: false, errors };
      const id = newId();
      await insertChildRecord(tx, actor.tenantId, crypto, { ...input, id, owningUnitId: actor.actingUnitId });
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'child',
        resourceId: id,
        subjectChildId: id,
        purpose,
        outcome: 'allowed',
        protectedIdentity: input.protectedIdentity,
        details: { guardians: input.guardians.length },
      });
      return { ok: true, id };
    },

    async update(id: string, version: number, changes: ChildChanges): Promise<WriteResult> {
      if (!(await editable(id))) return 'not_found';
      const school = await schoolProblem(changes.schoolUnitId);
      if (school) return { ok: false, errors: [school] };
      const { guardians: newGuardians, ...fields } = changes;
      const updated = await tx
        .update(children)
        .set({ ...fields, version: sql`${children.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(children.id, id), eq(children.version, version)))
        .returning({ protectedIdentity: children.protectedIdentity });
      if (updated.length === 0) return 'conflict';
      if (newGuardians) {
        const problem = await replaceGuardians(id, newGuardians);
        if (problem) return { ok: false, errors: [problem] };
        // Custody decides who must consent: the child's consents are re-evaluated at once.
        await refreshChildConsents(tx, id, today);
      }
      await appendAudit(tx, actor, {
        action: 'update',
        resourceType: 'child',
        resourceId: id,
        subjectChildId: id,
        purpose,
        outcome: 'allowed',
        protectedIdentity: updated[0]!.protectedIdentity,
        // Which fields changed, never their values.
        details: { fields: Object.keys(changes) },
      });
      return { ok: true, id };
    },

    eligibleProfessionals,

    async setNamedProfessionals(id: string, userIds: string[]): Promise<WriteResult> {
      const eligible = await eligibleProfessionals(id);
      if (!eligible) return 'not_found';
      const ok = new Set(eligible.map((e) => e.userId));
      const errors = userIds
        .map((u, i) =>
          ok.has(u)
            ? null
            : { field: `userIds.${i}`, message: 'Personen arbetar inte i barnets verksamhet', messageEn: 'Not staff of the owning unit' },
        )
        .filter((e): e is FieldProblem => e !== null);
      if (errors.length) return { ok: false, errors };
      await tx.delete(childNamedProfessionals).where(eq(childNamedProfessionals.childId, id));
      const unique = [...new Set(userIds)];
      if (unique.length) {
        await tx
          .insert(childNamedProfessionals)
          .values(unique.map((userId) => ({ tenantId: actor.tenantId, childId: id, userId, namedBy: actor.userId })));
      }
      await appendAudit(tx, actor, {
        action: 'set_named_professionals',
        resourceType: 'child',
        resourceId: id,
        subjectChildId: id,
        purpose,
        outcome: 'allowed',
        details: { userIds: unique },
      });
      return { ok: true, id };
    },
  };
}

/** A child record with its guardians, as stored: the identity numbers encrypted and keyed-hashed. */
export type NewChildRecord = ChildInput & { id: string; owningUnitId: string };

/** Inserts a child and its guardians. Shared by the choke point's create and the demo seeder. */
export async function insertChildRecord(tx: Tx, tenantId: string, crypto: FieldCrypto, c: NewChildRecord): Promise<void> {
  await tx.insert(children).values({
    id: c.id,
    tenantId,
    owningUnitId: c.owningUnitId,
    givenName: c.givenName,
    familyName: c.familyName,
    identityNumberEnc: crypto.encrypt(c.identityNumber),
    identityNumberHash: crypto.keyedHash(c.identityNumber),
    birthDate: c.birthDate,
    protectedIdentity: c.protectedIdentity,
    address: c.address,
    schoolUnitId: c.schoolUnitId,
  });
  await insertGuardianRows(tx, tenantId, crypto, c.id, c.guardians);
}

async function insertGuardianRows(tx: Tx, tenantId: string, crypto: FieldCrypto, childId: string, list: GuardianInput[]): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(guardians).values(
    list.map((g) => ({
      id: g.id ?? newId(),
      tenantId,
      childId,
      name: g.name,
      custody: g.custody,
      identityNumberEnc: g.identityNumber ? crypto.encrypt(g.identityNumber) : null,
      identityNumberHash: g.identityNumber ? crypto.keyedHash(g.identityNumber) : null,
      phone: g.phone,
      email: g.email,
      address: g.address ?? null,
    })),
  );
}
