import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped, type WriteResult } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, problemSchema, singleLine, uuidParam } from '../../http/schemas.ts';
import { childDetail, childSummary, createChildBody, identityNumberInput, toGuardianInput, updateChildBody } from './children.schemas.ts';

/** Maps a write result to HTTP: field problems → 400, missing/denied → 404, stale version → 409. */
function unwrap(result: WriteResult): string {
  if (result === 'not_found') throw new AppError('not_found');
  if (result === 'conflict') throw new AppError('conflict');
  if (!result.ok) throw new AppError('validation', { errors: result.errors });
  return result.id;
}

export function registerChildrenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;

  r.get(
    '/api/v1/children',
    {
      schema: {
        tags: ['children'],
        summary: 'Barn som din verksamhet får se / children visible to your acting unit',
        description: 'Valfritt namnfilter q. Varje anrop loggas i granskningsloggen med syfte och vilka barn som visades.',
        querystring: z.strictObject({ q: singleLine(1, 100).optional() }),
        response: { 200: z.object({ items: z.array(childSummary) }), ...authedErrors },
      },
    },
    async (request) => ({ items: await runScoped(access, actorOf(request), 'samverkan', (s) => s.children.list(request.query.q)) }),
  );

  r.get(
    '/api/v1/children/search',
    {
      schema: {
        tags: ['children'],
        summary: 'Sök barn på personnummer / search by identity number',
        description:
          'Söker i hela organisationen via nycklad hash men visar bara barn som din verksamhet får se. Ett barn i en annan verksamhet avslöjas inte. Numret loggas inte.',
        querystring: z.strictObject({ identityNumber: identityNumberInput }),
        response: { 200: z.object({ items: z.array(childSummary) }), ...authedErrors },
      },
    },
    async (request) => ({
      items: await runScoped(access, actorOf(request), 'samverkan', (s) => s.children.searchByIdentityNumber(request.query.identityNumber.canonical)),
    }),
  );

  r.post(
    '/api/v1/children',
    {
      schema: {
        tags: ['children'],
        summary: 'Lägg till barn i din verksamhet / create a child record',
        description: 'Barnet ägs av den verksamhet du agerar för. Födelsedatum tas från personnumret. Personnummer lagras krypterat.',
        body: createChildBody,
        response: { 201: childDetail, ...authedErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const child = await runScoped(access, actorOf(request), 'samverkan', async (s) => {
        const id = unwrap(
          await s.children.create({
            givenName: b.givenName,
            familyName: b.familyName,
            identityNumber: b.identityNumber.canonical,
            birthDate: b.identityNumber.birthDate,
            protectedIdentity: b.protectedIdentity,
            address: b.address ?? null,
            schoolUnitId: b.schoolUnitId ?? null,
            guardians: b.guardians.map(toGuardianInput),
          }),
        );
        return s.children.get(id);
      });
      return reply.status(201).send(child!);
    },
  );

  r.get(
    '/api/v1/children/:id',
    {
      schema: {
        tags: ['children'],
        summary: 'Ett barn / one child',
        description:
          'Nekad åtkomst och saknat barn ger båda 404. Vid skyddade personuppgifter visas adress, skola och kontaktuppgifter bara för namngivna handläggare.',
        params: uuidParam,
        response: { 200: childDetail, ...authedErrors },
      },
    },
    async (request) => {
      const child = await runScoped(access, actorOf(request), 'samverkan', (s) => s.children.get(request.params.id));
      if (!child) throw new AppError('not_found');
      return child;
    },
  );

  r.patch(
    '/api/v1/children/:id',
    {
      schema: {
        tags: ['children'],
        summary: 'Ändra barnets uppgifter / edit a child record',
        description: 'Bara ägande verksamhet. Kräver aktuell version; en gammal version ger 409 och inget ändras. Personnumret kan inte ändras.',
        params: uuidParam,
        body: updateChildBody,
        response: { 200: childDetail, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const { version, guardians, ...fields } = request.body;
      const { address, ...rest } = fields;
      const changes = {
        ...rest,
        ...(address !== undefined ? { address: address || null } : {}),
        ...(guardians ? { guardians: guardians.map(toGuardianInput) } : {}),
      };
      const child = await runScoped(access, actorOf(request), 'samverkan', async (s) => {
        unwrap(await s.children.update(request.params.id, version, changes));
        return s.children.get(request.params.id);
      });
      return child!;
    },
  );

  r.get(
    '/api/v1/children/:id/eligible-professionals',
    {
      schema: {
        tags: ['children'],
        summary: 'Vilka kan namnges / who can be named',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(z.object({ userId: z.uuid(), displayName: z.string() })) }), ...authedErrors },
      },
    },
    async (request) => {
      const items = await runScoped(access, actorOf(request), 'samverkan', (s) => s.children.eligibleProfessionals(request.params.id));
      if (!items) throw new AppError('not_found');
      return { items };
    },
  );

  r.put(
    '/api/v1/children/:id/named-professionals',
    {
      schema: {
        tags: ['children'],
        summary: 'Namngivna handläggare / named professionals',
        description: 'De namngivna ser adress, skola och kontaktuppgifter för ett barn med skyddade personuppgifter.',
        params: uuidParam,
        body: z.strictObject({ userIds: z.array(z.uuid()).max(20) }),
        response: { 200: childDetail, ...authedErrors },
      },
    },
    async (request) => {
      const child = await runScoped(access, actorOf(request), 'samverkan', async (s) => {
        unwrap(await s.children.setNamedProfessionals(request.params.id, request.body.userIds));
        return s.children.get(request.params.id);
      });
      return child!;
    },
  );
}
