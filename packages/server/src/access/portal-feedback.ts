import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../db/driver.ts';
import { AccessFailure } from './failure.ts';
import { withPortalChild, type PortalLink, type PortalPerson } from './portal.ts';
import { withTenantTx } from './tenant-tx.ts';

/**
 * "Blev du lyssnad på?" and "Förstod du vad som bestämdes?" (issue 7), asked in the portal after a
 * team meeting about the child. The answer is anonymous: it is stored with the team, the month and
 * the kind of person (child or guardian) only, in its own transaction, and never next to the child,
 * the case, the meeting or the person (see migration 0024). What is kept about the person is only
 * THAT they answered for the meeting, so they are asked once. Staff see counts of 5 or more.
 */
export type FeedbackAnswer = 1 | 2 | 3;

/** The person has already answered about this meeting (409 at the edge); nothing is stored. */
export class FeedbackAlreadyGiven extends Error {
  override name = 'FeedbackAlreadyGiven';
  constructor() {
    super('feedback already given');
  }
}
export const FEEDBACK_ANSWERS = { yes: 1, partly: 2, no: 3 } as const;

/** A meeting is asked about for this long after it was held. */
export const FEEDBACK_DAYS = 30;

interface FeedbackMeeting {
  meetingId: string;
  teamId: string;
  date: string;
  answered: boolean;
}

/**
 * The latest meeting, held in the last 30 days, that had the child's case on its agenda with the
 * family invited (or accepted, or there); and whether this person has answered for it already.
 */
async function latestMeeting(tx: Tx, l: PortalLink, identityHash: string, today: string, now: Date): Promise<FeedbackMeeting | null> {
  const [m] = await queryRows<{ id: string; team_id: string; date: string; answered: boolean }>(
    tx,
    sql`select m.id, m.team_id, m.date::text as date,
        exists (select 1 from portal_feedback_given g where g.meeting_id = m.id and g.identity_hash = ${identityHash}) as answered
      from agenda_items ai join meetings m on m.id = ai.meeting_id join cases c on c.id = ai.case_id
        join agenda_voices v on v.agenda_item_id = ai.id
      where c.child_id = ${l.childId} and ai.kind = 'case' and m.status = 'planned' and m.ends_at <= ${now.toISOString()}::timestamptz
        and m.date >= ${today}::date - ${FEEDBACK_DAYS}::int and v.family_status in ('invited', 'accepted', 'attended')
      order by m.starts_at desc limit 1`,
  );
  return m ? { meetingId: m.id, teamId: m.team_id, date: m.date, answered: m.answered === true } : null;
}

/** `{ meetingDate }` when the person has a meeting to answer about, else null. */
export function portalFeedbackAsk(db: Db, person: PortalPerson, today: string, now: Date, childHandle: string) {
  return withPortalChild(db, person, today, childHandle, 'portal_feedback', async (tx, l) => {
    const m = await latestMeeting(tx, l, person.identityHash, today, now);
    return m && !m.answered ? { meetingDate: m.date } : null;
  });
}

/**
 * Stores one answer. First, in the child's audited transaction, THAT the person answered for the
 * meeting (once: a second answer is 409); then, in a transaction of its own, the answer with the
 * team, month and relation only, so not even the transaction links the two.
 */
export async function answerPortalFeedback(
  db: Db,
  person: PortalPerson,
  today: string,
  now: Date,
  childHandle: string,
  answer: { listened: FeedbackAnswer; understood: FeedbackAnswer },
): Promise<void> {
  const given = await withPortalChild(db, person, today, childHandle, 'portal_feedback_answer', async (tx, l) => {
    const m = await latestMeeting(tx, l, person.identityHash, today, now);
    if (!m)
      throw new AccessFailure('validation', [
        {
          field: 'listened',
          message: 'Det finns inget möte att svara om just nu.',
          messageEn: 'There is no meeting to answer about right now.',
        },
      ]);
    const inserted = m.answered
      ? []
      : await queryRows(
          tx,
          sql`insert into portal_feedback_given (tenant_id, meeting_id, identity_hash) values (${l.tenantId}, ${m.meetingId}, ${person.identityHash})
            on conflict do nothing returning meeting_id`,
        );
    if (inserted.length === 0) throw new FeedbackAlreadyGiven();
    return { tenantId: l.tenantId, meetingId: m.meetingId, teamId: m.teamId, period: `${m.date.slice(0, 7)}-01`, relation: l.relation };
  });
  try {
    await withTenantTx(db, given.tenantId, (tx) =>
      tx.execute(sql`insert into portal_feedback (tenant_id, team_id, period, relation, listened, understood)
        values (${given.tenantId}, ${given.teamId}, ${given.period}::date, ${given.relation}, ${answer.listened}, ${answer.understood})`),
    );
  } catch (err) {
    // The answer was not stored: undo the mark, so the person is asked again instead of the
    // answer being lost silently; the error reaches them (500) and they can send it again.
    await withTenantTx(db, given.tenantId, (tx) =>
      tx.execute(sql`delete from portal_feedback_given where meeting_id = ${given.meetingId} and identity_hash = ${person.identityHash}`),
    ).catch(() => undefined);
    throw err;
  }
}

export interface FeedbackCount {
  value: number | null;
  display: string;
}
export interface FeedbackMonth {
  /** The first day of the month. */
  period: string;
  listened: { yes: FeedbackCount; partly: FeedbackCount; no: FeedbackCount };
  understood: { yes: FeedbackCount; partly: FeedbackCount; no: FeedbackCount };
}

/**
 * The answers for a team per month from `from` to `to` (months up to today's), for staff: counts
 * only, a cell under `limit` answers is sent as null with `display` set by the caller's rule.
 */
export async function feedbackStatistics(
  tx: Tx,
  teamId: string,
  from: string,
  to: string,
  today: string,
  count: (n: number) => FeedbackCount,
): Promise<FeedbackMonth[]> {
  const last = (to < today ? to : today).slice(0, 7);
  const rows = await queryRows<{ period: string; question: string; answer: number; n: number }>(
    tx,
    sql`select period::text as period, question, answer, n from portal_feedback_counts(${teamId}::uuid, ${from}::date, ${to}::date)`,
  );
  const months: FeedbackMonth[] = [];
  for (let month = from.slice(0, 7); month <= last;) {
    const period = `${month}-01`;
    const n = (question: string, answer: number) =>
      count(Number(rows.find((r) => r.period === period && r.question === question && Number(r.answer) === answer)?.n ?? 0));
    const question = (q: string) => ({ yes: n(q, FEEDBACK_ANSWERS.yes), partly: n(q, FEEDBACK_ANSWERS.partly), no: n(q, FEEDBACK_ANSWERS.no) });
    months.push({ period, listened: question('listened'), understood: question('understood') });
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}
