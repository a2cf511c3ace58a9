import { describe, expect, it } from 'vitest';
import type { FieldError } from '../consent/types.ts';
import { DEFAULT_WHEEL_AREAS, DEFAULT_WHEEL_SCALE, type WheelArea } from './areas.ts';
import { isValidRating, perspectiveKey, validateAssessment, type AssessmentInput } from './assessment.ts';

const fields = (errors: FieldError[]) => errors.map((e) => e.field);
const AREAS: WheelArea[] = [
  ...DEFAULT_WHEEL_AREAS,
  { ...DEFAULT_WHEEL_AREAS[0]!, key: 'fritid_gammal', labelSv: 'Fritid', position: 9, retired: true },
];
const CONTEXT = { areas: AREAS, scale: DEFAULT_WHEEL_SCALE, today: '2026-03-10' };

const VALID: AssessmentInput = {
  date: '2026-03-10',
  perspective: { kind: 'child' },
  ratings: [
    { areaKey: 'trygg', rating: 4, strengths: 'Har en bästa vän i klassen.' },
    { areaKey: 'ma_bra', rating: 2, worries: 'Sover dåligt.', needs: 'Någon att prata med.' },
    { areaKey: 'aktiv', rating: null },
  ],
};
const input = (overrides: Partial<AssessmentInput>): AssessmentInput => ({ ...VALID, ...overrides });

describe('validateAssessment', () => {
  it('accepts a valid assessment from each perspective, unrated areas allowed', () => {
    expect(validateAssessment(VALID, CONTEXT)).toEqual([]);
    expect(validateAssessment(input({ perspective: { kind: 'guardian', guardianId: 'g1' } }), CONTEXT)).toEqual([]);
    expect(validateAssessment(input({ perspective: { kind: 'professional', unitId: 'u-skola' } }), CONTEXT)).toEqual([]);
  });
  it('refuses a rating outside the scale or not a whole number', () => {
    for (const rating of [0, 6, 2.5, -1, Number.NaN]) {
      const errors = validateAssessment(input({ ratings: [{ areaKey: 'trygg', rating }] }), CONTEXT);
      expect(errors, String(rating)).toEqual([
        {
          field: 'ratings.0.rating',
          message: 'Betyget måste vara ett heltal mellan 1 och 5.',
          messageEn: 'The rating must be a whole number from 1 to 5.',
        },
      ]);
    }
  });
  it('names the bounds of a tenant scale', () => {
    const scale = { min: 0, max: 3, anchors: [] };
    const errors = validateAssessment(input({ ratings: [{ areaKey: 'trygg', rating: 4 }] }), { ...CONTEXT, scale });
    expect(errors[0]?.message).toBe('Betyget måste vara ett heltal mellan 0 och 3.');
  });
  it('refuses an unknown area and a retired area', () => {
    const errors = validateAssessment(
      input({
        ratings: [
          { areaKey: 'trygg', rating: 3 },
          { areaKey: 'okand', rating: 3 },
          { areaKey: 'fritid_gammal', rating: 3 },
        ],
      }),
      CONTEXT,
    );
    expect(errors).toEqual([
      { field: 'ratings.1.areaKey', message: 'Området finns inte.', messageEn: 'The area does not exist.' },
      { field: 'ratings.2.areaKey', message: 'Området används inte längre.', messageEn: 'The area is no longer in use.' },
    ]);
  });
  it('refuses an area assessed twice', () => {
    const errors = validateAssessment(
      input({
        ratings: [
          { areaKey: 'trygg', rating: 3 },
          { areaKey: 'trygg', rating: 4 },
        ],
      }),
      CONTEXT,
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([['ratings.1.areaKey', 'Området är bedömt två gånger.']]);
  });
  it('refuses a date in the future or an invalid date; today is fine', () => {
    expect(validateAssessment(input({ date: '2026-03-11' }), CONTEXT)).toEqual([
      { field: 'date', message: 'Datumet för bedömningen kan inte ligga i framtiden.', messageEn: 'The assessment date cannot be in the future.' },
    ]);
    expect(fields(validateAssessment(input({ date: '2026-02-30' }), CONTEXT))).toEqual(['date']);
    expect(validateAssessment(input({ date: '2025-03-10' }), CONTEXT)).toEqual([]);
  });
  it('refuses an assessment with neither a rating nor any words', () => {
    const empty = [
      { areaKey: 'trygg', rating: null, strengths: '  ' },
      { areaKey: 'ma_bra', rating: null },
    ];
    expect(validateAssessment(input({ ratings: empty }), CONTEXT)).toEqual([
      {
        field: 'ratings',
        message: 'Bedöm minst ett område eller skriv något om styrkor, oro eller behov.',
        messageEn: 'Rate at least one area or write something about strengths, worries or needs.',
      },
    ]);
    expect(fields(validateAssessment(input({ ratings: [] }), CONTEXT))).toEqual(['ratings']);
    expect(validateAssessment(input({ ratings: [{ areaKey: 'trygg', rating: null, worries: 'Rädd på rasterna.' }] }), CONTEXT)).toEqual([]);
  });
  it('limits each text to 2000 characters', () => {
    const long = 'x'.repeat(2001);
    expect(validateAssessment(input({ ratings: [{ areaKey: 'trygg', rating: 3, strengths: 'x'.repeat(2000) }] }), CONTEXT)).toEqual([]);
    expect(
      fields(validateAssessment(input({ ratings: [{ areaKey: 'trygg', rating: 3, strengths: long, worries: long, needs: long }] }), CONTEXT)),
    ).toEqual(['ratings.0.strengths', 'ratings.0.worries', 'ratings.0.needs']);
  });
  it('needs to know which guardian or unit made it', () => {
    expect(fields(validateAssessment(input({ perspective: { kind: 'guardian', guardianId: ' ' } }), CONTEXT))).toEqual(['perspective.guardianId']);
    expect(fields(validateAssessment(input({ perspective: { kind: 'professional', unitId: '' } }), CONTEXT))).toEqual(['perspective.unitId']);
    expect(fields(validateAssessment(input({ perspective: { kind: 'teacher' } as never }), CONTEXT))).toEqual(['perspective']);
  });
});

describe('perspectiveKey and isValidRating', () => {
  it('keys each perspective', () => {
    expect(perspectiveKey({ kind: 'child' })).toBe('child');
    expect(perspectiveKey({ kind: 'guardian', guardianId: 'g1' })).toBe('guardian:g1');
    expect(perspectiveKey({ kind: 'professional', unitId: 'u1' })).toBe('professional:u1');
  });
  it('accepts only whole steps of the scale', () => {
    expect([1, 5, 3].every((r) => isValidRating(r, DEFAULT_WHEEL_SCALE))).toBe(true);
    expect([0, 6, 2.5, '3', null].some((r) => isValidRating(r, DEFAULT_WHEEL_SCALE))).toBe(false);
  });
});
