import { sql } from 'drizzle-orm';
import { findIdentifiers } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { AccessFailure, invalid } from './failure.ts';
import { notifyDecisionOwner } from './meeting-notify.ts';
import { ruleCondition } from './rules.ts';

export const SUPPORT_TARGETS = ['barn', 'vardnadshavare', 'personal'] as const;
export type SupportTarget = (typeof SUPPORT_TARGETS)[number];

export interface DecisionInput {
  what: string;
  ownerUserId: string | null;
  ownerUnitId: string | null;
  dueDate: string | null;
  supportTarget: SupportTarget;
  followUpDate: string | null;
}

interface DecisionRow {
  id: string;
  agenda_item_id: string;
  what: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_unit_id: string | null;
  owner_unit_name: string | null;
  due_date: string | null;
  support_target: SupportTarget;
  follow_up_date: string | null;
  status: 'open' | 'done';
  closed_note: string | null;
  version: number;
  meeting_id: string;
  item_title: string;
}

const COLUMNS = sql`decisions.id, decisions.agenda_item_id, decisions.what, decisions.owner_user_id, ou.display_name as owner_name, decisions.owner_unit_id,
  un.name as owner_unit_name, decisions.due_date::text as due_date, decisions.support_target, decisions.follow_up_date::text as follow_up_date,
  decisions.status, decisions.closed_note, decisions.version, ai.meeting_id, ai.title as item_title`;
const FROM = sql`decisions join agenda_items ai on ai.id = decisions.agenda_item_id
  left join users ou on ou.id = decisions.owner_user_id left join units un on un.id = decisions.owner_unit_id`;

export function toDecisionView(r: DecisionRow, today: string) {
  const nobodysJob = !r.owner_user_id || !r.due_date;
  return {
    id: r.id,
    agendaItemId: r.agenda_item_id,
    meetingId: r.meeting_id,
    itemTitle: r.item_title,
    what: r.what,
    owner: r.owner_user_id
      ? { userId: r.owner_user_id, name: r.owner_name ?? '', unitId: r.owner_unit_id!, unitName: r.owner_unit_name ?? '' }
      : null,
    dueDate: r.due_date,
    supportTarget: r.support_target,
    followUpDate: r.follow_up_date,
    status: r.status,
    closedNote: r.closed_note,
    /** "Ingens uppgift": no owner or no date (meetings issue §4). */
    nobodysJob,
    overdue: r.status === 'open' && r.due_date !== null && r.due_date < today,
    version: Number(r.version),
  };
}
export type DecisionView = ReturnType<typeof toDecisionView>;

/**
 * Decisions per agenda item (meetings issue §4): what, who (a person and their unit), by when,
 * the support target (child, guardian or staff) and the next follow-up. Any member of the team
 * records them during the meeting; the owner sees them in "mina uppgifter".
 */
export function decisionsRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  const rule = () => ruleCondition('decisions', actor, purpose, today);
  return {
    async forMeeting(meetingId: string): Promise<DecisionView[]> {
      const rows = await queryRows<DecisionRow>(
        tx,
        sql`select ${COLUMNS} from ${FROM} where ai.meeting_id = ${meetingId} and ${rule()} order by decisions.created_at`,
      );
      return rows.map((r) => toDecisionView(r, today));
    },

    /** The decisions about one case from all team meetings, as far as the rule lets the actor see them. */
    async forCase(caseId: string): Promise<(DecisionView & { meetingDate: string })[]> {
      const rows = await queryRows<DecisionRow & { meeting_date: string }>(
        tx,
        sql`select ${COLUMNS}, dm.date::text as meeting_date from ${FROM} join meetings dm on dm.id = ai.meeting_id
          where ai.case_id = ${caseId} and ${rule()} order by dm.date, decisions.created_at`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'decision',
        resourceId: caseId,
        purpose,
        outcome: 'allowed',
        details: { caseId, count: rows.length },
      });
      return rows.map((r) => ({ ...toDecisionView(r, today), meetingDate: r.meeting_date }));
    },

    async mine(): Promise<DecisionView[]> {
      const rows = await queryRows<DecisionRow>(
        tx,
        sql`select ${COLUMNS} from ${FROM} where decisions.owner_user_id = ${actor.userId} and decisions.status = 'open' and ${rule()}
          order by decisions.due_date nulls last, decisions.created_at`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'decision',
        purpose,
        outcome: 'allowed',
        details: { mine: true, count: rows.length },
      });
      return rows.map((r) => toDecisionView(r, today));
    },

    async add(agendaItemId: string, input: DecisionInput): Promise<string> {
      const [item] = await queryRows<{ id: string; case_id: string | null; status: string; kind: string; meeting_id: string; title: string }>(
        tx,
        sql`select agenda_items.id, agenda_items.case_id, m.status, agenda_items.kind, agenda_items.meeting_id, agenda_items.title from agenda_items join meetings m on m.id = agenda_items.meeting_id
          where agenda_items.id = ${agendaItemId} and ${ruleCondition('agenda_items', actor, purpose, today)}`,
      );
      if (!item) throw new AccessFailure('not_found');
      if (item.status === 'cancelled') throw invalid('what', 'Mötet är inställt.', 'The meeting is cancelled.');
      if (!input.what.trim()) throw invalid('what', 'Skriv vad som beslutades.', 'Describe the decision.');
      if (item.kind !== 'case') {
        // Anonymous consultations and general topics are discussed de-identified.
        const found = findIdentifiers(input.what);
        if (found.length > 0)
          throw new AccessFailure(
            'validation',
            found.slice(0, 3).map((f) => ({ field: 'what', message: f.message, messageEn: f.messageEn })),
          );
      }
      if (input.dueDate && input.dueDate < today) throw invalid('dueDate', 'Datumet har redan passerat.', 'The date has passed.');
      if (input.followUpDate && input.followUpDate < today) throw invalid('followUpDate', 'Datumet har redan passerat.', 'The date has passed.');
      if (input.ownerUserId) {
        const [m] = await queryRows(
          tx,
          sql`select 1 from memberships m join users u on u.id = m.user_id join units un on un.id = m.unit_id
            where m.user_id = ${input.ownerUserId} and m.unit_id = ${input.ownerUnitId} and m.role in ('samordnare', 'professional') and u.active and un.active`,
        );
        if (!m) throw invalid('ownerUserId', 'Personen arbetar inte i den verksamheten.', 'The person does not work in that unit.');
      }
      const id = newId();
      await tx.execute(sql`insert into decisions (id, tenant_id, agenda_item_id, recorded_by_unit_id, recorded_by, what, owner_user_id, owner_unit_id, due_date, support_target, follow_up_date)
        values (${id}, ${actor.tenantId}, ${agendaItemId}, ${actor.actingUnitId}, ${actor.userId}, ${input.what.trim()}, ${input.ownerUserId}, ${input.ownerUnitId},
          ${input.dueDate}::date, ${input.supportTarget}, ${input.followUpDate}::date)`);
      if (item.case_id) {
        // The case chronology shows the decision, owned by the recording unit, category insatser.
        await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
          select ${newId()}, ${actor.tenantId}, c.id, ${actor.actingUnitId}, ${actor.userId}, 'decision', 'insatser', c.child_id is null, ${today}::date,
            ${`Beslut i teamet: ${input.what.trim()}`}, ${JSON.stringify({ decisionId: id })}::jsonb from cases c where c.id = ${item.case_id}`);
      }
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'decision',
        resourceId: id,
        subjectChildId: null,
        purpose,
        outcome: 'allowed',
        details: { agendaItemId },
      });
      if (input.ownerUserId)
        await notifyDecisionOwner(tx, actor, {
          ownerUserId: input.ownerUserId,
          meetingId: item.meeting_id,
          itemTitle: item.title,
          dueDate: input.dueDate,
        });
      return id;
    },

    /** Closing a decision that was nobody's job needs a note: it cannot be closed silently. */
    async close(id: string, version: number, note: string | null): Promise<DecisionView> {
      const [row] = await queryRows<DecisionRow>(tx, sql`select ${COLUMNS} from ${FROM} where decisions.id = ${id} and ${rule()}`);
      if (!row) throw new AccessFailure('not_found');
      if (Number(row.version) !== version) throw new AccessFailure('conflict');
      if (row.status === 'done') throw invalid('note', 'Beslutet är redan avslutat.', 'The decision is already closed.');
      const view = toDecisionView(row, today);
      if (view.nobodysJob && !note?.trim())
        throw invalid(
          'note',
          'Beslutet saknade ansvarig eller datum. Skriv vad som hände innan du avslutar det.',
          'The decision had no owner or no date. Describe what happened before closing it.',
        );
      const [updated] = await queryRows<{ id: string }>(
        tx,
        sql`update decisions set status = 'done', closed_note = ${note?.trim() || null}, closed_by = ${actor.userId}, closed_at = now(), version = version + 1
          where decisions.id = ${id} returning decisions.id`,
      );
      await appendAudit(tx, actor, { action: 'close', resourceType: 'decision', resourceId: updated!.id, purpose, outcome: 'allowed' });
      // A decision about a case: its closing shows in the case chronology too.
      await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
        select ${newId()}, ${actor.tenantId}, c.id, ${actor.actingUnitId}, ${actor.userId}, 'decision_done', 'insatser', c.child_id is null, ${today}::date,
          ${`Beslut avslutat: ${row.what}${note?.trim() ? ` – ${note.trim()}` : ''}`}, ${JSON.stringify({ decisionId: id })}::jsonb
        from agenda_items ai join cases c on c.id = ai.case_id where ai.id = ${row.agenda_item_id}`);
      const [after] = await queryRows<DecisionRow>(tx, sql`select ${COLUMNS} from ${FROM} where decisions.id = ${id}`);
      return toDecisionView(after!, today);
    },
  };
}
