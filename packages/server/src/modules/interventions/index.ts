import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { END_REASONS, INTERVENTION_ACTIONS, INTERVENTION_STATUSES, INTERVENTION_TYPES, WARNING_KINDS } from '@samsyn/domain';
import { CONSENT_CATEGORIES, runScoped, type Actor, type Scoped } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, multiLine, problemSchema, singleLine, uuidParam, versionInput } from '../../http/schemas.ts';
import { isoDateInput } from '../cases/cases.schemas.ts';

const unitRef = z.object({ id: z.uuid(), name: z.string() });

const handoverView = z.object({
  id: z.uuid(),
  status: z.enum(['requested', 'accepted', 'declined', 'revoked']),
  requestedOn: z.string(),
  answerBy: z.string(),
  answeredOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  categories: z.array(z.string()),
  message: z.string().nullable(),
  messageHidden: z.boolean(),
  overdue: z.boolean(),
});

export const interventionView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  name: z.string(),
  type: z.enum(INTERVENTION_TYPES),
  typeLabel: z.string(),
  areaKeys: z.array(z.string()),
  sender: unitRef,
  provider: unitRef,
  supportOfferId: z.uuid().nullable(),
  source: z.enum(['decision', 'plan_action', 'direct']),
  sourceDecisionId: z.uuid().nullable(),
  sourcePlanId: z.uuid().nullable(),
  sourceActionKey: z.string().nullable(),
  status: z.enum(INTERVENTION_STATUSES),
  proposedOn: z.string(),
  proposedByName: z.string(),
  acceptedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  endReasonLabel: z.string().nullable(),
  endNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  handover: handoverView.nullable(),
  mayDo: z.array(z.enum(INTERVENTION_ACTIONS)),
});

export const warningView = z.object({
  kind: z.enum(WARNING_KINDS),
  interventionIds: z.array(z.string()),
  planAction: z.object({ planId: z.string(), actionKey: z.string(), what: z.string() }).optional(),
  responsibleUnitIds: z.array(z.string()),
  since: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});

export const caseWarningView = z.object({ caseId: z.uuid(), pseudonym: z.string(), warning: warningView });

const figuresView = z.object({
  signalOn: z.string(),
  firstAcceptedHandoverOn: z.string().nullable(),
  daysToFirstAcceptedHandover: z.number().int().nullable(),
  firstStartedOn: z.string().nullable(),
  daysToFirstStarted: z.number().int().nullable(),
  feedbackOnTime: z.number().int(),
  feedbackLate: z.number().int(),
  feedbackPending: z.number().int(),
  endReasons: z.record(z.string(), z.number().int()),
  computedOn: z.string(),
});

const proposeBody = z.strictObject({
  name: singleLine(0, 200).optional(),
  type: z.enum(INTERVENTION_TYPES),
  areaKeys: z.array(singleLine(1, 40)).max(20),
  providerUnitId: z.uuid(),
  supportOfferId: z.uuid().nullish(),
  decisionId: z.uuid().nullish(),
  plan: z.strictObject({ planId: z.uuid(), actionKey: singleLine(1, 80) }).nullish(),
});

const version = z.strictObject({ version: versionInput.optional() });
const steps = {
  handover: z.strictObject({
    message: multiLine(4000),
    categories: z.array(z.enum(CONSENT_CATEGORIES)).max(6),
    version: versionInput.optional(),
  }),
  decline: z.strictObject({ reason: multiLine(1000), version: versionInput.optional() }),
  revoke: z.strictObject({ reason: multiLine(1000).optional(), version: versionInput.optional() }),
  start: z.strictObject({ on: isoDateInput.optional(), version: versionInput.optional() }),
  end: z.strictObject({
    on: isoDateInput.optional(),
    endReason: z.enum(END_REASONS),
    note: multiLine(1000).optional(),
    version: versionInput.optional(),
  }),
};

/**
 * Issue 6 §3–6: case interventions, warm hand-overs, the receiving unit's inbox, the
 * "nobody's job" warnings, per-case figures and "Vilka hjälper oss?".
 */
export function registerInterventionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'samverkan', fn);
  const tags = ['interventions'];

  r.get(
    '/api/v1/cases/:id/interventions',
    {
      schema: {
        tags,
        summary: 'Ärendets insatser, varningar och nyckeltal / the case’s interventions, warnings and figures',
        description:
          'Insatser som läsaren får se: den föreslående verksamheten, mottagaren efter begärd överlämning, och verksamheter som ett aktivt samtycke omfattar för insatser. Överlämningens meddelande visas bara när samtycket omfattar läsaren för varje kategori det innehåller.',
        params: uuidParam,
        response: {
          200: z.object({
            items: z.array(interventionView),
            warnings: z.array(warningView),
            figures: figuresView.nullable(),
            mayPropose: z.boolean(),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.interventions.list(request.params.id)),
  );

  r.post(
    '/api/v1/cases/:id/interventions',
    {
      schema: {
        tags,
        summary: 'Föreslå en insats / propose an intervention',
        description:
          'Direkt, från ett beslut på teammötet (decisionId) eller från en åtgärd i planen (plan). Gesverksamheten (providerUnitId) måste vara aktiv och i samma organisation. Namnet hämtas från katalogen när supportOfferId anges.',
        params: uuidParam,
        body: proposeBody,
        response: { 201: interventionView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const view = await scoped(actorOf(request), (s) => s.interventions.propose(request.params.id, request.body));
      return reply.status(201).send(view);
    },
  );

  const stepSchema = <B extends z.ZodType>(summary: string, description: string, body: B) => ({
    tags,
    summary,
    description,
    params: uuidParam,
    body,
    response: { 200: interventionView, ...authedErrors, 409: problemSchema },
  });

  r.post(
    '/api/v1/interventions/:id/handover',
    {
      schema: stepSchema(
        'Begär överlämning / request the hand-over',
        'Bara den föreslående verksamheten. Ett aktivt samtycke måste omfatta båda verksamheterna för insatser och för varje kategori i categories; annars 400 och inget sparas. Svar senast N arbetsdagar (standard 3).',
        steps.handover,
      ),
    },
    async (request) => scoped(actorOf(request), (s) => s.interventions.requestHandover(request.params.id, request.body)),
  );
  r.post(
    '/api/v1/interventions/:id/accept',
    {
      schema: stepSchema('Ta emot överlämningen / accept', 'Bara den mottagande verksamheten. En återkallad överlämning kan inte tas emot.', version),
    },
    async (request) => scoped(actorOf(request), (s) => s.interventions.accept(request.params.id, request.body.version)),
  );
  r.post(
    '/api/v1/interventions/:id/decline',
    { schema: stepSchema('Avböj överlämningen / decline', 'Bara den mottagande verksamheten; skäl krävs.', steps.decline) },
    async (request) => scoped(actorOf(request), (s) => s.interventions.decline(request.params.id, request.body.reason, request.body.version)),
  );
  r.post(
    '/api/v1/interventions/:id/revoke',
    { schema: stepSchema('Återkalla överlämningen / revoke', 'Bara den föreslående verksamheten, innan insatsen har startat.', steps.revoke) },
    async (request) => scoped(actorOf(request), (s) => s.interventions.revoke(request.params.id, request.body.reason ?? null, request.body.version)),
  );
  r.post(
    '/api/v1/interventions/:id/start',
    {
      schema: stepSchema(
        'Starta insatsen / start',
        'Den mottagande verksamheten efter att den tagit emot, eller den egna verksamheten för en egen insats. Datum (standard i dag) får inte ligga i framtiden.',
        steps.start,
      ),
    },
    async (request) => scoped(actorOf(request), (s) => s.interventions.start(request.params.id, request.body.on ?? null, request.body.version)),
  );
  r.post(
    '/api/v1/interventions/:id/end',
    {
      schema: stepSchema(
        'Avsluta insatsen / end',
        'Bara en startad insats, med skäl ur listan. Slutdatum får inte ligga före startdatum. Skälet ”annat” kräver en kommentar.',
        steps.end,
      ),
    },
    async (request) =>
      scoped(actorOf(request), (s) =>
        s.interventions.end(request.params.id, {
          on: request.body.on ?? null,
          endReason: request.body.endReason,
          note: request.body.note ?? null,
          version: request.body.version,
        }),
      ),
  );

  r.get(
    '/api/v1/handovers/inbox',
    {
      schema: {
        tags,
        summary: 'Överlämningar till oss / hand-overs to the acting unit',
        description: 'Obesvarade först, med svarsdatum. Barnets namn visas bara när samtycket omfattar den mottagande verksamheten.',
        response: {
          200: z.object({
            items: z.array(
              interventionView.extend({
                case: z.object({ id: z.uuid(), pseudonym: z.string(), ageBand: z.string(), childName: z.string().nullable() }),
              }),
            ),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => scoped(actorOf(request), async (s) => ({ items: await s.interventions.inbox() })),
  );

  r.get(
    '/api/v1/me/intervention-warnings',
    {
      schema: {
        tags,
        summary: 'Varningar där min verksamhet behöver agera / warnings for the acting unit',
        description:
          'Parallella insatser, obesvarade överlämningar, mottagna insatser som inte startat och planåtgärder utan ansvarig eller insats: på ärenden verksamheten äger, och där den föreslår eller ger en insats.',
        response: { 200: z.object({ items: z.array(caseWarningView) }), ...authedErrors },
      },
    },
    async (request) => scoped(actorOf(request), async (s) => ({ items: await s.interventions.myWarnings() })),
  );

  r.get(
    '/api/v1/cases/:id/helpers',
    {
      schema: {
        tags,
        summary: 'Vilka hjälper oss? / who helps the child',
        description:
          'Personer med roll i ärendet och mottagna eller pågående insatser, var och en enligt sin åtkomstregel. För ett barn med skyddade personuppgifter visas verksamheter och kontakter bara för ägande verksamhet och namngivna yrkespersoner.',
        params: uuidParam,
        response: {
          200: z.object({
            protectedIdentity: z.boolean(),
            people: z.array(z.object({ role: z.string(), name: z.string(), unit: z.string().nullable(), email: z.string().nullable() })),
            interventions: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                status: z.enum(INTERVENTION_STATUSES),
                unit: z.string().nullable(),
                email: z.string().nullable(),
                phone: z.string().nullable(),
              }),
            ),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.interventions.helpers(request.params.id)),
  );
}
