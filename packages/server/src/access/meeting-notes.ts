import { sql } from 'drizzle-orm';
import { findIdentifiers } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { AccessFailure, invalid } from './failure.ts';
import { ruleCondition } from './rules.ts';

interface NoteRow {
  id: string;
  agenda_item_id: string;
  unit_id: string;
  unit_name: string;
  text: string;
  version: number;
  updated_by_name: string;
  updated_at: Date | string;
}

export interface NoteView {
  id: string;
  agendaItemId: string;
  unit: { id: string; name: string };
  text: string;
  version: number;
  updatedByName: string;
  updatedAt: string;
}

const toView = (r: NoteRow): NoteView => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  unit: { id: r.unit_id, name: r.unit_name },
  text: r.text,
  version: Number(r.version),
  updatedByName: r.updated_by_name,
  updatedAt: (r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at)).toISOString(),
});

/** A stale save: the caller keeps their own text and is shown the one saved meanwhile. */
export class NoteConflict extends Error {
  override name = 'NoteConflict';
  constructor(readonly current: NoteView) {
    super('note conflict');
  }
}

const COLUMNS = sql`agenda_notes.id, agenda_notes.agenda_item_id, agenda_notes.unit_id, u.name as unit_name, agenda_notes.text, agenda_notes.version,
  us.display_name as updated_by_name, agenda_notes.updated_at`;
const FROM = sql`agenda_notes join units u on u.id = agenda_notes.unit_id join users us on us.id = agenda_notes.updated_by`;

/**
 * Attendance and each unit's notes per agenda item (meetings issue §4, §6). A note is saved
 * with the version it was based on; if someone saved in between, nothing is overwritten and
 * the caller gets the current text to keep both.
 */
export function meetingNotesRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  async function memberMeeting(meetingId: string) {
    const [m] = await queryRows<{ team_id: string }>(
      tx,
      sql`select m.team_id from meetings m where m.id = ${meetingId}
        and exists (select 1 from team_members tm where tm.team_id = m.team_id and tm.user_id = ${actor.userId})`,
    );
    return m ?? null;
  }

  return {
    async attendance(meetingId: string) {
      const m = await memberMeeting(meetingId);
      if (!m) return null;
      const rows = await queryRows<{ user_id: string; name: string; unit_name: string; present: boolean | null }>(
        tx,
        sql`select distinct on (u.id) u.id as user_id, u.display_name as name, un.name as unit_name, a.present
          from team_members tm join users u on u.id = tm.user_id join units un on un.id = tm.unit_id
          left join meeting_attendance a on a.meeting_id = ${meetingId} and a.user_id = u.id
          where tm.team_id = ${m.team_id} order by u.id, un.name`,
      );
      return rows
        .map((r) => ({ userId: r.user_id, name: r.name, unitName: r.unit_name, present: r.present }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    },

    async setAttendance(meetingId: string, userId: string, present: boolean): Promise<void> {
      const m = await memberMeeting(meetingId);
      if (!m) throw new AccessFailure('not_found');
      const [member] = await queryRows(tx, sql`select 1 from team_members where team_id = ${m.team_id} and user_id = ${userId}`);
      if (!member) throw invalid('userId', 'Personen är inte med i teamet.', 'The person is not a member of the team.');
      await tx.execute(sql`insert into meeting_attendance (tenant_id, meeting_id, user_id, present, recorded_by) values (${actor.tenantId}, ${meetingId}, ${userId}, ${present}, ${actor.userId})
        on conflict (meeting_id, user_id) do update set present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = now()`);
      await appendAudit(tx, actor, {
        action: 'attendance',
        resourceType: 'meeting',
        resourceId: meetingId,
        purpose,
        outcome: 'allowed',
        details: { userId, present },
      });
    },

    async notes(meetingId: string): Promise<NoteView[] | null> {
      if (!(await memberMeeting(meetingId))) return null;
      const rows = await queryRows<NoteRow>(
        tx,
        sql`select ${COLUMNS} from ${FROM} join agenda_items ai on ai.id = agenda_notes.agenda_item_id
          where ai.meeting_id = ${meetingId} and ${ruleCondition('agenda_notes', actor, purpose, today)} order by ai.position, u.name`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'agenda_note',
        resourceId: meetingId,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length },
      });
      return rows.map(toView);
    },

    /** Saves the acting unit's note on an item. version 0 = a new note. */
    async saveNote(agendaItemId: string, version: number, text: string): Promise<NoteView> {
      const [item] = await queryRows<{ kind: string }>(
        tx,
        sql`select agenda_items.kind from agenda_items where agenda_items.id = ${agendaItemId} and ${ruleCondition('agenda_items', actor, purpose, today)}`,
      );
      if (!item) throw new AccessFailure('not_found');
      if (item.kind !== 'case') {
        const found = findIdentifiers(text);
        if (found.length > 0)
          throw new AccessFailure(
            'validation',
            found.slice(0, 3).map((f) => ({ field: 'text', message: f.message, messageEn: f.messageEn })),
          );
      }
      const current = async () => {
        const [row] = await queryRows<NoteRow>(
          tx,
          sql`select ${COLUMNS} from ${FROM} where agenda_notes.agenda_item_id = ${agendaItemId} and agenda_notes.unit_id = ${actor.actingUnitId}`,
        );
        return row ? toView(row) : null;
      };
      const existing = await current();
      if ((existing?.version ?? 0) !== version) {
        if (existing) throw new NoteConflict(existing);
        throw new AccessFailure('conflict');
      }
      if (existing) {
        await tx.execute(sql`update agenda_notes set text = ${text}, version = version + 1, updated_by = ${actor.userId}, updated_at = now()
          where id = ${existing.id} and version = ${version}`);
      } else {
        await tx.execute(
          sql`insert into agenda_notes (id, tenant_id, agenda_item_id, unit_id, text, updated_by) values (${newId()}, ${actor.tenantId}, ${agendaItemId}, ${actor.actingUnitId}, ${text}, ${actor.userId})`,
        );
      }
      await appendAudit(tx, actor, { action: 'write_note', resourceType: 'agenda_note', resourceId: agendaItemId, purpose, outcome: 'allowed' });
      return (await current())!;
    },
  };
}
