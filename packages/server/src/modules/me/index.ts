import { hash, verify } from '@node-rs/argon2';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped } from '../../access/index.ts';
import { sessions, users } from '../../db/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { fieldError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors } from '../../http/schemas.ts';
import { listActiveMemberships, loadMe } from './me.service.ts';
import { meSchema, PASSWORD_MAX, PASSWORD_MIN } from './me.schemas.ts';

export { loadMe, listActiveMemberships, type MeView } from './me.service.ts';
export { meSchema, PASSWORD_MIN, PASSWORD_MAX } from './me.schemas.ts';

export function registerMeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;

  r.get(
    '/api/v1/me',
    { schema: { tags: ['me'], summary: 'Inloggad användare / current user', response: { 200: meSchema, ...authedErrors } } },
    async (request) => {
      const actor = actorOf(request);
      return runScoped(access, actor, 'administration', (s) => loadMe(s.tx, actor, request.session!.csrfToken));
    },
  );

  r.put(
    '/api/v1/me/acting-unit',
    {
      schema: {
        tags: ['me'],
        summary: 'Byt verksamhet du agerar för / switch acting unit',
        body: z.strictObject({ unitId: z.uuid() }),
        response: { 200: meSchema, ...authedErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return runScoped(access, actor, 'administration', async (s) => {
        const ms = await listActiveMemberships(s.tx, actor.userId);
        if (!ms.some((m) => m.unitId === request.body.unitId)) {
          throw fieldError('unitId', 'Du har ingen behörighet i den verksamheten', 'You have no membership in that unit');
        }
        await s.tx.update(sessions).set({ actingUnitId: request.body.unitId }).where(eq(sessions.id, actor.sessionId));
        await s.audit({
          action: 'switch_acting_unit',
          resourceType: 'session',
          resourceId: actor.sessionId,
          outcome: 'allowed',
          details: { from: actor.actingUnitId, to: request.body.unitId },
        });
        const roles = ms.filter((m) => m.unitId === request.body.unitId).map((m) => m.role);
        return loadMe(s.tx, { ...actor, actingUnitId: request.body.unitId, roles }, request.session!.csrfToken);
      });
    },
  );

  r.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['me'],
        summary: 'Byt lösenord / change password',
        body: z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX) }),
        response: { 204: z.null(), ...authedErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { currentPassword, newPassword } = request.body;
      await runScoped(access, actor, 'administration', async (s) => {
        const [u] = await s.tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
        if (!u || !(await verify(u.passwordHash, currentPassword))) {
          throw fieldError('currentPassword', 'Nuvarande lösenord stämmer inte', 'The current password is wrong');
        }
        if (newPassword === currentPassword) {
          throw fieldError('newPassword', 'Det nya lösenordet måste skilja sig från det gamla', 'The new password must differ from the old one');
        }
        await s.tx
          .update(users)
          .set({ passwordHash: await hash(newPassword), passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
          .where(eq(users.id, actor.userId));
        // Other sessions of this user end: a changed password must lock out whoever had the old one.
        await s.tx.delete(sessions).where(and(eq(sessions.userId, actor.userId), ne(sessions.id, actor.sessionId)));
        await s.audit({ action: 'change_password', resourceType: 'user', resourceId: actor.userId, outcome: 'allowed' });
      });
      return reply.status(204).send(null);
    },
  );
}
