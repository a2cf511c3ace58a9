import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAdminRoutes } from '../modules/admin/index.ts';
import { registerAuditReviewRoutes } from '../modules/audit-review/index.ts';
import { registerAuthRoutes } from '../modules/auth/index.ts';
import { registerBenchRoutes } from '../modules/bench/index.ts';
import { registerChildrenRoutes } from '../modules/children/index.ts';
import { registerCaseRoutes } from '../modules/cases/index.ts';
import { registerMeetingRoutes } from '../modules/meetings/index.ts';
import { registerPlanRoutes } from '../modules/plans/index.ts';
import { registerDirectoryRoutes } from '../modules/directory/index.ts';
import { registerInterventionRoutes } from '../modules/interventions/index.ts';
import { registerHealthRoutes } from '../modules/health/index.ts';
import { registerMeRoutes } from '../modules/me/index.ts';
import { registerNotificationRoutes } from '../modules/notifications/index.ts';
import { registerPublicRoutes } from '../modules/public/index.ts';
import { registerPortalRoutes } from '../modules/portal/portal.routes.ts';
import { registerPortalOidcRoutes } from '../modules/portal/oidc.routes.ts';
import { registerUnitRoutes } from '../modules/units/index.ts';
import { newId } from '../db/ids.ts';
import type { AppDeps } from './deps.ts';
import { AppError, toProblem } from './errors.ts';
import { installErrorHandling } from './error-handler.ts';
import { installSecurityHooks } from './security-hooks.ts';
import './request-context.ts';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface BuildOptions {
  /** Serve the built web app from this directory (SPA fallback). */
  webDist?: string | null;
  /** Register the benchmark's bare baseline route. */
  benchBareRoute?: boolean;
}

export function defaultWebDist(): string {
  return resolve(import.meta.dirname, '../../../web/dist');
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    genReqId: () => newId(),
    // Malformed or over-long URLs are answered by Fastify before any hook; give them the same problem+json.
    frameworkErrors: (error, _request, reply) => {
      const problem = toProblem(
        new AppError('validation', { errors: [{ field: 'url', message: 'Ogiltig adress', messageEn: `Invalid URL (${error.code ?? 'bad url'})` }] }),
      );
      void (reply as unknown as FastifyReply).status(400).type('application/problem+json; charset=utf-8').send(problem);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('session', null);
  // JSON only: without this, text/plain bodies would reach the schemas as strings.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Only behind TLS: on a plain-HTTP demo (COOKIE_SECURE=false) it would break every request.
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    hsts: deps.config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samsyn API',
        description:
          'Samsyn – tidiga och samordnade insatser (TSI). Alla anrop kräver inloggning utom de som är märkta publika. Fel returneras som application/problem+json med svensk (title) och engelsk (titleEn) rubrik.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-samsyn_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  installSecurityHooks(app, deps);
  installErrorHandling(app);

  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerMeRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerChildrenRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerInterventionRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerAuditReviewRoutes(app, deps);
  registerUnitRoutes(app, deps);
  // The public page "Vart vänder jag mig?" (no log-in), before the web app's fallback route.
  registerPublicRoutes(app, deps);
  registerPortalOidcRoutes(app, deps);
  registerPortalRoutes(app, deps);
  if (opts.benchBareRoute) registerBenchRoutes(app, deps);

  const webDist = opts.webDist === undefined ? defaultWebDist() : opts.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.callNotFound();
      }
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }
  return app;
}
