import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NOTIFICATION_KINDS, notificationsRepository, runScoped, type Actor } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, uuidParam } from '../../http/schemas.ts';

/**
 * The signed-in user's own notifications (meetings issue §7): invitations, decisions assigned
 * to them, feedback due and agenda changes. Only the recipient sees or marks a notification;
 * anyone else's id is answered 404, like a missing one. Every call is audited.
 */
const notificationView = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  titleSv: z.string(),
  titleEn: z.string(),
  link: z.string().describe('Sökväg i appen, t.ex. /moten/<id> / an app path'),
  read: z.boolean(),
  createdAt: z.string(),
});

export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mine = <T>(actor: Actor, fn: (repo: ReturnType<typeof notificationsRepository>) => Promise<T>) =>
    runScoped(deps.access, actor, 'samverkan', (s) => fn(notificationsRepository(s.tx, s.actor)));

  r.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mina aviseringar / my notifications',
        description: 'De 50 senaste, nyast först, och antalet olästa. / The latest 50, newest first, and the number of unread ones.',
        response: { 200: z.object({ items: z.array(notificationView), unreadCount: z.number().int() }), ...authedErrors },
      },
    },
    async (request) => mine(actorOf(request), (repo) => repo.listMine()),
  );

  r.post(
    '/api/v1/me/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Markera en avisering som läst / mark a notification read',
        description: 'Bara mottagaren kan markera den; annars 404. / Only the recipient may mark it; otherwise 404.',
        params: uuidParam,
        response: { 204: z.null(), ...authedErrors },
      },
    },
    async (request, reply) => {
      await mine(actorOf(request), (repo) => repo.markRead(request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/me/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Markera alla aviseringar som lästa / mark all notifications read',
        response: { 204: z.null(), ...authedErrors },
      },
    },
    async (request, reply) => {
      await mine(actorOf(request), (repo) => repo.markAllRead());
      return reply.status(204).send(null);
    },
  );
}
