import { sql, type SQL } from 'drizzle-orm';
import { findIdentifiers } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { loadUnits, loadVisibleCase } from './cases.read.ts';
import { AccessFailure, invalid } from './failure.ts';
import { notifyAgendaItem } from './meeting-notify.ts';
import { activeConsentSql, ruleCondition } from './rules.ts';

export type AgendaKind = 'anonymous' | 'case' | 'topic';

export interface AgendaInput {
  kind: AgendaKind;
  caseId: string | null;
  title: string | null;
  description: string | null;
  invitedUnitIds: string[];
}

interface ItemRow {
  id: string;
  kind: AgendaKind;
  case_id: string | null;
  title: string;
  description: string | null;
  position: number;
  invited_unit_ids: string[] | string;
  case_owner: string | null;
}

const uuidList = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/[{}]/g, '').split(',').filter(Boolean));

function pgUuidArray(items: readonly string[]): SQL {
  return sql`array[${sql.join(
    items.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
}

/**
 * The agenda of a team meeting (meetings issue §2). Items are anonymous consultations,
 * identified cases or general topics; each invites only the units it needs. The samordnare
 * is warned before the meeting when an invited unit is not covered by the case's consent
 * ("BUP är inte omfattad av samtycket för ärende X"): that unit sees the item de-identified.
 */
export function agendaRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  async function meetingOf(meetingId: string) {
    const [m] = await queryRows<{ id: string; team_id: string; status: string; is_member: boolean; is_samordnare: boolean }>(
      tx,
      sql`select m.id, m.team_id, m.status,
          exists (select 1 from team_members tm where tm.team_id = m.team_id and tm.user_id = ${actor.userId}) as is_member,
          exists (select 1 from team_members tm where tm.team_id = m.team_id and tm.user_id = ${actor.userId} and tm.is_samordnare) as is_samordnare
        from meetings m where m.id = ${meetingId}`,
    );
    return m && m.is_member ? m : null;
  }

  return {
    async list(meetingId: string) {
      const meeting = await meetingOf(meetingId);
      if (!meeting) {
        await appendAudit(tx, actor, { action: 'list', resourceType: 'agenda_item', resourceId: meetingId, purpose, outcome: 'denied' });
        return null;
      }
      const rows = await queryRows<ItemRow>(
        tx,
        sql`select agenda_items.id, agenda_items.kind, agenda_items.case_id, agenda_items.title, agenda_items.description, agenda_items.position,
            agenda_items.invited_unit_ids, c.owning_unit_id as case_owner
          from agenda_items left join cases c on c.id = agenda_items.case_id
          where agenda_items.meeting_id = ${meetingId} and ${ruleCondition('agenda_items', actor, purpose, today)}
          order by agenda_items.position`,
      );
      const units = await loadUnits(tx);
      // Coverage per invited unit, from the stored consent windows (the same rule the case read uses).
      const coverage = new Map<string, boolean>();
      for (const r of rows) {
        if (r.kind !== 'case' || !r.case_id || !r.case_owner) continue;
        // The reader's own unit too, invited or not: whether it may see the case's content.
        for (const u of new Set([...uuidList(r.invited_unit_ids), actor.actingUnitId])) {
          if (u === r.case_owner) {
            coverage.set(`${r.id}:${u}`, true);
            continue;
          }
          const asUnit: Actor = { ...actor, actingUnitId: u };
          const [hit] = await queryRows(
            tx,
            sql`select 1 where ${activeConsentSql(asUnit, today, sql`${r.case_id}::uuid`, sql`${r.case_owner}::uuid`)}`,
          );
          coverage.set(`${r.id}:${u}`, Boolean(hit));
        }
      }
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'agenda_item',
        resourceId: meetingId,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length, caseIds: rows.flatMap((r) => (r.case_id ? [r.case_id] : [])) },
      });
      return {
        isSamordnare: meeting.is_samordnare,
        items: rows.map((r) => {
          const invited = uuidList(r.invited_unit_ids).map((u) => ({
            id: u,
            name: units.get(u)?.name ?? '',
            covered: r.kind === 'case' ? (coverage.get(`${r.id}:${u}`) ?? false) : null,
          }));
          return {
            id: r.id,
            kind: r.kind,
            caseId: r.case_id,
            title: r.title,
            description: r.description,
            position: Number(r.position),
            invitedUnits: invited,
            /** Whether the reader's unit may see the case behind the item (owner or covered); null for topics and consultations. */
            readerCovered: r.kind === 'case' ? (coverage.get(`${r.id}:${actor.actingUnitId}`) ?? false) : null,
            // Only the samordnare, who prepares the meeting, gets the warnings.
            warnings: meeting.is_samordnare
              ? invited
                  .filter((u) => u.covered === false)
                  .map((u) => ({
                    unitId: u.id,
                    sv: `${u.name} är inte omfattad av samtycket för ärende ${r.title}. Verksamheten ser punkten avidentifierad.`,
                    en: `${u.name} is not covered by the consent for case ${r.title}. The unit sees the item de-identified.`,
                  }))
              : [],
          };
        }),
      };
    },

    async add(meetingId: string, input: AgendaInput): Promise<string> {
      const meeting = await meetingOf(meetingId);
      if (!meeting?.is_samordnare) throw new AccessFailure('not_found');
      if (meeting.status === 'cancelled') throw invalid('kind', 'Mötet är inställt.', 'The meeting is cancelled.');
      const units = await loadUnits(tx);
      for (const u of input.invitedUnitIds)
        if (!units.get(u)?.active)
          throw invalid('invitedUnitIds', 'En inbjuden verksamhet finns inte eller är inte aktiv.', 'An invited unit does not exist or is inactive.');
      if (input.invitedUnitIds.length === 0)
        throw invalid('invitedUnitIds', 'Bjud in minst en verksamhet till punkten.', 'Invite at least one unit to the item.');
      let title = input.title?.trim() ?? '';
      if (input.kind === 'topic') {
        if (!title) throw invalid('title', 'Skriv vad punkten handlar om.', 'Describe the topic.');
        // A general topic is discussed by everyone invited: nothing may identify a child.
        for (const [field, text] of [
          ['title', title],
          ['description', input.description ?? ''],
        ] as const) {
          const found = findIdentifiers(text);
          if (found.length > 0)
            throw new AccessFailure(
              'validation',
              found.slice(0, 3).map((f) => ({ field, message: f.message, messageEn: f.messageEn })),
            );
        }
      } else {
        if (!input.caseId) throw invalid('caseId', 'Välj ärendet.', 'Choose the case.');
        const c = await loadVisibleCase(tx, actor, purpose, today, input.caseId);
        if (!c || c.owning_unit_id !== actor.actingUnitId)
          throw invalid('caseId', 'Ärendet finns inte bland din verksamhets ärenden.', 'The case is not among your unit’s cases.');
        if (c.closed_at)
          throw invalid(
            'caseId',
            'Ärendet är avslutat. Öppna det igen för att ta upp det.',
            'The case is closed. Reopen it to put it on the agenda.',
          );
        if (input.kind === 'anonymous' && c.child_id)
          throw invalid(
            'kind',
            'Ärendet är kopplat till ett barn. Lägg upp det som identifierat ärende.',
            'The case is linked to a child. Add it as an identified case.',
          );
        if (input.kind === 'case' && !c.child_id)
          throw invalid(
            'kind',
            'Ärendet är avidentifierat. Lägg upp det som anonym konsultation.',
            'The case is de-identified. Add it as an anonymous consultation.',
          );
        if (!input.invitedUnitIds.includes(actor.actingUnitId)) input.invitedUnitIds.push(actor.actingUnitId);
        // The item shows the case only by its pseudonym.
        title = c.pseudonym;
      }
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
        tx,
        sql`select coalesce(max(position), 0)::int as n from agenda_items where meeting_id = ${meetingId}`,
      );
      const id = newId();
      await tx.execute(sql`insert into agenda_items (id, tenant_id, meeting_id, kind, case_id, title, description, position, invited_unit_ids, created_by)
        values (${id}, ${actor.tenantId}, ${meetingId}, ${input.kind}, ${input.caseId}, ${title}, ${input.description}, ${Number(n) + 1},
          ${pgUuidArray([...new Set(input.invitedUnitIds)])}, ${actor.userId})`);
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'agenda_item',
        resourceId: id,
        purpose,
        outcome: 'allowed',
        details: { kind: input.kind, caseId: input.caseId },
      });
      await notifyAgendaItem(tx, actor, meetingId, title, [...new Set(input.invitedUnitIds)]);
      return id;
    },
  };
}
