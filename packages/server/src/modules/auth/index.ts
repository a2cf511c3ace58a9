import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, problemSchema, singleLine } from '../../http/schemas.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session.ts';
import { meSchema, PASSWORD_MAX } from '../me/index.ts';
import { login, logout } from './auth.service.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Logga in / log in',
        description: 'Publik. Sätter sessionskakan. Efter upprepade misslyckanden låses kontot tillfälligt (423).',
        body: z.strictObject({ username: singleLine(1, 200), password: z.string().min(1).max(PASSWORD_MAX) }),
        response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 423: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await login(deps.database.db, deps.config, request.body.username, request.body.password);
      setSessionCookie(reply, deps.config, result.token);
      return result.me;
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Logga ut / log out', response: { 204: z.null(), ...authedErrors } } },
    async (request, reply) => {
      await logout(deps.database.db, actorOf(request));
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  );
}
