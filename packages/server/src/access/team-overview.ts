import { sql } from 'drizzle-orm';
import { addDays, isoWeekday } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import type { Actor, Purpose } from './actor.ts';
import { hasRole } from './actor.ts';
import { appendAudit } from './audit.ts';
import { AccessFailure, invalid } from './failure.ts';
import { feedbackStatistics } from './portal-feedback.ts';
import { ruleCondition } from './rules.ts';

/** Counts below this are shown as "<5" (meetings issue §8). */
export const SMALL_COUNT_LIMIT = 5;

export interface Count {
  /** null when suppressed: the number is never sent. */
  value: number | null;
  display: string;
}
export const count = (n: number): Count =>
  n < SMALL_COUNT_LIMIT ? { value: null, display: `<${SMALL_COUNT_LIMIT}` } : { value: n, display: String(n) };

/** A school term: VT = January–June, HT = July–December. "HT2026" → 2026-07-01..2026-12-31. */
export function termRange(term: string): { from: string; to: string } | null {
  const m = /^(HT|VT)(\d{4})$/.exec(term);
  if (!m) return null;
  const year = Number(m[2]);
  if (year < 2000 || year > 2100) return null;
  return m[1] === 'VT' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}
export const termOf = (date: string) => `${Number(date.slice(5, 7)) <= 6 ? 'VT' : 'HT'}${date.slice(0, 4)}`;

export interface FollowUpEntry {
  type: 'decision' | 'feedback';
  id: string;
  meetingId: string;
  meetingDate: string;
  itemTitle: string;
  what: string;
  ownerName: string | null;
  ownerUnitName: string | null;
  dueDate: string | null;
}

/**
 * What the samordnare follows up for a team (meetings issue §5): open decisions and feedback
 * tasks that are overdue, due this week, or nobody's job. Each row is read through its own
 * access rule, so a decision on a case the samordnare's unit may not see is not listed.
 * Team statistics (§8) are aggregates only, for the samordnare and for chefs of member units.
 */
export function teamOverviewRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  async function team(teamId: string) {
    const [t] = await queryRows<{ id: string; name: string; is_samordnare: boolean; chef_of_member_unit: boolean }>(
      tx,
      sql`select t.id, t.name,
          exists (select 1 from team_members tm where tm.team_id = t.id and tm.user_id = ${actor.userId} and tm.is_samordnare) as is_samordnare,
          ${hasRole(actor, 'chef')} and exists (select 1 from team_members tm where tm.team_id = t.id and tm.unit_id = ${actor.actingUnitId}) as chef_of_member_unit
        from teams t where t.id = ${teamId} and t.active`,
    );
    return t ?? null;
  }

  return {
    async followUp(teamId: string) {
      const t = await team(teamId);
      if (!t?.is_samordnare) throw new AccessFailure('not_found');
      const weekEnd = addDays(today, 7 - isoWeekday(today));
      const decisions = await queryRows<{
        id: string;
        meeting_id: string;
        meeting_date: string;
        item_title: string;
        what: string;
        owner_name: string | null;
        owner_unit_name: string | null;
        due_date: string | null;
      }>(
        tx,
        sql`select decisions.id, ai.meeting_id, m.date::text as meeting_date, ai.title as item_title, decisions.what, u.display_name as owner_name,
            un.name as owner_unit_name, decisions.due_date::text as due_date
          from decisions join agenda_items ai on ai.id = decisions.agenda_item_id join meetings m on m.id = ai.meeting_id
            left join users u on u.id = decisions.owner_user_id left join units un on un.id = decisions.owner_unit_id
          where m.team_id = ${teamId} and decisions.status = 'open' and ${ruleCondition('decisions', actor, purpose, today)}
          order by decisions.due_date nulls first, m.date`,
      );
      const tasks = await queryRows<{
        id: string;
        meeting_id: string;
        meeting_date: string;
        item_title: string;
        owner_name: string;
        owner_unit_name: string;
        due_date: string;
      }>(
        tx,
        sql`select feedback_tasks.id, ai.meeting_id, m.date::text as meeting_date, ai.title as item_title, u.display_name as owner_name,
            un.name as owner_unit_name, feedback_tasks.due_date::text as due_date
          from feedback_tasks join agenda_items ai on ai.id = feedback_tasks.agenda_item_id join meetings m on m.id = ai.meeting_id
            join users u on u.id = feedback_tasks.owner_user_id join units un on un.id = feedback_tasks.owner_unit_id
          where m.team_id = ${teamId} and feedback_tasks.status = 'open' and ${ruleCondition('feedback_tasks', actor, purpose, today)}
          order by feedback_tasks.due_date`,
      );
      const entries: FollowUpEntry[] = [
        ...decisions.map((d) => ({
          type: 'decision' as const,
          id: d.id,
          meetingId: d.meeting_id,
          meetingDate: d.meeting_date,
          itemTitle: d.item_title,
          what: d.what,
          ownerName: d.owner_name,
          ownerUnitName: d.owner_unit_name,
          dueDate: d.due_date,
        })),
        ...tasks.map((f) => ({
          type: 'feedback' as const,
          id: f.id,
          meetingId: f.meeting_id,
          meetingDate: f.meeting_date,
          itemTitle: f.item_title,
          what: 'Återkoppling till barnet och vårdnadshavarna',
          ownerName: f.owner_name,
          ownerUnitName: f.owner_unit_name,
          dueDate: f.due_date,
        })),
      ];
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'team_follow_up',
        resourceId: teamId,
        purpose,
        outcome: 'allowed',
        details: { decisions: decisions.length, feedbackTasks: tasks.length },
      });
      return {
        team: { id: t.id, name: t.name },
        weekEnd,
        overdue: entries.filter((e) => e.dueDate !== null && e.dueDate < today),
        dueThisWeek: entries.filter((e) => e.dueDate !== null && e.dueDate >= today && e.dueDate <= weekEnd),
        withoutOwner: entries.filter((e) => e.type === 'decision' && (e.ownerName === null || e.dueDate === null)),
      };
    },

    async statistics(teamId: string, term: string) {
      const t = await team(teamId);
      if (!t || !(t.is_samordnare || t.chef_of_member_unit)) throw new AccessFailure('not_found');
      const range = termRange(term);
      if (!range) throw invalid('term', 'Ange terminen som HT2026 eller VT2027.', 'Give the term as HT2026 or VT2027.');
      const { from, to } = range;
      // Aggregates only: no row of personal data leaves this function.
      const [meetings] = await queryRows<{ held: number; cancelled: number; upcoming: number }>(
        tx,
        sql`select count(*) filter (where status = 'planned' and date <= ${today}::date)::int as held,
            count(*) filter (where status = 'cancelled')::int as cancelled,
            count(*) filter (where status = 'planned' and date > ${today}::date)::int as upcoming
          from meetings where team_id = ${teamId} and date between ${from}::date and ${to}::date`,
      );
      const kinds = await queryRows<{ kind: string; n: number }>(
        tx,
        sql`select ai.kind, count(*)::int as n from agenda_items ai join meetings m on m.id = ai.meeting_id
          where m.team_id = ${teamId} and m.status = 'planned' and m.date between ${from}::date and ${to}::date group by ai.kind`,
      );
      const [decisions] = await queryRows<{ due: number; on_time: number; late: number }>(
        tx,
        sql`select count(*)::int as due,
            count(*) filter (where d.status = 'done' and (d.closed_at at time zone 'Europe/Stockholm')::date <= d.due_date)::int as on_time,
            count(*) filter (where not (d.status = 'done' and (d.closed_at at time zone 'Europe/Stockholm')::date <= d.due_date))::int as late
          from decisions d join agenda_items ai on ai.id = d.agenda_item_id join meetings m on m.id = ai.meeting_id
          where m.team_id = ${teamId} and m.date between ${from}::date and ${to}::date and d.due_date is not null and d.due_date < ${today}::date`,
      );
      const [nobody] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from decisions d join agenda_items ai on ai.id = d.agenda_item_id join meetings m on m.id = ai.meeting_id
          where m.team_id = ${teamId} and m.date between ${from}::date and ${to}::date and (d.owner_user_id is null or d.due_date is null)`,
      );
      const [feedback] = await queryRows<{ due: number; on_time: number; late: number }>(
        tx,
        sql`select count(*)::int as due, count(*) filter (where f.status = 'done' and f.done_on <= f.due_date)::int as on_time,
            count(*) filter (where not (f.status = 'done' and f.done_on <= f.due_date))::int as late
          from feedback_tasks f join agenda_items ai on ai.id = f.agenda_item_id join meetings m on m.id = ai.meeting_id
          where m.team_id = ${teamId} and m.date between ${from}::date and ${to}::date and f.due_date < ${today}::date`,
      );
      const kind = (k: string) => Number(kinds.find((r) => r.kind === k)?.n ?? 0);
      // "Blev du lyssnad på?" from the family portal: anonymous answers, per month, counts of 5 or more.
      const familyFeedback = await feedbackStatistics(tx, teamId, from, to, today, count);
      await appendAudit(tx, actor, {
        action: 'statistics',
        resourceType: 'team',
        resourceId: teamId,
        purpose: 'uppfoljning',
        outcome: 'allowed',
        details: { term },
      });
      return {
        team: { id: t.id, name: t.name },
        term,
        from,
        to,
        meetings: { held: count(meetings!.held), cancelled: count(meetings!.cancelled), upcoming: count(meetings!.upcoming) },
        items: { anonymous: count(kind('anonymous')), case: count(kind('case')), topic: count(kind('topic')) },
        decisions: { due: count(decisions!.due), onTime: count(decisions!.on_time), late: count(decisions!.late), nobodysJob: count(nobody!.n) },
        feedback: { due: count(feedback!.due), onTime: count(feedback!.on_time), late: count(feedback!.late) },
        familyFeedback,
      };
    },
  };
}
