import { newId } from '../../db/ids.ts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runScoped, type Scoped } from '../../access/index.ts';
import { memberships, teamMembers, teams, units, users } from '../../db/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { versionInput, authedErrors, multiLine, problemSchema, singleLine, uuidParam } from '../../http/schemas.ts';
import { adminActor } from './guard.ts';

const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  targetDescription: z.string().nullable(),
  theme: z.string().nullable(),
  active: z.boolean(),
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), unitId: z.uuid(), unitName: z.string(), isSamordnare: z.boolean() })),
  version: z.number().int(),
});
type TeamView = z.infer<typeof teamSchema>;

const membersInput = z
  .array(z.strictObject({ userId: z.uuid(), unitId: z.uuid(), isSamordnare: z.boolean() }))
  .min(1)
  .max(100);
const age = z.number().int().min(0).max(25);
const teamFields = {
  name: singleLine(2, 200),
  ageMin: age.nullable().optional(),
  ageMax: age.nullable().optional(),
  targetDescription: multiLine(2000).nullable().optional(),
  theme: singleLine(0, 200).nullable().optional(),
};

async function listTeams(s: Scoped, id?: string): Promise<TeamView[]> {
  const rows = await s.tx
    .select()
    .from(teams)
    .where(id ? eq(teams.id, id) : undefined)
    .orderBy(asc(teams.name));
  if (rows.length === 0) return [];
  const ms = await s.tx
    .select({
      teamId: teamMembers.teamId,
      userId: teamMembers.userId,
      displayName: users.displayName,
      unitId: teamMembers.unitId,
      unitName: units.name,
      isSamordnare: teamMembers.isSamordnare,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(units, eq(units.id, teamMembers.unitId))
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    ageMin: t.ageMin,
    ageMax: t.ageMax,
    targetDescription: t.targetDescription,
    theme: t.theme || null,
    active: t.active,
    version: t.version,
    members: ms.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m),
  }));
}

/**
 * A team needs at least one samordnare, and each member sits in the team for a
 * unit where they actually hold a membership: the team is cross-professional,
 * but nobody represents a unit they do not work for.
 */
async function validateMembers(s: Scoped, list: z.infer<typeof membersInput>, ageMin?: number | null, ageMax?: number | null): Promise<void> {
  const errors: FieldError[] = [];
  if (ageMin != null && ageMax != null && ageMin > ageMax) {
    errors.push({
      field: 'ageMax',
      message: 'Högsta ålder måste vara minst lika hög som lägsta',
      messageEn: 'Maximum age must not be below minimum age',
    });
  }
  if (!list.some((m) => m.isSamordnare)) {
    errors.push({ field: 'members', message: 'Teamet behöver minst en samordnare', messageEn: 'The team needs at least one coordinator' });
  }
  const valid = await s.tx
    .select({ userId: memberships.userId, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(
      and(
        inArray(
          memberships.userId,
          list.map((m) => m.userId),
        ),
        eq(users.active, true),
        eq(units.active, true),
      ),
    );
  const ok = new Set(valid.map((v) => `${v.userId}/${v.unitId}`));
  const seen = new Set<string>();
  list.forEach((m, i) => {
    const key = `${m.userId}/${m.unitId}`;
    if (!ok.has(key))
      errors.push({
        field: `members.${i}.unitId`,
        message: 'Personen arbetar inte i den verksamheten',
        messageEn: 'The person has no membership in that unit',
      });
    if (seen.has(key)) errors.push({ field: `members.${i}.userId`, message: 'Personen finns redan i teamet', messageEn: 'Already a member' });
    seen.add(key);
  });
  if (errors.length) throw new AppError('validation', { errors });
}

async function replaceMembers(s: Scoped, teamId: string, list: z.infer<typeof membersInput>): Promise<void> {
  await s.tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  await s.tx
    .insert(teamMembers)
    .values(list.map((m) => ({ tenantId: s.actor.tenantId, teamId, userId: m.userId, unitId: m.unitId, isSamordnare: m.isSamordnare })));
}

export function registerTeamRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;

  r.get(
    '/api/v1/admin/teams',
    {
      schema: {
        tags: ['admin'],
        summary: 'Tvärprofessionella team / teams',
        response: { 200: z.object({ items: z.array(teamSchema) }), ...authedErrors },
      },
    },
    async (request) => runScoped(access, adminActor(request), 'administration', async (s) => ({ items: await listTeams(s) })),
  );

  r.post(
    '/api/v1/admin/teams',
    {
      schema: {
        tags: ['admin'],
        summary: 'Skapa team / create team',
        body: z.strictObject({ ...teamFields, members: membersInput }),
        response: { 201: teamSchema, ...authedErrors },
      },
    },
    async (request, reply) => {
      const { members, ...fields } = request.body;
      const team = await runScoped(access, adminActor(request), 'administration', async (s) => {
        await validateMembers(s, members, fields.ageMin, fields.ageMax);
        const id = newId();
        await s.tx.insert(teams).values({ id, tenantId: s.actor.tenantId, ...fields, theme: fields.theme || null });
        await replaceMembers(s, id, members);
        await s.audit({ action: 'create', resourceType: 'team', resourceId: id, outcome: 'allowed', details: { name: fields.name } });
        return (await listTeams(s, id))[0]!;
      });
      return reply.status(201).send(team);
    },
  );

  r.patch(
    '/api/v1/admin/teams/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra eller inaktivera team / edit or deactivate team',
        params: uuidParam,
        body: z.strictObject({
          version: versionInput,
          ...teamFields,
          name: teamFields.name.optional(),
          active: z.boolean().optional(),
          members: membersInput.optional(),
        }),
        response: { 200: teamSchema, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const { version, members, ...changes } = request.body;
      const id = request.params.id;
      return runScoped(access, adminActor(request), 'administration', async (s) => {
        const [current] = await listTeams(s, id);
        if (!current) throw new AppError('not_found');
        if (members || changes.ageMin !== undefined || changes.ageMax !== undefined) {
          await validateMembers(
            s,
            members ?? current.members,
            changes.ageMin !== undefined ? changes.ageMin : current.ageMin,
            changes.ageMax !== undefined ? changes.ageMax : current.ageMax,
          );
        }
        const updated = await s.tx
          .update(teams)
          .set({ ...changes, version: sql`${teams.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(teams.id, id), eq(teams.version, version)))
          .returning({ id: teams.id });
        if (updated.length === 0) throw new AppError('conflict');
        if (members) await replaceMembers(s, id, members);
        await s.audit({ action: 'update', resourceType: 'team', resourceId: id, outcome: 'allowed', details: { changes } });
        return (await listTeams(s, id))[0]!;
      });
    },
  );
}
