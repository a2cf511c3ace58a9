import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped, type Scoped } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { overdueFollowUpView } from '../plans/index.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, problemSchema, singleLine } from '../../http/schemas.ts';
import {
  addEventBody,
  answerBody,
  assignRoleBody,
  caseListQuery,
  caseSummary,
  caseView,
  closeBody,
  consentDefaults,
  correctEventBody,
  createCaseBody,
  createSignalBody,
  eventView,
  linkChildBody,
  recordConsentBody,
  reopenBody,
  signalView,
  updateCaseBody,
  withdrawBody,
} from './cases.schemas.ts';

const idParam = z.strictObject({ id: z.uuid() });
const ATTACHMENT_LIMIT = 5 * 1024 * 1024;

/** Checks the file's first bytes against its declared type. */
function looksLike(type: string, data: Buffer): boolean {
  if (type === 'application/pdf') return data.subarray(0, 5).toString('latin1') === '%PDF-';
  if (type === 'image/png') return data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
}
const withErrors = { ...authedErrors, 409: problemSchema };

async function mustGet(s: Scoped, id: string) {
  const c = await s.cases.get(id);
  if (!c) throw new AppError('not_found');
  return c;
}

/**
 * Signals, cases, the consent ledger and the chronology (issue 3). Every read and write
 * goes through runScoped: the access rules decide, and each response carries the access
 * level and the reason the user sees what they see.
 */
export function registerCaseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;
  const scoped = <T>(request: Parameters<typeof actorOf>[0], fn: (s: Scoped) => Promise<T>) => runScoped(access, actorOf(request), 'samverkan', fn);

  r.post(
    '/api/v1/signals',
    {
      schema: {
        tags: ['signals'],
        summary: 'Anmäl oro / raise a signal of concern',
        description:
          'Vilken handläggare som helst kan anmäla oro. Signalen skickas till en mottagande verksamhet. En signal som namnger ett barn kan bara gå till en verksamhet hos samma huvudman; en anonym signal kontrolleras mot identifierande uppgifter. En orosanmälan till socialtjänsten görs i socialtjänstens egen process, utanför Samsyn – här noteras bara om den är gjord.',
        body: createSignalBody,
        response: { 201: signalView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const signal = await scoped(request, async (s) => {
        const id = await s.cases.createSignal({
          childId: b.childId ?? null,
          recipientUnitId: b.recipientUnitId,
          category: b.category,
          noticed: b.noticed.trim(),
          signalKinds: [...new Set(b.signalKinds)],
          riskFactors: b.riskFactors ?? null,
          protectiveFactors: b.protectiveFactors ?? null,
          actionsTaken: b.actionsTaken ?? null,
          urgency: b.urgency,
          reportOfConcern: b.reportOfConcern,
        });
        return s.signals.get(id);
      });
      return reply.status(201).send(signal!);
    },
  );

  r.get(
    '/api/v1/signals',
    {
      schema: {
        tags: ['signals'],
        summary: 'Skickade eller mottagna signaler / sent or received signals',
        querystring: z.strictObject({ box: z.enum(['sent', 'received']) }),
        response: { 200: z.object({ items: z.array(signalView) }), ...authedErrors },
      },
    },
    async (request) => ({ items: await scoped(request, (s) => s.signals.list(request.query.box)) }),
  );

  r.get(
    '/api/v1/signals/:id',
    { schema: { tags: ['signals'], summary: 'En signal / one signal', params: idParam, response: { 200: signalView, ...authedErrors } } },
    async (request) => {
      const signal = await scoped(request, (s) => s.signals.get(request.params.id));
      if (!signal) throw new AppError('not_found');
      return signal;
    },
  );

  r.post(
    '/api/v1/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Öppna en avidentifierad konsultation / open an anonymous consultation',
        description:
          'Ärendet ägs av den verksamhet du agerar för. Pseudonym och beskrivning kontrolleras: personnummer, kända namn på barnet och vårdnadshavarna, telefonnummer, e-post och gatuadresser avvisas med ett tydligt meddelande.',
        body: createCaseBody,
        response: { 201: caseView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const c = await scoped(request, async (s) => {
        const id = await s.cases.createCase({
          pseudonym: b.pseudonym,
          ageBand: b.ageBand,
          description: b.description.trim(),
          signalId: b.signalId ?? null,
        });
        return mustGet(s, id);
      });
      return reply.status(201).send(c);
    },
  );

  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Ärenden du får se / cases visible to you',
        description:
          'Ägda av din verksamhet, där du eller din verksamhet har en roll, där din verksamhet omfattats av ett samtycke, eller där din verksamhet skickat en signal. Barnets namn visas bara för ägaren och under gällande samtycke.',
        querystring: caseListQuery,
        response: { 200: z.object({ items: z.array(caseSummary) }), ...authedErrors },
      },
    },
    async (request) => {
      const q = request.query;
      return { items: await scoped(request, (s) => s.cases.list({ state: q.state, mine: q.mine === 'true', q: q.q })) };
    },
  );

  r.get(
    '/api/v1/overview',
    {
      schema: {
        tags: ['cases'],
        summary: 'Samordnaröversikt / coordinator overview',
        description:
          'Ärenden som inväntar samtycke, samtycken som går ut inom 30 dagar, kvittenser som väntar och fastställda planer vars uppföljning är försenad.',
        response: {
          200: z.object({
            awaitingConsent: z.array(caseSummary),
            expiringConsents: z.array(z.object({ caseId: z.uuid(), pseudonym: z.string(), consentId: z.uuid(), validUntil: z.string() })),
            openNotices: z.array(
              z.object({
                id: z.uuid(),
                caseId: z.uuid(),
                pseudonym: z.string(),
                unit: z.object({ id: z.uuid(), name: z.string() }),
                createdAt: z.string(),
              }),
            ),
            overdueFollowUps: z.array(overdueFollowUpView),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => scoped(request, async (s) => ({ ...(await s.cases.overview()), overdueFollowUps: await s.plans.overdueFollowUps('unit') })),
  );

  r.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Ett ärende / one case',
        description:
          'Visar det du får se och varför (access.reasonSv), t.ex. vilket samtycke som täcker din verksamhet. Samtycket prövas mot reglerna vid varje läsning. Nekad åtkomst och saknat ärende ger båda 404.',
        params: idParam,
        response: { 200: caseView, ...authedErrors },
      },
    },
    async (request) => scoped(request, (s) => mustGet(s, request.params.id)),
  );

  r.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Ändra pseudonym, åldersgrupp eller beskrivning / edit',
        description: 'Bara ägande verksamhet. Kräver aktuell version (409 annars, inget ändras). Texten kontrolleras mot identifierande uppgifter.',
        params: idParam,
        body: updateCaseBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return scoped(request, async (s) => {
        await s.cases.updateCase(request.params.id, version, { ...changes, description: changes.description?.trim() });
        return mustGet(s, request.params.id);
      });
    },
  );

  r.post(
    '/api/v1/cases/:id/link-child',
    {
      schema: {
        tags: ['cases'],
        summary: 'Koppla till ett identifierat barn / link to a child',
        description: 'Barnet måste finnas i ägande verksamhets register. Det som skrevs före kopplingen förblir markerat som avidentifierat.',
        params: idParam,
        body: linkChildBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.linkChild(request.params.id, request.body.version, request.body.childId);
        return mustGet(s, request.params.id);
      }),
  );

  r.get(
    '/api/v1/cases/:id/assignable',
    {
      schema: {
        tags: ['cases'],
        summary: 'Personer som kan få en roll / people who can be given a role',
        params: idParam,
        response: {
          200: z.object({ items: z.array(z.object({ userId: z.uuid(), name: z.string(), unitId: z.uuid(), unitName: z.string() })) }),
          ...authedErrors,
        },
      },
    },
    async (request) => ({ items: await scoped(request, (s) => s.cases.assignable(request.params.id)) }),
  );

  r.post(
    '/api/v1/cases/:id/roles',
    {
      schema: {
        tags: ['cases'],
        summary: 'Ge en roll i ärendet / assign a role',
        description: 'Trygghetsperson och barnkoordinator finns bara en av; en ny ersätter den förra. Involverade kan vara flera.',
        params: idParam,
        body: assignRoleBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.assignRole(request.params.id, request.body);
        return mustGet(s, request.params.id);
      }),
  );

  r.delete(
    '/api/v1/cases/:id/roles/:roleId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Avsluta en roll / end a role',
        params: z.strictObject({ id: z.uuid(), roleId: z.uuid() }),
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.endRole(request.params.id, request.params.roleId);
        return mustGet(s, request.params.id);
      }),
  );

  r.post(
    '/api/v1/cases/:id/close',
    {
      schema: {
        tags: ['cases'],
        summary: 'Avsluta ärendet / close the case',
        description: 'Skäl ur listan krävs; "annat" kräver en text.',
        params: idParam,
        body: closeBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.close(request.params.id, request.body.version, request.body.reason, request.body.text ?? null);
        return mustGet(s, request.params.id);
      }),
  );

  r.post(
    '/api/v1/cases/:id/reopen',
    {
      schema: {
        tags: ['cases'],
        summary: 'Öppna ärendet igen / reopen',
        params: idParam,
        body: reopenBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.reopen(request.params.id, request.body.version);
        return mustGet(s, request.params.id);
      }),
  );

  r.get(
    '/api/v1/cases/:id/consent-defaults',
    {
      schema: {
        tags: ['consent'],
        summary: 'Utgångsläge för ett nytt samtycke / defaults for a new consent',
        params: idParam,
        response: { 200: consentDefaults, ...authedErrors },
      },
    },
    async (request) => scoped(request, (s) => s.cases.consentDefaults(request.params.id)),
  );

  r.post(
    '/api/v1/cases/:id/consents',
    {
      schema: {
        tags: ['consent'],
        summary: 'Registrera ett samtycke / record a consent',
        description:
          'Varje svar dokumenteras med sätt, vem och när. Omfattning: uttrycklig lista av verksamheter (verksamheter i en annan organisation eller inaktiva avvisas), kategorier och syfte; ett samtycke som omfattar allt utan specifikt syfte avvisas som för allmänt. Giltighetstid högst enligt organisationens regel (standard 12 månader).',
        params: idParam,
        body: recordConsentBody,
        response: { 201: caseView, ...withErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const c = await scoped(request, async (s) => {
        await s.cases.recordConsent(request.params.id, {
          purposeCategory: b.purposeCategory,
          purposeText: b.purposeText.trim(),
          unitIds: b.unitIds,
          categories: b.categories,
          validFrom: b.validFrom,
          validUntil: b.validUntil,
          givers: b.givers.map((g) => ({ giver: g.giver, answer: g.answer, method: g.method ?? null, documentedAt: g.documentedAt ?? null })),
          maturity: b.maturity ?? null,
        });
        return mustGet(s, request.params.id);
      });
      return reply.status(201).send(c);
    },
  );

  r.post(
    '/api/v1/cases/:id/consents/:consentId/answers',
    {
      schema: {
        tags: ['consent'],
        summary: 'Registrera ett svar / record one giver’s answer',
        description: 'Ett ja kan inte ändras till nej här – använd återkallelse.',
        params: z.strictObject({ id: z.uuid(), consentId: z.uuid() }),
        body: answerBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.answer(request.params.id, request.params.consentId, request.body);
        return mustGet(s, request.params.id);
      }),
  );

  r.post(
    '/api/v1/cases/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['consent'],
        summary: 'Återkalla samtycket / withdraw consent',
        description:
          'Bara den som lämnat samtycket kan återkalla det. Gäller direkt: nästa förfrågan ser redan mindre. Varje verksamhet som haft åtkomst får en kvittens att bekräfta.',
        params: z.strictObject({ id: z.uuid(), consentId: z.uuid() }),
        body: withdrawBody,
        response: { 200: caseView, ...withErrors },
      },
    },
    async (request) =>
      scoped(request, async (s) => {
        await s.cases.withdraw(request.params.id, request.params.consentId, request.body);
        return mustGet(s, request.params.id);
      }),
  );

  // The signed consent form: raw PDF, PNG or JPEG up to 5 MB, in its own encapsulated
  // plugin so that only this route accepts those content types and the larger body.
  void app.register(async (sub) => {
    const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
    for (const type of ATTACHMENT_TYPES)
      sub.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMIT }, (_req, body, done) => done(null, body));
    const rs = sub.withTypeProvider<ZodTypeProvider>();
    const params = z.strictObject({ id: z.uuid(), consentId: z.uuid() });
    rs.put(
      '/api/v1/cases/:id/consents/:consentId/attachment',
      {
        bodyLimit: ATTACHMENT_LIMIT,
        schema: {
          tags: ['consent'],
          summary: 'Bifoga underskrivet samtycke / attach the signed consent',
          description: 'Kroppen är filen själv (application/pdf, image/png eller image/jpeg, högst 5 MB). Filnamn i ?name=. Bara ägande verksamhet.',
          params,
          querystring: z.strictObject({ name: singleLine(1, 200) }),
          response: { 200: caseView, ...withErrors },
        },
      },
      async (request) => {
        const type = String(request.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        const data = request.body as unknown;
        if (!Buffer.isBuffer(data) || !ATTACHMENT_TYPES.includes(type))
          throw new AppError('validation', {
            errors: [{ field: 'file', message: 'Bifoga en PDF, PNG eller JPEG.', messageEn: 'Attach a PDF, PNG or JPEG.' }],
          });
        if (!looksLike(type, data))
          throw new AppError('validation', {
            errors: [
              { field: 'file', message: 'Filen är inte en giltig PDF, PNG eller JPEG.', messageEn: 'The file is not a valid PDF, PNG or JPEG.' },
            ],
          });
        return scoped(request, async (s) => {
          await s.cases.attach(request.params.id, request.params.consentId, { name: request.query.name, type, data });
          return mustGet(s, request.params.id);
        });
      },
    );
    rs.get(
      '/api/v1/cases/:id/consents/:consentId/attachment',
      {
        schema: {
          tags: ['consent'],
          summary: 'Hämta underskrivet samtycke / download the signed consent',
          description: 'Bara ägande verksamhet. Varje hämtning loggas.',
          params,
          response: { 200: z.any(), ...authedErrors },
        },
      },
      async (request, reply) => {
        const file = await scoped(request, (s) => s.cases.attachment(request.params.id, request.params.consentId));
        const ascii = file.name.replace(/[^\w.-]/g, '_');
        return reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .header('cache-control', 'no-store')
          .send(file.data);
      },
    );
  });

  r.post(
    '/api/v1/consent-notices/:id/acknowledge',
    {
      schema: {
        tags: ['consent'],
        summary: 'Kvittera en återkallelse / acknowledge a withdrawal',
        params: idParam,
        response: { 204: z.null(), ...authedErrors },
      },
    },
    async (request, reply) => {
      await scoped(request, (s) => s.cases.acknowledge(request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary: 'Kronologi / chronology',
        description: 'Äldst först. Poster du inte får se visas som dolda med skäl. Rättelser är nya versioner; den rättade posten finns kvar.',
        params: idParam,
        response: { 200: z.object({ items: z.array(eventView) }), ...authedErrors },
      },
    },
    async (request) => {
      const items = await scoped(request, (s) => s.events.list(request.params.id));
      if (!items) throw new AppError('not_found');
      return { items };
    },
  );

  r.post(
    '/api/v1/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary: 'Lägg till en händelse / add a chronology entry',
        description:
          'Händelsen ägs av din verksamhet och visas för andra enligt samtycket. I en avidentifierad konsultation kontrolleras texten mot identifierande uppgifter.',
        params: idParam,
        body: addEventBody,
        response: { 201: eventView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const item = await scoped(request, async (s) => {
        const id = await s.cases.addEvent(request.params.id, { ...request.body, text: request.body.text.trim() });
        return (await s.events.list(request.params.id))!.find((e) => e.id === id)!;
      });
      return reply.status(201).send(item);
    },
  );

  r.post(
    '/api/v1/cases/:id/events/:eventId/corrections',
    {
      schema: {
        tags: ['cases'],
        summary: 'Rätta en händelse / correct an entry',
        description: 'En rättelse är en ny version med skäl. Den tidigare versionen finns kvar och syns för dem som får se den.',
        params: z.strictObject({ id: z.uuid(), eventId: z.uuid() }),
        body: correctEventBody,
        response: { 201: eventView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const item = await scoped(request, async (s) => {
        const id = await s.cases.addEvent(request.params.id, {
          category: 'skolsituation',
          occurredOn: s.today,
          text: request.body.text.trim(),
          correctsId: request.params.eventId,
          reason: request.body.reason,
        });
        return (await s.events.list(request.params.id))!.find((e) => e.id === id)!;
      });
      return reply.status(201).send(item);
    },
  );
}
