import { sql } from 'drizzle-orm';
import { activeAreas, validateAssessment, type AreaRating, type Perspective, type WheelArea } from '@samsyn/domain';
import { queryRows, textArray, type Db, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import { appendAudit } from './audit.ts';
import { parse } from './consent-ledger.ts';
import { AccessFailure } from './failure.ts';
import { mayKeepPrivate, notPrivateFailure, withPortalChild, type PortalChildRow, type PortalLink, type PortalPerson } from './portal.ts';
import { currentWheel } from './wheel.ts';

/**
 * "Mitt hjul" in the family portal (issue 7): the child rates their own wellbeing wheel, a guardian
 * rates it from their side, and both see earlier answers. Everything goes through withPortalChild.
 *
 * Privacy: a child who may keep things from their guardians (mayKeepPrivate) may mark single areas
 * of their own answer private. A guardian never gets those areas, and is never told that anything
 * is left out: an answer with only private areas is not shown at all. The team sees every area,
 * marked (access/wheel.ts). Professionals' assessments are not shown in the portal.
 */
export interface PortalWheelArea {
  key: string;
  labelSv: string;
  labelEn: string;
  descriptionSv: string;
  descriptionEn: string;
}

export interface PortalWheelAnswer {
  id: string;
  date: string;
  perspective: 'child' | 'guardian';
  /** The signed-in person's own answer: the child's own (child), or this guardian's. */
  mine: boolean;
  ratings: { areaKey: string; rating: number; labelSv: string; labelEn: string }[];
  /** The child's private areas, only ever to the child themself. */
  privateAreaKeys: string[];
}

export interface PortalWheelView {
  areas: PortalWheelArea[];
  scale: { min: number; max: number; anchors: { value: number; labelSv: string; labelEn: string }[] };
  canKeepPrivate: boolean;
  hasCase: boolean;
  answers: PortalWheelAnswer[];
}

export interface PortalWheelInput {
  ratings: { areaKey: string; rating: number | null }[];
  privateAreaKeys?: string[];
}

/** How many earlier answers the portal lists. */
const MAX_ANSWERS = 100;

async function openCase(tx: Tx, childId: string) {
  const [c] = await queryRows<{ id: string; owning_unit_id: string }>(
    tx,
    sql`select id, owning_unit_id from cases where child_id = ${childId} and closed_at is null order by created_at desc, id desc limit 1`,
  );
  return c ?? null;
}

async function view(tx: Tx, l: PortalLink, c: PortalChildRow, today: string): Promise<PortalWheelView> {
  const wheel = await currentWheel(tx, l.tenantId);
  const self = l.relation === 'self';
  const rows = await queryRows<{
    id: string;
    assessed_on: string;
    perspective: 'child' | 'guardian';
    guardian_id: string | null;
    ratings: AreaRating[] | string;
    private_area_keys: string[] | string | null;
    areas: WheelArea[] | string;
  }>(
    tx,
    sql`select a.id, a.assessed_on::text as assessed_on, a.perspective, a.guardian_id, a.ratings, a.private_area_keys, wv.areas
      from wheel_assessments a join cases k on k.id = a.case_id join wheel_versions wv on wv.id = a.wheel_version_id
      where k.child_id = ${l.childId}
        and (a.perspective = 'child' or (a.perspective = 'guardian' and (${self} or a.guardian_id = ${l.guardianId})))
      order by a.assessed_on desc, a.created_at desc, a.id limit ${MAX_ANSWERS}`,
  );
  const answers: PortalWheelAnswer[] = [];
  for (const r of rows) {
    const hidden = new Set(r.perspective === 'child' ? textArray(r.private_area_keys) : []);
    const labels = new Map(parse<WheelArea[]>(r.areas as never).map((a) => [a.key, a] as const));
    const ratings = parse<AreaRating[]>(r.ratings as never)
      .filter((x): x is AreaRating & { rating: number } => typeof x.rating === 'number')
      // A guardian never gets the child's private areas.
      .filter((x) => self || !hidden.has(x.areaKey))
      .map((x) => ({
        areaKey: x.areaKey,
        rating: x.rating,
        labelSv: labels.get(x.areaKey)?.labelSv ?? x.areaKey,
        labelEn: labels.get(x.areaKey)?.labelEn ?? x.areaKey,
      }));
    // Nothing left to show (only private areas, or only words): not shown at all, so nothing hints at it.
    if (ratings.length === 0) continue;
    answers.push({
      id: r.id,
      date: r.assessed_on,
      perspective: r.perspective,
      mine: self ? r.perspective === 'child' : r.perspective === 'guardian' && r.guardian_id === l.guardianId,
      ratings,
      privateAreaKeys: self ? ratings.filter((x) => hidden.has(x.areaKey)).map((x) => x.areaKey) : [],
    });
  }
  return {
    areas: activeAreas(wheel.areas).map((a) => ({
      key: a.key,
      labelSv: a.labelSv,
      labelEn: a.labelEn,
      descriptionSv: a.childDescriptionSv,
      descriptionEn: a.childDescriptionEn,
    })),
    scale: {
      min: wheel.scale.min,
      max: wheel.scale.max,
      anchors: wheel.scale.anchors.map((a) => ({ value: a.value, labelSv: a.childLabelSv, labelEn: a.childLabelEn })),
    },
    canKeepPrivate: await mayKeepPrivate(tx, l, c, today),
    hasCase: (await openCase(tx, l.childId)) !== null,
    answers,
  };
}

export function portalWheelRepository(db: Db, person: PortalPerson, today: string) {
  return {
    /** The wheel's areas and scale, whether the person may keep answers private, and earlier answers. */
    get(childHandle: string) {
      return withPortalChild(db, person, today, childHandle, 'portal_wheel', (tx, l, c) => view(tx, l, c, today));
    },

    /**
     * Saves today's answer in the child's open case: the child's own (perspective child) or this
     * guardian's (perspective guardian). Validated by the domain's rules; nothing is saved on an error.
     */
    save(childHandle: string, input: PortalWheelInput) {
      return withPortalChild(db, person, today, childHandle, 'portal_write_wheel', async (tx, l, c) => {
        const k = await openCase(tx, l.childId);
        if (!k)
          throw new AccessFailure('validation', [
            { field: 'ratings', message: 'Det finns inget ärende att spara i än.', messageEn: 'There is no case to save in yet.' },
          ]);
        if (l.relation === 'guardian' && !l.guardianId) throw new AccessFailure('not_found');
        const perspective: Perspective = l.relation === 'self' ? { kind: 'child' } : { kind: 'guardian', guardianId: l.guardianId! };
        const wheel = await currentWheel(tx, l.tenantId);
        const ratings: AreaRating[] = input.ratings.map((r) => ({ areaKey: r.areaKey, rating: r.rating }));
        const errors = validateAssessment({ date: today, perspective, ratings }, { areas: wheel.areas, scale: wheel.scale, today });
        if (errors.length > 0) throw new AccessFailure('validation', errors);

        const privateKeys = [...new Set(input.privateAreaKeys ?? [])];
        if (privateKeys.length > 0) {
          if (l.relation !== 'self' || !(await mayKeepPrivate(tx, l, c, today))) throw notPrivateFailure('privateAreaKeys', l.relation);
          const rated = new Set(ratings.filter((r) => r.rating !== null).map((r) => r.areaKey));
          if (privateKeys.some((key) => !rated.has(key)))
            throw new AccessFailure('validation', [
              {
                field: 'privateAreaKeys',
                message: 'Du kan bara dölja det du har svarat på.',
                messageEn: 'You can only hide what you have answered.',
              },
            ]);
        }

        const id = newId();
        await tx.execute(sql`insert into wheel_assessments (id, tenant_id, case_id, wheel_version_id, owning_unit_id, entered_by, entered_via,
            perspective, guardian_id, perspective_unit_id, assessed_on, ratings, private_area_keys)
          values (${id}, ${l.tenantId}, ${k.id}, ${wheel.id}, ${k.owning_unit_id}, null, 'portal', ${perspective.kind},
            ${perspective.kind === 'guardian' ? perspective.guardianId : null}, null, ${today}::date, ${JSON.stringify(ratings)}::jsonb,
            array(select jsonb_array_elements_text(${JSON.stringify(privateKeys)}::jsonb)))`);
        // In the case's chronology, as when staff record an assessment; the answers themselves are not in the text.
        const who = l.relation === 'self' ? 'Barnet' : 'En vårdnadshavare';
        await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
          values (${newId()}, ${l.tenantId}, ${k.id}, ${k.owning_unit_id}, null, 'wheel_assessment', 'bedomningar_och_planer', false, ${today}::date,
            ${`${who} fyllde i välbefinnandehjulet i familjeportalen (${l.relation === 'self' ? 'barnets' : 'vårdnadshavarens'} perspektiv).`},
            ${JSON.stringify({ assessmentId: id, portal: true })}::jsonb)`);
        await appendAudit(
          tx,
          { tenantId: l.tenantId },
          {
            action: 'create',
            resourceType: 'wheel_assessment',
            resourceId: id,
            subjectChildId: l.childId,
            outcome: 'allowed',
            details: { portal: true, relation: l.relation, caseId: k.id, perspective: perspective.kind, privateAreas: privateKeys.length },
          },
        );
        return { id, ...(await view(tx, l, c, today)) };
      });
    },
  };
}
