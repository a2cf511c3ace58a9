/**
 * Swedish wall-clock time → UTC instant. Meetings are agreed as "Tuesday 13:00" in Sweden; the
 * instant behind that moves by an hour across daylight saving time (CET +01:00 in winter, CEST
 * +02:00 from the last Sunday in March to the last Sunday in October). The offset is read from
 * the platform's time-zone data (Intl, 'Europe/Stockholm'), never from the server's own zone.
 */
import type { IsoDate } from '../consent/types.ts';
import { epochDay } from './holidays.ts';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one, so there is one for the module.
const STOCKHOLM_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** 'HH:MM' on the 24-hour clock, 00:00–23:59. */
export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

/** Minutes after midnight of an 'HH:MM' time; throws RangeError when invalid. */
export function minutesOfDay(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`invalid time ${JSON.stringify(time)}: expected 'HH:MM' from 00:00 to 23:59`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Stockholm's offset from UTC in milliseconds at an instant (3 600 000 in winter, 7 200 000 in summer). */
function stockholmOffsetAt(utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const parts = STOCKHOLM_CLOCK.formatToParts(new Date(whole));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallAsUtc - whole;
}

/**
 * The UTC instant ('2027-03-16T12:00:00.000Z') of a Swedish date and wall-clock time.
 *
 * Around a change of clocks we do what Temporal's 'compatible' disambiguation does: a time that
 * happens twice (02:30 on the last Sunday in October) is the first of the two, in summer time; a
 * time that does not exist (02:30 on the last Sunday in March) is moved forward by the missing
 * hour, to 03:30 summer time.
 */
export function stockholmLocalToUtc(date: IsoDate, time: string): string {
  const wallMs = epochDay(date) * DAY_MS + minutesOfDay(time) * 60_000;
  const before = stockholmOffsetAt(wallMs - DAY_MS);
  const after = stockholmOffsetAt(wallMs + DAY_MS);
  // A larger offset means an earlier instant; try that one first so a repeated hour gets its first instance.
  const candidates = [...new Set([before, after])].sort((a, b) => b - a);
  const valid = candidates.find((offset) => stockholmOffsetAt(wallMs - offset) === offset);
  return new Date(wallMs - (valid ?? before)).toISOString();
}
