import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { appendAudit, withTenantTx } from '../access/index.ts';
import { queryRows, type Db } from '../db/driver.ts';

/**
 * Drains the e-mail outbox (meetings issue §7) over SMTP. Notifications queue their e-mail in
 * the same transaction as the change that caused them; this sender delivers them afterwards,
 * so a slow or absent mail server never holds up a request. Without SMTP_URL (the demo) it is
 * not started: e-mails stay pending and nothing fails.
 *
 * Rows are claimed, not held: a short transaction takes due rows with FOR UPDATE SKIP LOCKED
 * and moves their next attempt a lease ahead, then commits; the SMTP conversation happens
 * outside any transaction (PGlite has one connection, and PostgreSQL should not keep a row
 * lock open over the network). Several app instances therefore never send the same e-mail
 * twice at once; an instance that dies mid-send leaves the row to be retried after the lease.
 */
export const MAX_EMAIL_ATTEMPTS = 5;
const LEASE_MINUTES = 10;
const ERROR_MAX = 1000;
export const DEFAULT_MAIL_FROM = 'Samsyn <noreply@samsyn.invalid>';

export interface SendOptions {
  /** Most e-mails per tenant per run. */
  batch?: number;
  from?: string;
}

export interface SendResult {
  sent: number;
  /** Failed this time, to be tried again later (exponential back-off). */
  retried: number;
  /** Failed for the last time (after MAX_EMAIL_ATTEMPTS attempts). */
  failed: number;
}

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

type Outcome = { id: string; ok: true } | { id: string; ok: false; error: string };

/** An SMTP transport from a URL such as smtp://user:pass@mail.example:587 or smtps://…:465. */
export function createSmtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/** One pass over every tenant with e-mail due: claims up to `batch` rows each and sends them. */
export async function sendPendingEmails(db: Db, transport: Transporter, opts: SendOptions = {}): Promise<SendResult> {
  const batch = Math.max(1, Math.min(opts.batch ?? 20, 500));
  const from = opts.from ?? DEFAULT_MAIL_FROM;
  const total: SendResult = { sent: 0, retried: 0, failed: 0 };
  // SECURITY DEFINER: lists only tenants that have something due; rows are read in each tenant's RLS context.
  const tenants = await queryRows<{ tenant_id: string }>(db, sql`select tenant_id from email_outbox_tenants_due()`);
  for (const { tenant_id } of tenants) {
    const claimed = await withTenantTx(db, tenant_id, (tx) =>
      queryRows<OutboxRow>(
        tx,
        sql`update email_outbox o set next_attempt_at = now() + make_interval(mins => ${LEASE_MINUTES})
          from (select id from email_outbox where status = 'pending' and next_attempt_at <= now()
                order by next_attempt_at, id limit ${batch} for update skip locked) due
          where o.id = due.id
          returning o.id, o.to_address, o.subject, o.body_text, o.attempts`,
      ),
    );
    if (claimed.length === 0) continue;
    const outcomes: Outcome[] = [];
    for (const row of claimed) {
      try {
        await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body_text });
        outcomes.push({ id: row.id, ok: true });
      } catch (err) {
        // A refused or unreachable server is an expected outcome here: recorded on the row and retried.
        outcomes.push({ id: row.id, ok: false, error: (err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX) });
      }
    }
    const result = await withTenantTx(db, tenant_id, async (tx) => {
      const r: SendResult = { sent: 0, retried: 0, failed: 0 };
      for (const o of outcomes) {
        if (o.ok) {
          await tx.execute(
            sql`update email_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = ${o.id}`,
          );
          r.sent++;
          continue;
        }
        const [row] = await queryRows<{ status: string }>(
          tx,
          sql`update email_outbox set attempts = attempts + 1, last_error = ${o.error},
              status = case when attempts + 1 >= ${MAX_EMAIL_ATTEMPTS} then 'failed' else 'pending' end,
              next_attempt_at = now() + make_interval(mins => power(2, attempts + 1)::int)
            where id = ${o.id} returning status`,
        );
        if (row?.status === 'failed') r.failed++;
        else r.retried++;
      }
      await appendAudit(
        tx,
        { tenantId: tenant_id },
        {
          action: 'system_send_email',
          resourceType: 'email_outbox',
          outcome: r.sent === outcomes.length ? 'allowed' : 'failed',
          details: { ...r, ids: outcomes.map((o) => o.id) },
        },
      );
      return r;
    });
    total.sent += result.sent;
    total.retried += result.retried;
    total.failed += result.failed;
  }
  return total;
}

export interface EmailSenderOptions {
  intervalMs: number;
  from: string;
  batch?: number;
  onError(err: unknown): void;
}

/**
 * The background loop: one pass every intervalMs (never two at once in this process).
 * Returns a stop function that waits for a pass in progress and closes the transport.
 */
export function startEmailSender(db: Db, transport: Transporter, opts: EmailSenderOptions): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sendPendingEmails(db, transport, { batch: opts.batch, from: opts.from })
        .then(() => undefined, opts.onError)
        .finally(schedule);
    }, opts.intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
    transport.close();
  };
}
