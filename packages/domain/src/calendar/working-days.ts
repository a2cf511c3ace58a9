/**
 * Working-day arithmetic for deadlines such as "feedback to the family within 5 working days of
 * the team meeting". A working day is Monday–Friday that is neither a public holiday (lag
 * 1989:253) nor a holiday eve treated as non-working (midsommarafton, julafton, nyårsafton); see
 * holidays.ts for the sources.
 */
import { addDays } from '../consent/dates.ts';
import type { IsoDate } from '../consent/types.ts';
import { epochDay, isNonWorkingDay } from './holidays.ts';

/** Working days the family's feedback task may take after a team meeting, unless the team sets another. */
export const DEFAULT_FEEDBACK_WORKING_DAYS = 5;

/** A guard against runaway loops: about 400 years of working days. */
const MAX_WORKING_DAYS = 100_000;

/**
 * The date `n` working days after `from` (`from` itself is not counted): 2026-12-22 + 5 is
 * 2027-01-04. With n = 0, `from` if it is a working day, else the next working day.
 * Throws RangeError when `from` is not a valid date or n is not a whole number ≥ 0.
 */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  epochDay(from);
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS)
    throw new RangeError(`invalid number of working days ${String(n)}: expected a whole number from 0 to ${MAX_WORKING_DAYS}`);
  let date = from;
  if (n === 0) {
    while (isNonWorkingDay(date)) date = addDays(date, 1);
    return date;
  }
  for (let left = n; left > 0;) {
    date = addDays(date, 1);
    if (!isNonWorkingDay(date)) left -= 1;
  }
  return date;
}

/**
 * The number of working days after `a` up to and including `b`, for "was it on time?" checks:
 * done on `b`, the task was on time when workingDaysBetween(a, b) <= n. For every n ≥ 1,
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. When `b` is before `a` the count is negative
 * (workingDaysBetween(b, a) with the sign turned), and 0 when they are the same day.
 * Throws RangeError when a date is invalid.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  const start = epochDay(a);
  const end = epochDay(b);
  if (end < start) {
    const back = workingDaysBetween(b, a);
    return back === 0 ? 0 : -back;
  }
  let count = 0;
  let date = a;
  for (let day = start + 1; day <= end; day++) {
    date = addDays(date, 1);
    if (!isNonWorkingDay(date)) count += 1;
  }
  return count;
}

/** When the feedback task after a meeting on `meetingDate` is due: `workingDays` (default 5) working days later. */
export function feedbackDueDate(meetingDate: IsoDate, workingDays: number = DEFAULT_FEEDBACK_WORKING_DAYS): IsoDate {
  return addWorkingDays(meetingDate, workingDays);
}
