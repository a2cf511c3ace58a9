import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_WORDS, PortalConflict, portalRepository, type PortalNextMeeting, type PortalPerson } from '../../access/portal.ts';
import type { AppDeps } from '../../http/deps.ts';
import { problemSchema, singleLine } from '../../http/schemas.ts';
import { PASSWORD_MAX } from '../me/index.ts';
import { clearPortalCookie, endPortalSession, portalLocalLogin } from './session.ts';
import { childParam, consentView, portalErrors, portalKit } from './kit.ts';
import { registerPortalWheelRoutes } from './wheel.routes.ts';
import { registerPortalPlanRoutes } from './plan.routes.ts';
import { registerPortalConsentRoutes } from './consent.routes.ts';

const errors = portalErrors;

const portalChild = z.object({
  id: z.string(),
  relation: z.enum(['self', 'guardian']),
  givenName: z.string(),
  adult: z.boolean(),
  hasCase: z.boolean(),
});
const nextMeetingView = z.object({
  date: z.string(),
  startTime: z.string(),
  location: z.string().nullable(),
  invited: z.boolean(),
  familyStatus: z.string(),
  myWords: z.string().nullable(),
  version: z.number().int(),
  /** The child: whether their words are kept from the guardians (always false for a guardian). */
  wordsPrivate: z.boolean(),
  /** A guardian: the child's words, unless the child keeps them private (null then, and for the child). */
  childWords: z.string().nullable(),
});
const nextView = (n: PortalNextMeeting | null) =>
  n && {
    date: n.date,
    startTime: n.startTime,
    location: n.location,
    invited: n.invited,
    familyStatus: n.familyStatus,
    myWords: n.myWords,
    version: n.version,
    wordsPrivate: n.wordsPrivate,
    childWords: n.childWords,
  };

const portalMe = z.object({
  displayName: z.string(),
  method: z.enum(['local', 'oidc']),
  csrfToken: z.string(),
  children: z.array(portalChild),
});

/**
 * The family portal's API (issue 7, first slice): sign-in with the demo's local accounts (e-ID
 * through OIDC is in oidc.routes.ts), the children the person is linked to, "Vilka hjälper
 * oss?", the consents in plain language and "Vem har läst om oss?". Every route is outside the
 * staff session (config.public) and requires the portal session instead.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { r, today, onRequest, session, guard, tags, config: portal } = portalKit(app, deps);

  const withPerson = <T>(person: PortalPerson, fn: (repo: ReturnType<typeof portalRepository>) => Promise<T>): Promise<T> =>
    guard(() => fn(portalRepository(deps.database.db, person, today())));

  const me = async (person: PortalPerson & { csrfToken: string }) => ({
    displayName: person.displayName,
    method: person.method,
    csrfToken: person.csrfToken,
    children: await withPerson(person, (repo) => repo.children()),
  });

  r.post(
    '/api/v1/portal/login',
    {
      config: { public: true, rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Logga in i familjeportalen (demo) / portal log-in (demo)',
        description:
          'Lokala konton finns bara i demon. På riktigt loggar barn, unga och vårdnadshavare in med e-legitimation (OIDC). Svaret säger om något ärende finns; finns inget visas ingen information.',
        body: z.strictObject({ username: singleLine(1, 200), password: z.string().min(1).max(PASSWORD_MAX) }),
        response: { 200: z.object({ linked: z.boolean() }), 400: problemSchema, 401: problemSchema, 423: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => portalLocalLogin(deps, reply, request.body.username, request.body.password),
  );

  r.get(
    '/api/v1/portal/sign-in-options',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sätt att logga in i portalen / portal sign-in options',
        description: 'Publik. oidc: true när inloggning med e-legitimation är konfigurerad (OIDC_ISSUER m.fl.).',
        response: { 200: z.object({ oidc: z.boolean() }) },
      },
    },
    async () => ({ oidc: deps.config.oidc !== null }),
  );

  r.get(
    '/api/v1/portal/me',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Den inloggade i portalen och deras barn / the portal person and their children',
        response: { 200: portalMe, ...errors },
      },
    },
    async (request) => me(session(request)),
  );

  r.post(
    '/api/v1/portal/logout',
    { config: portal, onRequest, schema: { tags, summary: 'Logga ut ur portalen / portal log-out', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await endPortalSession(deps, session(request));
      clearPortalCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/portal/children/:child/helpers',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Vilka hjälper oss? / who helps us',
        description: 'Personer med en roll i barnets ärenden och stöd som har tagits emot eller pågår.',
        params: childParam,
        response: {
          200: z.object({
            people: z.array(z.object({ role: z.string(), roleEn: z.string(), name: z.string(), unit: z.string(), email: z.string().nullable() })),
            support: z.array(
              z.object({
                name: z.string(),
                unit: z.string(),
                status: z.string(),
                statusLabel: z.string(),
                statusLabelEn: z.string(),
                email: z.string().nullable(),
                phone: z.string().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => withPerson(session(request), (repo) => repo.helpers(request.params.child)),
  );

  r.get(
    '/api/v1/portal/children/:child/consents',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Samtycken på lätt svenska / consents in plain language',
        params: childParam,
        response: {
          200: z.array(consentView),
          ...errors,
        },
      },
    },
    async (request) => withPerson(session(request), (repo) => repo.consents(request.params.child)),
  );

  r.get(
    '/api/v1/portal/children/:child/next-meeting',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Nästa möte och mina ord / the next meeting and my words',
        description:
          'Nästa teammöte om barnet, om familjen är inbjuden, och den inloggades egna ord inför mötet (null när inget möte är planerat). En vårdnadshavare får också barnets ord (childWords), utom när barnet har valt att inte visa dem: då null, utan att det syns att något är dolt. Barnet får wordsPrivate och canKeepPrivate (barnet själv, under 18, bedömt som moget i det senaste samtycket eller minst 15 år). / The next meeting and my words; a guardian also gets the child’s words unless the child keeps them private.',
        params: childParam,
        response: { 200: z.object({ meeting: nextMeetingView.nullable(), canKeepPrivate: z.boolean() }), ...errors },
      },
    },
    async (request) =>
      withPerson(session(request), async (repo) => {
        const res = await repo.nextMeeting(request.params.child);
        return { meeting: nextView(res.meeting), canKeepPrivate: res.canKeepPrivate };
      }),
  );

  r.put(
    '/api/v1/portal/children/:child/my-words',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Det här vill jag säga / my words before the meeting',
        description: `Barnets (eller vårdnadshavarens) egna ord inför nästa möte, högst ${MAX_WORDS} tecken. De hamnar direkt på mötets dagordning som barnets röst. version är den version du utgick från (0 om inget fanns); en gammal version ger 409 med den sparade texten, och inget skrivs över. private (bara barnet, och bara när canKeepPrivate): true = vårdnadshavarna ser inte orden, teamet ser dem märkta; annars 400. Utelämnat behålls det tidigare valet. / My words before the meeting; private: the child keeps them from the guardians.`,
        params: childParam,
        body: z.strictObject({
          words: z.string().max(MAX_WORDS + 1000),
          version: z.number().int().min(0).max(2147483647),
          private: z.boolean().optional(),
        }),
        response: {
          200: z.object({ meeting: nextMeetingView, canKeepPrivate: z.boolean() }),
          ...errors,
          409: problemSchema.extend({ current: nextMeetingView.nullable().optional() }),
        },
      },
    },
    async (request, reply) => {
      try {
        return await withPerson(session(request), async (repo) => {
          const { words, version, private: keepPrivate } = request.body;
          const saved = await repo.saveWords(request.params.child, words, version, keepPrivate);
          return { meeting: nextView(saved.meeting)!, canKeepPrivate: saved.canKeepPrivate };
        });
      } catch (err) {
        if (!(err instanceof PortalConflict)) throw err;
        return reply
          .status(409)
          .type('application/problem+json')
          .send({
            type: 'https://samsyn.se/problem/conflict',
            title: 'Texten har ändrats',
            titleEn: 'The text has changed',
            status: 409,
            detail: 'Någon annan sparade nyss. Din text är inte sparad, men den finns kvar. Titta på den sparade texten och spara igen.',
            detailEn: 'Someone else just saved. Your text is not saved but kept. Look at the saved text and save again.',
            current: nextView(err.current),
          });
      }
    },
  );

  r.get(
    '/api/v1/portal/children/:child/read-log',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Vem har läst om oss? / who has read about us',
        description:
          'Ur granskningsloggen: datum, verksamhet, roll, syfte och samtycket åtkomsten vilade på. Personalens namn visas bara om organisationen har valt det.',
        params: childParam,
        response: {
          200: z.object({
            staffNamesShown: z.boolean(),
            items: z.array(
              z.object({
                date: z.string(),
                what: z.string(),
                whatEn: z.string(),
                unit: z.string(),
                role: z.string(),
                roleEn: z.string(),
                name: z.string().nullable(),
                purpose: z.string(),
                purposeEn: z.string(),
                consent: z.string(),
                consentEn: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => withPerson(session(request), (repo) => repo.readLog(request.params.child)),
  );

  registerPortalWheelRoutes(app, deps);
  registerPortalPlanRoutes(app, deps);
  registerPortalConsentRoutes(app, deps);
}
