import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activeAreas, SUPPORT_KINDS, SUPPORT_LEVELS, validateSupportOffer, type SupportOfferInput } from '@samsyn/domain';
import { currentWheel, hasRole, runScoped, type Actor, type Scoped } from '../../access/index.ts';
import { queryRows, textArray } from '../../db/driver.ts';
import { newId } from '../../db/ids.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, multiLine, problemSchema, singleLine, uuidParam, versionInput } from '../../http/schemas.ts';

const offerBody = z.strictObject({
  unitId: z.uuid(),
  name: singleLine(1, 200),
  description: multiLine(2000),
  level: z.enum(SUPPORT_LEVELS),
  ageMin: z.number().int().min(0).max(25),
  ageMax: z.number().int().min(0).max(25),
  areaKeys: z.array(singleLine(1, 40)).max(20),
  kind: z.enum(SUPPORT_KINDS),
  howToGet: multiLine(2000),
  contactEmail: singleLine(0, 200).nullish(),
  contactPhone: singleLine(0, 40).nullish(),
  typicalWait: singleLine(0, 200).optional(),
  evidenceNote: multiLine(1000).optional(),
});

const offerView = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  name: z.string(),
  description: z.string(),
  level: z.enum(SUPPORT_LEVELS),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  areaKeys: z.array(z.string()),
  kind: z.enum(SUPPORT_KINDS),
  howToGet: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  typicalWait: z.string(),
  evidenceNote: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  mayEdit: z.boolean(),
});

interface Row {
  id: string;
  unit_id: string;
  unit_name: string;
  name: string;
  description: string;
  level: (typeof SUPPORT_LEVELS)[number];
  age_min: number;
  age_max: number;
  area_keys: string[] | string;
  kind: (typeof SUPPORT_KINDS)[number];
  how_to_get: string;
  contact_email: string | null;
  contact_phone: string | null;
  typical_wait: string;
  evidence_note: string;
  active: boolean;
  version: number;
}

const COLUMNS = sql`o.id, o.unit_id, u.name as unit_name, o.name, o.description, o.level, o.age_min, o.age_max, o.area_keys, o.kind, o.how_to_get,
  o.contact_email, o.contact_phone, o.typical_wait, o.evidence_note, o.active, o.version`;

/** Admins maintain every unit's entries; a unit's chef maintains their own unit's. */
const mayEditUnit = (actor: Actor, unitId: string) =>
  hasRole(actor, 'systemadministrator') || (hasRole(actor, 'chef') && actor.actingUnitId === unitId);

function toView(actor: Actor, r: Row) {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    name: r.name,
    description: r.description,
    level: r.level,
    ageMin: Number(r.age_min),
    ageMax: Number(r.age_max),
    areaKeys: textArray(r.area_keys),
    kind: r.kind,
    howToGet: r.how_to_get,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    typicalWait: r.typical_wait,
    evidenceNote: r.evidence_note,
    active: r.active,
    version: Number(r.version),
    mayEdit: mayEditUnit(actor, r.unit_id),
  };
}

async function validate(s: Scoped, b: z.infer<typeof offerBody>) {
  if (!mayEditUnit(s.actor, b.unitId)) throw new AppError('not_found', { internal: 'may not edit this unit’s directory' });
  const [unit] = await queryRows<{ active: boolean }>(s.tx, sql`select active from units where id = ${b.unitId}`);
  if (!unit?.active)
    throw new AppError('validation', {
      errors: [{ field: 'unitId', message: 'Verksamheten finns inte eller är inte aktiv.', messageEn: 'The unit does not exist or is inactive.' }],
    });
  const wheel = await currentWheel(s.tx, s.actor.tenantId);
  const emails = await queryRows<{ email: string }>(s.tx, sql`select email from users where email is not null`);
  const input: SupportOfferInput = {
    name: b.name,
    description: b.description,
    level: b.level,
    ageMin: b.ageMin,
    ageMax: b.ageMax,
    areaKeys: b.areaKeys,
    kind: b.kind,
    howToGet: b.howToGet,
    contactEmail: b.contactEmail?.trim() || null,
    contactPhone: b.contactPhone?.trim() || null,
    typicalWait: b.typicalWait ?? '',
    evidenceNote: b.evidenceNote ?? '',
  };
  const errors = validateSupportOffer(input, {
    activeAreaKeys: activeAreas(wheel.areas).map((a) => a.key),
    personalEmails: emails.map((e) => e.email),
  });
  if (errors.length > 0) throw new AppError('validation', { errors });
  return input;
}

/**
 * Issue 6 §1: the "vem gör vad" directory for signed-in staff. Search and filter by need
 * (wellbeing area), age, level, unit and text. The public page is modules/public.
 */
export function registerDirectoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'administration', fn);

  r.get(
    '/api/v1/support-offers',
    {
      schema: {
        tags: ['directory'],
        summary: 'Vem gör vad / the support directory',
        description:
          'Aktiva insatser i organisationen. Filter: area (välbefinnandeområde), age (barnets ålder), level, unitId, q (fritext, högst 100 tecken). Kontakten är alltid en funktionsbrevlåda eller ett telefonnummer. addableUnits: verksamheterna användaren får lägga till insatser för.',
        querystring: z.strictObject({
          area: singleLine(1, 40).optional(),
          age: z
            .string()
            .regex(/^\d{1,2}$/)
            .transform(Number)
            .pipe(z.number().int().min(0).max(25))
            .optional(),
          level: z.enum(SUPPORT_LEVELS).optional(),
          unitId: z.uuid().optional(),
          q: singleLine(1, 100).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(offerView),
            // The units the user may add entries for (all for an admin, the own unit for its chef), so the web need not derive it.
            addableUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const f = request.query;
        const conditions: SQL[] = [sql`o.active`];
        if (f.area) conditions.push(sql`${f.area} = any(o.area_keys)`);
        if (f.age !== undefined) conditions.push(sql`${f.age} between o.age_min and o.age_max`);
        if (f.level) conditions.push(sql`o.level = ${f.level}`);
        if (f.unitId) conditions.push(sql`o.unit_id = ${f.unitId}`);
        if (f.q) conditions.push(sql`(o.name ilike ${`%${f.q}%`} or o.description ilike ${`%${f.q}%`} or u.name ilike ${`%${f.q}%`})`);
        const rows = await queryRows<Row>(
          s.tx,
          sql`select ${COLUMNS} from support_offers o join units u on u.id = o.unit_id where ${sql.join(conditions, sql` and `)} order by o.name limit 200`,
        );
        const units = await queryRows<{ id: string; name: string }>(s.tx, sql`select id, name from units where active order by name`);
        return { items: rows.map((row) => toView(s.actor, row)), addableUnits: units.filter((u) => mayEditUnit(s.actor, u.id)) };
      }),
  );

  r.post(
    '/api/v1/support-offers',
    {
      schema: {
        tags: ['directory'],
        summary: 'Lägg till en insats / add a support offer',
        description:
          'Systemadministratören, eller chefen för verksamheten (bara den egna). Kontakt krävs: funktionsbrevlåda eller telefon, aldrig en privatperson.',
        body: offerBody,
        response: { 201: offerView, ...authedErrors },
      },
    },
    async (request, reply) => {
      const view = await scoped(actorOf(request), async (s) => {
        const o = await validate(s, request.body);
        const id = newId();
        await s.tx
          .execute(sql`insert into support_offers (id, tenant_id, unit_id, name, description, level, age_min, age_max, area_keys, kind, how_to_get,
            contact_email, contact_phone, typical_wait, evidence_note, updated_by)
          values (${id}, ${s.actor.tenantId}, ${request.body.unitId}, ${o.name}, ${o.description}, ${o.level}, ${o.ageMin}, ${o.ageMax},
            array[${sql.join(
              o.areaKeys.map((k) => sql`${k}`),
              sql`, `,
            )}]::text[], ${o.kind}, ${o.howToGet}, ${o.contactEmail}, ${o.contactPhone}, ${o.typicalWait}, ${o.evidenceNote}, ${s.actor.userId})`);
        await s.audit({ action: 'create', resourceType: 'support_offer', resourceId: id, outcome: 'allowed' });
        const [row] = await queryRows<Row>(s.tx, sql`select ${COLUMNS} from support_offers o join units u on u.id = o.unit_id where o.id = ${id}`);
        return toView(s.actor, row!);
      });
      return reply.status(201).send(view);
    },
  );

  r.put(
    '/api/v1/support-offers/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Ändra en insats / change a support offer',
        description: 'Kräver aktuell version (409 annars). active: false tar bort insatsen ur katalogen.',
        params: uuidParam,
        body: offerBody.extend({ version: versionInput, active: z.boolean() }),
        response: { 200: offerView, ...authedErrors, 409: problemSchema },
      },
    },
    async (request) =>
      scoped(actorOf(request), async (s) => {
        const [existing] = await queryRows<{ unit_id: string; version: number }>(
          s.tx,
          sql`select unit_id, version from support_offers where id = ${request.params.id}`,
        );
        if (!existing || !mayEditUnit(s.actor, existing.unit_id)) throw new AppError('not_found');
        const o = await validate(s, request.body);
        if (Number(existing.version) !== request.body.version) throw new AppError('conflict');
        await s.tx
          .execute(sql`update support_offers set unit_id = ${request.body.unitId}, name = ${o.name}, description = ${o.description}, level = ${o.level},
            age_min = ${o.ageMin}, age_max = ${o.ageMax}, area_keys = array[${sql.join(
              o.areaKeys.map((k) => sql`${k}`),
              sql`, `,
            )}]::text[], kind = ${o.kind}, how_to_get = ${o.howToGet},
            contact_email = ${o.contactEmail}, contact_phone = ${o.contactPhone}, typical_wait = ${o.typicalWait}, evidence_note = ${o.evidenceNote},
            active = ${request.body.active}, version = version + 1, updated_by = ${s.actor.userId}, updated_at = now()
          where id = ${request.params.id}`);
        await s.audit({ action: 'update', resourceType: 'support_offer', resourceId: request.params.id, outcome: 'allowed' });
        const [row] = await queryRows<Row>(
          s.tx,
          sql`select ${COLUMNS} from support_offers o join units u on u.id = o.unit_id where o.id = ${request.params.id}`,
        );
        return toView(s.actor, row!);
      }),
  );
}
