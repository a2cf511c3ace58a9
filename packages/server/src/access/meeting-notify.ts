import { sql } from 'drizzle-orm';
import { toSwedishDate } from '@samsyn/domain';
import { queryRows, type Db, type Tx } from '../db/driver.ts';
import { swedishLongDate } from '../pdf/minutes.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { notify } from './notifications.ts';
import { withTenantTx } from './tenant-tx.ts';

/**
 * The meetings issue's notifications (§7): invitations, decisions assigned to me, feedback due
 * and agenda changes. Sent in the same transaction as the change, so a refused change notifies
 * nobody. Titles hold only meeting dates and the item's pseudonym or topic, never case content.
 */
async function meetingOf(tx: Tx, meetingId: string) {
  const [m] = await queryRows<{ team_id: string; date: string }>(tx, sql`select team_id, date::text as date from meetings where id = ${meetingId}`);
  return m ?? null;
}

async function teamMembers(tx: Tx, teamId: string, unitIds?: string[]) {
  const rows = await queryRows<{ user_id: string; unit_id: string }>(tx, sql`select user_id, unit_id from team_members where team_id = ${teamId}`);
  return [...new Set(rows.filter((r) => !unitIds || unitIds.includes(r.unit_id)).map((r) => r.user_id))];
}

/** A new agenda item: the invited units' members get an invitation, the rest of the team an agenda change. */
export async function notifyAgendaItem(tx: Tx, actor: Actor, meetingId: string, itemTitle: string, invitedUnitIds: string[]) {
  const m = await meetingOf(tx, meetingId);
  if (!m) return;
  const when = swedishLongDate(m.date, { weekday: true });
  const invited = await teamMembers(tx, m.team_id, invitedUnitIds);
  const others = (await teamMembers(tx, m.team_id)).filter((u) => !invited.includes(u));
  const link = `/moten/${meetingId}`;
  await notify(tx, actor, {
    userIds: invited,
    kind: 'invitation',
    titleSv: `Du är inbjuden till punkten ”${itemTitle}” på mötet ${when}.`,
    titleEn: `You are invited to the item “${itemTitle}” at the meeting on ${m.date}.`,
    link,
  });
  await notify(tx, actor, {
    userIds: others,
    kind: 'agenda_changed',
    titleSv: `Dagordningen för mötet ${when} har en ny punkt.`,
    titleEn: `The agenda for the meeting on ${m.date} has a new item.`,
    link,
  });
}

/** A cancelled or moved meeting: everyone in the team. */
export async function notifyMeetingChanged(tx: Tx, actor: Actor, meetingId: string, change: { cancelled: true } | { movedTo: string; from: string }) {
  const m = await meetingOf(tx, meetingId);
  if (!m) return;
  const [titleSv, titleEn] =
    'cancelled' in change
      ? [`Mötet ${swedishLongDate(m.date, { weekday: true })} är inställt.`, `The meeting on ${m.date} is cancelled.`]
      : [
          `Mötet ${swedishLongDate(change.from, { weekday: true })} är flyttat till ${swedishLongDate(change.movedTo, { weekday: true })}.`,
          `The meeting on ${change.from} has moved to ${change.movedTo}.`,
        ];
  await notify(tx, actor, { userIds: await teamMembers(tx, m.team_id), kind: 'agenda_changed', titleSv, titleEn, link: `/moten/${meetingId}` });
}

/** A decision with an owner: the owner is told. */
export async function notifyDecisionOwner(
  tx: Tx,
  actor: Actor,
  d: { ownerUserId: string; meetingId: string; itemTitle: string; dueDate: string | null },
) {
  await notify(tx, actor, {
    userIds: [d.ownerUserId],
    kind: 'decision_assigned',
    titleSv: `Du är ansvarig för ett beslut om ”${d.itemTitle}”${d.dueDate ? `, senast ${swedishLongDate(d.dueDate)}` : ''}.`,
    titleEn: `You own a decision about “${d.itemTitle}”${d.dueDate ? `, due ${d.dueDate}` : ''}.`,
    link: `/moten/${d.meetingId}`,
  });
}

/** A feedback task: its owner is told at once, and again on the due date (remindFeedbackDue). */
export async function notifyFeedbackOwner(
  tx: Tx,
  actor: Pick<Actor, 'tenantId'> & Partial<Actor>,
  t: { id: string; ownerUserId: string; itemTitle: string; dueDate: string },
  reminder = false,
): Promise<number> {
  return notify(tx, actor, {
    userIds: [t.ownerUserId],
    kind: 'feedback_due',
    titleSv: reminder
      ? `Återkopplingen till familjen för ”${t.itemTitle}” ska vara gjord senast ${swedishLongDate(t.dueDate)}.`
      : `Du ska återkoppla till familjen för ”${t.itemTitle}” senast ${swedishLongDate(t.dueDate)}.`,
    titleEn: reminder
      ? `Feedback to the family for “${t.itemTitle}” is due ${t.dueDate}.`
      : `You give the family feedback for “${t.itemTitle}” by ${t.dueDate}.`,
    link: '/mina-uppgifter',
    dedupeKey: reminder ? `feedback_due:${t.id}:${t.dueDate}` : `feedback_task:${t.id}`,
  });
}

/**
 * The daily reminder: every open feedback task due today or earlier reminds its owner once
 * per due date. Run with the consent job; returns how many reminders were new.
 */
export async function remindFeedbackDue(db: Db, now: Date): Promise<number> {
  const today = toSwedishDate(now);
  const tenants = await queryRows<{ tenant_id: string }>(db, sql`select tenant_id from audit_tenants()`);
  let sent = 0;
  for (const { tenant_id } of tenants) {
    sent += await withTenantTx(db, tenant_id, async (tx) => {
      const due = await queryRows<{ id: string; owner_user_id: string; title: string; due_date: string }>(
        tx,
        sql`select f.id, f.owner_user_id, ai.title, f.due_date::text as due_date from feedback_tasks f join agenda_items ai on ai.id = f.agenda_item_id
          where f.status = 'open' and f.due_date <= ${today}::date`,
      );
      let n = 0;
      for (const t of due)
        n += await notifyFeedbackOwner(
          tx,
          { tenantId: tenant_id },
          { id: t.id, ownerUserId: t.owner_user_id, itemTitle: t.title, dueDate: t.due_date },
          true,
        );
      if (n > 0)
        await appendAudit(
          tx,
          { tenantId: tenant_id },
          { action: 'system_feedback_reminder', resourceType: 'feedback_task', outcome: 'allowed', details: { due: n, on: today } },
        );
      return n;
    });
  }
  return sent;
}
