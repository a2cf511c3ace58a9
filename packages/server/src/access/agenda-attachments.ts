import { sql } from 'drizzle-orm';
import { findIdentifiers } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { AccessFailure, invalid } from './failure.ts';
import { activeConsentSql, ruleCondition } from './rules.ts';

export const MAX_ATTACHMENTS_PER_ITEM = 20;

export type AttachmentInput = { kind: 'link'; label: string; url: string } | { kind: 'case_event'; caseEventId: string; label: string | null };

export interface AttachmentView {
  id: string;
  agendaItemId: string;
  kind: 'link' | 'case_event';
  label: string;
  url: string | null;
  /** A referenced chronology entry; text is null (hidden) where the reader may not see the entry. */
  caseEvent: { id: string; caseId: string; occurredOn: string; text: string | null; hidden: boolean } | null;
  unit: { id: string; name: string };
  createdByName: string;
  createdAt: string;
}

interface Row {
  id: string;
  agenda_item_id: string;
  kind: 'link' | 'case_event';
  label: string;
  url: string | null;
  case_event_id: string | null;
  event_case_id: string | null;
  event_on: string | null;
  event_text: string | null;
  event_visible: boolean | null;
  unit_id: string;
  unit_name: string;
  created_by_name: string;
  created_at: Date | string;
}

const toView = (r: Row): AttachmentView => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  kind: r.kind,
  label: r.label,
  url: r.url,
  caseEvent: r.case_event_id
    ? {
        id: r.case_event_id,
        caseId: r.event_case_id!,
        occurredOn: r.event_on!,
        text: r.event_visible ? r.event_text : null,
        hidden: !r.event_visible,
      }
    : null,
  unit: { id: r.unit_id, name: r.unit_name },
  createdByName: r.created_by_name,
  createdAt: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
});

/** https, or a path inside Samsyn (e.g. /arenden/<id>): never javascript:, data: or another scheme. */
export function isSafeLink(url: string): boolean {
  if (/^\/(?!\/)[^\s\\]*$/.test(url)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Documents and links from the case on an agenda item (meetings issue §2). The samordnare, who
 * prepares the agenda, and the case's own unit add them; a referenced chronology entry is shown
 * with its text only to readers its own rule allows.
 */
export function agendaAttachmentsRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  const columns = sql`agenda_item_attachments.id, agenda_item_attachments.agenda_item_id, agenda_item_attachments.kind, agenda_item_attachments.label,
    agenda_item_attachments.url, agenda_item_attachments.case_event_id, case_events.case_id as event_case_id, case_events.occurred_on::text as event_on,
    case_events.text as event_text, v.ok as event_visible, agenda_item_attachments.unit_id, au.name as unit_name, aus.display_name as created_by_name,
    agenda_item_attachments.created_at`;
  const from = sql`agenda_item_attachments join units au on au.id = agenda_item_attachments.unit_id join users aus on aus.id = agenda_item_attachments.created_by
    left join case_events on case_events.id = agenda_item_attachments.case_event_id
    left join lateral (select (case_events.id is not null and ${ruleCondition('case_events', actor, purpose, today)}) as ok) v on true`;

  async function readOne(id: string) {
    const [row] = await queryRows<Row>(
      tx,
      sql`select ${columns} from ${from} where agenda_item_attachments.id = ${id} and ${ruleCondition('agenda_item_attachments', actor, purpose, today)}`,
    );
    return row ? toView(row) : null;
  }

  return {
    /** The attachments of a meeting's items the actor may see; null when not a member. */
    async forMeeting(meetingId: string): Promise<AttachmentView[] | null> {
      const [member] = await queryRows(
        tx,
        sql`select 1 from meetings m join team_members tm on tm.team_id = m.team_id where m.id = ${meetingId} and tm.user_id = ${actor.userId}`,
      );
      if (!member) return null;
      const rows = await queryRows<Row>(
        tx,
        sql`select ${columns} from ${from} join agenda_items ai on ai.id = agenda_item_attachments.agenda_item_id
          where ai.meeting_id = ${meetingId} and ${ruleCondition('agenda_item_attachments', actor, purpose, today)}
          order by ai.position, agenda_item_attachments.created_at`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'agenda_item_attachment',
        resourceId: meetingId,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length },
      });
      return rows.map(toView);
    },

    async add(agendaItemId: string, input: AttachmentInput): Promise<AttachmentView> {
      const [item] = await queryRows<{
        id: string;
        kind: string;
        case_id: string | null;
        status: string;
        is_samordnare: boolean;
        case_owner: string | null;
        covered: boolean;
        count: number;
      }>(
        tx,
        sql`select agenda_items.id, agenda_items.kind, agenda_items.case_id, m.status,
            exists (select 1 from team_members tm where tm.team_id = m.team_id and tm.user_id = ${actor.userId} and tm.is_samordnare) as is_samordnare,
            c.owning_unit_id as case_owner,
            (agenda_items.kind <> 'case' or c.owning_unit_id = ${actor.actingUnitId} or ${activeConsentSql(actor, today, sql`c.id`, sql`c.owning_unit_id`)}) as covered,
            (select count(*)::int from agenda_item_attachments x where x.agenda_item_id = agenda_items.id) as count
          from agenda_items join meetings m on m.id = agenda_items.meeting_id left join cases c on c.id = agenda_items.case_id
          where agenda_items.id = ${agendaItemId} and ${ruleCondition('agenda_items', actor, purpose, today)}`,
      );
      if (!item || !item.covered) throw new AccessFailure('not_found');
      if (!item.is_samordnare && item.case_owner !== actor.actingUnitId)
        throw invalid(
          'label',
          'Bara samordnaren eller ärendets egen verksamhet lägger till dokument och länkar.',
          'Only the samordnare or the case’s own unit adds documents and links.',
        );
      if (item.status === 'cancelled') throw invalid('label', 'Mötet är inställt.', 'The meeting is cancelled.');
      if (Number(item.count) >= MAX_ATTACHMENTS_PER_ITEM)
        throw invalid(
          'label',
          `En punkt kan ha högst ${MAX_ATTACHMENTS_PER_ITEM} dokument och länkar.`,
          `An item can have at most ${MAX_ATTACHMENTS_PER_ITEM} documents and links.`,
        );
      let label = input.label?.trim() ?? '';
      let url: string | null = null;
      let eventId: string | null = null;
      if (input.kind === 'link') {
        url = input.url.trim();
        if (!label) throw invalid('label', 'Skriv vad länken leder till.', 'Describe what the link leads to.');
        if (!isSafeLink(url))
          throw invalid(
            'url',
            'Länken måste börja med https:// eller vara en sida i Samsyn (börja med /).',
            'The link must start with https:// or be a page in Samsyn (start with /).',
          );
      } else {
        if (!item.case_id)
          throw invalid(
            'caseEventId',
            'En allmän fråga har inget ärende att hämta dokument från.',
            'A general topic has no case to take documents from.',
          );
        const [event] = await queryRows<{ id: string; text: string; occurred_on: string; corrected: boolean }>(
          tx,
          sql`select case_events.id, case_events.text, case_events.occurred_on::text as occurred_on,
              exists (select 1 from case_events c2 where c2.corrects_id = case_events.id) as corrected
            from case_events where case_events.id = ${input.caseEventId} and case_events.case_id = ${item.case_id}
              and ${ruleCondition('case_events', actor, purpose, today)}`,
        );
        if (!event)
          throw invalid(
            'caseEventId',
            'Anteckningen finns inte i ärendets kronologi, eller så får du inte läsa den.',
            'The entry is not in the case chronology, or you may not read it.',
          );
        if (event.corrected)
          throw invalid(
            'caseEventId',
            'Anteckningen är rättad. Välj den rättade versionen.',
            'The entry has been corrected. Choose the corrected version.',
          );
        eventId = event.id;
        if (!label) label = `Kronologi ${event.occurred_on}`;
      }
      if (item.kind !== 'case') {
        // A consultation or general topic is discussed de-identified: nothing in the label or link may identify a child.
        for (const [field, text] of [
          ['label', label],
          ['url', url ?? ''],
        ] as const) {
          const found = findIdentifiers(text);
          if (found.length > 0)
            throw new AccessFailure(
              'validation',
              found.slice(0, 3).map((f) => ({ field, message: f.message, messageEn: f.messageEn })),
            );
        }
      }
      const id = newId();
      await tx.execute(sql`insert into agenda_item_attachments (id, tenant_id, agenda_item_id, unit_id, kind, label, url, case_event_id, created_by)
        values (${id}, ${actor.tenantId}, ${agendaItemId}, ${actor.actingUnitId}, ${input.kind}, ${label}, ${url}, ${eventId}, ${actor.userId})`);
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'agenda_item_attachment',
        resourceId: id,
        purpose,
        outcome: 'allowed',
        details: { agendaItemId, kind: input.kind, caseEventId: eventId },
      });
      return (await readOne(id))!;
    },

    /** The unit that added it, or the team's samordnare, removes it. */
    async remove(id: string): Promise<void> {
      const [row] = await queryRows<{ unit_id: string; is_samordnare: boolean }>(
        tx,
        sql`select agenda_item_attachments.unit_id,
            exists (select 1 from agenda_items i join meetings m on m.id = i.meeting_id join team_members tm on tm.team_id = m.team_id
              where i.id = agenda_item_attachments.agenda_item_id and tm.user_id = ${actor.userId} and tm.is_samordnare) as is_samordnare
          from agenda_item_attachments where agenda_item_attachments.id = ${id} and ${ruleCondition('agenda_item_attachments', actor, purpose, today)}`,
      );
      if (!row) throw new AccessFailure('not_found');
      if (row.unit_id !== actor.actingUnitId && !row.is_samordnare)
        throw invalid(
          'id',
          'Bara den som lade till den, eller samordnaren, kan ta bort den.',
          'Only whoever added it, or the samordnare, can remove it.',
        );
      await tx.execute(sql`delete from agenda_item_attachments where id = ${id}`);
      await appendAudit(tx, actor, { action: 'delete', resourceType: 'agenda_item_attachment', resourceId: id, purpose, outcome: 'allowed' });
    },
  };
}
