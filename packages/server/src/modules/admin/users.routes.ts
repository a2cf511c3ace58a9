import { newId } from '../../db/ids.ts';
import { hash } from '@node-rs/argon2';
import { ROLES } from '@samsyn/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped, type Scoped } from '../../access/index.ts';
import { memberships, sessions, units, users } from '../../db/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError, fieldError, type FieldError } from '../../http/errors.ts';
import { versionInput, authedErrors, problemSchema, singleLine, uuidParam } from '../../http/schemas.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../me/index.ts';
import { adminActor, isUniqueViolation } from './guard.ts';

const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  memberships: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), role: z.enum(ROLES) })),
  version: z.number().int(),
});
type UserView = z.infer<typeof userSchema>;

const membershipsInput = z
  .array(z.strictObject({ unitId: z.uuid(), role: z.enum(ROLES) }))
  .min(1)
  .max(20);
const emailInput = z.email().max(200);

async function listUsers(s: Scoped, id?: string): Promise<UserView[]> {
  const rows = await s.tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      active: users.active,
      version: users.version,
    })
    .from(users)
    .where(id ? eq(users.id, id) : undefined)
    .orderBy(asc(users.displayName));
  if (rows.length === 0) return [];
  const ms = await s.tx
    .select({ userId: memberships.userId, unitId: memberships.unitId, unitName: units.name, role: memberships.role })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(
      inArray(
        memberships.userId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(units.name), asc(memberships.role));
  return rows.map((u) => ({
    ...u,
    memberships: ms
      .filter((m) => m.userId === u.id)
      .map((m) => ({ unitId: m.unitId, unitName: m.unitName, role: m.role as UserView['memberships'][number]['role'] })),
  }));
}

/** Every membership must point at an active unit of this tenant, with no duplicates. */
async function validateMemberships(s: Scoped, list: z.infer<typeof membershipsInput>): Promise<void> {
  const errors: FieldError[] = [];
  const known = await s.tx
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        inArray(
          units.id,
          list.map((m) => m.unitId),
        ),
        eq(units.active, true),
      ),
    );
  const knownIds = new Set(known.map((u) => u.id));
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (!knownIds.has(m.unitId))
      errors.push({ field: `memberships.${i}.unitId`, message: 'Välj en aktiv verksamhet', messageEn: 'Choose an active unit' });
    const key = `${m.unitId}/${m.role}`;
    if (seen.has(key))
      errors.push({
        field: `memberships.${i}.role`,
        message: 'Samma roll i samma verksamhet finns redan',
        messageEn: 'Duplicate role in the same unit',
      });
    seen.add(key);
  });
  if (errors.length) throw new AppError('validation', { errors });
}

async function replaceMemberships(s: Scoped, userId: string, list: z.infer<typeof membershipsInput>): Promise<void> {
  await s.tx.delete(memberships).where(eq(memberships.userId, userId));
  await s.tx.insert(memberships).values(list.map((m) => ({ id: newId(), tenantId: s.actor.tenantId, userId, unitId: m.unitId, role: m.role })));
}

const duplicateUsername = () => fieldError('username', 'Användarnamnet är upptaget', 'The username is taken');

export function registerUserRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;

  r.get(
    '/api/v1/admin/users',
    { schema: { tags: ['admin'], summary: 'Användare / users', response: { 200: z.object({ items: z.array(userSchema) }), ...authedErrors } } },
    async (request) =>
      runScoped(access, adminActor(request), 'administration', async (s) => {
        const items = await listUsers(s);
        await s.audit({ action: 'list', resourceType: 'user', outcome: 'allowed', details: { count: items.length } });
        return { items };
      }),
  );

  r.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Skapa användare med medlemskap / create user with memberships',
        body: z.strictObject({
          username: z
            .string()
            .min(3)
            .max(64)
            .regex(/^[a-z0-9._-]+$/)
            .describe('a–z, 0–9, punkt, bindestreck, understreck'),
          displayName: singleLine(1, 200),
          email: emailInput.optional(),
          password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
          memberships: membershipsInput,
        }),
        response: { 201: userSchema, ...authedErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const passwordHash = await hash(b.password);
      try {
        const user = await runScoped(access, adminActor(request), 'administration', async (s) => {
          await validateMemberships(s, b.memberships);
          const id = newId();
          await s.tx
            .insert(users)
            .values({ id, tenantId: s.actor.tenantId, username: b.username, displayName: b.displayName, email: b.email ?? null, passwordHash });
          await replaceMemberships(s, id, b.memberships);
          await s.audit({
            action: 'create',
            resourceType: 'user',
            resourceId: id,
            outcome: 'allowed',
            details: { username: b.username, memberships: b.memberships },
          });
          return (await listUsers(s, id))[0]!;
        });
        return reply.status(201).send(user);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateUsername();
        throw err;
      }
    },
  );

  r.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra, inaktivera eller byt medlemskap / edit, deactivate or change memberships',
        description: 'Kräver aktuell version; en gammal version ger 409. Inaktivering avslutar användarens sessioner direkt.',
        params: uuidParam,
        body: z.strictObject({
          version: versionInput,
          displayName: singleLine(1, 200).optional(),
          email: emailInput.nullable().optional(),
          active: z.boolean().optional(),
          memberships: membershipsInput.optional(),
          /** A new password set by the administrator, e.g. when the user has forgotten theirs. */
          newPassword: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX).optional(),
        }),
        response: { 200: userSchema, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const { version, memberships: newMemberships, newPassword, ...changes } = request.body;
      const id = request.params.id;
      const passwordHash = newPassword ? await hash(newPassword) : undefined;
      return runScoped(access, adminActor(request), 'administration', async (s) => {
        if (id === s.actor.userId && changes.active === false) {
          throw fieldError('active', 'Du kan inte inaktivera dig själv', 'You cannot deactivate yourself');
        }
        if (newMemberships) await validateMemberships(s, newMemberships);
        const updated = await s.tx
          .update(users)
          .set({
            ...changes,
            ...(passwordHash ? { passwordHash, passwordChangedAt: sql`now()`, failedLogins: 0, lockedUntil: null } : {}),
            version: sql`${users.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(users.id, id), eq(users.version, version)))
          .returning({ id: users.id });
        if (updated.length === 0) {
          throw new AppError((await listUsers(s, id)).length > 0 ? 'conflict' : 'not_found');
        }
        if (newMemberships) await replaceMemberships(s, id, newMemberships);
        // A deactivated account, or one whose password was reset, is signed out everywhere at once.
        if (changes.active === false || passwordHash) await s.tx.delete(sessions).where(eq(sessions.userId, id));
        await s.audit({
          action: 'update',
          resourceType: 'user',
          resourceId: id,
          outcome: 'allowed',
          // The password itself is never logged, only that it was reset.
          details: { changes, memberships: newMemberships ?? null, passwordReset: Boolean(passwordHash) },
        });
        return (await listUsers(s, id))[0]!;
      });
    },
  );
}
