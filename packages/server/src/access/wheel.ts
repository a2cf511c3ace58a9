import { sql } from 'drizzle-orm';
import {
  activeAreas,
  DEFAULT_WHEEL_AREAS,
  DEFAULT_WHEEL_SCALE,
  firstAndLatest,
  perspectiveGaps,
  validateAreaDefinition,
  validateAssessment,
  validateScale,
  type AreaRating,
  type AssessmentInput,
  type FieldError,
  type Perspective,
  type WheelArea,
  type WheelScale,
} from '@samsyn/domain';
import { queryRows, textArray, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { parse } from './consent-ledger.ts';
import { loadVisibleCase } from './cases.read.ts';
import { AccessFailure, invalid } from './failure.ts';
import { activeConsentSql, ruleCondition } from './rules.ts';

export interface WheelVersion {
  id: string;
  version: number;
  areas: WheelArea[];
  scale: WheelScale;
}

/** The tenant's current wheel (areas and scale). The default SHANARRI wheel is written as version 1 on first use. */
export async function currentWheel(tx: Tx, tenantId: string): Promise<WheelVersion> {
  const read = async () => {
    const [row] = await queryRows<{ id: string; version: number; areas: WheelArea[] | string; scale: WheelScale | string }>(
      tx,
      sql`select id, version, areas, scale from wheel_versions order by version desc limit 1`,
    );
    return row ? { id: row.id, version: Number(row.version), areas: parse(row.areas), scale: parse(row.scale) } : null;
  };
  const existing = await read();
  if (existing) return existing;
  await tx.execute(sql`insert into wheel_versions (id, tenant_id, version, areas, scale) values (${newId()}, ${tenantId}, 1,
    ${JSON.stringify(DEFAULT_WHEEL_AREAS)}::jsonb, ${JSON.stringify(DEFAULT_WHEEL_SCALE)}::jsonb) on conflict (tenant_id, version) do nothing`);
  return (await read())!;
}

async function wheelById(tx: Tx, id: string): Promise<WheelVersion> {
  const [row] = await queryRows<{ id: string; version: number; areas: WheelArea[] | string; scale: WheelScale | string }>(
    tx,
    sql`select id, version, areas, scale from wheel_versions where id = ${id}`,
  );
  return { id: row!.id, version: Number(row!.version), areas: parse(row!.areas), scale: parse(row!.scale) };
}

/**
 * An admin change to the wheel: a new version. Areas are never deleted, only retired, so every
 * old assessment keeps its meaning; a key, once used, keeps its place.
 */
export async function adminSetWheel(tx: Tx, actor: Actor, areas: WheelArea[], scale: WheelScale): Promise<WheelVersion> {
  const current = await currentWheel(tx, actor.tenantId);
  const errors: FieldError[] = [];
  const keys = areas.map((a) => a.key);
  areas.forEach((a, i) => {
    for (const e of validateAreaDefinition(
      a,
      keys.filter((_, j) => j !== i),
    ))
      errors.push({ ...e, field: `areas.${i}.${e.field}` });
  });
  for (const old of current.areas)
    if (!keys.includes(old.key))
      errors.push({
        field: 'areas',
        message: `Området ${old.labelSv} kan inte tas bort, bara tas ur bruk, så att gamla bedömningar behåller sin betydelse.`,
        messageEn: `The area ${old.labelEn} cannot be removed, only retired, so that old assessments keep their meaning.`,
      });
  if (activeAreas(areas).length === 0)
    errors.push({ field: 'areas', message: 'Hjulet behöver minst ett område i bruk.', messageEn: 'The wheel needs at least one active area.' });
  for (const e of validateScale(scale)) errors.push({ ...e, field: `scale.${e.field}` });
  if (errors.length > 0) throw new AccessFailure('validation', errors);
  const id = newId();
  await tx.execute(sql`insert into wheel_versions (id, tenant_id, version, areas, scale, created_by) values (${id}, ${actor.tenantId}, ${current.version + 1},
    ${JSON.stringify(areas)}::jsonb, ${JSON.stringify(scale)}::jsonb, ${actor.userId})`);
  await appendAudit(tx, actor, {
    action: 'update',
    resourceType: 'wheel',
    resourceId: id,
    purpose: 'administration',
    outcome: 'allowed',
    details: { version: current.version + 1 },
  });
  return wheelById(tx, id);
}

interface AssessmentRow {
  id: string;
  perspective: 'child' | 'guardian' | 'professional';
  guardian_id: string | null;
  guardian_name: string | null;
  perspective_unit_id: string | null;
  perspective_unit_name: string | null;
  assessed_on: string;
  ratings: AreaRating[] | string;
  wheel_version: number;
  unit_id: string;
  unit_name: string;
  entered_by_name: string;
  entered_via: 'staff' | 'portal';
  private_area_keys: string[] | string | null;
  created_at: Date | string;
}

export interface AssessmentView {
  id: string;
  date: string;
  perspective: {
    kind: 'child' | 'guardian' | 'professional';
    guardianId: string | null;
    guardianName: string | null;
    unitId: string | null;
    unitName: string | null;
  };
  ratings: AreaRating[];
  wheelVersion: number;
  unit: { id: string; name: string };
  enteredByName: string;
  /** 'portal' when the child or a guardian rated in the family portal themselves (issue 7). */
  enteredVia: 'staff' | 'portal';
  /**
   * Areas of the child's own answer the child chose not to show their guardians. The team sees
   * them (marked); nothing built for the family may show them to a guardian.
   */
  privateAreaKeys: string[];
  createdAt: string;
}

/** Who entered a portal answer, as staff see it. */
export const PORTAL_ENTERED_BY = { child: 'Barnet, i familjeportalen', guardian: 'Vårdnadshavare, i familjeportalen' } as const;

const toPerspective = (r: AssessmentRow): Perspective =>
  r.perspective === 'guardian'
    ? { kind: 'guardian', guardianId: r.guardian_id! }
    : r.perspective === 'professional'
      ? { kind: 'professional', unitId: r.perspective_unit_id! }
      : { kind: 'child' };

/**
 * Wellbeing-wheel assessments of a case (issue 5 §2–3): per area a rating (or not assessed),
 * strengths, worries and needs, from the child's, one guardian's or a professional's
 * perspective. Visible like all assessments of the case (bedömningar och planer).
 */
export function wheelRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  async function caseFor(caseId: string) {
    const c = await loadVisibleCase(tx, actor, purpose, today, caseId);
    if (!c) throw new AccessFailure('not_found');
    return c;
  }

  return {
    async list(caseId: string) {
      const c = await caseFor(caseId);
      const wheel = await currentWheel(tx, actor.tenantId);
      // Guardians' names only where the guardians rule allows; otherwise "Vårdnadshavare".
      const rows = await queryRows<AssessmentRow>(
        tx,
        sql`select wheel_assessments.id, wheel_assessments.perspective, wheel_assessments.guardian_id,
            (select guardians.name from guardians where guardians.id = wheel_assessments.guardian_id and ${ruleCondition('guardians', actor, purpose, today)}
              ) as guardian_name,
            wheel_assessments.perspective_unit_id, pu.name as perspective_unit_name, wheel_assessments.assessed_on::text as assessed_on,
            wheel_assessments.ratings, wv.version as wheel_version, wheel_assessments.owning_unit_id as unit_id, ou.name as unit_name,
            coalesce(eu.display_name, case when wheel_assessments.entered_via = 'portal' then
              case wheel_assessments.perspective when 'child' then ${PORTAL_ENTERED_BY.child} else ${PORTAL_ENTERED_BY.guardian} end end, '') as entered_by_name,
            wheel_assessments.entered_via, wheel_assessments.private_area_keys, wheel_assessments.created_at
          from wheel_assessments join wheel_versions wv on wv.id = wheel_assessments.wheel_version_id
            join units ou on ou.id = wheel_assessments.owning_unit_id left join users eu on eu.id = wheel_assessments.entered_by
            left join units pu on pu.id = wheel_assessments.perspective_unit_id
          where wheel_assessments.case_id = ${caseId} and ${ruleCondition('wheel_assessments', actor, purpose, today)}
          order by wheel_assessments.assessed_on, wheel_assessments.created_at`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'wheel_assessment',
        resourceId: caseId,
        subjectChildId: c.child_id,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length },
      });
      const items: AssessmentView[] = rows.map((r) => ({
        id: r.id,
        date: r.assessed_on,
        perspective: {
          kind: r.perspective,
          guardianId: r.guardian_id,
          guardianName: r.guardian_name,
          unitId: r.perspective_unit_id,
          unitName: r.perspective_unit_name,
        },
        ratings: parse(r.ratings),
        wheelVersion: Number(r.wheel_version),
        unit: { id: r.unit_id, name: r.unit_name },
        enteredByName: r.entered_by_name,
        enteredVia: r.entered_via,
        privateAreaKeys: textArray(r.private_area_keys),
        createdAt: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
      }));
      const inputs: AssessmentInput[] = rows.map((r) => ({ date: r.assessed_on, perspective: toPerspective(r), ratings: parse(r.ratings) }));
      const childLatestIndex = inputs.map((a) => a.perspective.kind).lastIndexOf('child');
      const childLatest = childLatestIndex < 0 ? null : inputs[childLatestIndex]!;
      const professionals = inputs.filter((a) => a.perspective.kind === 'professional');
      return {
        wheel,
        items,
        /**
         * The areas of the child's latest answer (the one behind radar.gaps' child values) that the
         * child keeps from their guardians: a version made for the family must leave them out.
         */
        childLatestPrivateAreaKeys: childLatestIndex < 0 ? [] : items[childLatestIndex]!.privateAreaKeys,
        radar: {
          child: firstAndLatest(inputs, { kind: 'child' }, wheel.areas),
          professionals: firstAndLatest(inputs, { kind: 'professional' }, wheel.areas),
          guardians: firstAndLatest(inputs, { kind: 'guardian' }, wheel.areas),
          gaps: perspectiveGaps(childLatest, professionals, activeAreas(wheel.areas)),
        },
      };
    },

    /** Records an assessment with the tenant's current wheel. */
    async add(
      caseId: string,
      input: {
        date: string;
        perspective: { kind: 'child' } | { kind: 'guardian'; guardianId: string } | { kind: 'professional' };
        ratings: AreaRating[];
      },
    ) {
      const c = await caseFor(caseId);
      if (c.owning_unit_id !== actor.actingUnitId) {
        const [covered] = await queryRows(
          tx,
          sql`select 1 where ${activeConsentSql(actor, today, sql`${caseId}::uuid`, sql`${c.owning_unit_id}::uuid`, sql`'bedomningar_och_planer'`)}`,
        );
        if (!covered)
          throw invalid(
            'ratings',
            'Din verksamhet omfattas inte av samtycket för bedömningar i det här ärendet.',
            'Your unit is not covered by the consent for assessments in this case.',
          );
      }
      if (c.closed_at) throw invalid('date', 'Ärendet är avslutat.', 'The case is closed.');
      if (!c.child_id) throw invalid('perspective', 'Koppla barnet till ärendet först.', 'Link the child to the case first.');
      const perspective: Perspective =
        input.perspective.kind === 'professional' ? { kind: 'professional', unitId: actor.actingUnitId } : input.perspective;
      if (perspective.kind === 'guardian') {
        const [g] = await queryRows(
          tx,
          sql`select 1 from guardians where guardians.id = ${perspective.guardianId} and guardians.child_id = ${c.child_id}
            and ${ruleCondition('guardians', actor, purpose, today)}`,
        );
        if (!g) throw invalid('perspective.guardianId', 'Vårdnadshavaren hör inte till barnet.', 'The guardian does not belong to the child.');
      }
      const wheel = await currentWheel(tx, actor.tenantId);
      const ratings = input.ratings.map((r) => ({
        areaKey: r.areaKey,
        rating: r.rating,
        ...(r.strengths?.trim() ? { strengths: r.strengths.trim() } : {}),
        ...(r.worries?.trim() ? { worries: r.worries.trim() } : {}),
        ...(r.needs?.trim() ? { needs: r.needs.trim() } : {}),
      }));
      const errors = validateAssessment({ date: input.date, perspective, ratings }, { areas: wheel.areas, scale: wheel.scale, today });
      if (errors.length > 0) throw new AccessFailure('validation', errors);
      const id = newId();
      await tx.execute(sql`insert into wheel_assessments (id, tenant_id, case_id, wheel_version_id, owning_unit_id, entered_by, perspective, guardian_id,
          perspective_unit_id, assessed_on, ratings)
        values (${id}, ${actor.tenantId}, ${caseId}, ${wheel.id}, ${actor.actingUnitId}, ${actor.userId}, ${perspective.kind},
          ${perspective.kind === 'guardian' ? perspective.guardianId : null}, ${perspective.kind === 'professional' ? perspective.unitId : null},
          ${input.date}::date, ${JSON.stringify(ratings)}::jsonb)`);
      await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
        values (${newId()}, ${actor.tenantId}, ${caseId}, ${actor.actingUnitId}, ${actor.userId}, 'wheel_assessment', 'bedomningar_och_planer', false,
          ${input.date}::date, ${`Bedömning med välbefinnandehjulet (${perspective.kind === 'child' ? 'barnets' : perspective.kind === 'guardian' ? 'vårdnadshavarens' : 'verksamhetens'} perspektiv).`},
          ${JSON.stringify({ assessmentId: id })}::jsonb)`);
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'wheel_assessment',
        resourceId: id,
        subjectChildId: c.child_id,
        purpose,
        outcome: 'allowed',
        details: { caseId, perspective: perspective.kind },
      });
      return id;
    },
  };
}
