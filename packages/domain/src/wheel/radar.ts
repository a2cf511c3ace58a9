/**
 * The data behind the wheel charts: first against latest (has anything changed since we
 * started?), the child's view against the professionals' (do we see the same child?), one
 * area's history per perspective, and the geometry of a radar polygon for SVG.
 *
 * Everything here is a pure function of the assessments passed in; the caller decides which
 * assessments the viewer may see (consent, DOMAIN §6) before calling.
 */
import type { IsoDate } from '../consent/types.ts';
import type { WheelArea } from './areas.ts';
import { perspectiveKey, type AssessmentInput, type Perspective } from './assessment.ts';

/** Which assessments count: one perspective, or every guardian / every professional unit when the id is left out. */
export type PerspectiveFilter = { kind: 'child' } | { kind: 'guardian'; guardianId?: string } | { kind: 'professional'; unitId?: string };

export function matchesPerspective(p: Perspective, filter: PerspectiveFilter): boolean {
  if (p.kind !== filter.kind) return false;
  if (p.kind === 'guardian' && filter.kind === 'guardian') return filter.guardianId === undefined || filter.guardianId === p.guardianId;
  if (p.kind === 'professional' && filter.kind === 'professional') return filter.unitId === undefined || filter.unitId === p.unitId;
  return true;
}

/** A rating on a day. When several matching assessments share the day, `rating` is their mean and `count` how many there were. */
export interface DatedRating {
  date: IsoDate;
  rating: number;
  count: number;
}

export interface FirstAndLatest {
  areaKey: string;
  first: DatedRating | null;
  latest: DatedRating | null;
  /** latest − first; 0 when the area has been rated on one day only; null when never rated. */
  change: number | null;
}

export interface PerspectiveGap {
  areaKey: string;
  child: number | null;
  childDate: IsoDate | null;
  /** Mean of the professionals' ratings on the latest day any professional rated this area. */
  professional: number | null;
  professionalDate: IsoDate | null;
  /** How many professional ratings that mean is made of. */
  professionalCount: number;
  /** child − professional: negative when the child sees it as harder than the professionals do. */
  gap: number | null;
  highlighted: boolean;
}

export interface AreaHistorySeries {
  perspective: Perspective;
  /** perspectiveKey(perspective): 'child', 'guardian:<id>' or 'professional:<unitId>'. */
  key: string;
  points: { date: IsoDate; rating: number }[];
}

export interface RadarPoint {
  /** The value's index in the input, i.e. the area's place around the wheel. */
  index: number;
  value: number;
  /** Degrees, SVG convention (y grows downwards): −90 is straight up, then clockwise. */
  angle: number;
  x: number;
  y: number;
}

/** A gap of this many points or more is always highlighted. */
export const GAP_ALWAYS_HIGHLIGHT = 2;
/** Below that, the largest gaps of at least GAP_MIN_HIGHLIGHT are highlighted, up to GAP_HIGHLIGHT_COUNT areas. */
export const GAP_MIN_HIGHLIGHT = 1;
export const GAP_HIGHLIGHT_COUNT = 3;

const round2 = (n: number) => Math.round(n * 100) / 100;
// `+ 0` turns −0 into 0, so coordinates print and compare cleanly.
const round3 = (n: number) => Math.round(n * 1000) / 1000 + 0;
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** Sorted by date; the sort is stable, so same-day assessments keep the caller's order. */
function chronological<T extends { date: IsoDate }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The first rating of each area in one assessment (a valid assessment rates an area once). */
function ratingOf(assessment: AssessmentInput, areaKey: string): number | null {
  const r = assessment.ratings.find((x) => x.areaKey === areaKey && typeof x.rating === 'number' && Number.isFinite(x.rating));
  return r ? (r.rating as number) : null;
}

/**
 * The order of the rows: with `areas`, every active area in wheel order plus any retired area
 * that has ratings (keys the areas do not know are left out: they cannot be placed on the
 * wheel). Without `areas`, the keys in the order they were first rated.
 */
function rowKeys(assessments: readonly AssessmentInput[], areas: readonly WheelArea[] | undefined): string[] {
  const rated = new Set<string>();
  const inOrder: string[] = [];
  for (const a of chronological(assessments))
    for (const r of a.ratings)
      if (r.rating !== null && r.rating !== undefined && !rated.has(r.areaKey)) {
        rated.add(r.areaKey);
        inOrder.push(r.areaKey);
      }
  if (!areas) return inOrder;
  return [...areas]
    .filter((a) => !a.retired || rated.has(a.key))
    .sort((a, b) => a.position - b.position)
    .map((a) => a.key);
}

/**
 * Per area, the first and the latest rating from the chosen perspective. Each area is read on
 * its own: an area left unrated in the latest assessment keeps its latest actual rating, and an
 * area first rated in the second assessment starts there. When several matching assessments
 * fall on the same day (both guardians, or two professional units with a kind-wide filter),
 * that day's rating is their mean, so no one's view silently wins.
 */
export function firstAndLatest(assessments: readonly AssessmentInput[], filter: PerspectiveFilter, areas?: readonly WheelArea[]): FirstAndLatest[] {
  const matching = chronological(assessments.filter((a) => matchesPerspective(a.perspective, filter)));
  return rowKeys(matching, areas).map((areaKey) => {
    const byDate = new Map<IsoDate, number[]>();
    for (const a of matching) {
      const rating = ratingOf(a, areaKey);
      if (rating === null) continue;
      const list = byDate.get(a.date) ?? [];
      list.push(rating);
      byDate.set(a.date, list);
    }
    const days = [...byDate.keys()].sort();
    const at = (date: IsoDate | undefined): DatedRating | null => {
      if (date === undefined) return null;
      const values = byDate.get(date)!;
      return { date, rating: round2(mean(values)), count: values.length };
    };
    const first = at(days[0]);
    const latest = at(days[days.length - 1]);
    return { areaKey, first, latest, change: first && latest ? round2(latest.rating - first.rating) : null };
  });
}

/**
 * The child's view against the professionals', per area, in wheel order.
 *
 * Professional side, per area: the mean of all professional ratings made on the latest day on
 * which any professional rated that area. A team often assesses together at one meeting, and
 * taking one unit's rating would let an arbitrary unit speak for all; averaging across
 * different days would mix an old view with a new one. Per area rather than per assessment,
 * so that an area a unit left unrated last time still shows the professionals' latest view
 * (its date is returned, so the chart can say how old it is). Assessments from other
 * perspectives in `professionalAssessments` are ignored.
 *
 * Highlighting: every area where |gap| ≥ 2 is highlighted. When fewer than three areas reach
 * that, the largest remaining gaps of at least 1 point fill up to three areas; an area tied
 * with the last one taken is highlighted too, so the choice never depends on the order of the
 * areas. Areas rated by only one side have no gap and are never highlighted.
 */
export function perspectiveGaps(
  childAssessment: AssessmentInput | null,
  professionalAssessments: readonly AssessmentInput[],
  areas: readonly WheelArea[],
): PerspectiveGap[] {
  const professionals = chronological(professionalAssessments.filter((a) => a.perspective.kind === 'professional'));
  const all = childAssessment ? [childAssessment, ...professionals] : professionals;
  const rows: PerspectiveGap[] = rowKeys(all, areas).map((areaKey) => {
    const child = childAssessment ? ratingOf(childAssessment, areaKey) : null;
    let professionalDate: IsoDate | null = null;
    let values: number[] = [];
    for (const a of professionals) {
      const rating = ratingOf(a, areaKey);
      if (rating === null) continue;
      if (a.date !== professionalDate) {
        professionalDate = a.date;
        values = [];
      }
      values.push(rating);
    }
    const professional = values.length > 0 ? round2(mean(values)) : null;
    return {
      areaKey,
      child,
      childDate: child === null ? null : childAssessment!.date,
      professional,
      professionalDate,
      professionalCount: values.length,
      gap: child !== null && professional !== null ? round2(child - professional) : null,
      highlighted: false,
    };
  });

  const withGap = rows.filter((r) => r.gap !== null);
  const size = (r: PerspectiveGap) => Math.abs(r.gap!);
  const strong = withGap.filter((r) => size(r) >= GAP_ALWAYS_HIGHLIGHT);
  strong.forEach((r) => (r.highlighted = true));
  const room = GAP_HIGHLIGHT_COUNT - strong.length;
  if (room > 0) {
    const rest = withGap.filter((r) => size(r) >= GAP_MIN_HIGHLIGHT && size(r) < GAP_ALWAYS_HIGHLIGHT).sort((a, b) => size(b) - size(a));
    const cutoff = rest.length > room ? size(rest[room - 1]!) : GAP_MIN_HIGHLIGHT;
    rest.filter((r) => size(r) >= cutoff).forEach((r) => (r.highlighted = true));
  }
  return rows;
}

/**
 * One area over time, a series per perspective (each guardian and each unit on its own line):
 * the child first, then guardians, then professional units, each group in the order they first
 * assessed. Points are chronological; unrated days are left out, and a perspective that never
 * rated the area has no series.
 */
export function areaHistory(assessments: readonly AssessmentInput[], areaKey: string): AreaHistorySeries[] {
  const series = new Map<string, AreaHistorySeries>();
  for (const a of chronological(assessments)) {
    const rating = ratingOf(a, areaKey);
    if (rating === null) continue;
    const key = perspectiveKey(a.perspective);
    const s = series.get(key) ?? { perspective: a.perspective, key, points: [] };
    s.points.push({ date: a.date, rating });
    series.set(key, s);
  }
  const rank = { child: 0, guardian: 1, professional: 2 } as const;
  return [...series.values()].sort((a, b) => rank[a.perspective.kind] - rank[b.perspective.kind]);
}

/** The angle of axis i of n, in degrees: −90° (straight up) + i·360/n, clockwise on screen. */
export function radarAngle(index: number, count: number): number {
  return -90 + (index * 360) / count;
}

/**
 * Distance from the centre for a value. The lowest step sits on the first ring, not on the
 * centre: r = radius · (v − min + 1) / (max − min + 1). A child who rates everything 1 then
 * still gets a visible (small) shape, and the centre stays free. Values outside the scale are
 * clamped to it.
 */
export function radarRadius(value: number, scale: { min: number; max: number }, radius: number): number {
  const v = Math.min(scale.max, Math.max(scale.min, value));
  return (radius * (v - scale.min + 1)) / (scale.max - scale.min + 1);
}

/** The end of axis i of n at the given distance from the centre (for spokes, rings and labels). */
export function radarAxisPoint(index: number, count: number, distance: number, center: { x: number; y: number }): { x: number; y: number } {
  const a = (radarAngle(index, count) * Math.PI) / 180;
  return { x: round3(center.x + distance * Math.cos(a)), y: round3(center.y + distance * Math.sin(a)) };
}

/**
 * Polygon corners for an SVG radar chart: value i on axis i of values.length (−90° + i·360/n),
 * coordinates rounded to three decimals.
 *
 * Null (not assessed) and non-finite values are skipped: they keep their axis, so the other
 * areas stay in place, but get no corner; the polygon joins the neighbouring assessed areas.
 * Drawing them at the centre would read as the lowest rating, which "not assessed" is not. The
 * chart should mark those axes (e.g. a hollow dot or "ej bedömt"). With fewer than three
 * corners there is no area to fill; draw the points (or a line) instead.
 */
export function radarPoints(
  values: readonly (number | null)[],
  scale: { min: number; max: number },
  radius: number,
  center: { x: number; y: number },
): RadarPoint[] {
  const n = values.length;
  const points: RadarPoint[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) return;
    const { x, y } = radarAxisPoint(index, n, radarRadius(value, scale, radius), center);
    points.push({ index, value, angle: radarAngle(index, n), x, y });
  });
  return points;
}

/** The `points` attribute of an SVG <polygon>: "x1,y1 x2,y2 …". */
export function svgPolygonPoints(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}
