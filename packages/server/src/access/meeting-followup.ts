import { sql } from 'drizzle-orm';
import { refreshCaseFigures } from './interventions.ts';
import { DEFAULT_FEEDBACK_WORKING_DAYS, feedbackDueDate } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { AccessFailure, invalid } from './failure.ts';
import { notifyFeedbackOwner } from './meeting-notify.ts';
import { activeConsentSql, ruleCondition } from './rules.ts';

export const FAMILY_STATUSES = ['not_invited', 'invited', 'accepted', 'declined', 'attended'] as const;
export type FamilyStatus = (typeof FAMILY_STATUSES)[number];

export const FAMILY_STATUS_LABELS: Record<FamilyStatus, { sv: string; en: string }> = {
  not_invited: { sv: 'Inte inbjuden', en: 'Not invited' },
  invited: { sv: 'Inbjuden', en: 'Invited' },
  accepted: { sv: 'Tackat ja', en: 'Accepted' },
  declined: { sv: 'Tackat nej', en: 'Declined' },
  attended: { sv: 'Var med', en: 'Attended' },
};

/** Meeting policy per tenant (meetings issue §5): working days until the family's feedback is due. */
export interface MeetingPolicy {
  feedbackWorkingDays: number;
}
export const MAX_FEEDBACK_WORKING_DAYS = 30;

export async function tenantMeetingPolicy(tx: Tx): Promise<MeetingPolicy> {
  const [row] = await queryRows<{ days: number | string | null }>(
    tx,
    sql`select (settings->>'feedbackWorkingDays')::int as days from tenants where id = current_tenant()`,
  );
  const days = row?.days === null || row?.days === undefined ? DEFAULT_FEEDBACK_WORKING_DAYS : Number(row.days);
  return { feedbackWorkingDays: days };
}

export async function setTenantMeetingPolicy(tx: Tx, actor: Actor, policy: MeetingPolicy): Promise<MeetingPolicy> {
  if (!Number.isInteger(policy.feedbackWorkingDays) || policy.feedbackWorkingDays < 1 || policy.feedbackWorkingDays > MAX_FEEDBACK_WORKING_DAYS)
    throw invalid(
      'feedbackWorkingDays',
      `Ange ett helt antal arbetsdagar mellan 1 och ${MAX_FEEDBACK_WORKING_DAYS}.`,
      `Enter a whole number of working days between 1 and ${MAX_FEEDBACK_WORKING_DAYS}.`,
    );
  const before = await tenantMeetingPolicy(tx);
  await tx.execute(sql`update tenants set settings = coalesce(settings, '{}'::jsonb) || ${JSON.stringify({ feedbackWorkingDays: policy.feedbackWorkingDays })}::jsonb
    where id = current_tenant()`);
  await appendAudit(tx, actor, {
    action: 'update',
    resourceType: 'meeting_policy',
    purpose: 'administration',
    outcome: 'allowed',
    details: { before, after: policy },
  });
  return tenantMeetingPolicy(tx);
}

export interface VoiceView {
  agendaItemId: string;
  childWords: string | null;
  /** The child chose in the portal not to show their words to their guardians; the team sees them, marked. */
  childWordsPrivate: boolean;
  guardianWords: string | null;
  familyStatus: FamilyStatus;
  unit: { id: string; name: string };
  version: number;
  updatedByName: string;
  updatedAt: string;
}

interface VoiceRow {
  agenda_item_id: string;
  child_words: string | null;
  child_words_private: boolean;
  guardian_words: string | null;
  family_status: FamilyStatus;
  unit_id: string;
  unit_name: string;
  version: number;
  updated_by_name: string;
  updated_at: Date | string;
}

const voiceView = (r: VoiceRow): VoiceView => ({
  agendaItemId: r.agenda_item_id,
  childWords: r.child_words,
  childWordsPrivate: r.child_words_private === true,
  guardianWords: r.guardian_words,
  familyStatus: r.family_status,
  unit: { id: r.unit_id, name: r.unit_name },
  version: Number(r.version),
  updatedByName: r.updated_by_name,
  updatedAt: (r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at)).toISOString(),
});

/** A stale save of the voice: nothing is overwritten; the caller keeps their text and sees the saved one. */
export class VoiceConflict extends Error {
  override name = 'VoiceConflict';
  constructor(readonly current: VoiceView) {
    super('voice conflict');
  }
}

const VOICE_COLUMNS = sql`agenda_voices.agenda_item_id, agenda_voices.child_words, agenda_voices.child_words_private, agenda_voices.guardian_words, agenda_voices.family_status,
  agenda_voices.unit_id, vu.name as unit_name, agenda_voices.version,
  coalesce(vus.display_name, case when agenda_voices.updated_via = 'portal' then 'Familjen, i familjeportalen' end, '') as updated_by_name, agenda_voices.updated_at`;
const VOICE_FROM = sql`agenda_voices join units vu on vu.id = agenda_voices.unit_id left join users vus on vus.id = agenda_voices.updated_by`;

export interface VoiceInput {
  childWords: string | null;
  guardianWords: string | null;
  familyStatus: FamilyStatus;
}

export interface FeedbackTaskView {
  id: string;
  agendaItemId: string;
  meetingId: string;
  meetingDate: string;
  caseId: string;
  itemTitle: string;
  owner: { userId: string; name: string; unitId: string; unitName: string };
  dueDate: string;
  status: 'open' | 'done';
  doneNote: string | null;
  doneOn: string | null;
  onTime: boolean | null;
  overdue: boolean;
  version: number;
}

interface TaskRow {
  id: string;
  agenda_item_id: string;
  meeting_id: string;
  meeting_date: string;
  case_id: string;
  item_title: string;
  owner_user_id: string;
  owner_name: string;
  owner_unit_id: string;
  owner_unit_name: string;
  due_date: string;
  status: 'open' | 'done';
  done_note: string | null;
  done_on: string | null;
  version: number;
}

const TASK_COLUMNS = sql`feedback_tasks.id, feedback_tasks.agenda_item_id, ti.meeting_id, tm.date::text as meeting_date, feedback_tasks.case_id,
  ti.title as item_title, feedback_tasks.owner_user_id, tu.display_name as owner_name, feedback_tasks.owner_unit_id, tun.name as owner_unit_name,
  feedback_tasks.due_date::text as due_date, feedback_tasks.status, feedback_tasks.done_note, feedback_tasks.done_on::text as done_on, feedback_tasks.version`;
const TASK_FROM = sql`feedback_tasks join agenda_items ti on ti.id = feedback_tasks.agenda_item_id join meetings tm on tm.id = ti.meeting_id
  join users tu on tu.id = feedback_tasks.owner_user_id join units tun on tun.id = feedback_tasks.owner_unit_id`;

export function toTaskView(r: TaskRow, today: string): FeedbackTaskView {
  return {
    id: r.id,
    agendaItemId: r.agenda_item_id,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    caseId: r.case_id,
    itemTitle: r.item_title,
    owner: { userId: r.owner_user_id, name: r.owner_name, unitId: r.owner_unit_id, unitName: r.owner_unit_name },
    dueDate: r.due_date,
    status: r.status,
    doneNote: r.done_note,
    doneOn: r.done_on,
    onTime: r.status === 'done' ? r.done_on! <= r.due_date : r.due_date < today ? false : null,
    overdue: r.status === 'open' && r.due_date < today,
    version: Number(r.version),
  };
}

const swedishDate = (iso: string) => {
  const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[m! - 1]} ${y}`;
};

/**
 * The child's and guardians' voice before a meeting (meetings issue §3) and the feedback task
 * after it (§5). Both hang on a case item and follow the case's consent (rules.ts). The voice
 * is shown first under its item; the feedback task goes to "mina uppgifter", the samordnare's
 * overview and the case chronology.
 */
export function meetingFollowUpRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  /** The case item if the actor may see it (a team member), with its case and meeting. */
  async function caseItem(agendaItemId: string) {
    const [item] = await queryRows<{
      id: string;
      kind: string;
      case_id: string | null;
      title: string;
      meeting_id: string;
      meeting_date: string;
      meeting_status: string;
      team_id: string;
      case_owner: string | null;
      closed_at: string | null;
      may_speak: boolean;
    }>(
      tx,
      sql`select agenda_items.id, agenda_items.kind, agenda_items.case_id, agenda_items.title, m.id as meeting_id, m.date::text as meeting_date,
          m.status as meeting_status, m.team_id, c.owning_unit_id as case_owner, c.closed_at::text as closed_at,
          (c.owning_unit_id = ${actor.actingUnitId} or coalesce(${activeConsentSql(actor, today, sql`c.id`, sql`c.owning_unit_id`)}, false)) as may_speak
        from agenda_items join meetings m on m.id = agenda_items.meeting_id left join cases c on c.id = agenda_items.case_id
        where agenda_items.id = ${agendaItemId} and ${ruleCondition('agenda_items', actor, purpose, today)}`,
    );
    if (!item) throw new AccessFailure('not_found');
    return item;
  }

  async function chronology(caseId: string, kind: string, text: string, details: Record<string, unknown>) {
    await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
      select ${newId()}, ${actor.tenantId}, c.id, ${actor.actingUnitId}, ${actor.userId}, ${kind}, 'insatser', c.child_id is null, ${today}::date,
        ${text}, ${JSON.stringify(details)}::jsonb from cases c where c.id = ${caseId}`);
  }

  async function readTask(id: string): Promise<FeedbackTaskView | null> {
    const [row] = await queryRows<TaskRow>(
      tx,
      sql`select ${TASK_COLUMNS} from ${TASK_FROM} where feedback_tasks.id = ${id} and ${ruleCondition('feedback_tasks', actor, purpose, today)}`,
    );
    return row ? toTaskView(row, today) : null;
  }

  return {
    /**
     * The case items of a meeting whose case the actor's unit may see: it owns the case or an
     * active consent for the case's purpose covers it. Other case items are de-identified for it.
     */
    async coveredCaseItems(meetingId: string): Promise<Set<string>> {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select agenda_items.id from agenda_items join cases c on c.id = agenda_items.case_id
          where agenda_items.meeting_id = ${meetingId} and agenda_items.kind = 'case' and ${ruleCondition('agenda_items', actor, purpose, today)}
            and (c.owning_unit_id = ${actor.actingUnitId} or ${activeConsentSql(actor, today, sql`c.id`, sql`c.owning_unit_id`)})`,
      );
      return new Set(rows.map((r) => r.id));
    },

    /** A case item the actor's unit may speak for (owner or covered), with its case's child. */
    async familyItem(agendaItemId: string) {
      const item = await caseItem(agendaItemId);
      if (item.kind !== 'case' || !item.case_id || !item.may_speak) throw new AccessFailure('not_found');
      const [c] = await queryRows<{ child_id: string | null }>(tx, sql`select child_id from cases where id = ${item.case_id}`);
      return {
        id: item.id,
        caseId: item.case_id,
        meetingId: item.meeting_id,
        meetingDate: item.meeting_date,
        teamId: item.team_id,
        childId: c?.child_id ?? null,
      };
    },

    /** The team's next planned meeting after `date` with this case on its agenda. */
    async nextMeetingWithCase(teamId: string, caseId: string, date: string) {
      const [m] = await queryRows<{ date: string; start_time: string }>(
        tx,
        sql`select m.date::text as date, m.start_time from meetings m where m.team_id = ${teamId} and m.status = 'planned' and m.date > ${date}::date
          and exists (select 1 from agenda_items a where a.meeting_id = m.id and a.case_id = ${caseId}) order by m.starts_at limit 1`,
      );
      return m ? { date: m.date, startTime: m.start_time } : null;
    },

    /** The voices of a meeting's case items the actor may see. null when not a member. */
    async voices(meetingId: string): Promise<VoiceView[] | null> {
      const [member] = await queryRows(
        tx,
        sql`select 1 from meetings m join team_members tm on tm.team_id = m.team_id where m.id = ${meetingId} and tm.user_id = ${actor.userId}`,
      );
      if (!member) return null;
      const rows = await queryRows<VoiceRow>(
        tx,
        sql`select ${VOICE_COLUMNS} from ${VOICE_FROM} join agenda_items ai on ai.id = agenda_voices.agenda_item_id
          where ai.meeting_id = ${meetingId} and ${ruleCondition('agenda_voices', actor, purpose, today)} order by ai.position`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'agenda_voice',
        resourceId: meetingId,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length },
      });
      return rows.map(voiceView);
    },

    /** Records the child's and guardians' words and the family's part. version 0 = new. */
    async saveVoice(agendaItemId: string, version: number, input: VoiceInput): Promise<VoiceView> {
      const item = await caseItem(agendaItemId);
      if (item.kind !== 'case')
        throw invalid(
          'childWords',
          'Barnets och vårdnadshavarnas röst hör till identifierade ärenden.',
          'The child’s and guardians’ voice belongs to identified cases.',
        );
      if (!item.may_speak) throw new AccessFailure('not_found');
      if (item.meeting_status === 'cancelled') throw invalid('familyStatus', 'Mötet är inställt.', 'The meeting is cancelled.');
      if (input.familyStatus === 'attended' && item.meeting_date > today)
        throw invalid(
          'familyStatus',
          'Familjen kan inte ha varit med på ett möte som inte har hållits än.',
          'The family cannot have attended a meeting not yet held.',
        );
      const current = async () => {
        const [row] = await queryRows<VoiceRow>(
          tx,
          sql`select ${VOICE_COLUMNS} from ${VOICE_FROM} where agenda_voices.agenda_item_id = ${agendaItemId}`,
        );
        return row ? voiceView(row) : null;
      };
      const existing = await current();
      if ((existing?.version ?? 0) !== version) {
        if (existing) throw new VoiceConflict(existing);
        throw new AccessFailure('conflict');
      }
      const child = input.childWords?.trim() || null;
      const guardians = input.guardianWords?.trim() || null;
      if (existing) {
        await tx.execute(sql`update agenda_voices set child_words = ${child}, guardian_words = ${guardians}, family_status = ${input.familyStatus},
            unit_id = ${actor.actingUnitId}, version = version + 1, updated_by = ${actor.userId}, updated_via = 'staff', updated_at = now()
          where agenda_item_id = ${agendaItemId} and version = ${version}`);
      } else {
        await tx.execute(sql`insert into agenda_voices (agenda_item_id, tenant_id, unit_id, child_words, guardian_words, family_status, updated_by)
          values (${agendaItemId}, ${actor.tenantId}, ${actor.actingUnitId}, ${child}, ${guardians}, ${input.familyStatus}, ${actor.userId})`);
      }
      await appendAudit(tx, actor, {
        action: 'write_voice',
        resourceType: 'agenda_voice',
        resourceId: agendaItemId,
        purpose,
        outcome: 'allowed',
        details: { caseId: item.case_id, familyStatus: input.familyStatus },
      });
      return (await current())!;
    },

    async tasksForMeeting(meetingId: string): Promise<FeedbackTaskView[]> {
      const rows = await queryRows<TaskRow>(
        tx,
        sql`select ${TASK_COLUMNS} from ${TASK_FROM} where ti.meeting_id = ${meetingId} and ${ruleCondition('feedback_tasks', actor, purpose, today)}
          order by ti.position`,
      );
      return rows.map((r) => toTaskView(r, today));
    },

    async myTasks(): Promise<FeedbackTaskView[]> {
      const rows = await queryRows<TaskRow>(
        tx,
        sql`select ${TASK_COLUMNS} from ${TASK_FROM} where feedback_tasks.owner_user_id = ${actor.userId} and feedback_tasks.status = 'open'
          and ${ruleCondition('feedback_tasks', actor, purpose, today)} order by feedback_tasks.due_date`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'feedback_task',
        purpose,
        outcome: 'allowed',
        details: { mine: true, count: rows.length },
      });
      return rows.map((r) => toTaskView(r, today));
    },

    /**
     * Names who tells the child and guardians what was proposed. Due N working days after the
     * meeting (the tenant's policy, default 5), Swedish public holidays skipped.
     */
    async createTask(agendaItemId: string, ownerUserId: string, ownerUnitId: string): Promise<FeedbackTaskView> {
      const item = await caseItem(agendaItemId);
      if (item.kind !== 'case' || !item.case_id)
        throw invalid(
          'ownerUserId',
          'Återkoppling till familjen hör till identifierade ärenden.',
          'Feedback to the family belongs to identified cases.',
        );
      if (!item.may_speak) throw new AccessFailure('not_found');
      if (item.meeting_status === 'cancelled') throw invalid('ownerUserId', 'Mötet är inställt.', 'The meeting is cancelled.');
      const [existing] = await queryRows(tx, sql`select 1 from feedback_tasks where agenda_item_id = ${agendaItemId}`);
      if (existing)
        throw invalid(
          'ownerUserId',
          'Det finns redan en återkopplingsuppgift för den här punkten.',
          'There is already a feedback task for this item.',
        );
      const [owner] = await queryRows(
        tx,
        sql`select 1 from memberships ms join users u on u.id = ms.user_id join units un on un.id = ms.unit_id
          where ms.user_id = ${ownerUserId} and ms.unit_id = ${ownerUnitId} and ms.role in ('samordnare', 'professional') and u.active and un.active`,
      );
      if (!owner) throw invalid('ownerUserId', 'Personen arbetar inte i den verksamheten.', 'The person does not work in that unit.');
      // The person who tells the family must be allowed to know what the team proposed.
      const [allowed] = await queryRows(
        tx,
        sql`select 1 from cases c where c.id = ${item.case_id} and (c.owning_unit_id = ${ownerUnitId}
          or ${activeConsentSql({ ...actor, actingUnitId: ownerUnitId }, today, sql`c.id`, sql`c.owning_unit_id`)})`,
      );
      if (!allowed)
        throw invalid(
          'ownerUnitId',
          'Verksamheten omfattas inte av samtycket för ärendet och kan inte återkoppla till familjen.',
          'The unit is not covered by the case’s consent and cannot give the family feedback.',
        );
      const policy = await tenantMeetingPolicy(tx);
      const due = feedbackDueDate(item.meeting_date, policy.feedbackWorkingDays);
      const id = newId();
      await tx.execute(sql`insert into feedback_tasks (id, tenant_id, agenda_item_id, case_id, owner_user_id, owner_unit_id, created_by, created_by_unit_id, due_date)
        values (${id}, ${actor.tenantId}, ${agendaItemId}, ${item.case_id}, ${ownerUserId}, ${ownerUnitId}, ${actor.userId}, ${actor.actingUnitId}, ${due}::date)`);
      const view = (await readTask(id))!;
      await chronology(
        item.case_id,
        'feedback_task',
        `Återkoppling till barnet och vårdnadshavarna efter mötet ${swedishDate(item.meeting_date)}: ${view.owner.name}, ${view.owner.unitName}, senast ${swedishDate(due)}.`,
        { feedbackTaskId: id },
      );
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'feedback_task',
        resourceId: id,
        purpose,
        outcome: 'allowed',
        details: { agendaItemId, dueDate: due, workingDays: policy.feedbackWorkingDays },
      });
      await notifyFeedbackOwner(tx, actor, { id, ownerUserId, itemTitle: view.itemTitle, dueDate: due });
      await refreshCaseFigures(tx, actor.tenantId, today, item.case_id);
      return view;
    },

    /** Only the owner marks it done, with a short note of how it went. */
    async completeTask(id: string, version: number, note: string): Promise<FeedbackTaskView> {
      const task = await readTask(id);
      if (!task) throw new AccessFailure('not_found');
      if (task.owner.userId !== actor.userId)
        throw invalid('note', 'Bara den som har uppgiften kan markera den som klar.', 'Only the owner can mark the task done.');
      if (task.version !== version) throw new AccessFailure('conflict');
      if (task.status === 'done') throw invalid('note', 'Uppgiften är redan klar.', 'The task is already done.');
      if (note.trim().length < 3) throw invalid('note', 'Skriv kort hur återkopplingen gick.', 'Describe briefly how the feedback went.');
      await tx.execute(sql`update feedback_tasks set status = 'done', done_note = ${note.trim()}, done_on = ${today}::date, done_by = ${actor.userId},
        version = version + 1 where id = ${id} and version = ${version}`);
      await chronology(task.caseId, 'feedback_done', `Återkoppling till familjen gjord: ${note.trim()}`, { feedbackTaskId: id });
      await refreshCaseFigures(tx, actor.tenantId, today, task.caseId);
      await appendAudit(tx, actor, { action: 'close', resourceType: 'feedback_task', resourceId: id, purpose, outcome: 'allowed' });
      return (await readTask(id))!;
    },
  };
}
