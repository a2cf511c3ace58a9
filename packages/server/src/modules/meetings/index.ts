import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addDays,
  addWorkingDays,
  expandSeries,
  isClockTime,
  MAX_INTERVAL_WEEKS,
  MIN_INTERVAL_WEEKS,
  stockholmLocalToUtc,
  swedishHolidayOn,
  validateSeriesRule,
} from '@samsyn/domain';
import { NoteConflict, notifyMeetingChanged, runScoped, SUPPORT_TARGETS, type Actor, type Scoped } from '../../access/index.ts';
import { queryRows } from '../../db/driver.ts';
import { newId } from '../../db/ids.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, multiLine, problemSchema, singleLine, uuidParam, versionInput } from '../../http/schemas.ts';
import { isoDateInput } from '../cases/cases.schemas.ts';
import { feedbackTaskView, registerFollowUpRoutes } from './followup.routes.ts';
import { registerMinutesRoutes } from './minutes.routes.ts';
import { overdueFollowUpView } from '../plans/index.ts';

/**
 * Meetings issue, first slice: a team's recurring meeting series in Europe/Stockholm, with
 * Swedish public holidays flagged and a move proposed, and single meetings cancelled or
 * moved. Team members see their team's meetings; only the team's samordnare changes them.
 * Meeting times are organisational data (no personal data), so no access rule applies;
 * every change is still audited.
 */
const clockTime = z.string().superRefine((v, ctx) => {
  if (!isClockTime(v))
    ctx.addIssue({
      code: 'custom',
      message: 'Ogiltig tid',
      params: { sv: 'Ange tiden som TT:MM, t.ex. 13:00', en: 'Enter the time as HH:MM, e.g. 13:00' },
    });
});

const meetingView = z.object({
  id: z.uuid(),
  seriesId: z.uuid().nullable(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  status: z.enum(['planned', 'cancelled']),
  cancelReason: z.string().nullable(),
  movedFrom: z.string().nullable(),
  holiday: z.object({ nameSv: z.string(), nameEn: z.string() }).nullable(),
  proposedDate: z.string().nullable(),
  version: z.number().int(),
});
type MeetingView = z.infer<typeof meetingView>;

interface MeetingRow {
  id: string;
  series_id: string | null;
  date: string;
  start_time: string;
  end_time: string;
  starts_at: Date | string;
  ends_at: Date | string;
  location: string | null;
  status: 'planned' | 'cancelled';
  cancel_reason: string | null;
  moved_from: string | null;
  version: number;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

function toView(r: MeetingRow): MeetingView {
  const holiday = swedishHolidayOn(r.date);
  const nonWorking = addWorkingDays(r.date, 0) !== r.date;
  return {
    id: r.id,
    seriesId: r.series_id,
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    location: r.location,
    status: r.status,
    cancelReason: r.cancel_reason,
    movedFrom: r.moved_from,
    holiday: holiday ? { nameSv: holiday.nameSv, nameEn: holiday.nameEn } : null,
    proposedDate: nonWorking && r.status === 'planned' ? addWorkingDays(r.date, 0) : null,
    version: Number(r.version),
  };
}

const MEETING_COLUMNS = sql`m.id, m.series_id, m.date::text as date, m.start_time, m.end_time, m.starts_at, m.ends_at, m.location, m.status, m.cancel_reason, m.moved_from::text as moved_from, m.version`;

/** The team if the actor is a member; isSamordnare when they coordinate it. */
async function membership(s: Scoped, teamId: string): Promise<{ id: string; name: string; isSamordnare: boolean } | null> {
  const [row] = await queryRows<{ id: string; name: string; is_samordnare: boolean }>(
    s.tx,
    sql`select t.id, t.name, bool_or(tm.is_samordnare) as is_samordnare from teams t join team_members tm on tm.team_id = t.id
      where t.id = ${teamId} and t.active and tm.user_id = ${s.actor.userId} group by t.id, t.name`,
  );
  return row ? { id: row.id, name: row.name, isSamordnare: Boolean(row.is_samordnare) } : null;
}

async function samordnareOf(s: Scoped, teamId: string) {
  const team = await membership(s, teamId);
  if (!team?.isSamordnare) throw new AppError('not_found', { internal: 'not the samordnare of this team' });
  return team;
}

async function meetingFor(s: Scoped, id: string, version: number) {
  const [row] = await queryRows<MeetingRow & { team_id: string }>(s.tx, sql`select ${MEETING_COLUMNS}, m.team_id from meetings m where m.id = ${id}`);
  if (!row) throw new AppError('not_found');
  await samordnareOf(s, row.team_id);
  if (Number(row.version) !== version) throw new AppError('conflict');
  return row;
}

const fieldError = (field: string, message: string, messageEn: string) => new AppError('validation', { errors: [{ field, message, messageEn }] });

export function registerMeetingRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerFollowUpRoutes(app, deps);
  registerMinutesRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'samverkan', fn);

  r.get(
    '/api/v1/teams/mine',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Mina team / my teams',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), isSamordnare: z.boolean() })) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const rows = await queryRows<{ id: string; name: string; is_samordnare: boolean }>(
          s.tx,
          sql`select t.id, t.name, bool_or(tm.is_samordnare) as is_samordnare from teams t join team_members tm on tm.team_id = t.id
            where t.active and tm.user_id = ${s.actor.userId} group by t.id, t.name order by t.name`,
        );
        return { items: rows.map((t) => ({ id: t.id, name: t.name, isSamordnare: Boolean(t.is_samordnare) })) };
      }),
  );

  r.get(
    '/api/v1/teams/statistics-access',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Team vars statistik jag får se / teams whose statistics I may see',
        description: 'Team där du är samordnare, och för chefer team där den egna verksamheten är med.',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const chef = s.actor.roles.includes('chef');
        const rows = await queryRows<{ id: string; name: string }>(
          s.tx,
          sql`select t.id, t.name from teams t where t.active and exists (select 1 from team_members tm where tm.team_id = t.id
              and ((tm.user_id = ${s.actor.userId} and tm.is_samordnare) or (${chef} and tm.unit_id = ${s.actor.actingUnitId})))
            order by t.name`,
        );
        return { items: rows };
      }),
  );

  r.get(
    '/api/v1/teams/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Teamets möten / the team’s meetings',
        description: 'För teamets medlemmar. Standard: från i dag och 120 dagar framåt. Helgdagar markeras med ett förslag på nästa vardag.',
        params: uuidParam,
        querystring: z.strictObject({ from: isoDateInput.optional(), to: isoDateInput.optional() }),
        response: {
          200: z.object({ team: z.object({ id: z.uuid(), name: z.string(), isSamordnare: z.boolean() }), meetings: z.array(meetingView) }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const team = await membership(s, request.params.id);
        if (!team) throw new AppError('not_found', { internal: 'not a member of this team' });
        const from = request.query.from ?? s.today;
        const to = request.query.to ?? addDays(from, 120);
        if (to < from) throw fieldError('to', 'Slutdatumet ligger före startdatumet.', 'The end date is before the start date.');
        const rows = await queryRows<MeetingRow>(
          s.tx,
          sql`select ${MEETING_COLUMNS} from meetings m where m.team_id = ${team.id} and m.date between ${from}::date and ${to}::date order by m.starts_at`,
        );
        return { team, meetings: rows.map(toView) };
      }),
  );

  r.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Ett möte / one meeting',
        description: 'För teamets medlemmar; andra får 404.',
        params: uuidParam,
        response: {
          200: z.object({ team: z.object({ id: z.uuid(), name: z.string(), isSamordnare: z.boolean() }), meeting: meetingView }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const [row] = await queryRows<MeetingRow & { team_id: string }>(
          s.tx,
          sql`select ${MEETING_COLUMNS}, m.team_id from meetings m where m.id = ${request.params.id}`,
        );
        const team = row ? await membership(s, row.team_id) : null;
        if (!row || !team) throw new AppError('not_found');
        return { team, meeting: toView(row) };
      }),
  );

  r.post(
    '/api/v1/teams/:id/meeting-series',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Skapa en mötesserie / create a meeting series',
        description:
          'Bara teamets samordnare. T.ex. varannan tisdag 13:00–14:30 (intervalWeeks 2, weekday 2). Möten skapas till och med untilDate (högst ett år). Möten på helgdagar skapas men markeras med förslag på nästa vardag.',
        params: uuidParam,
        body: z.strictObject({
          startDate: isoDateInput,
          untilDate: isoDateInput,
          intervalWeeks: z.number().int().min(MIN_INTERVAL_WEEKS).max(MAX_INTERVAL_WEEKS),
          weekday: z.number().int().min(1).max(7),
          startTime: clockTime,
          endTime: clockTime,
          location: singleLine(0, 200).nullish(),
        }),
        response: { 201: z.object({ seriesId: z.uuid(), meetings: z.array(meetingView) }), ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await scoped(actorOf(request), async (s) => {
        const team = await samordnareOf(s, request.params.id);
        const rule = {
          startDate: b.startDate,
          untilDate: b.untilDate,
          intervalWeeks: b.intervalWeeks,
          weekday: b.weekday,
          startTime: b.startTime,
          endTime: b.endTime,
        };
        const errors = validateSeriesRule(rule);
        if (b.startDate < s.today)
          errors.push({ field: 'startDate', message: 'Startdatumet har redan passerat.', messageEn: 'The start date has passed.' });
        if (b.untilDate > addDays(b.startDate, 366))
          errors.push({
            field: 'untilDate',
            message: 'En serie kan planeras högst ett år framåt.',
            messageEn: 'A series can be planned at most a year ahead.',
          });
        if (errors.length > 0) throw new AppError('validation', { errors });
        const occurrences = expandSeries(rule, b.startDate, b.untilDate);
        const seriesId = newId();
        await s.tx
          .execute(sql`insert into meeting_series (id, tenant_id, team_id, start_date, until_date, interval_weeks, weekday, start_time, end_time, location, created_by)
          values (${seriesId}, ${s.actor.tenantId}, ${team.id}, ${b.startDate}::date, ${b.untilDate}::date, ${b.intervalWeeks}, ${b.weekday}, ${b.startTime}, ${b.endTime}, ${b.location ?? null}, ${s.actor.userId})`);
        for (const o of occurrences) {
          await s.tx.execute(sql`insert into meetings (id, tenant_id, team_id, series_id, date, start_time, end_time, starts_at, ends_at, location)
            values (${newId()}, ${s.actor.tenantId}, ${team.id}, ${seriesId}, ${o.date}::date, ${o.startTime}, ${o.endTime}, ${o.startsAtUtc}::timestamptz, ${o.endsAtUtc}::timestamptz, ${b.location ?? null})`);
        }
        await s.audit({
          action: 'create',
          resourceType: 'meeting_series',
          resourceId: seriesId,
          outcome: 'allowed',
          details: { teamId: team.id, meetings: occurrences.length },
        });
        const rows = await queryRows<MeetingRow>(
          s.tx,
          sql`select ${MEETING_COLUMNS} from meetings m where m.series_id = ${seriesId} order by m.starts_at`,
        );
        return { seriesId, meetings: rows.map(toView) };
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/api/v1/meetings/:id/cancel',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Ställ in ett möte / cancel a meeting',
        description: 'Bara teamets samordnare. Skäl krävs. Kräver aktuell version (409 annars).',
        params: uuidParam,
        body: z.strictObject({ version: versionInput, reason: singleLine(3, 300) }),
        response: { 200: meetingView, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const m = await meetingFor(s, request.params.id, request.body.version);
        if (m.status === 'cancelled') throw fieldError('reason', 'Mötet är redan inställt.', 'The meeting is already cancelled.');
        const [row] = await queryRows<MeetingRow>(
          s.tx,
          sql`update meetings m set status = 'cancelled', cancel_reason = ${request.body.reason}, version = version + 1, updated_at = now() where m.id = ${m.id} returning ${MEETING_COLUMNS}`,
        );
        await s.audit({ action: 'cancel', resourceType: 'meeting', resourceId: m.id, outcome: 'allowed' });
        await notifyMeetingChanged(s.tx, s.actor, m.id, { cancelled: true });
        return toView(row!);
      }),
  );

  r.post(
    '/api/v1/meetings/:id/move',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Flytta ett möte / move a meeting',
        description: 'Bara teamets samordnare. Mötet måste sluta efter att det börjar och får inte flyttas till ett passerat datum.',
        params: uuidParam,
        body: z.strictObject({ version: versionInput, date: isoDateInput, startTime: clockTime, endTime: clockTime }),
        response: { 200: meetingView, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const b = request.body;
        const m = await meetingFor(s, request.params.id, b.version);
        if (b.endTime <= b.startTime) throw fieldError('endTime', 'Mötet slutar innan det börjar.', 'The meeting ends before it starts.');
        if (b.date < s.today) throw fieldError('date', 'Datumet har redan passerat.', 'The date has passed.');
        if (m.status === 'cancelled') throw fieldError('date', 'Mötet är inställt.', 'The meeting is cancelled.');
        const [row] = await queryRows<MeetingRow>(
          s.tx,
          sql`update meetings m set date = ${b.date}::date, start_time = ${b.startTime}, end_time = ${b.endTime},
            starts_at = ${stockholmLocalToUtc(b.date, b.startTime)}::timestamptz, ends_at = ${stockholmLocalToUtc(b.date, b.endTime)}::timestamptz,
            moved_from = coalesce(m.moved_from, ${m.date}::date), version = version + 1, updated_at = now() where m.id = ${m.id} returning ${MEETING_COLUMNS}`,
        );
        await s.audit({ action: 'move', resourceType: 'meeting', resourceId: m.id, outcome: 'allowed', details: { from: m.date, to: b.date } });
        await notifyMeetingChanged(s.tx, s.actor, m.id, { movedTo: b.date, from: m.date });
        return toView(row!);
      }),
  );

  const agendaItemView = z.object({
    id: z.uuid(),
    kind: z.enum(['anonymous', 'case', 'topic']),
    caseId: z.uuid().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    position: z.number().int(),
    invitedUnits: z.array(z.object({ id: z.uuid(), name: z.string(), covered: z.boolean().nullable() })),
    readerCovered: z
      .boolean()
      .nullable()
      .describe(
        'Om din verksamhet får se ärendet bakom punkten (äger det eller omfattas av samtycket); null för allmänna frågor och konsultationer.',
      ),
    warnings: z.array(z.object({ unitId: z.uuid(), sv: z.string(), en: z.string() })),
  });
  const agendaView = z.object({ isSamordnare: z.boolean(), items: z.array(agendaItemView) });

  r.get(
    '/api/v1/meetings/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Dagordning / agenda',
        description:
          'För teamets medlemmar. Ärenden visas med pseudonym. Samordnaren varnas när en inbjuden verksamhet inte omfattas av ärendets samtycke (covered = false): den ser punkten avidentifierad.',
        params: uuidParam,
        response: { 200: agendaView, ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const agenda = await s.agenda.list(request.params.id);
        if (!agenda) throw new AppError('not_found');
        return agenda;
      }),
  );

  r.post(
    '/api/v1/meetings/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Lägg till en punkt / add an agenda item',
        description:
          'Bara teamets samordnare. kind: anonymous (avidentifierad konsultation), case (identifierat ärende) eller topic (allmän fråga, t.ex. "problematisk frånvaro i åk 5"; kontrolleras mot identifierande uppgifter). Bjud bara in de verksamheter som behövs. Ett avslutat ärende kan inte tas upp.',
        params: uuidParam,
        body: z.strictObject({
          kind: z.enum(['anonymous', 'case', 'topic']),
          caseId: z.uuid().nullish(),
          title: singleLine(0, 200).nullish(),
          description: singleLine(0, 1000).nullish(),
          invitedUnitIds: z.array(z.uuid()).max(50),
        }),
        response: { 201: agendaView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const agenda = await scoped(actorOf(request), async (s) => {
        await s.agenda.add(request.params.id, {
          kind: b.kind,
          caseId: b.caseId ?? null,
          title: b.title ?? null,
          description: b.description ? b.description : null,
          invitedUnitIds: [...b.invitedUnitIds],
        });
        return (await s.agenda.list(request.params.id))!;
      });
      return reply.status(201).send(agenda);
    },
  );

  const decisionView = z.object({
    id: z.uuid(),
    agendaItemId: z.uuid(),
    meetingId: z.uuid(),
    itemTitle: z.string(),
    what: z.string(),
    owner: z.object({ userId: z.uuid(), name: z.string(), unitId: z.uuid(), unitName: z.string() }).nullable(),
    dueDate: z.string().nullable(),
    supportTarget: z.enum(SUPPORT_TARGETS),
    followUpDate: z.string().nullable(),
    status: z.enum(['open', 'done']),
    closedNote: z.string().nullable(),
    nobodysJob: z.boolean(),
    overdue: z.boolean(),
    version: z.number().int(),
  });

  r.get(
    '/api/v1/meetings/:id/decisions',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Mötets beslut / the meeting’s decisions',
        description: 'Beslut om ärenden visas enligt ärendets samtycke (kategori insatser); ansvarig ser alltid sina egna.',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(decisionView) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const agenda = await s.agenda.list(request.params.id);
        if (!agenda) throw new AppError('not_found');
        return { items: await s.decisions.forMeeting(request.params.id) };
      }),
  );

  r.post(
    '/api/v1/agenda-items/:id/decisions',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Registrera ett beslut / record a decision',
        description:
          'Vad, vem (person och verksamhet), senast när, stödet riktar sig till (barn, vårdnadshavare eller personal) och nästa uppföljning. Ett beslut utan ansvarig eller datum flaggas som "ingens uppgift". Datum får inte ha passerat.',
        params: uuidParam,
        body: z.strictObject({
          what: singleLine(1, 1000),
          ownerUserId: z.uuid().nullish(),
          ownerUnitId: z.uuid().nullish(),
          dueDate: isoDateInput.nullish(),
          supportTarget: z.enum(SUPPORT_TARGETS),
          followUpDate: isoDateInput.nullish(),
        }),
        response: { 201: decisionView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (Boolean(b.ownerUserId) !== Boolean(b.ownerUnitId))
        throw fieldError('ownerUnitId', 'Ange både person och verksamhet, eller ingen av dem.', 'Give both person and unit, or neither.');
      const decision = await scoped(actorOf(request), async (s) => {
        const id = await s.decisions.add(request.params.id, {
          what: b.what,
          ownerUserId: b.ownerUserId ?? null,
          ownerUnitId: b.ownerUnitId ?? null,
          dueDate: b.dueDate ?? null,
          supportTarget: b.supportTarget,
          followUpDate: b.followUpDate ?? null,
        });
        const [meetingId] = await queryRows<{ meeting_id: string }>(s.tx, sql`select meeting_id from agenda_items where id = ${request.params.id}`);
        return (await s.decisions.forMeeting(meetingId!.meeting_id)).find((d) => d.id === id)!;
      });
      return reply.status(201).send(decision);
    },
  );

  r.get(
    '/api/v1/cases/:id/decisions',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Ärendets beslut från teammöten / the case’s meeting decisions',
        description:
          'Beslut om ärendet från alla teammöten, enligt samtycket (kategori insatser). Används för att koppla en åtgärd i planen till ett beslut.',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(decisionView.extend({ meetingDate: z.string() })) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        if (!(await s.cases.get(request.params.id))) throw new AppError('not_found');
        return { items: await s.decisions.forCase(request.params.id) };
      }),
  );

  r.post(
    '/api/v1/decisions/:id/close',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Avsluta ett beslut / close a decision',
        description: 'Ett beslut som var "ingens uppgift" kan inte avslutas tyst: en kort anteckning krävs. Kräver aktuell version.',
        params: uuidParam,
        body: z.strictObject({ version: versionInput, note: singleLine(0, 1000).nullish() }),
        response: { 200: decisionView, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.decisions.close(request.params.id, request.body.version, request.body.note ?? null)),
  );

  r.get(
    '/api/v1/me/tasks',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Mina uppgifter / my tasks',
        description:
          'Öppna beslut där du är ansvarig, återkoppling till familjer som du ska göra, och planer du har upprättat vars uppföljning är försenad.',
        response: {
          200: z.object({ decisions: z.array(decisionView), feedbackTasks: z.array(feedbackTaskView), planFollowUps: z.array(overdueFollowUpView) }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => ({
        decisions: await s.decisions.mine(),
        feedbackTasks: await s.followUp.myTasks(),
        planFollowUps: await s.plans.overdueFollowUps('mine'),
      })),
  );

  r.get(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Närvaro / attendance',
        params: uuidParam,
        response: {
          200: z.object({ items: z.array(z.object({ userId: z.uuid(), name: z.string(), unitName: z.string(), present: z.boolean().nullable() })) }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const items = await s.meetingNotes.attendance(request.params.id);
        if (!items) throw new AppError('not_found');
        return { items };
      }),
  );

  r.put(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Registrera närvaro / record attendance',
        description: 'Teamets medlemmar registrerar vilka som var med.',
        params: uuidParam,
        body: z.strictObject({ userId: z.uuid(), present: z.boolean() }),
        response: { 204: z.null(), ...authedErrors },
      },
    },
    async (request, reply) => {
      await scoped(actorOf(request), (s) => s.meetingNotes.setAttendance(request.params.id, request.body.userId, request.body.present));
      return reply.status(204).send(null);
    },
  );

  const noteView = z.object({
    id: z.uuid(),
    agendaItemId: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    text: z.string(),
    version: z.number().int(),
    updatedByName: z.string(),
    updatedAt: z.string(),
  });

  r.get(
    '/api/v1/meetings/:id/notes',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Anteckningar per punkt / notes per item',
        description:
          'En anteckning per verksamhet och punkt. Om ett ärende syns anteckningar från andra verksamheter bara enligt samtycket (bedömningar och planer).',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(noteView) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const items = await s.meetingNotes.notes(request.params.id);
        if (!items) throw new AppError('not_found');
        return { items };
      }),
  );

  r.put(
    '/api/v1/agenda-items/:id/note',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Spara din verksamhets anteckning / save your unit’s note',
        description:
          'version är den version du utgick från (0 för en ny anteckning). Har någon annan sparat under tiden svarar servern 409 med den sparade texten i current; inget skrivs över, och din text finns kvar hos dig.',
        params: uuidParam,
        body: z.strictObject({ version: z.number().int().min(0).max(2147483647), text: multiLine(8000) }),
        response: { 200: noteView, ...authedErrors, 409: problemSchema.extend({ current: noteView.optional() }) },
      },
    },
    async (request, reply) => {
      try {
        return await scoped(actorOf(request), (s) => s.meetingNotes.saveNote(request.params.id, request.body.version, request.body.text));
      } catch (err) {
        if (!(err instanceof NoteConflict)) throw err;
        return reply
          .status(409)
          .type('application/problem+json')
          .send({
            type: 'https://samsyn.se/problem/conflict',
            title: 'Någon annan har ändrat anteckningen',
            titleEn: 'Someone else changed the note',
            status: 409,
            detail: `${err.current.updatedByName} sparade en ny version medan du skrev. Din text är inte sparad men finns kvar; jämför med den sparade texten och spara igen.`,
            detailEn: `${err.current.updatedByName} saved a new version while you were writing. Your text is not saved but kept; compare with the saved text and save again.`,
            current: err.current,
          });
      }
    },
  );
}
