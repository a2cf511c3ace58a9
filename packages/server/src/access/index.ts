import type { Db, Tx } from '../db/driver.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import { childrenRepository, unsafeSelectChildDetail } from './children.repository.ts';
import { insertChildRecord, type NewChildRecord } from './children.write.ts';
import type { FieldCrypto } from './crypto.ts';
import { withTenantTx } from './tenant-tx.ts';

export type { Actor, Purpose } from './actor.ts';
export { hasRole, PURPOSES } from './actor.ts';
export type { AuditEntry, AuditOutcome } from './audit.ts';
export { appendAudit } from './audit.ts';
export { withTenantTx } from './tenant-tx.ts';
export { createFieldCrypto, type FieldCrypto } from './crypto.ts';
export type { ChildView, ChildSummaryView } from './children.repository.ts';
export type { WriteResult, ChildInput, ChildChanges, GuardianInput } from './children.write.ts';

/** The scoped repository handed to services: every personal-data read goes through it. */
export interface Scoped {
  children: ReturnType<typeof childrenRepository>;
  /** Organisation tables (not personal data) may be used directly inside the same transaction. */
  tx: Tx;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
}

/**
 * THE choke point. Opens one transaction in the actor's tenant, builds the
 * repository for this actor and purpose, and commits the accesses together with
 * their audit rows. If an audit write fails, everything rolls back.
 */
export interface AccessContext {
  db: Db;
  crypto: FieldCrypto;
}

export async function runScoped<T>(access: AccessContext, actor: Actor, purpose: Purpose, fn: (s: Scoped) => Promise<T>): Promise<T> {
  return withTenantTx(access.db, actor.tenantId, (tx) =>
    fn({
      children: childrenRepository(tx, actor, purpose, access.crypto),
      tx,
      actor,
      audit: (entry) => appendAudit(tx, actor, entry),
    }),
  );
}

export type { NewChildRecord as NewChild } from './children.write.ts';

/**
 * Bypasses the access rule to load demo data. Audited as a system action.
 */
export async function systemInsertChildren(tx: Tx, tenantId: string, crypto: FieldCrypto, rows: NewChildRecord[], reason: string): Promise<void> {
  for (const c of rows) await insertChildRecord(tx, tenantId, crypto, c);
  await appendAudit(
    tx,
    { tenantId },
    { action: 'system_insert', resourceType: 'child', outcome: 'allowed', details: { reason, count: rows.length } },
  );
}

/**
 * The benchmark's baseline (b): the same SQL read as the choke point's single-row
 * read, with no access rule and no audit. Registered only when BENCH_BARE_ROUTE=true.
 */
export async function unsafeBareChildRead(db: Db, tenantId: string, id: string, _reason: string) {
  return withTenantTx(db, tenantId, (tx) => unsafeSelectChildDetail(tx, id));
}

export { listAuditEntries, verifyOwnAuditChain, mayReviewAuditLog, type AuditFilter, type AuditEntryView } from './audit-review.ts';
