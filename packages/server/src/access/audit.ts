import type { Executor } from '../db/driver.ts';
import { auditLog } from '../db/schema.ts';
import type { Actor, Purpose } from './actor.ts';

export type AuditOutcome = 'allowed' | 'denied' | 'not_found' | 'failed';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  subjectChildId?: string | null;
  purpose?: Purpose | null;
  consentId?: string | null;
  outcome: AuditOutcome;
  protectedIdentity?: boolean;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit row in the caller's transaction. If the insert fails, the
 * transaction — and so the request — fails: no access without its record.
 */
export async function appendAudit(tx: Executor, actor: Pick<Actor, 'tenantId'> & Partial<Actor>, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId ?? null,
    actingUnitId: actor.actingUnitId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    subjectChildId: entry.subjectChildId ?? null,
    purpose: entry.purpose ?? null,
    consentId: entry.consentId ?? null,
    outcome: entry.outcome,
    protectedIdentity: entry.protectedIdentity ?? false,
    details: entry.details ?? {},
  });
}
