import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FAMILY_STATUS_LABELS, runScoped, type Actor, type Scoped } from '../../access/index.ts';
import { queryRows } from '../../db/driver.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { pdfReader, pdfResponse, sendPdf } from '../../http/pdf-reply.ts';
import { uuidParam } from '../../http/schemas.ts';
import { renderFamilyMinutes, renderTeamMinutes, type MinutesDecision, type TeamMinutesItem } from '../../pdf/minutes.ts';

const toMinutesDecision = (d: Awaited<ReturnType<Scoped['decisions']['forMeeting']>>[number]): MinutesDecision => ({
  what: d.what,
  ownerName: d.owner?.name ?? null,
  ownerUnitName: d.owner?.unitName ?? null,
  dueDate: d.dueDate,
  supportTarget: d.supportTarget,
  followUpDate: d.followUpDate,
  status: d.status,
  nobodysJob: d.nobodysJob,
});

/**
 * Meetings issue §5: minutes as PDF. The team's version holds, per item, only what the reader's
 * unit may see (case items outside the consent are printed de-identified); the family's version
 * is one child's item in plain Swedish. Every download is audited.
 */
export function registerMinutesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'samverkan', fn);

  r.get(
    '/api/v1/meetings/:id/minutes.pdf',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Teamets minnesanteckningar (PDF) / the team’s minutes',
        description:
          'För teamets medlemmar. Innehåller det din verksamhet får se: ärenden som samtycket inte omfattar skrivs ut avidentifierade. Varje hämtning loggas.',
        params: uuidParam,
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const pdf = await scoped(actorOf(request), async (s) => {
        const meetingId = request.params.id;
        const agenda = await s.agenda.list(meetingId);
        if (!agenda) throw new AppError('not_found');
        const [m] = await queryRows<{
          team_name: string;
          date: string;
          start_time: string;
          end_time: string;
          location: string | null;
          status: 'planned' | 'cancelled';
        }>(
          s.tx,
          sql`select t.name as team_name, m.date::text as date, m.start_time, m.end_time, m.location, m.status from meetings m join teams t on t.id = m.team_id where m.id = ${meetingId}`,
        );
        const [attendance, notes, decisions, voices, tasks, covered, who] = [
          await s.meetingNotes.attendance(meetingId),
          await s.meetingNotes.notes(meetingId),
          await s.decisions.forMeeting(meetingId),
          await s.followUp.voices(meetingId),
          await s.followUp.tasksForMeeting(meetingId),
          await s.followUp.coveredCaseItems(meetingId),
          await pdfReader(s),
        ];
        const items: TeamMinutesItem[] = agenda.items.map((i) => {
          const voice = voices?.find((v) => v.agendaItemId === i.id);
          const task = tasks.find((t) => t.agendaItemId === i.id);
          return {
            position: i.position,
            kind: i.kind,
            title: i.title,
            description: i.description,
            invitedUnitNames: i.invitedUnits.map((u) => u.name),
            hiddenReason:
              i.kind === 'case' && !covered.has(i.id) ? 'Din verksamhet omfattas inte av samtycket för ärendet. Punkten visas avidentifierad.' : null,
            childWords: voice?.childWords ?? null,
            guardianWords: voice?.guardianWords ?? null,
            familyStatus: voice ? FAMILY_STATUS_LABELS[voice.familyStatus].sv : null,
            notes: (notes ?? []).filter((n) => n.agendaItemId === i.id).map((n) => ({ unitName: n.unit.name, text: n.text })),
            decisions: decisions.filter((d) => d.agendaItemId === i.id).map(toMinutesDecision),
            feedback: task
              ? { ownerName: task.owner.name, ownerUnitName: task.owner.unitName, dueDate: task.dueDate, done: task.status === 'done' }
              : null,
          };
        });
        await s.audit({
          action: 'export',
          resourceType: 'meeting_minutes',
          resourceId: meetingId,
          outcome: 'allowed',
          details: { version: 'team', items: items.length, hidden: items.filter((i) => i.hiddenReason).length },
        });
        return renderTeamMinutes({
          teamName: m!.team_name,
          meetingDate: m!.date,
          startTime: m!.start_time,
          endTime: m!.end_time,
          location: m!.location,
          status: m!.status,
          readerName: who.name,
          readerUnitName: who.unitName,
          generatedAt: new Date().toISOString(),
          present: (attendance ?? []).filter((a) => a.present === true).map((a) => `${a.name}, ${a.unitName}`),
          absent: (attendance ?? []).filter((a) => a.present === false).map((a) => `${a.name}, ${a.unitName}`),
          items,
        });
      });
      return sendPdf(reply, 'minnesanteckningar.pdf', pdf);
    },
  );

  r.get(
    '/api/v1/agenda-items/:id/family-minutes.pdf',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Familjens version (PDF) / the family’s version',
        description:
          'En ärendepunkt i lättläst svenska: vad vi pratade om, vad barnet och vårdnadshavarna sa, vad vi ska göra, vem som berättar för familjen och när vi ses igen. För verksamheter som äger ärendet eller omfattas av samtycket. Hämtningen loggas.',
        params: uuidParam,
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const pdf = await scoped(actorOf(request), async (s) => {
        const item = await s.followUp.familyItem(request.params.id);
        const [t] = await queryRows<{ name: string }>(s.tx, sql`select name from teams where id = ${item.teamId}`);
        const child = item.childId ? await s.children.get(item.childId) : null;
        const [voices, decisions, tasks, next] = [
          await s.followUp.voices(item.meetingId),
          await s.decisions.forMeeting(item.meetingId),
          await s.followUp.tasksForMeeting(item.meetingId),
          await s.followUp.nextMeetingWithCase(item.teamId, item.caseId, item.meetingDate),
        ];
        const voice = voices?.find((v) => v.agendaItemId === item.id) ?? null;
        const task = tasks.find((x) => x.agendaItemId === item.id) ?? null;
        const who = await pdfReader(s);
        const childLabel = child?.givenName ?? 'ditt barn';
        await s.audit({
          action: 'export',
          resourceType: 'family_minutes',
          resourceId: item.id,
          outcome: 'allowed',
          details: { caseId: item.caseId },
        });
        return renderFamilyMinutes({
          childLabel,
          teamName: t?.name ?? '',
          meetingDate: item.meetingDate,
          topics: [`Vi pratade om hur vi kan hjälpa ${childLabel}.`],
          // The family's version reaches the guardians: never the words the child keeps from them (issue 7).
          childWords: voice && !voice.childWordsPrivate ? voice.childWords : null,
          guardianWords: voice?.guardianWords ?? null,
          decisions: decisions.filter((d) => d.agendaItemId === item.id).map(toMinutesDecision),
          feedback: task ? { ownerName: task.owner.name, ownerUnitName: task.owner.unitName, dueDate: task.dueDate } : null,
          nextMeeting: next,
          contact: task ? { name: task.owner.name, unitName: task.owner.unitName } : { name: who.name, unitName: who.unitName },
          generatedAt: new Date().toISOString(),
        });
      });
      return sendPdf(reply, 'det-har-bestamde-vi.pdf', pdf);
    },
  );
}
