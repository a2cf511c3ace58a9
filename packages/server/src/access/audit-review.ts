import { sql, type SQL } from 'drizzle-orm';
import { queryPrepared, type Tx } from '../db/driver.ts';
import { hasRole, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { sealTenant, verifyTenant, type TenantVerification } from './audit-chain.ts';
import type { Db } from '../db/driver.ts';
import { withTenantTx } from './tenant-tx.ts';

/**
 * Reviewing the audit log. The log says who read whose data, so it is itself
 * sensitive: only a logggranskare acting for a unit where they hold that role may
 * read it (and only their own tenant's, by RLS), every review is audited, and the
 * view shows ids, never a child's name or address (protected identity holds here too).
 */
export interface AuditFilter {
  from?: string; // YYYY-MM-DD, Europe/Stockholm
  to?: string; // YYYY-MM-DD inclusive, Europe/Stockholm
  username?: string;
  childId?: string;
  outcome?: 'allowed' | 'denied' | 'not_found' | 'failed';
  before?: number;
  limit: number;
}

export interface AuditEntryView {
  id: number;
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
  outcome: 'allowed' | 'denied' | 'not_found' | 'failed';
  protectedIdentity: boolean;
}

export function mayReviewAuditLog(actor: Actor): boolean {
  return hasRole(actor, 'logggranskare');
}

interface Row {
  id: string | number;
  occurred_at: string;
  actor_name: string | null;
  actor_username: string | null;
  acting_unit_name: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  subject_child_id: string | null;
  purpose: string | null;
  consent_id: string | null;
  outcome: AuditEntryView['outcome'];
  protected_identity: boolean;
}

/** Returns null when the actor may not review the log (the caller answers 404). */
export async function listAuditEntries(tx: Tx, actor: Actor, f: AuditFilter): Promise<{ items: AuditEntryView[]; nextCursor: number | null } | null> {
  if (!mayReviewAuditLog(actor)) return null;
  const conditions: SQL[] = [sql`true`];
  if (f.from) conditions.push(sql`a.occurred_at >= (${f.from}::date)::timestamp at time zone 'Europe/Stockholm'`);
  if (f.to) conditions.push(sql`a.occurred_at < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`);
  if (f.username) conditions.push(sql`lower(u.username) = lower(${f.username})`);
  if (f.childId) conditions.push(sql`a.subject_child_id = ${f.childId}`);
  if (f.outcome) conditions.push(sql`a.outcome = ${f.outcome}`);
  if (f.before) conditions.push(sql`a.id < ${f.before}`);
  const rows = await queryPrepared<Row>(
    tx,
    sql`select a.id, to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
               u.display_name as actor_name, u.username as actor_username, un.name as acting_unit_name,
               a.action, a.resource_type, a.resource_id, a.subject_child_id, a.purpose, a.consent_id, a.outcome, a.protected_identity
        from audit_log a
        left join users u on u.id = a.actor_user_id
        left join units un on un.id = a.acting_unit_id
        where ${sql.join(conditions, sql` and `)}
        order by a.id desc
        limit ${f.limit + 1}`,
  );
  const page = rows.slice(0, f.limit);
  const items = page.map((r) => ({
    id: Number(r.id),
    occurredAt: r.occurred_at,
    actorName: r.actor_name,
    actorUsername: r.actor_username,
    actingUnitName: r.acting_unit_name,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    subjectChildId: r.subject_child_id,
    purpose: r.purpose,
    consentId: r.consent_id,
    outcome: r.outcome,
    protectedIdentity: r.protected_identity,
  }));
  await appendAudit(tx, actor, {
    action: 'list',
    resourceType: 'audit_log',
    purpose: 'logggranskning',
    outcome: 'allowed',
    details: { filter: { ...f }, count: items.length },
  });
  return { items, nextCursor: rows.length > f.limit ? items[items.length - 1]!.id : null };
}

/** Seals what is pending and verifies the actor's own tenant chain; null when not allowed. */
export async function verifyOwnAuditChain(db: Db, actor: Actor): Promise<TenantVerification | null> {
  if (!mayReviewAuditLog(actor)) return null;
  await sealTenant(db, actor.tenantId);
  return withTenantTx(db, actor.tenantId, async (tx) => {
    const result = await verifyTenant(tx, actor.tenantId);
    await appendAudit(tx, actor, {
      action: 'verify',
      resourceType: 'audit_log',
      purpose: 'logggranskning',
      outcome: 'allowed',
      details: { links: result.links, intact: result.firstBreak === null },
    });
    return result;
  });
}
