import { sql } from 'drizzle-orm';
import { findIdentifiers } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { iso } from './cases.read.ts';
import { AccessFailure, invalid } from './failure.ts';

/**
 * In-app notifications and their e-mails (meetings issue §7). A notification belongs to its
 * recipient alone: only they list it or mark it read; for anyone else it does not exist (404).
 * Titles carry no child data (callers pass pseudonyms or meeting dates), and the e-mail carries
 * not even the title: e-mail leaves the confidential system (OSL 25:1, 26:1), so it says only
 * that there is something to read, and links back into Samsyn where access is checked.
 */
export const NOTIFICATION_KINDS = [
  'invitation',
  'decision_assigned',
  'feedback_due',
  'agenda_changed',
  'handover_requested',
  'handover_answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  userIds: string[];
  kind: NotificationKind;
  titleSv: string;
  titleEn: string;
  /** An app path such as /moten/<uuid>; the e-mail links to the public URL plus this path. */
  link: string;
  /** Makes notify idempotent per recipient: a second call with the same key adds nothing. */
  dedupeKey?: string;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  titleSv: string;
  titleEn: string;
  link: string;
  read: boolean;
  createdAt: string;
}

/** What the e-mail says per kind: a generic label only, never the case or the title. */
const KIND_TEXT: Record<NotificationKind, { subjectSv: string; subjectEn: string; labelSv: string; labelEn: string }> = {
  invitation: { subjectSv: 'ny inbjudan', subjectEn: 'new invitation', labelSv: 'en inbjudan till ett möte', labelEn: 'an invitation to a meeting' },
  decision_assigned: {
    subjectSv: 'ny uppgift',
    subjectEn: 'new task',
    labelSv: 'ett beslut där du är ansvarig',
    labelEn: 'a decision assigned to you',
  },
  feedback_due: {
    subjectSv: 'dags för återkoppling',
    subjectEn: 'feedback due',
    labelSv: 'en återkoppling som ska lämnas',
    labelEn: 'feedback that is due',
  },
  agenda_changed: { subjectSv: 'ändrad dagordning', subjectEn: 'agenda changed', labelSv: 'en ändrad dagordning', labelEn: 'a changed agenda' },
  handover_requested: {
    subjectSv: 'ny överlämning',
    subjectEn: 'new hand-over',
    labelSv: 'en överlämning till din verksamhet',
    labelEn: 'a hand-over to your unit',
  },
  handover_answered: {
    subjectSv: 'svar på överlämning',
    subjectEn: 'hand-over answered',
    labelSv: 'ett svar på en överlämning du begärde',
    labelEn: 'an answer to a hand-over you requested',
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A path inside the app: one leading slash (never "//host"), URL-safe characters only. */
const APP_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/?=&%]*$/;
const TITLE_MAX = 200;
const MAX_RECIPIENTS = 500;

let publicBaseUrl = 'http://localhost:3000';

/** Set once at start-up from the configuration (SAMSYN_PUBLIC_URL): where e-mail links point. */
export function setNotificationBaseUrl(url: string): void {
  publicBaseUrl = url.replace(/\/+$/, '');
}

export function notificationEmail(kind: NotificationKind, link: string): { subject: string; bodyText: string } {
  const t = KIND_TEXT[kind];
  const url = `${publicBaseUrl}${link}`;
  return {
    subject: `Samsyn: ${t.subjectSv} / ${t.subjectEn}`,
    bodyText: [
      'Hej!',
      '',
      `Du har en ny avisering i Samsyn: ${t.labelSv}.`,
      `Logga in för att läsa den: ${url}`,
      'Av sekretesskäl står inget om ärendet i e-postmeddelandet.',
      '',
      `(English) You have a new notification in Samsyn: ${t.labelEn}.`,
      `Log in to read it: ${url}`,
      'For confidentiality, this e-mail says nothing about the case.',
      '',
      '-- ',
      'Meddelandet skickades automatiskt och går inte att svara på. / This message was sent automatically; please do not reply.',
    ].join('\n'),
  };
}

function checkTitle(field: 'titleSv' | 'titleEn', value: string): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw invalid(field, 'Aviseringen saknar rubrik.', 'The notification has no title.');
  if (v.length > TITLE_MAX || CONTROL.test(v))
    throw invalid(field, `Rubriken får vara högst ${TITLE_MAX} tecken på en rad.`, `The title must be one line of at most ${TITLE_MAX} characters.`);
  if (findIdentifiers(v).length > 0)
    throw invalid(
      field,
      'Rubriken får inte innehålla personnummer, telefonnummer, e-postadresser eller adresser. Använd ärendets pseudonym eller mötets datum.',
      'The title must not contain identity numbers, phone numbers, e-mail or postal addresses. Use the case pseudonym or the meeting date.',
    );
  return v;
}

function checkInput(n: NotificationInput): { userIds: string[]; titleSv: string; titleEn: string; dedupeKey: string | null } {
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(n.kind)) throw invalid('kind', 'Okänd typ av avisering.', 'Unknown kind of notification.');
  if (typeof n.link !== 'string' || n.link.length > 500 || !APP_PATH.test(n.link))
    throw invalid('link', 'Länken måste vara en sökväg i Samsyn, t.ex. /moten/<id>.', 'The link must be a path in Samsyn, e.g. /moten/<id>.');
  if (!Array.isArray(n.userIds) || n.userIds.length > MAX_RECIPIENTS)
    throw invalid('userIds', `Ange högst ${MAX_RECIPIENTS} mottagare.`, `Give at most ${MAX_RECIPIENTS} recipients.`);
  const userIds = [...new Set(n.userIds.map((id) => (typeof id === 'string' ? id.toLowerCase() : '')))];
  if (userIds.some((id) => !UUID.test(id))) throw invalid('userIds', 'En mottagare har ett ogiltigt id.', 'A recipient has an invalid id.');
  let dedupeKey: string | null = null;
  if (n.dedupeKey !== undefined) {
    dedupeKey = typeof n.dedupeKey === 'string' ? n.dedupeKey.trim() : '';
    if (!dedupeKey || dedupeKey.length > 200 || CONTROL.test(dedupeKey))
      throw invalid('dedupeKey', 'Ogiltig nyckel mot dubbletter.', 'Invalid deduplication key.');
  }
  return { userIds, titleSv: checkTitle('titleSv', n.titleSv), titleEn: checkTitle('titleEn', n.titleEn), dedupeKey };
}

/**
 * Notifies each distinct recipient once, in the caller's transaction (so a refused change
 * notifies nobody). Skips the actor themself and inactive users; with a dedupeKey, a recipient
 * who already has that key gets nothing new. Each new notification for a user with an e-mail
 * address queues one e-mail in the outbox. Bad input throws a validation failure (Swedish and
 * English) and adds nothing. Returns how many notifications were created.
 */
export async function notify(tx: Tx, actor: Pick<Actor, 'tenantId'> & Partial<Actor>, n: NotificationInput): Promise<number> {
  const input = checkInput(n);
  const wanted = input.userIds.filter((id) => id !== actor.userId);
  if (wanted.length === 0) return 0;
  // RLS limits the look-up to the actor's tenant: someone elsewhere "does not exist".
  const users = await queryRows<{ id: string; email: string | null; active: boolean }>(
    tx,
    sql`select id, email, active from users where id in (${sql.join(
      wanted.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  if (users.length !== wanted.length) throw invalid('userIds', 'En mottagare finns inte.', 'A recipient does not exist.');
  const mail = notificationEmail(n.kind, n.link);
  const created: string[] = [];
  let emails = 0;
  for (const u of users.filter((x) => x.active)) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into notifications (id, tenant_id, user_id, kind, title_sv, title_en, link, dedupe_key)
        values (${newId()}, ${actor.tenantId}, ${u.id}, ${n.kind}, ${input.titleSv}, ${input.titleEn}, ${n.link}, ${input.dedupeKey})
        on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing returning id`,
    );
    if (!row) continue;
    created.push(u.id);
    const to = u.email?.trim();
    if (to) {
      await tx.execute(sql`insert into email_outbox (id, tenant_id, notification_id, to_address, subject, body_text)
        values (${newId()}, ${actor.tenantId}, ${row.id}, ${to}, ${mail.subject}, ${mail.bodyText})`);
      emails++;
    }
  }
  await appendAudit(tx, actor, {
    action: 'notify',
    resourceType: 'notification',
    outcome: 'allowed',
    details: { kind: n.kind, link: n.link, recipients: created, emails, skipped: wanted.length - created.length },
  });
  return created.length;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title_sv: string;
  title_en: string;
  link: string;
  read_at: Date | string | null;
  created_at: Date | string;
}

export const NOTIFICATION_LIST_LIMIT = 50;

/**
 * The signed-in user's own notifications. Every read and change is audited; another user's
 * notification looks the same as a missing one (404), and the audit row says which it was.
 */
export function notificationsRepository(tx: Tx, actor: Actor) {
  const own = sql`notifications.user_id = ${actor.userId}`;
  return {
    /** Newest first, at most 50, with the number of unread ones in total. */
    async listMine(): Promise<{ items: NotificationView[]; unreadCount: number }> {
      const rows = await queryRows<NotificationRow>(
        tx,
        sql`select id, kind, title_sv, title_en, link, read_at, created_at from notifications where ${own}
          order by created_at desc, id desc limit ${NOTIFICATION_LIST_LIMIT}`,
      );
      const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from notifications where ${own} and read_at is null`);
      await appendAudit(tx, actor, { action: 'list', resourceType: 'notification', outcome: 'allowed', details: { mine: true, count: rows.length } });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          titleSv: r.title_sv,
          titleEn: r.title_en,
          link: r.link,
          read: r.read_at !== null,
          createdAt: iso(r.created_at),
        })),
        unreadCount: Number(count?.n ?? 0),
      };
    },

    /** Marks one of the user's own notifications read (again is fine); anyone else's is 404. */
    async markRead(id: string): Promise<void> {
      const [row] = UUID.test(id)
        ? await queryRows<{ id: string }>(
            tx,
            sql`update notifications set read_at = coalesce(read_at, now()) where id = ${id} and ${own} returning id`,
          )
        : [];
      if (!row) {
        const [exists] = UUID.test(id) ? await queryRows(tx, sql`select 1 from notifications where id = ${id}`) : [];
        throw new AccessFailure('not_found', [], {
          action: 'mark_read',
          resourceType: 'notification',
          resourceId: id,
          outcome: exists ? 'denied' : 'not_found',
        });
      }
      await appendAudit(tx, actor, { action: 'mark_read', resourceType: 'notification', resourceId: id, outcome: 'allowed' });
    },

    /** Marks all the user's unread notifications read; returns how many changed. */
    async markAllRead(): Promise<number> {
      const rows = await queryRows<{ id: string }>(tx, sql`update notifications set read_at = now() where ${own} and read_at is null returning id`);
      await appendAudit(tx, actor, { action: 'mark_all_read', resourceType: 'notification', outcome: 'allowed', details: { count: rows.length } });
      return rows.length;
    },
  };
}
