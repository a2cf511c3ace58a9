import { sql } from 'drizzle-orm';
import { queryPrepared, type Tx } from '../db/driver.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { iso, loadVisibleCase, readSignals, systemCaseExists } from './cases.read.ts';
import { ruleCondition } from './rules.ts';

export function signalsReader(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  const rule = (t: string) => ruleCondition(t, actor, purpose, today);
  return {
    async list(box: 'sent' | 'received') {
      const where = box === 'sent' ? sql`signals.owning_unit_id = ${actor.actingUnitId}` : sql`signals.recipient_unit_id = ${actor.actingUnitId}`;
      const items = await readSignals(tx, where, rule('signals'));
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'signal',
        purpose,
        outcome: 'allowed',
        details: { box, count: items.length, signalIds: items.map((i) => i.id) },
      });
      return items;
    },
    async get(id: string) {
      const [item] = await readSignals(tx, sql`signals.id = ${id}`, rule('signals'));
      if (!item) {
        const exists = (await queryPrepared(tx, sql`select 1 from signals where id = ${id}`)).length > 0;
        await appendAudit(tx, actor, { action: 'read', resourceType: 'signal', resourceId: id, purpose, outcome: exists ? 'denied' : 'not_found' });
        return null;
      }
      await appendAudit(tx, actor, {
        action: 'read',
        resourceType: 'signal',
        resourceId: id,
        subjectChildId: item.child?.id ?? null,
        purpose,
        outcome: 'allowed',
      });
      return item;
    },
  };
}

interface EventRow {
  id: string;
  kind: string;
  category: string | null;
  anonymous_phase: boolean;
  occurred_on: string;
  text: string;
  owning_unit_id: string;
  owning_unit_name: string;
  author_name: string | null;
  created_at: Date | string;
  corrects_id: string | null;
  correction_reason: string | null;
  corrected_by: string | null;
  visible: boolean;
}

export function eventsReader(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  return {
    /**
     * The chronology, oldest first. Entries the actor may not see are listed as hidden (kind,
     * date and owning unit only), so the timeline shows that something happened without what.
     */
    async list(caseId: string) {
      const row = await loadVisibleCase(tx, actor, purpose, today, caseId);
      if (!row) {
        const exists = await systemCaseExists(tx, caseId, 'audit');
        await appendAudit(tx, actor, {
          action: 'list',
          resourceType: 'case_event',
          resourceId: caseId,
          purpose,
          outcome: exists ? 'denied' : 'not_found',
        });
        return null;
      }
      const rows = await queryPrepared<EventRow>(
        tx,
        sql`select case_events.id, case_events.kind, case_events.category, case_events.anonymous_phase, case_events.occurred_on::text as occurred_on,
            case when v.ok then case_events.text end as text, case_events.owning_unit_id, un.name as owning_unit_name,
            case when v.ok then us.display_name end as author_name, case_events.created_at, case_events.corrects_id,
            case when v.ok then case_events.correction_reason end as correction_reason,
            (select c2.id from case_events c2 where c2.corrects_id = case_events.id limit 1) as corrected_by, v.ok as visible
          from case_events
          cross join lateral (select (${ruleCondition('case_events', actor, purpose, today)}) as ok) v
          join units un on un.id = case_events.owning_unit_id
          left join users us on us.id = case_events.author_user_id
          where case_events.case_id = ${caseId}
          order by case_events.occurred_on, case_events.created_at`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'case_event',
        resourceId: caseId,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length, hidden: rows.filter((r) => !r.visible).length },
      });
      return rows.map((r) =>
        r.visible
          ? {
              id: r.id,
              hidden: false as const,
              kind: r.kind,
              category: r.category,
              anonymousPhase: r.anonymous_phase,
              occurredOn: r.occurred_on,
              text: r.text ?? '',
              owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name },
              authorName: r.author_name,
              createdAt: iso(r.created_at),
              correctsId: r.corrects_id,
              correctionReason: r.correction_reason,
              correctedBy: r.corrected_by,
            }
          : {
              id: r.id,
              hidden: true as const,
              kind: r.kind,
              occurredOn: r.occurred_on,
              owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name },
              reasonSv: `Anteckningen från ${r.owning_unit_name} visas inte: inget gällande samtycke omfattar den för din verksamhet.`,
              reasonEn: `The entry from ${r.owning_unit_name} is not shown: no consent in force covers it for your unit.`,
            },
      );
    },
  };
}
