/*
 * A radar (spider) chart in SVG. The geometry follows packages/domain/src/wheel/radar.ts
 * (radarAngle, radarRadius, radarAxisPoint, radarPoints): axis i of n at −90° + i·360/n,
 * clockwise; the lowest step on the first ring, so the centre stays free; an area that was not
 * assessed keeps its axis but gets no corner. The web cannot import the domain's root entry, so
 * the few lines are repeated here.
 *
 * The SVG is an image (role="img" with a summary as its name) and never focusable; the tables
 * next to it are the accessible alternative. Two series are told apart by colour, line style
 * (solid / dashed) and marker shape (circle / square), so colour is never the only cue.
 */

export type SeriesStyle = 'solid' | 'dashed';

export interface RadarSeries {
  key: string;
  label: string;
  style: SeriesStyle;
  /** One value per axis, in axis order; null = not assessed. */
  values: (number | null)[];
}

interface Point {
  x: number;
  y: number;
}

const WIDTH = 560;
const HEIGHT = 440;
const CENTER: Point = { x: WIDTH / 2, y: HEIGHT / 2 };
const RADIUS = 150;

const round3 = (n: number) => Math.round(n * 1000) / 1000 + 0;

export function radarAngle(index: number, count: number): number {
  return -90 + (index * 360) / count;
}

export function radarRadius(value: number, scale: { min: number; max: number }, radius: number): number {
  const v = Math.min(scale.max, Math.max(scale.min, value));
  return (radius * (v - scale.min + 1)) / (scale.max - scale.min + 1);
}

export function radarAxisPoint(index: number, count: number, distance: number, center: Point): Point {
  const a = (radarAngle(index, count) * Math.PI) / 180;
  return { x: round3(center.x + distance * Math.cos(a)), y: round3(center.y + distance * Math.sin(a)) };
}

export function radarPoints(values: readonly (number | null)[], scale: { min: number; max: number }, radius: number, center: Point) {
  const n = values.length;
  const points: (Point & { index: number; value: number })[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) return;
    points.push({ index, value, ...radarAxisPoint(index, n, radarRadius(value, scale, radius), center) });
  });
  return points;
}

export const svgPolygonPoints = (points: readonly Point[]) => points.map((p) => `${p.x},${p.y}`).join(' ');

function Marker({ style, at, size = 5 }: { style: SeriesStyle; at: Point; size?: number }) {
  return style === 'solid' ? <circle cx={at.x} cy={at.y} r={size} /> : <rect x={at.x - size} y={at.y - size} width={size * 2} height={size * 2} />;
}

function SeriesShape({ series, count, scale }: { series: RadarSeries; count: number; scale: { min: number; max: number } }) {
  const points = radarPoints(series.values, scale, RADIUS, CENTER);
  const className = `radar__series radar__series--${series.style}`;
  if (count !== series.values.length) return null;
  return (
    <g className={className}>
      {points.length >= 3 && <polygon points={svgPolygonPoints(points)} />}
      {points.length === 2 && <polyline points={svgPolygonPoints(points)} />}
      {points.map((p) => (
        <Marker key={p.index} style={series.style} at={p} />
      ))}
    </g>
  );
}

/** The line style and marker of a series, for the legend (decorative: the legend's text says it). */
export function LegendSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg className={`radar-legend__swatch radar__series--${style}`} width="40" height="16" viewBox="0 0 40 16" aria-hidden="true" focusable="false">
      <line x1="2" y1="8" x2="38" y2="8" />
      <Marker style={style} at={{ x: 20, y: 8 }} size={4} />
    </svg>
  );
}

export function RadarChart({
  axes,
  scale,
  series,
  label,
}: {
  /** The axis labels, in wheel order. */
  axes: string[];
  scale: { min: number; max: number };
  series: RadarSeries[];
  /** The accessible summary of the chart. */
  label: string;
}) {
  const n = axes.length;
  if (n < 3) return null;
  const steps: number[] = [];
  for (let v = scale.min; v <= scale.max; v++) steps.push(v);
  const ring = (value: number) => svgPolygonPoints(axes.map((_, i) => radarAxisPoint(i, n, radarRadius(value, scale, RADIUS), CENTER)));

  return (
    <svg className="radar" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} focusable="false">
      <g className="radar__grid">
        {steps.map((v) => (
          <polygon key={v} points={ring(v)} />
        ))}
        {axes.map((axis, i) => {
          const end = radarAxisPoint(i, n, RADIUS, CENTER);
          return <line key={axis} x1={CENTER.x} y1={CENTER.y} x2={end.x} y2={end.y} />;
        })}
      </g>
      <g className="radar__steps" aria-hidden="true">
        {steps.map((v) => {
          const at = radarAxisPoint(0, n, radarRadius(v, scale, RADIUS), CENTER);
          return (
            <text key={v} x={at.x + 6} y={at.y + 4}>
              {v}
            </text>
          );
        })}
      </g>
      {series.map((s) => (
        <SeriesShape key={s.key} series={s} count={n} scale={scale} />
      ))}
      <g className="radar__labels">
        {axes.map((axis, i) => {
          const at = radarAxisPoint(i, n, RADIUS + 16, CENTER);
          const dx = at.x - CENTER.x;
          const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
          const dy = at.y < CENTER.y - RADIUS ? -4 : at.y > CENTER.y + RADIUS ? 14 : 5;
          return (
            <text key={axis} x={at.x} y={at.y + dy} textAnchor={anchor}>
              {axis}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
