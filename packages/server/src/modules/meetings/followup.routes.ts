import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FAMILY_STATUSES, runScoped, VoiceConflict, type Actor, type Scoped } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, multiLine, problemSchema, singleLine, uuidParam, versionInput } from '../../http/schemas.ts';

export const voiceView = z.object({
  agendaItemId: z.uuid(),
  childWords: z.string().nullable(),
  /** The child keeps their words from their guardians (issue 7): shown to the team, marked, never to the family. */
  childWordsPrivate: z.boolean(),
  guardianWords: z.string().nullable(),
  familyStatus: z.enum(FAMILY_STATUSES),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  version: z.number().int(),
  updatedByName: z.string(),
  updatedAt: z.string(),
});

export const feedbackTaskView = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid(),
  meetingId: z.uuid(),
  meetingDate: z.string(),
  caseId: z.uuid(),
  itemTitle: z.string(),
  owner: z.object({ userId: z.uuid(), name: z.string(), unitId: z.uuid(), unitName: z.string() }),
  dueDate: z.string(),
  status: z.enum(['open', 'done']),
  doneNote: z.string().nullable(),
  doneOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});

const followUpEntry = z.object({
  type: z.enum(['decision', 'feedback']),
  id: z.uuid(),
  meetingId: z.uuid(),
  meetingDate: z.string(),
  itemTitle: z.string(),
  what: z.string(),
  ownerName: z.string().nullable(),
  ownerUnitName: z.string().nullable(),
  dueDate: z.string().nullable(),
});

const termInput = z.string().superRefine((v, ctx) => {
  if (!/^(HT|VT)(20\d\d|2100)$/.test(v))
    ctx.addIssue({
      code: 'custom',
      message: 'Ogiltig termin',
      params: { sv: 'Ange terminen som HT2026 eller VT2027.', en: 'Give the term as HT2026 or VT2027.' },
    });
});

const attachmentView = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid(),
  kind: z.enum(['link', 'case_event']),
  label: z.string(),
  url: z.string().nullable(),
  caseEvent: z.object({ id: z.uuid(), caseId: z.uuid(), occurredOn: z.string(), text: z.string().nullable(), hidden: z.boolean() }).nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  createdByName: z.string(),
  createdAt: z.string(),
});

const countView = z.object({ value: z.number().int().nullable(), display: z.string() });

/**
 * Meetings issue §3, §5 and §8: the child's and guardians' voice before the meeting, the
 * feedback task after it, the samordnare's follow-up and the team's statistics.
 */
export function registerFollowUpRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'samverkan', fn);

  r.get(
    '/api/v1/meetings/:id/voices',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Barnets och vårdnadshavarnas röst / the child’s and guardians’ voice',
        description:
          'Per ärendepunkt: vad barnet och vårdnadshavarna vill säga, med egna ord, och om familjen är med (inbjuden, tackat ja, tackat nej, var med). Syns för verksamheter som äger ärendet eller omfattas av samtycket.',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(voiceView) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const items = await s.followUp.voices(request.params.id);
        if (!items) throw new AppError('not_found');
        return { items };
      }),
  );

  r.put(
    '/api/v1/agenda-items/:id/voice',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Spara barnets och vårdnadshavarnas röst / save the voice',
        description:
          'Den som står familjen närmast skriver in deras egna ord före mötet. version är den version du utgick från (0 för ny). Har någon annan sparat under tiden svarar servern 409 med den sparade texten i current; inget skrivs över.',
        params: uuidParam,
        body: z.strictObject({
          version: z.number().int().min(0).max(2147483647),
          childWords: multiLine(4000).nullish(),
          guardianWords: multiLine(4000).nullish(),
          familyStatus: z.enum(FAMILY_STATUSES),
        }),
        response: { 200: voiceView, ...authedErrors, 409: problemSchema.extend({ current: voiceView.optional() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      try {
        return await scoped(actorOf(request), (s) =>
          s.followUp.saveVoice(request.params.id, b.version, {
            childWords: b.childWords ?? null,
            guardianWords: b.guardianWords ?? null,
            familyStatus: b.familyStatus,
          }),
        );
      } catch (err) {
        if (!(err instanceof VoiceConflict)) throw err;
        return reply
          .status(409)
          .type('application/problem+json')
          .send({
            type: 'https://samsyn.se/problem/conflict',
            title: 'Någon annan har ändrat texten',
            titleEn: 'Someone else changed the text',
            status: 409,
            detail: `${err.current.updatedByName} sparade en ny version medan du skrev. Din text är inte sparad men finns kvar; jämför med den sparade texten och spara igen.`,
            detailEn: `${err.current.updatedByName} saved a new version while you were writing. Your text is not saved but kept; compare and save again.`,
            current: err.current,
          });
      }
    },
  );

  r.get(
    '/api/v1/meetings/:id/attachments',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Dokument och länkar per punkt / documents and links per item',
        description:
          'Länkar och hänvisningar till ärendets kronologi på dagordningens punkter. På ett ärende syns de för verksamheter som äger ärendet eller omfattas av samtycket; en kronologianteckning visas bara med text för den som får läsa anteckningen.',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(attachmentView) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const items = await s.attachments.forMeeting(request.params.id);
        if (!items) throw new AppError('not_found');
        return { items };
      }),
  );

  r.post(
    '/api/v1/agenda-items/:id/attachments',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Lägg till ett dokument eller en länk / add a document or a link',
        description:
          'kind link: label och url (https:// eller en sida i Samsyn som börjar med /). kind case_event: caseEventId, en anteckning i ärendets kronologi som du får läsa. Samordnaren eller ärendets egen verksamhet. Högst 20 per punkt.',
        params: uuidParam,
        body: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('link'), label: singleLine(1, 200), url: singleLine(1, 2000) }),
          z.strictObject({ kind: z.literal('case_event'), caseEventId: z.uuid(), label: singleLine(0, 200).nullish() }),
        ]),
        response: { 201: attachmentView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const view = await scoped(actorOf(request), (s) =>
        s.attachments.add(
          request.params.id,
          b.kind === 'link'
            ? { kind: 'link', label: b.label, url: b.url }
            : { kind: 'case_event', caseEventId: b.caseEventId, label: b.label ?? null },
        ),
      );
      return reply.status(201).send(view);
    },
  );

  r.delete(
    '/api/v1/agenda-item-attachments/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Ta bort ett dokument eller en länk / remove a document or a link',
        description: 'Den verksamhet som lade till den, eller samordnaren.',
        params: uuidParam,
        response: { 204: z.null(), ...authedErrors },
      },
    },
    async (request, reply) => {
      await scoped(actorOf(request), (s) => s.attachments.remove(request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/meetings/:id/feedback-tasks',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Återkoppling efter mötet / feedback tasks',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(feedbackTaskView) }), ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const voices = await s.followUp.voices(request.params.id);
        if (!voices) throw new AppError('not_found');
        return { items: await s.followUp.tasksForMeeting(request.params.id) };
      }),
  );

  r.post(
    '/api/v1/agenda-items/:id/feedback-task',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Utse vem som återkopplar till familjen / name who gives the family feedback',
        description:
          'En namngiven person berättar för barnet och vårdnadshavarna vad som föreslogs. Senast N arbetsdagar efter mötet (organisationens regel, förval 5); helgdagar räknas inte. Personen måste arbeta i en verksamhet som äger ärendet eller omfattas av samtycket.',
        params: uuidParam,
        body: z.strictObject({ ownerUserId: z.uuid(), ownerUnitId: z.uuid() }),
        response: { 201: feedbackTaskView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const task = await scoped(actorOf(request), (s) =>
        s.followUp.createTask(request.params.id, request.body.ownerUserId, request.body.ownerUnitId),
      );
      return reply.status(201).send(task);
    },
  );

  r.post(
    '/api/v1/feedback-tasks/:id/done',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Återkopplingen är gjord / feedback given',
        description: 'Bara den som har uppgiften. En kort anteckning om hur det gick krävs. Kräver aktuell version.',
        params: uuidParam,
        body: z.strictObject({ version: versionInput, note: singleLine(0, 1000) }),
        response: { 200: feedbackTaskView, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.followUp.completeTask(request.params.id, request.body.version, request.body.note)),
  );

  r.get(
    '/api/v1/teams/:id/follow-up',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Samordnarens uppföljning / the samordnare’s follow-up',
        description:
          'Bara teamets samordnare. Öppna beslut och återkopplingsuppgifter: försenade, att göra denna vecka, och beslut utan ansvarig eller datum ("ingens uppgift"). Beslut om ärenden listas enligt samtycket.',
        params: uuidParam,
        response: {
          200: z.object({
            team: z.object({ id: z.uuid(), name: z.string() }),
            weekEnd: z.string(),
            overdue: z.array(followUpEntry),
            dueThisWeek: z.array(followUpEntry),
            withoutOwner: z.array(followUpEntry),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.teamOverview.followUp(request.params.id)),
  );

  r.get(
    '/api/v1/teams/:id/statistics',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Teamets statistik per termin / team statistics per term',
        description:
          'För teamets samordnare och chefer för verksamheter i teamet. Antal under 5 visas som "<5" och skickas inte (value = null). term: VT2027 (januari–juni) eller HT2026 (juli–december); förval är innevarande termin.',
        params: uuidParam,
        querystring: z.strictObject({ term: termInput.optional() }),
        response: {
          200: z.object({
            team: z.object({ id: z.uuid(), name: z.string() }),
            term: z.string(),
            from: z.string(),
            to: z.string(),
            meetings: z.object({ held: countView, cancelled: countView, upcoming: countView }),
            items: z.object({ anonymous: countView, case: countView, topic: countView }),
            decisions: z.object({ due: countView, onTime: countView, late: countView, nobodysJob: countView }),
            feedback: z.object({ due: countView, onTime: countView, late: countView }),
            familyFeedback: z
              .array(
                z.object({
                  period: z.string(),
                  listened: z.object({ yes: countView, partly: countView, no: countView }),
                  understood: z.object({ yes: countView, partly: countView, no: countView }),
                }),
              )
              .describe(
                'Familjeportalens "Blev du lyssnad på?" och "Förstod du vad som bestämdes?" per månad (period = månadens första dag) från terminens början till i dag: hur många svarade ja, lite och nej. Svaren är anonyma; antal under 5 skickas inte.',
              ),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const term = request.query.term ?? `${Number(s.today.slice(5, 7)) <= 6 ? 'VT' : 'HT'}${s.today.slice(0, 4)}`;
        return s.teamOverview.statistics(request.params.id, term);
      }),
  );
}
