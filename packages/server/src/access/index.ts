import type { Db, Tx } from '../db/driver.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import { childrenRepository, unsafeSelectChildDetail } from './children.repository.ts';
import { insertChildRecord, type NewChildRecord } from './children.write.ts';
import type { FieldCrypto } from './crypto.ts';
import { withTenantTx } from './tenant-tx.ts';
import { toSwedishDate } from '@samsyn/domain';
import { casesReader } from './cases.read.ts';
import { casesWriter } from './cases.write.ts';
import { eventsReader, signalsReader } from './case-items.read.ts';
import { AccessFailure } from './failure.ts';
import { agendaRepository } from './agenda.ts';
import { decisionsRepository } from './decisions.ts';
import { meetingNotesRepository } from './meeting-notes.ts';
import { meetingFollowUpRepository } from './meeting-followup.ts';
import { teamOverviewRepository } from './team-overview.ts';
import { agendaAttachmentsRepository } from './agenda-attachments.ts';
import { wheelRepository } from './wheel.ts';
import { plansRepository } from './plans.ts';
import { interventionsRepository } from './interventions.ts';

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
  cases: ReturnType<typeof casesReader> & ReturnType<typeof casesWriter>;
  signals: ReturnType<typeof signalsReader>;
  events: ReturnType<typeof eventsReader>;
  agenda: ReturnType<typeof agendaRepository>;
  decisions: ReturnType<typeof decisionsRepository>;
  meetingNotes: ReturnType<typeof meetingNotesRepository>;
  followUp: ReturnType<typeof meetingFollowUpRepository>;
  teamOverview: ReturnType<typeof teamOverviewRepository>;
  attachments: ReturnType<typeof agendaAttachmentsRepository>;
  wheel: ReturnType<typeof wheelRepository>;
  plans: ReturnType<typeof plansRepository>;
  interventions: ReturnType<typeof interventionsRepository>;
  /** The Swedish calendar date this request is decided on (consent validity, age). */
  today: string;
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
  /** The clock consent decisions use; tests move it to reach expiry and 18th birthdays. */
  clock: () => Date;
}

export async function runScoped<T>(access: AccessContext, actor: Actor, purpose: Purpose, fn: (s: Scoped) => Promise<T>): Promise<T> {
  const today = toSwedishDate(access.clock());
  try {
    return await withTenantTx(access.db, actor.tenantId, (tx) => {
      const children = childrenRepository(tx, actor, purpose, access.crypto, today);
      return fn({
        children,
        cases: { ...casesReader(tx, actor, purpose, today, children), ...casesWriter(tx, actor, purpose, today) },
        signals: signalsReader(tx, actor, purpose, today),
        events: eventsReader(tx, actor, purpose, today),
        agenda: agendaRepository(tx, actor, purpose, today),
        decisions: decisionsRepository(tx, actor, purpose, today),
        meetingNotes: meetingNotesRepository(tx, actor, purpose, today),
        followUp: meetingFollowUpRepository(tx, actor, purpose, today),
        teamOverview: teamOverviewRepository(tx, actor, purpose, today),
        attachments: agendaAttachmentsRepository(tx, actor, purpose, today),
        wheel: wheelRepository(tx, actor, purpose, today),
        plans: plansRepository(tx, actor, purpose, today),
        interventions: interventionsRepository(tx, actor, purpose, today),
        today,
        tx,
        actor,
        audit: (entry) => appendAudit(tx, actor, entry),
      });
    });
  } catch (err) {
    // The failed write rolled back; a denied attempt is still recorded.
    if (err instanceof AccessFailure && err.auditEntry) {
      const entry = err.auditEntry;
      await withTenantTx(access.db, actor.tenantId, (tx) => appendAudit(tx, actor, entry));
    }
    throw err;
  }
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
export { AccessFailure } from './failure.ts';
export type { CaseView, CaseSummaryView, CaseState } from './cases.read.ts';
export { CASE_STATES } from './cases.read.ts';
export { CLOSING_REASONS, type ConsentInput, type SignalInput } from './cases.write.ts';
export { refreshConsentWindows, adminSetConsentPolicy } from './consent-job.ts';
export { tenantConsentPolicy } from './consent-ledger.ts';
export { systemSeedDemoCases, type DemoCaseIds } from './demo-cases.ts';
export { SUPPORT_TARGETS, type DecisionView } from './decisions.ts';
export {
  FAMILY_STATUSES,
  FAMILY_STATUS_LABELS,
  MAX_FEEDBACK_WORKING_DAYS,
  VoiceConflict,
  setTenantMeetingPolicy,
  tenantMeetingPolicy,
  type FeedbackTaskView,
  type VoiceView,
} from './meeting-followup.ts';
export { NoteConflict, type NoteView } from './meeting-notes.ts';
export { notifyMeetingChanged, remindFeedbackDue } from './meeting-notify.ts';
export { currentWheel, adminSetWheel, type AssessmentView, type WheelVersion } from './wheel.ts';
export { PlanConflict, type PlanVersionView } from './plans.ts';
export {
  CONSENT_CATEGORIES,
  tenantInterventionPolicy,
  refreshDueCaseFigures,
  setTenantInterventionPolicy,
  MAX_HANDOVER_ANSWER_WORKING_DAYS,
  MAX_START_WITHIN_DAYS,
  type HandoverView,
  type InterventionView,
  type InterventionPolicy,
} from './interventions.ts';
export {
  notify,
  notificationsRepository,
  setNotificationBaseUrl,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationInput,
  type NotificationView,
} from './notifications.ts';
