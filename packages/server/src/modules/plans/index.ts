import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GOAL_OUTCOMES, PLAN_KINDS, PRINCIPAL_KINDS, type PlanContent } from '@samsyn/domain';
import { currentWheel, PlanConflict, runScoped, type Actor, type Scoped } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, multiLine, problemSchema, singleLine, uuidParam, versionInput } from '../../http/schemas.ts';
import { isoDateInput } from '../cases/cases.schemas.ts';
import { registerPlanPdfRoutes } from './pdf.routes.ts';

const text = multiLine(2000);
const item = multiLine(500);

const wheelArea = z.object({
  key: z.string(),
  labelSv: z.string(),
  labelEn: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
  childDescriptionSv: z.string(),
  childDescriptionEn: z.string(),
  position: z.number().int(),
  retired: z.boolean().optional(),
});
const wheelScale = z.object({
  min: z.number().int(),
  max: z.number().int(),
  anchors: z.array(
    z.object({ value: z.number().int(), labelSv: z.string(), labelEn: z.string(), childLabelSv: z.string(), childLabelEn: z.string() }),
  ),
});
export const wheelView = z.object({ version: z.number().int(), areas: z.array(wheelArea), scale: wheelScale });

const ratingInput = z.strictObject({
  areaKey: singleLine(1, 40),
  rating: z.number().int().min(-1000).max(1000).nullable(),
  strengths: multiLine(2000).optional(),
  worries: multiLine(2000).optional(),
  needs: multiLine(2000).optional(),
});
const ratingView = z.object({
  areaKey: z.string(),
  rating: z.number().nullable(),
  strengths: z.string().optional(),
  worries: z.string().optional(),
  needs: z.string().optional(),
});
const dated = z.object({ date: z.string(), rating: z.number(), count: z.number().int() }).nullable();
const firstLatest = z.object({ areaKey: z.string(), first: dated, latest: dated, change: z.number().nullable() });

const planAction = z.strictObject({
  id: singleLine(0, 64).optional(),
  what: item,
  ownerUnitId: z.uuid().nullable(),
  ownerUserId: z.uuid().nullable(),
  start: isoDateInput.nullable(),
  end: isoDateInput.nullable(),
  decisionId: z.uuid().nullish(),
});
const planGoal = z.strictObject({ id: singleLine(0, 64).optional(), text: item, followUpDate: isoDateInput });
const viewpoint = z.strictObject({ strengths: text, challenges: text });
const planContent = z.strictObject({
  kind: z.enum(PLAN_KINDS),
  childView: viewpoint,
  guardiansView: viewpoint,
  areas: z
    .array(
      z.strictObject({
        areaKey: singleLine(1, 40),
        childWords: text,
        guardiansWillDo: text,
        actions: z.array(planAction).max(30),
        goals: z.array(planGoal).max(30),
      }),
    )
    .max(20),
  sip: z
    .strictObject({
      supportNeeded: text,
      principalContributions: z
        .array(
          z.strictObject({
            principalId: z.uuid(),
            principalName: singleLine(0, 200).optional(),
            principalKind: z.enum(PRINCIPAL_KINDS).optional(),
            provides: text,
          }),
        )
        .max(10),
      othersProvide: text,
      overallResponsibility: z.strictObject({ principalId: z.uuid(), principalName: singleLine(0, 200).optional() }).nullable(),
      participants: z.array(singleLine(0, 200)).max(30),
      personConsent: z.strictObject({ given: z.boolean(), date: isoDateInput.nullable() }).nullable(),
      childParticipation: z.strictObject({ tookPart: z.boolean(), how: text }),
      relativesParticipated: z.array(singleLine(0, 200)).max(30),
      followUpDate: isoDateInput.nullable(),
    })
    .nullable(),
});

const versionView = z.object({
  number: z.number().int(),
  status: z.enum(['draft', 'adopted', 'superseded']),
  planDate: z.string(),
  content: z.any().describe('PlanContent'),
  version: z.number().int(),
  updatedByName: z.string(),
  updatedAt: z.string(),
  adoptedOn: z.string().nullable(),
  missingElements: z.array(z.object({ element: z.number().int(), field: z.string(), message: z.string(), messageEn: z.string() })),
  followUps: z.array(
    z.object({
      on: z.string(),
      byName: z.string(),
      outcomes: z.array(z.object({ areaKey: z.string(), goal: z.string(), outcome: z.enum(GOAL_OUTCOMES), comment: z.string().nullable() })),
    }),
  ),
  nextFollowUp: z.string().nullable(),
  followUpOverdue: z.boolean(),
});

export const overdueFollowUpView = z.object({
  planId: z.uuid(),
  caseId: z.uuid(),
  pseudonym: z.string(),
  kind: z.enum(PLAN_KINDS),
  number: z.number().int(),
  dueDate: z.string(),
});
const planView = z.object({ id: z.uuid(), caseId: z.uuid(), kind: z.enum(PLAN_KINDS), mayEdit: z.boolean(), versions: z.array(versionView) });
const numberParams = z.strictObject({ id: z.uuid(), number: z.coerce.number().int().min(1).max(10000) });

/**
 * Issue 5: the wellbeing wheel, assessments over time, the child's plan and the SIP. Everything
 * about a case goes through the access choke point; the wheel itself is organisational data.
 */
export function registerPlanRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerPlanPdfRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'samverkan', fn);

  const conflict = (err: PlanConflict) => ({
    type: 'https://samsyn.se/problem/conflict',
    title: 'Någon annan har ändrat planen',
    titleEn: 'Someone else changed the plan',
    status: 409,
    detail: `${err.current.updatedByName} sparade en ny version av utkastet medan du skrev. Dina ändringar är inte sparade men finns kvar; jämför med det sparade utkastet och spara igen.`,
    detailEn: `${err.current.updatedByName} saved the draft while you were writing. Your changes are not saved but kept; compare and save again.`,
    current: err.current,
  });

  r.get(
    '/api/v1/wheel',
    {
      schema: {
        tags: ['plans'],
        summary: 'Välbefinnandehjulet / the wellbeing wheel',
        description: 'Organisationens områden och skala i gällande version (förval: de åtta SHANARRI-områdena och skalan 1–5).',
        response: { 200: wheelView, ...authedErrors },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const w = await currentWheel(s.tx, s.actor.tenantId);
        return { version: w.version, areas: w.areas, scale: w.scale };
      }),
  );

  r.get(
    '/api/v1/cases/:id/assessments',
    {
      schema: {
        tags: ['plans'],
        summary: 'Bedömningar med hjulet / wheel assessments',
        description:
          'Bedömningar över tid från barnets, varje vårdnadshavares och verksamheternas perspektiv, med underlaget för diagrammen: första mot senaste per perspektiv och skillnaden mellan barnets och verksamheternas betyg (störst skillnad markerad). Syns för den verksamhet som gjorde bedömningen och för verksamheter som samtycket omfattar för bedömningar och planer. enteredVia portal: barnet eller en vårdnadshavare svarade själv i familjeportalen; privateAreaKeys: områden i barnets eget svar som barnet inte visar för vårdnadshavare (teamet ser dem). / enteredVia and privateAreaKeys: the child’s private areas, shown to the team, never to guardians.',
        params: uuidParam,
        response: {
          200: z.object({
            wheel: z.object({ version: z.number().int(), areas: z.array(wheelArea), scale: wheelScale }),
            items: z.array(
              z.object({
                id: z.uuid(),
                date: z.string(),
                perspective: z.object({
                  kind: z.enum(['child', 'guardian', 'professional']),
                  guardianId: z.uuid().nullable(),
                  guardianName: z.string().nullable(),
                  unitId: z.uuid().nullable(),
                  unitName: z.string().nullable(),
                }),
                ratings: z.array(ratingView),
                wheelVersion: z.number().int(),
                unit: z.object({ id: z.uuid(), name: z.string() }),
                enteredByName: z.string(),
                enteredVia: z.enum(['staff', 'portal']),
                privateAreaKeys: z.array(z.string()),
                createdAt: z.string(),
              }),
            ),
            radar: z.object({
              child: z.array(firstLatest),
              professionals: z.array(firstLatest),
              guardians: z.array(firstLatest),
              gaps: z.array(
                z.object({
                  areaKey: z.string(),
                  child: z.number().nullable(),
                  childDate: z.string().nullable(),
                  professional: z.number().nullable(),
                  professionalDate: z.string().nullable(),
                  professionalCount: z.number().int(),
                  gap: z.number().nullable(),
                  highlighted: z.boolean(),
                }),
              ),
            }),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const res = await s.wheel.list(request.params.id);
        return { ...res, wheel: { version: res.wheel.version, areas: res.wheel.areas, scale: res.wheel.scale } };
      }),
  );

  r.post(
    '/api/v1/cases/:id/assessments',
    {
      schema: {
        tags: ['plans'],
        summary: 'Registrera en bedömning / record an assessment',
        description:
          'perspective: child (barnets egen bedömning, inskriven av en professionell), guardian (guardianId) eller professional (din verksamhet). Per område ett betyg på skalan eller null (inte bedömt), och styrkor, oro och behov.',
        params: uuidParam,
        body: z.strictObject({
          date: isoDateInput,
          perspective: z.discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('child') }),
            z.strictObject({ kind: z.literal('guardian'), guardianId: z.uuid() }),
            z.strictObject({ kind: z.literal('professional') }),
          ]),
          ratings: z.array(ratingInput).min(1).max(20),
        }),
        response: { 201: z.object({ id: z.uuid() }), ...authedErrors },
      },
    },
    async (request, reply) => {
      const id = await scoped(actorOf(request), (s) => s.wheel.add(request.params.id, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/v1/cases/:id/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Ärendets planer / the case’s plans',
        description: 'Barnets plan och SIP med alla versioner. sipOffered: både socialtjänsten och hälso- och sjukvården är med i ärendet.',
        params: uuidParam,
        response: {
          200: z.object({
            sipOffered: z.boolean(),
            items: z.array(z.object({ id: z.uuid(), kind: z.enum(PLAN_KINDS), createdAt: z.string(), versions: z.array(versionView) })),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.plans.list(request.params.id)),
  );

  r.post(
    '/api/v1/cases/:id/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Påbörja en plan / start a plan',
        description:
          'Ärendets ägande verksamhet. kind: barnets_plan eller sip (sip bara när både socialtjänsten och regionen är med). Version 1 blir ett utkast.',
        params: uuidParam,
        body: z.strictObject({ kind: z.enum(PLAN_KINDS) }),
        response: { 201: planView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const plan = await scoped(actorOf(request), async (s) => s.plans.get(await s.plans.create(request.params.id, request.body.kind)));
      return reply.status(201).send(plan);
    },
  );

  r.get(
    '/api/v1/plans/:id',
    {
      schema: { tags: ['plans'], summary: 'En plan / a plan', params: uuidParam, response: { 200: planView, ...authedErrors } },
    },
    async (request) => scoped(actorOf(request), (s) => s.plans.get(request.params.id)),
  );

  r.put(
    '/api/v1/plans/:id/versions/:number',
    {
      schema: {
        tags: ['plans'],
        summary: 'Spara ett utkast / save a draft',
        description:
          'Bara utkast kan ändras; en fastställd version ger 400 ("Skapa en ny version"). version är radversionen du utgick från: har någon annan sparat under tiden svarar servern 409 med det sparade utkastet i current, och ingenting skrivs över.',
        params: numberParams,
        body: z.strictObject({ version: versionInput, planDate: isoDateInput, content: planContent }),
        response: { 200: versionView, ...authedErrors, 409: problemSchema.extend({ current: versionView.optional() }) },
      },
    },
    async (request, reply) => {
      try {
        return await scoped(actorOf(request), (s) =>
          s.plans.saveDraft(
            request.params.id,
            request.params.number,
            request.body.version,
            request.body.planDate,
            request.body.content as PlanContent,
          ),
        );
      } catch (err) {
        if (!(err instanceof PlanConflict)) throw err;
        return reply.status(409).type('application/problem+json').send(conflict(err));
      }
    },
  );

  r.post(
    '/api/v1/plans/:id/versions',
    {
      schema: {
        tags: ['plans'],
        summary: 'Ny version / new version',
        description: 'En ändring efter fastställande blir ett nytt utkast, en kopia av den senaste versionen. Finns redan ett utkast returneras det.',
        params: uuidParam,
        response: { 201: versionView, ...authedErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await scoped(actorOf(request), (s) => s.plans.newDraft(request.params.id))),
  );

  r.post(
    '/api/v1/plans/:id/versions/:number/adopt',
    {
      schema: {
        tags: ['plans'],
        summary: 'Fastställ / adopt',
        description:
          'Fryser versionen; den tidigare fastställda blir ersatt. En SIP fastställs bara med alla fyra lagkrav: (1) insatser som behövs, (2) vad varje huvudman ansvarar för, (3) vad andra än kommun och region gör, (4) vilken huvudman som har det övergripande ansvaret – plus personens samtycke och ett uppföljningsdatum. Felet säger vad som saknas.',
        params: numberParams,
        body: z.strictObject({ version: versionInput }),
        response: { 200: versionView, ...authedErrors, 409: problemSchema.extend({ current: versionView.optional() }) },
      },
    },
    async (request, reply) => {
      try {
        return await scoped(actorOf(request), (s) => s.plans.adopt(request.params.id, request.params.number, request.body.version));
      } catch (err) {
        if (!(err instanceof PlanConflict)) throw err;
        return reply.status(409).type('application/problem+json').send(conflict(err));
      }
    },
  );

  r.post(
    '/api/v1/plans/:id/versions/:number/follow-ups',
    {
      schema: {
        tags: ['plans'],
        summary: 'Följ upp planen / follow up the plan',
        description:
          'Den fastställda versionen. outcomes i samma ordning som målen i planen (område för område): achieved (uppnått), partly (delvis), not (inte uppnått) eller no_longer_relevant (inte längre aktuellt), med en kommentar. Uppföljningen skrivs i kronologin och en ny bedömning med hjulet föreslås.',
        params: numberParams,
        body: z.strictObject({
          outcomes: z
            .array(z.strictObject({ outcome: z.enum(GOAL_OUTCOMES), comment: multiLine(1000).nullish() }))
            .min(1)
            .max(200),
        }),
        response: { 200: versionView, ...authedErrors },
      },
    },
    async (request) => scoped(actorOf(request), (s) => s.plans.followUp(request.params.id, request.params.number, request.body.outcomes)),
  );

  r.get(
    '/api/v1/plans/:id/diff',
    {
      schema: {
        tags: ['plans'],
        summary: 'Skillnad mellan versioner / difference between versions',
        params: uuidParam,
        querystring: z.strictObject({ from: z.coerce.number().int().min(1).max(10000), to: z.coerce.number().int().min(1).max(10000) }),
        response: {
          200: z.object({
            changes: z.array(
              z.object({
                areaKey: z.string().nullable(),
                field: z.string(),
                change: z.enum(['added', 'removed', 'changed']),
                textSv: z.string(),
                textEn: z.string(),
              }),
            ),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => ({ changes: await s.plans.diff(request.params.id, request.query.from, request.query.to) })),
  );
}
