import { describe, expect, it } from 'vitest';
import { DEFAULT_WHEEL_AREAS, DEFAULT_WHEEL_SCALE, type WheelArea } from './areas.ts';
import type { AssessmentInput, Perspective } from './assessment.ts';
import {
  areaHistory,
  firstAndLatest,
  matchesPerspective,
  perspectiveGaps,
  radarAngle,
  radarAxisPoint,
  radarPoints,
  radarRadius,
  svgPolygonPoints,
  type PerspectiveGap,
} from './radar.ts';

const AREAS: WheelArea[] = [...DEFAULT_WHEEL_AREAS];
const CHILD: Perspective = { kind: 'child' };
const SKOLA: Perspective = { kind: 'professional', unitId: 'u-skola' };
const SOC: Perspective = { kind: 'professional', unitId: 'u-soc' };
const MAMMA: Perspective = { kind: 'guardian', guardianId: 'g-mamma' };
const PAPPA: Perspective = { kind: 'guardian', guardianId: 'g-pappa' };

function assessment(date: string, perspective: Perspective, ratings: Record<string, number | null>): AssessmentInput {
  return { date, perspective, ratings: Object.entries(ratings).map(([areaKey, rating]) => ({ areaKey, rating })) };
}

describe('matchesPerspective', () => {
  it('matches a kind, or one guardian or unit when an id is given', () => {
    expect(matchesPerspective(CHILD, { kind: 'child' })).toBe(true);
    expect(matchesPerspective(MAMMA, { kind: 'guardian' })).toBe(true);
    expect(matchesPerspective(MAMMA, { kind: 'guardian', guardianId: 'g-pappa' })).toBe(false);
    expect(matchesPerspective(SKOLA, { kind: 'professional', unitId: 'u-skola' })).toBe(true);
    expect(matchesPerspective(SKOLA, { kind: 'guardian' })).toBe(false);
  });
});

describe('firstAndLatest', () => {
  const first = assessment('2026-01-10', CHILD, { trygg: 2, ma_bra: 3, aktiv: null });
  const second = assessment('2026-02-10', CHILD, { trygg: 3, ma_bra: 3, aktiv: 4 });
  const third = assessment('2026-03-10', CHILD, { trygg: 4, ma_bra: null, aktiv: 5 });
  const guardianLater = assessment('2026-04-01', MAMMA, { trygg: 1, ma_bra: 1 });
  // Out of order on purpose: the dates decide, not the order they arrive in.
  const all = [third, guardianLater, first, second];

  it('picks, per area, the first and the latest rating from the chosen perspective', () => {
    const rows = firstAndLatest(all, { kind: 'child' }, AREAS);
    expect(rows.map((r) => r.areaKey)).toEqual(AREAS.map((a) => a.key));
    const row = (key: string) => rows.find((r) => r.areaKey === key);
    expect(row('trygg')).toEqual({
      areaKey: 'trygg',
      first: { date: '2026-01-10', rating: 2, count: 1 },
      latest: { date: '2026-03-10', rating: 4, count: 1 },
      change: 2,
    });
    // Not assessed in the third: the latest actual rating is the second's.
    expect(row('ma_bra')).toEqual({
      areaKey: 'ma_bra',
      first: { date: '2026-01-10', rating: 3, count: 1 },
      latest: { date: '2026-02-10', rating: 3, count: 1 },
      change: 0,
    });
    // Not assessed in the first: it starts with the second.
    expect(row('aktiv')?.first).toEqual({ date: '2026-02-10', rating: 4, count: 1 });
    expect(row('aktiv')?.latest).toEqual({ date: '2026-03-10', rating: 5, count: 1 });
    // Never rated: a row with no values, so the chart still has every axis.
    expect(row('utvecklas')).toEqual({ areaKey: 'utvecklas', first: null, latest: null, change: null });
  });
  it('with one assessment, first and latest are the same day', () => {
    const [row] = firstAndLatest([second], { kind: 'child' }, AREAS);
    expect(row?.first).toEqual(row?.latest);
    expect(row?.change).toBe(0);
  });
  it('reads the guardian perspective without the child', () => {
    const rows = firstAndLatest(all, { kind: 'guardian' }, AREAS);
    expect(rows[0]).toEqual({
      areaKey: 'trygg',
      first: { date: '2026-04-01', rating: 1, count: 1 },
      latest: { date: '2026-04-01', rating: 1, count: 1 },
      change: 0,
    });
    expect(rows.filter((r) => r.latest !== null).map((r) => r.areaKey)).toEqual(['trygg', 'ma_bra']);
  });
  it('averages same-day assessments matching a kind-wide filter, and separates them with an id', () => {
    const both = [
      assessment('2026-01-10', MAMMA, { trygg: 2 }),
      assessment('2026-01-10', PAPPA, { trygg: 5 }),
      assessment('2026-02-10', PAPPA, { trygg: 4 }),
    ];
    const [anyGuardian] = firstAndLatest(both, { kind: 'guardian' }, AREAS);
    expect(anyGuardian?.first).toEqual({ date: '2026-01-10', rating: 3.5, count: 2 });
    expect(anyGuardian?.latest).toEqual({ date: '2026-02-10', rating: 4, count: 1 });
    const [mamma] = firstAndLatest(both, { kind: 'guardian', guardianId: 'g-mamma' }, AREAS);
    expect(mamma?.first).toEqual({ date: '2026-01-10', rating: 2, count: 1 });
    expect(mamma?.latest).toEqual({ date: '2026-01-10', rating: 2, count: 1 });
  });
  it('without areas, lists the rated keys in the order they were first rated', () => {
    expect(firstAndLatest(all, { kind: 'child' }).map((r) => r.areaKey)).toEqual(['trygg', 'ma_bra', 'aktiv']);
  });
  it('keeps a retired area only when it has ratings', () => {
    const areas = [...AREAS, { ...AREAS[0]!, key: 'gammal', position: 9, retired: true }, { ...AREAS[0]!, key: 'tom', position: 10, retired: true }];
    const rows = firstAndLatest([assessment('2025-06-01', CHILD, { gammal: 3 })], { kind: 'child' }, areas);
    expect(rows.map((r) => r.areaKey)).toEqual([...AREAS.map((a) => a.key), 'gammal']);
  });
});

describe('perspectiveGaps', () => {
  const child = assessment('2026-03-01', CHILD, {
    trygg: 1,
    ma_bra: 4,
    utvecklas: 2,
    omvardad: 3,
    aktiv: 5,
    respekterad: 2,
    ansvarstagande: 3,
    delaktig: null,
  });
  const olderSkola = assessment('2026-02-01', SKOLA, { trygg: 2, respekterad: 5 });
  const skola = assessment('2026-03-05', SKOLA, {
    trygg: 4,
    ma_bra: 3,
    utvecklas: 3,
    omvardad: 3,
    aktiv: 4,
    respekterad: null,
    ansvarstagande: 3,
    delaktig: 3,
  });
  const soc = assessment('2026-03-05', SOC, { trygg: 4, ma_bra: 3, utvecklas: 4, omvardad: 3, aktiv: 3, ansvarstagande: 3, delaktig: 3 });
  const guardian = assessment('2026-03-06', MAMMA, { trygg: 5 });
  const rows = perspectiveGaps(child, [skola, guardian, olderSkola, soc], AREAS);
  const row = (key: string) => rows.find((r) => r.areaKey === key)!;

  it('compares the child with the mean of the professionals on their latest day for that area, in wheel order', () => {
    expect(rows.map((r) => r.areaKey)).toEqual(AREAS.map((a) => a.key));
    expect(row('trygg')).toEqual({
      areaKey: 'trygg',
      child: 1,
      childDate: '2026-03-01',
      professional: 4,
      professionalDate: '2026-03-05',
      professionalCount: 2,
      gap: -3,
      highlighted: true,
    } satisfies PerspectiveGap);
    expect(row('utvecklas')).toMatchObject({ child: 2, professional: 3.5, gap: -1.5 });
    expect(row('aktiv')).toMatchObject({ child: 5, professional: 3.5, gap: 1.5 });
    expect(row('ma_bra')).toMatchObject({ child: 4, professional: 3, gap: 1 });
    expect(row('omvardad')).toMatchObject({ gap: 0 });
  });
  it("falls back to an earlier professional day when nobody rated the area on the latest one, and ignores guardians' ratings", () => {
    expect(row('respekterad')).toMatchObject({ child: 2, professional: 5, professionalDate: '2026-02-01', professionalCount: 1, gap: -3 });
    expect(row('trygg').professional).toBe(4);
  });
  it('has no gap where only one side rated the area', () => {
    expect(row('delaktig')).toMatchObject({ child: null, childDate: null, professional: 3, gap: null, highlighted: false });
  });
  it('highlights every gap ≥ 2, then fills up to three with the largest gaps ≥ 1, ties included', () => {
    // Strong: trygg (−3) and respekterad (−3). One place left: utvecklas and aktiv tie at 1.5, so both; ma_bra (1) not.
    expect(rows.filter((r) => r.highlighted).map((r) => r.areaKey)).toEqual(['trygg', 'utvecklas', 'aktiv', 'respekterad']);
  });
  it('with no gap ≥ 2, highlights the three largest gaps ≥ 1 and not the smaller ones', () => {
    const c = assessment('2026-03-01', CHILD, { trygg: 5, ma_bra: 1, utvecklas: 4, omvardad: 3, aktiv: 2 });
    const p1 = assessment('2026-03-01', SKOLA, { trygg: 3, ma_bra: 2, utvecklas: 2, omvardad: 2, aktiv: 3 });
    const p2 = assessment('2026-03-01', SOC, { trygg: 4, ma_bra: 3, utvecklas: 3, omvardad: 2, aktiv: 3 });
    const gaps = perspectiveGaps(c, [p1, p2], AREAS);
    expect(gaps.slice(0, 5).map((r) => r.gap)).toEqual([1.5, -1.5, 1.5, 1, -1]);
    expect(gaps.filter((r) => r.highlighted).map((r) => r.areaKey)).toEqual(['trygg', 'ma_bra', 'utvecklas']);
  });
  it('includes every area tied with the last place, and never highlights gaps below 1', () => {
    const c = assessment('2026-03-01', CHILD, { trygg: 5, ma_bra: 4, utvecklas: 3, omvardad: 3, aktiv: 3 });
    const p = assessment('2026-03-01', SKOLA, { trygg: 3, ma_bra: 3, utvecklas: 2, omvardad: 3, aktiv: 2 });
    // trygg +2 (strong); ma_bra, utvecklas and aktiv tie at +1 for the two places left, so all three.
    expect(
      perspectiveGaps(c, [p], AREAS)
        .filter((r) => r.highlighted)
        .map((r) => r.areaKey),
    ).toEqual(['trygg', 'ma_bra', 'utvecklas', 'aktiv']);
    const p2 = assessment('2026-03-01', SKOLA, { trygg: 5, ma_bra: 4, utvecklas: 2, omvardad: 3, aktiv: 3 });
    expect(
      perspectiveGaps(c, [p2], AREAS)
        .filter((r) => r.highlighted)
        .map((r) => r.areaKey),
    ).toEqual(['utvecklas']);
    const same = assessment('2026-03-01', SKOLA, { trygg: 5, ma_bra: 4, utvecklas: 3 });
    expect(perspectiveGaps(c, [same], AREAS).some((r) => r.highlighted)).toBe(false);
  });
  it('highlights all areas with a gap ≥ 2 even when there are more than three', () => {
    const c = assessment('2026-03-01', CHILD, { trygg: 1, ma_bra: 1, utvecklas: 1, omvardad: 1, aktiv: 4 });
    const p = assessment('2026-03-01', SKOLA, { trygg: 3, ma_bra: 4, utvecklas: 5, omvardad: 3, aktiv: 3 });
    expect(
      perspectiveGaps(c, [p], AREAS)
        .filter((r) => r.highlighted)
        .map((r) => r.areaKey),
    ).toEqual(['trygg', 'ma_bra', 'utvecklas', 'omvardad']);
  });
  it('works without a child assessment', () => {
    const noChild = perspectiveGaps(null, [skola], AREAS);
    expect(noChild.every((r) => r.child === null && r.gap === null && !r.highlighted)).toBe(true);
    expect(noChild[0]?.professional).toBe(4);
  });
});

describe('areaHistory', () => {
  it('gives one chronological series per perspective: child, guardians, units', () => {
    const history = areaHistory(
      [
        assessment('2026-03-05', SKOLA, { trygg: 4 }),
        assessment('2026-02-01', CHILD, { trygg: 2 }),
        assessment('2026-01-15', PAPPA, { trygg: 3 }),
        assessment('2026-03-01', CHILD, { trygg: 3 }),
        assessment('2026-02-20', CHILD, { trygg: null, ma_bra: 4 }),
        assessment('2026-01-10', SKOLA, { trygg: 2 }),
        assessment('2026-02-02', MAMMA, { ma_bra: 1 }),
      ],
      'trygg',
    );
    expect(history).toEqual([
      {
        perspective: CHILD,
        key: 'child',
        points: [
          { date: '2026-02-01', rating: 2 },
          { date: '2026-03-01', rating: 3 },
        ],
      },
      { perspective: PAPPA, key: 'guardian:g-pappa', points: [{ date: '2026-01-15', rating: 3 }] },
      {
        perspective: SKOLA,
        key: 'professional:u-skola',
        points: [
          { date: '2026-01-10', rating: 2 },
          { date: '2026-03-05', rating: 4 },
        ],
      },
    ]);
  });
  it('is empty for an area nobody rated', () => {
    expect(areaHistory([assessment('2026-01-10', CHILD, { trygg: 2 })], 'delaktig')).toEqual([]);
  });
});

describe('radar geometry', () => {
  const center = { x: 100, y: 100 };
  it('puts area i at −90° + i·360/n, clockwise from the top', () => {
    expect([0, 1, 2, 7].map((i) => radarAngle(i, 8))).toEqual([-90, -45, 0, 225]);
    expect(radarAxisPoint(0, 4, 100, center)).toEqual({ x: 100, y: 0 });
    expect(radarAxisPoint(1, 4, 100, center)).toEqual({ x: 200, y: 100 });
    expect(radarAxisPoint(2, 4, 100, center)).toEqual({ x: 100, y: 200 });
    expect(radarAxisPoint(3, 4, 100, center)).toEqual({ x: 0, y: 100 });
  });
  it('places the lowest step on the first ring and the highest on the rim, clamping outside values', () => {
    const scale = DEFAULT_WHEEL_SCALE;
    expect([1, 2, 3, 4, 5].map((v) => radarRadius(v, scale, 100))).toEqual([20, 40, 60, 80, 100]);
    expect(radarRadius(9, scale, 100)).toBe(100);
    expect(radarRadius(-3, scale, 100)).toBe(20);
    expect(radarRadius(3.5, scale, 100)).toBe(70);
  });
  it('skips unassessed values but keeps every other value on its own axis', () => {
    const points = radarPoints([5, null, 1, 3], DEFAULT_WHEEL_SCALE, 100, center);
    expect(points).toEqual([
      { index: 0, value: 5, angle: -90, x: 100, y: 0 },
      { index: 2, value: 1, angle: 90, x: 100, y: 120 },
      { index: 3, value: 3, angle: 180, x: 40, y: 100 },
    ]);
    expect(svgPolygonPoints(points)).toBe('100,0 100,120 40,100');
  });
  it('gives eight corners for a full wheel, rounded to three decimals', () => {
    const points = radarPoints([5, 5, 5, 5, 5, 5, 5, 5], DEFAULT_WHEEL_SCALE, 100, center);
    expect(points).toHaveLength(8);
    expect(points[1]).toMatchObject({ x: 170.711, y: 29.289 });
    expect(points[4]).toMatchObject({ x: 100, y: 200 });
  });
  it('treats non-finite values as not assessed and returns nothing for no values', () => {
    expect(radarPoints([Number.NaN, null, Number.POSITIVE_INFINITY], DEFAULT_WHEEL_SCALE, 100, center)).toEqual([]);
    expect(radarPoints([], DEFAULT_WHEEL_SCALE, 100, center)).toEqual([]);
  });
  it('never yields −0', () => {
    for (const p of radarPoints([1, 2, 3, 4, 5, 1, 2, 3], DEFAULT_WHEEL_SCALE, 50, { x: 0, y: 0 })) {
      expect(Object.is(p.x, -0)).toBe(false);
      expect(Object.is(p.y, -0)).toBe(false);
    }
  });
});
