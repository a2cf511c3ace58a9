import { SCHOOL_UNIT_TYPES } from '@samsyn/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped } from '../../access/index.ts';
import { principals, units } from '../../db/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors } from '../../http/schemas.ts';

/** Organisation facts any signed-in user may read (no personal data). */
export function registerUnitRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Aktiva verksamheter / active units',
        description: 'Alla aktiva verksamheter i organisationen med huvudmannens slag, för mottagare av signaler och samtyckets omfattning.',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string(), principalKind: z.string() })) }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      runScoped(deps.access, actorOf(request), 'administration', async (s) => ({
        items: await s.tx
          .select({ id: units.id, name: units.name, type: units.type, principalKind: principals.kind })
          .from(units)
          .innerJoin(principals, eq(principals.id, units.principalId))
          .where(eq(units.active, true))
          .orderBy(asc(units.name)),
      })),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/units/schools',
    {
      schema: {
        tags: ['units'],
        summary: 'Förskolor och skolor / preschools and schools',
        description: 'Aktiva förskolor och skolor i organisationen, för val av barnets placering.',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.enum(SCHOOL_UNIT_TYPES) })) }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      runScoped(deps.access, actorOf(request), 'administration', async (s) => ({
        items: (await s.tx
          .select({ id: units.id, name: units.name, type: units.type })
          .from(units)
          .where(and(eq(units.active, true), inArray(units.type, [...SCHOOL_UNIT_TYPES])))
          .orderBy(asc(units.name))) as { id: string; name: string; type: (typeof SCHOOL_UNIT_TYPES)[number] }[],
      })),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/principals',
    {
      schema: {
        tags: ['units'],
        summary: 'Huvudmän / principals',
        description: 'Organisationens huvudmän (kommun, region, …), t.ex. för SIP:ens ansvarsfördelning.',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }), ...authedErrors },
      },
    },
    async (request) =>
      runScoped(deps.access, actorOf(request), 'administration', async (s) => ({
        items: await s.tx.select({ id: principals.id, name: principals.name, kind: principals.kind }).from(principals).orderBy(asc(principals.name)),
      })),
  );
}
