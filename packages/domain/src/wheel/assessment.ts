/**
 * A wheel assessment: one perspective's view of the child, area by area, on one day.
 *
 * The child is assessed from several perspectives – the child's own, each guardian's and each
 * professional unit's – and over time (DOMAIN §4 step 4, step 9). Each rating may carry the
 * strengths, worries and needs behind it, in words; an area may be left unrated ("not
 * assessed"), which is different from the lowest rating.
 */
import { isIsoDate } from '../consent/dates.ts';
import type { FieldError, IsoDate } from '../consent/types.ts';
import type { WheelArea, WheelScale } from './areas.ts';

export type Perspective = { kind: 'child' } | { kind: 'guardian'; guardianId: string } | { kind: 'professional'; unitId: string };
export type PerspectiveKind = Perspective['kind'];
export const PERSPECTIVE_KINDS = ['child', 'guardian', 'professional'] as const satisfies readonly PerspectiveKind[];

export const PERSPECTIVE_LABELS: Record<PerspectiveKind, { sv: string; en: string }> = {
  child: { sv: 'Barnet', en: 'The child' },
  guardian: { sv: 'Vårdnadshavare', en: 'Guardian' },
  professional: { sv: 'Verksamhet', en: 'Professional' },
};

export interface AreaRating {
  areaKey: string;
  /** A whole step of the scale, or null: the area was not assessed this time. */
  rating: number | null;
  strengths?: string;
  worries?: string;
  needs?: string;
}

export interface AssessmentInput {
  date: IsoDate;
  perspective: Perspective;
  ratings: AreaRating[];
}

export interface AssessmentContext {
  /** The tenant's current areas, retired ones included so they can be named in the message. */
  areas: readonly WheelArea[];
  scale: WheelScale;
  today: IsoDate;
}

export const MAX_ASSESSMENT_TEXT_LENGTH = 2000;

function error(field: string, message: string, messageEn: string): FieldError {
  return { field, message, messageEn };
}

/** A stable string for a perspective: 'child', 'guardian:<id>' or 'professional:<unitId>'. */
export function perspectiveKey(p: Perspective): string {
  if (p.kind === 'guardian') return `guardian:${p.guardianId}`;
  if (p.kind === 'professional') return `professional:${p.unitId}`;
  return 'child';
}

/** Whether a rating is a whole step of the scale. */
export function isValidRating(rating: unknown, scale: WheelScale): rating is number {
  return typeof rating === 'number' && Number.isInteger(rating) && rating >= scale.min && rating <= scale.max;
}

function validatePerspective(p: Perspective | undefined): FieldError[] {
  if (!p || !(PERSPECTIVE_KINDS as readonly string[]).includes(p.kind))
    return [error('perspective', 'Ange vems bedömning det är.', 'State whose assessment this is.')];
  if (p.kind === 'guardian' && !p.guardianId?.trim())
    return [error('perspective.guardianId', 'Ange vilken vårdnadshavare som har gjort bedömningen.', 'State which guardian made the assessment.')];
  if (p.kind === 'professional' && !p.unitId?.trim())
    return [error('perspective.unitId', 'Ange vilken verksamhet som har gjort bedömningen.', 'State which unit made the assessment.')];
  return [];
}

/**
 * Field errors for an assessment; an empty list means it can be saved. Refused: a date that is
 * not a real date or lies in the future, an unknown or retired area, an area rated twice, a
 * rating that is not a whole step of the scale, a text longer than 2000 characters, and an
 * assessment with neither a rating nor any words.
 */
export function validateAssessment(input: AssessmentInput, context: AssessmentContext): FieldError[] {
  const { areas, scale, today } = context;
  const errors: FieldError[] = [];
  if (!isIsoDate(input.date)) errors.push(error('date', 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).', 'Enter a valid date (YYYY-MM-DD).'));
  else if (isIsoDate(today) && input.date > today)
    errors.push(error('date', 'Datumet för bedömningen kan inte ligga i framtiden.', 'The assessment date cannot be in the future.'));
  errors.push(...validatePerspective(input.perspective));

  const byKey = new Map(areas.map((a) => [a.key, a]));
  const ratings = input.ratings ?? [];
  const seen = new Set<string>();
  let anyContent = false;
  ratings.forEach((r, i) => {
    const area = byKey.get(r.areaKey);
    if (!area) errors.push(error(`ratings.${i}.areaKey`, 'Området finns inte.', 'The area does not exist.'));
    else if (area.retired) errors.push(error(`ratings.${i}.areaKey`, 'Området används inte längre.', 'The area is no longer in use.'));
    else if (seen.has(r.areaKey)) errors.push(error(`ratings.${i}.areaKey`, 'Området är bedömt två gånger.', 'The area is assessed twice.'));
    seen.add(r.areaKey);

    if (r.rating !== null && r.rating !== undefined) {
      if (!isValidRating(r.rating, scale))
        errors.push(
          error(
            `ratings.${i}.rating`,
            `Betyget måste vara ett heltal mellan ${scale.min} och ${scale.max}.`,
            `The rating must be a whole number from ${scale.min} to ${scale.max}.`,
          ),
        );
      anyContent = true;
    }
    for (const field of ['strengths', 'worries', 'needs'] as const) {
      const text = (r[field] ?? '').trim();
      if (text.length > 0) anyContent = true;
      if (text.length > MAX_ASSESSMENT_TEXT_LENGTH)
        errors.push(
          error(
            `ratings.${i}.${field}`,
            `Texten får vara högst ${MAX_ASSESSMENT_TEXT_LENGTH} tecken.`,
            `The text may be at most ${MAX_ASSESSMENT_TEXT_LENGTH} characters.`,
          ),
        );
    }
  });
  if (!anyContent)
    errors.push(
      error(
        'ratings',
        'Bedöm minst ett område eller skriv något om styrkor, oro eller behov.',
        'Rate at least one area or write something about strengths, worries or needs.',
      ),
    );
  return errors;
}
