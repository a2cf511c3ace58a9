import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, uuidParam } from '../../http/schemas.ts';

const childSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  birthDate: z.string(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  protectedIdentity: z.boolean(),
});

const childDetail = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  protectedIdentity: z.boolean(),
  address: z.string().nullable(),
  schoolUnitName: z.string().nullable(),
  guardians: z.array(z.object({ id: z.uuid(), name: z.string(), custody: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
  abilities: z.object({ canEdit: z.boolean(), canSeeProtectedDetails: z.boolean() }),
});

export function registerChildrenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/v1/children',
    {
      schema: {
        tags: ['children'],
        summary: 'Barn som din verksamhet får se / children visible to your acting unit',
        description: 'Varje anrop loggas i granskningsloggen med syfte och vilka barn som visades.',
        response: { 200: z.object({ items: z.array(childSummary) }), ...authedErrors },
      },
    },
    async (request) => ({ items: await runScoped(db, actorOf(request), 'samverkan', (s) => s.children.list()) }),
  );

  r.get(
    '/api/v1/children/:id',
    {
      schema: {
        tags: ['children'],
        summary: 'Ett barn / one child',
        description: 'Nekad åtkomst och saknat barn ger båda 404. Skyddade personuppgifter döljs.',
        params: uuidParam,
        response: { 200: childDetail, ...authedErrors },
      },
    },
    async (request) => {
      const child = await runScoped(db, actorOf(request), 'samverkan', (s) => s.children.get(request.params.id));
      if (!child) throw new AppError('not_found');
      return child;
    },
  );
}
