import { describe, expect, it } from 'vitest';
import type { FieldError } from '../consent/types.ts';
import {
  activeAreas,
  anchorFor,
  DEFAULT_WHEEL_AREA_KEYS,
  DEFAULT_WHEEL_AREAS,
  DEFAULT_WHEEL_SCALE,
  validateAreaDefinition,
  validateScale,
  type WheelArea,
  type WheelScale,
} from './areas.ts';

const fields = (errors: FieldError[]) => errors.map((e) => e.field);

const NEW_AREA: WheelArea = {
  key: 'fritid',
  labelSv: 'Fritid',
  labelEn: 'Leisure',
  descriptionSv: 'Barnet har en meningsfull fritid.',
  descriptionEn: 'The child has meaningful leisure time.',
  childDescriptionSv: 'Jag har saker att göra efter skolan.',
  childDescriptionEn: 'I have things to do after school.',
  position: 9,
};
const area = (overrides: Partial<WheelArea>): WheelArea => ({ ...NEW_AREA, ...overrides });
const scale = (overrides: Partial<WheelScale>): WheelScale => ({ ...DEFAULT_WHEEL_SCALE, anchors: [...DEFAULT_WHEEL_SCALE.anchors], ...overrides });
const anchor = (value: number) => ({
  value,
  labelSv: `Steg ${value}`,
  labelEn: `Step ${value}`,
  childLabelSv: `Steg ${value}`,
  childLabelEn: `Step ${value}`,
});

describe('default wheel areas (SHANARRI)', () => {
  it('has the eight areas in wheel order with Swedish and English labels', () => {
    expect(DEFAULT_WHEEL_AREAS.map((a) => a.key)).toEqual([...DEFAULT_WHEEL_AREA_KEYS]);
    expect(DEFAULT_WHEEL_AREAS.map((a) => a.labelSv)).toEqual([
      'Trygg',
      'Må bra',
      'Utvecklas',
      'Omvårdad',
      'Aktiv',
      'Respekterad',
      'Ansvarstagande',
      'Delaktig',
    ]);
    expect(DEFAULT_WHEEL_AREAS.map((a) => a.labelEn)).toEqual([
      'Safe',
      'Healthy',
      'Achieving',
      'Nurtured',
      'Active',
      'Respected',
      'Responsible',
      'Included',
    ]);
    expect(DEFAULT_WHEEL_AREAS.map((a) => a.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(DEFAULT_WHEEL_AREAS[0]?.childDescriptionSv).toBe('Jag känner mig trygg hemma, i skolan och på fritiden.');
  });
  it('passes its own admin rules, every description filled in', () => {
    DEFAULT_WHEEL_AREAS.forEach((a, i) => {
      const others = DEFAULT_WHEEL_AREAS.filter((_, j) => j !== i).map((x) => x.key);
      expect(validateAreaDefinition(a, others)).toEqual([]);
      for (const text of [a.descriptionSv, a.descriptionEn, a.childDescriptionSv, a.childDescriptionEn])
        expect(text.trim().length).toBeGreaterThan(0);
    });
  });
  it('keeps child descriptions short: sentences of at most 12 words', () => {
    for (const a of DEFAULT_WHEEL_AREAS)
      for (const text of [a.childDescriptionSv, a.childDescriptionEn])
        for (const sentence of text.split(/[.!?]\s*/).filter(Boolean)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(12);
  });
  it('cannot be changed by accident', () => {
    expect(() => {
      (DEFAULT_WHEEL_AREAS[0] as WheelArea).labelSv = 'Ändrad';
    }).toThrow(TypeError);
    expect(Object.isFrozen(DEFAULT_WHEEL_SCALE.anchors)).toBe(true);
  });
});

describe('default scale', () => {
  it('runs 1–5 with a described anchor per step, for professionals and children', () => {
    expect(validateScale(DEFAULT_WHEEL_SCALE)).toEqual([]);
    expect(DEFAULT_WHEEL_SCALE.anchors.map((a) => a.value)).toEqual([1, 2, 3, 4, 5]);
    expect(anchorFor(DEFAULT_WHEEL_SCALE, 1)?.labelSv).toBe('Mycket svårt / Behöver mycket stöd');
    expect(anchorFor(DEFAULT_WHEEL_SCALE, 5)?.labelSv).toBe('Mycket bra');
    expect(anchorFor(DEFAULT_WHEEL_SCALE, 5)?.childLabelSv).toBe('Det är jättebra');
    expect(anchorFor(DEFAULT_WHEEL_SCALE, 6)).toBeNull();
    expect(anchorFor(DEFAULT_WHEEL_SCALE, 2.5)).toBeNull();
  });
});

describe('activeAreas', () => {
  it('leaves out retired areas and sorts by position', () => {
    const areas = [area({ key: 'b', position: 2 }), area({ key: 'a', position: 1 }), area({ key: 'c', position: 0, retired: true })];
    expect(activeAreas(areas).map((a) => a.key)).toEqual(['a', 'b']);
  });
});

describe('validateAreaDefinition', () => {
  const existing = [...DEFAULT_WHEEL_AREA_KEYS];
  it('accepts a new area with a fresh key', () => {
    expect(validateAreaDefinition(NEW_AREA, existing)).toEqual([]);
  });
  it('refuses keys that break the pattern', () => {
    for (const key of ['', 'a', 'Fritid', '1fritid', 'fri-tid', 'fritid ', 'friåtid', 'a'.repeat(41), '_fritid'])
      expect(fields(validateAreaDefinition(area({ key }), existing)), key).toEqual(['key']);
    expect(validateAreaDefinition(area({ key: 'ab' }), existing)).toEqual([]);
    expect(validateAreaDefinition(area({ key: 'a'.repeat(40) }), existing)).toEqual([]);
    expect(validateAreaDefinition(area({ key: 'fritid_2' }), existing)).toEqual([]);
  });
  it('refuses a key already in use, retired keys included', () => {
    expect(validateAreaDefinition(area({ key: 'trygg' }), existing)).toEqual([
      { field: 'key', message: 'Det finns redan ett område med den nyckeln.', messageEn: 'An area with this key already exists.' },
    ]);
  });
  it('needs labels of 1–60 characters', () => {
    expect(fields(validateAreaDefinition(area({ labelSv: '  ', labelEn: '' }), existing))).toEqual(['labelSv', 'labelEn']);
    expect(fields(validateAreaDefinition(area({ labelSv: 'x'.repeat(61) }), existing))).toEqual(['labelSv']);
    expect(validateAreaDefinition(area({ labelSv: 'x'.repeat(60), labelEn: 'y' }), existing)).toEqual([]);
  });
  it('limits each description to 500 characters', () => {
    expect(validateAreaDefinition(area({ descriptionSv: 'x'.repeat(500) }), existing)).toEqual([]);
    const long = 'x'.repeat(501);
    expect(
      fields(
        validateAreaDefinition(area({ descriptionSv: long, descriptionEn: long, childDescriptionSv: long, childDescriptionEn: long }), existing),
      ),
    ).toEqual(['descriptionSv', 'descriptionEn', 'childDescriptionSv', 'childDescriptionEn']);
  });
  it('needs a whole, non-negative position', () => {
    expect(fields(validateAreaDefinition(area({ position: -1 }), existing))).toEqual(['position']);
    expect(fields(validateAreaDefinition(area({ position: 1.5 }), existing))).toEqual(['position']);
  });
});

describe('validateScale', () => {
  it('accepts 2 to 10 steps with one anchor each', () => {
    expect(validateScale({ min: 0, max: 1, anchors: [anchor(0), anchor(1)] })).toEqual([]);
    expect(validateScale({ min: 1, max: 10, anchors: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(anchor) })).toEqual([]);
  });
  it('refuses non-integer bounds and min ≥ max', () => {
    expect(fields(validateScale(scale({ min: 0.5 })))).toEqual(['min']);
    expect(fields(validateScale(scale({ max: 4.5 })))).toEqual(['max']);
    expect(validateScale(scale({ min: 5, max: 5 }))).toEqual([
      {
        field: 'max',
        message: 'Skalans högsta värde måste vara större än det lägsta.',
        messageEn: 'The highest value must be greater than the lowest.',
      },
    ]);
    expect(fields(validateScale(scale({ min: 5, max: 1 })))).toEqual(['max']);
  });
  it('refuses more than 10 steps', () => {
    const errors = validateScale({ min: 0, max: 10, anchors: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(anchor) });
    expect(errors.map((e) => e.message)).toEqual(['Skalan ska ha mellan 2 och 10 steg.']);
  });
  it('needs exactly one anchor per step', () => {
    const missing = validateScale(scale({ anchors: DEFAULT_WHEEL_SCALE.anchors.filter((a) => a.value !== 3) }));
    expect(missing).toEqual([
      { field: 'anchors', message: 'Varje steg behöver en beskrivning. Det saknas för: 3.', messageEn: 'Every step needs a label. Missing for: 3.' },
    ]);
    expect(fields(validateScale(scale({ anchors: [...DEFAULT_WHEEL_SCALE.anchors, anchor(2)] })))).toEqual(['anchors.5.value']);
    expect(fields(validateScale(scale({ anchors: [...DEFAULT_WHEEL_SCALE.anchors, anchor(6)] })))).toEqual(['anchors.5.value']);
  });
  it('needs every label of an anchor', () => {
    const anchors = [...DEFAULT_WHEEL_SCALE.anchors];
    anchors[1] = { ...anchors[1]!, labelEn: ' ', childLabelSv: '' };
    expect(fields(validateScale(scale({ anchors })))).toEqual(['anchors.1.labelEn', 'anchors.1.childLabelSv']);
  });
});
