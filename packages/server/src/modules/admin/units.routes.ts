import { newId } from '../../db/ids.ts';
import { UNIT_TYPES } from '@samsyn/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped, type Scoped } from '../../access/index.ts';
import { principals, units } from '../../db/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { versionInput, authedErrors, problemSchema, singleLine, uuidParam } from '../../http/schemas.ts';
import { adminActor, isUniqueViolation } from './guard.ts';

const unitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(UNIT_TYPES),
  principalId: z.uuid(),
  principalName: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});

async function listUnits(s: Scoped, id?: string) {
  const rows = await s.tx
    .select({
      id: units.id,
      name: units.name,
      type: units.type,
      principalId: units.principalId,
      principalName: principals.name,
      active: units.active,
      version: units.version,
    })
    .from(units)
    .innerJoin(principals, eq(principals.id, units.principalId))
    .where(id ? eq(units.id, id) : undefined)
    .orderBy(asc(units.name));
  return rows as z.infer<typeof unitSchema>[];
}

async function assertPrincipal(s: Scoped, principalId: string) {
  const [p] = await s.tx.select({ id: principals.id }).from(principals).where(eq(principals.id, principalId));
  if (!p) throw fieldError('principalId', 'Välj en huvudman', 'Choose a principal');
}

const duplicateName = () => fieldError('name', 'Det finns redan en verksamhet med det namnet', 'A unit with that name already exists');

export function registerUnitRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;

  r.get(
    '/api/v1/admin/principals',
    {
      schema: {
        tags: ['admin'],
        summary: 'Huvudmän / principals',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }), ...authedErrors },
      },
    },
    async (request) =>
      runScoped(access, adminActor(request), 'administration', async (s) => ({
        items: await s.tx.select({ id: principals.id, name: principals.name, kind: principals.kind }).from(principals).orderBy(asc(principals.name)),
      })),
  );

  r.get(
    '/api/v1/admin/units',
    { schema: { tags: ['admin'], summary: 'Verksamheter / units', response: { 200: z.object({ items: z.array(unitSchema) }), ...authedErrors } } },
    async (request) => runScoped(access, adminActor(request), 'administration', async (s) => ({ items: await listUnits(s) })),
  );

  r.post(
    '/api/v1/admin/units',
    {
      schema: {
        tags: ['admin'],
        summary: 'Skapa verksamhet / create unit',
        body: z.strictObject({ name: singleLine(2, 200), type: z.enum(UNIT_TYPES), principalId: z.uuid() }),
        response: { 201: unitSchema, ...authedErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      try {
        const unit = await runScoped(access, adminActor(request), 'administration', async (s) => {
          await assertPrincipal(s, body.principalId);
          const id = newId();
          await s.tx.insert(units).values({ id, tenantId: s.actor.tenantId, name: body.name, type: body.type, principalId: body.principalId });
          await s.audit({
            action: 'create',
            resourceType: 'unit',
            resourceId: id,
            outcome: 'allowed',
            details: { name: body.name, type: body.type },
          });
          return (await listUnits(s, id))[0]!;
        });
        return reply.status(201).send(unit);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName();
        throw err;
      }
    },
  );

  r.patch(
    '/api/v1/admin/units/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra eller inaktivera verksamhet / edit or deactivate unit',
        description: 'Kräver aktuell version (optimistisk låsning); en gammal version ger 409 och inget ändras.',
        params: uuidParam,
        body: z.strictObject({
          version: versionInput,
          name: singleLine(2, 200).optional(),
          type: z.enum(UNIT_TYPES).optional(),
          principalId: z.uuid().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: unitSchema, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      try {
        return await runScoped(access, adminActor(request), 'administration', async (s) => {
          if (changes.principalId) await assertPrincipal(s, changes.principalId);
          const updated = await s.tx
            .update(units)
            .set({ ...changes, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(units.id, request.params.id), eq(units.version, version)))
            .returning({ id: units.id });
          if (updated.length === 0) {
            const exists = (await listUnits(s, request.params.id)).length > 0;
            throw new AppError(exists ? 'conflict' : 'not_found');
          }
          await s.audit({ action: 'update', resourceType: 'unit', resourceId: request.params.id, outcome: 'allowed', details: { changes } });
          return (await listUnits(s, request.params.id))[0]!;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName();
        throw err;
      }
    },
  );
}
