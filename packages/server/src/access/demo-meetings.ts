import { sql } from 'drizzle-orm';
import { addDays, expandSeries, isoWeekday, toSwedishDate } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor } from './actor.ts';
import { agendaRepository } from './agenda.ts';
import { appendAudit } from './audit.ts';
import { decisionsRepository } from './decisions.ts';
import { interventionsRepository } from './interventions.ts';
import { meetingFollowUpRepository } from './meeting-followup.ts';
import { meetingNotesRepository } from './meeting-notes.ts';

export interface DemoMeetingIds {
  teamId: string;
  users: { samordnare: string; kurator: string; soc: string; bup: string };
  units: { ehBjork: string; bjork: string; socOppen: string; bup: string };
}

/**
 * Fictitious meetings for the demo team TSI-team F–6: every other Tuesday 13:00–14:30, from a
 * meeting held two weeks ago (agenda, attendance, the child's voice, notes, decisions, and a
 * feedback task now overdue) to five months ahead, the next one with its agenda prepared.
 * Written through the same repositories the API uses, each "as of" the meeting's day.
 */
export async function systemSeedDemoMeetings(tx: Tx, tenantId: string, ids: DemoMeetingIds): Promise<void> {
  const today = toSwedishDate(new Date());
  let held = addDays(today, -14);
  while (isoWeekday(held) !== 2) held = addDays(held, -1);
  const rule = { startDate: held, untilDate: addDays(today, 150), intervalWeeks: 2, weekday: 2, startTime: '13:00', endTime: '14:30' };
  const seriesId = newId();
  await tx.execute(sql`insert into meeting_series (id, tenant_id, team_id, start_date, until_date, interval_weeks, weekday, start_time, end_time, location, created_by)
    values (${seriesId}, ${tenantId}, ${ids.teamId}, ${rule.startDate}::date, ${rule.untilDate}::date, 2, 2, '13:00', '14:30', 'Björkskolan, konferensrummet', ${ids.users.samordnare})`);
  const meetingIds: { id: string; date: string }[] = [];
  for (const o of expandSeries(rule, rule.startDate, rule.untilDate)) {
    const id = newId();
    meetingIds.push({ id, date: o.date });
    await tx.execute(sql`insert into meetings (id, tenant_id, team_id, series_id, date, start_time, end_time, starts_at, ends_at, location)
      values (${id}, ${tenantId}, ${ids.teamId}, ${seriesId}, ${o.date}::date, ${o.startTime}, ${o.endTime}, ${o.startsAtUtc}::timestamptz, ${o.endsAtUtc}::timestamptz, 'Björkskolan, konferensrummet')`);
  }
  const as = (userId: string, unitId: string, role: 'samordnare' | 'professional'): Actor => ({
    userId,
    tenantId,
    actingUnitId: unitId,
    roles: [role],
    sessionId: 'demo-seed',
  });
  const sam = as(ids.users.samordnare, ids.units.ehBjork, 'samordnare');
  const kurator = as(ids.users.kurator, ids.units.ehBjork, 'professional');
  const caseId = async (pseudonym: string) =>
    (await queryRows<{ id: string }>(tx, sql`select id from cases where pseudonym = ${pseudonym} and owning_unit_id = ${ids.units.ehBjork}`))[0]
      ?.id ?? null;
  const elevA = await caseId('Elev A');
  const elevC = await caseId('Elev C');
  if (!elevA || !elevC) return;

  /** The agenda of one meeting, as of `on`. */
  async function prepare(meetingId: string, on: string) {
    const agenda = agendaRepository(tx, sam, 'samverkan', on);
    await agenda.add(meetingId, {
      kind: 'case',
      caseId: elevC,
      title: null,
      description: 'Frånvaro och oro hemma.',
      invitedUnitIds: [ids.units.socOppen, ids.units.bup],
    });
    await agenda.add(meetingId, {
      kind: 'anonymous',
      caseId: elevA,
      title: null,
      description: 'Konsultation om ökande frånvaro.',
      invitedUnitIds: [ids.units.socOppen],
    });
    await agenda.add(meetingId, {
      kind: 'topic',
      caseId: null,
      title: 'Problematisk frånvaro i åk 5',
      description: 'Hur arbetar vi tidigt när frånvaron ökar?',
      invitedUnitIds: [ids.units.bjork, ids.units.ehBjork],
    });
    const items = await queryRows<{ id: string; kind: string }>(
      tx,
      sql`select id, kind from agenda_items where meeting_id = ${meetingId} order by position`,
    );
    return { caseItem: items.find((i) => i.kind === 'case')!.id, topic: items.find((i) => i.kind === 'topic')!.id };
  }

  // The meeting two weeks ago: held, with everything recorded.
  const past = meetingIds[0]!;
  const pastItems = await prepare(past.id, past.date);
  const followUp = meetingFollowUpRepository(tx, kurator, 'samverkan', past.date);
  await followUp.saveVoice(pastItems.caseItem, 0, {
    childWords: 'Jag vill inte byta klass. Det är jobbigt på morgonen.',
    guardianWords: 'Vi vill ha en person att ringa när det är svårt att komma iväg till skolan.',
    familyStatus: 'accepted',
  });
  const notes = meetingNotesRepository(tx, kurator, 'samverkan', past.date);
  for (const userId of [ids.users.samordnare, ids.users.kurator, ids.users.soc, ids.users.bup]) await notes.setAttendance(past.id, userId, true);
  await notes.saveNote(pastItems.caseItem, 0, 'Frånvaron har minskat något sedan samtalen började. Eleven beskriver oro på morgnarna.');
  const decisions = decisionsRepository(tx, kurator, 'samverkan', past.date);
  const mondays = await decisions.add(pastItems.caseItem, {
    what: 'Kurator träffar eleven varje måndag morgon',
    ownerUserId: ids.users.kurator,
    ownerUnitId: ids.units.ehBjork,
    dueDate: addDays(today, 21),
    supportTarget: 'barn',
    followUpDate: addDays(today, 28),
  });
  await decisions.add(pastItems.topic, {
    what: 'Ta fram rutin för tidig kontakt vid frånvaro',
    ownerUserId: null,
    ownerUnitId: null,
    dueDate: null,
    supportTarget: 'personal',
    followUpDate: null,
  });
  await meetingFollowUpRepository(tx, sam, 'samverkan', past.date).createTask(pastItems.caseItem, ids.users.kurator, ids.units.ehBjork);
  // The decision became the pupil health's own intervention, started the same day (issue 6).
  const [offer] = await queryRows<{ id: string }>(
    tx,
    sql`select id from support_offers where unit_id = ${ids.units.ehBjork} and name = 'Samtalsstöd hos kurator' and active`,
  );
  const interventions = interventionsRepository(tx, kurator, 'samverkan', past.date);
  const talks = await interventions.propose(elevC, {
    name: 'Samtalsstöd hos kurator',
    type: 'samtalsstod',
    areaKeys: ['ma_bra', 'trygg'],
    providerUnitId: ids.units.ehBjork,
    supportOfferId: offer?.id ?? null,
    decisionId: mondays,
  });
  await interventions.start(talks.id, past.date);

  // The next meeting: agenda prepared, the child's words recorded, the family invited.
  const next = meetingIds.find((m) => m.date >= today);
  if (next) {
    const nextItems = await prepare(next.id, today);
    await meetingFollowUpRepository(tx, kurator, 'samverkan', today).saveVoice(nextItems.caseItem, 0, {
      childWords: 'Måndagarna med kuratorn hjälper. Jag vill fortsätta med dem.',
      guardianWords: null,
      familyStatus: 'invited',
    });
  }
  await appendAudit(tx, { tenantId }, { action: 'seed_demo_meetings', resourceType: 'team', resourceId: ids.teamId, outcome: 'allowed' });
}
