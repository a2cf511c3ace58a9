/**
 * Recurring team meetings ("every other Tuesday 13:00–14:30") in Swedish local time. A series is
 * a rule, expanded on demand into dated occurrences with their UTC instants (right across
 * daylight saving time). An occurrence that falls on a non-working day — a public holiday (lag
 * 1989:253), midsommarafton, julafton, nyårsafton or a weekend — is flagged and gets a proposed
 * move to the next working day, same times; the team decides whether to move it.
 */
import { isIsoDate } from '../consent/dates.ts';
import type { FieldError, IsoDate } from '../consent/types.ts';
import { epochDay, isNonWorkingDay, isoWeekday, swedishHolidayOn, type SwedishHolidayKind } from './holidays.ts';
import { isClockTime, minutesOfDay, stockholmLocalToUtc } from './stockholm-time.ts';
import { addWorkingDays } from './working-days.ts';

export interface MeetingSeriesRule {
  /** The series starts on the first `weekday` on or after this date. */
  startDate: IsoDate;
  /** 1 = every week, 2 = every other week, … up to 8. */
  intervalWeeks: number;
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  weekday: number;
  /** 'HH:MM', Swedish local time. */
  startTime: string;
  /** 'HH:MM', Swedish local time, after startTime on the same day. */
  endTime: string;
  /** Last possible meeting date, inclusive. */
  untilDate?: IsoDate;
  /** Number of meetings in the series, counted from its start. With untilDate too, whichever ends it first. */
  count?: number;
}

export interface MeetingOccurrence {
  date: IsoDate;
  startTime: string;
  endTime: string;
  /** ISO instant in UTC, e.g. '2027-03-16T12:00:00.000Z' for 13:00 in winter. */
  startsAtUtc: string;
  endsAtUtc: string;
  /** The public holiday or holiday eve on `date`, if any. */
  holiday: { nameSv: string; nameEn: string; kind: SwedishHolidayKind } | null;
  /** When `date` is not a working day (holiday, eve or weekend): the next working day, else null. */
  proposedDate: IsoDate | null;
  /** The same times on proposedDate (the UTC offset may differ from `date`'s), else null. */
  proposedStartsAtUtc: string | null;
  proposedEndsAtUtc: string | null;
}

export const MIN_INTERVAL_WEEKS = 1;
export const MAX_INTERVAL_WEEKS = 8;
/** Expansion never returns more than this many occurrences (ten years of a weekly meeting ≈ 520). */
export const MAX_SERIES_OCCURRENCES = 500;

const DAY_MS = 86_400_000;
const WEEKDAYS_SV = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function error(field: string, message: string, messageEn: string): FieldError {
  return { field, message, messageEn };
}

function isWholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function dateOfEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch day of the first meeting: the first `weekday` on or after startDate (may lie past year 9999). */
function firstMeetingDay(rule: MeetingSeriesRule): number {
  return epochDay(rule.startDate) + ((rule.weekday - isoWeekday(rule.startDate) + 7) % 7);
}

/**
 * Field errors for a series rule (Swedish message first, as the server returns them); an empty
 * list means the rule is acceptable.
 */
export function validateSeriesRule(rule: MeetingSeriesRule): FieldError[] {
  const errors: FieldError[] = [];
  const startOk = isIsoDate(rule.startDate);
  if (!startOk) errors.push(error('startDate', 'Ange ett giltigt startdatum (ÅÅÅÅ-MM-DD).', 'Enter a valid start date (YYYY-MM-DD).'));
  if (rule.untilDate !== undefined) {
    if (!isIsoDate(rule.untilDate))
      errors.push(error('untilDate', 'Ange ett giltigt slutdatum (ÅÅÅÅ-MM-DD).', 'Enter a valid end date (YYYY-MM-DD).'));
    else if (startOk && rule.untilDate < rule.startDate)
      errors.push(error('untilDate', 'Slutdatumet ligger före startdatumet.', 'The end date is before the start date.'));
  }
  if (!isWholeNumberIn(rule.intervalWeeks, MIN_INTERVAL_WEEKS, MAX_INTERVAL_WEEKS))
    errors.push(
      error(
        'intervalWeeks',
        `Välj ett intervall mellan ${MIN_INTERVAL_WEEKS} och ${MAX_INTERVAL_WEEKS} veckor.`,
        `Choose an interval of ${MIN_INTERVAL_WEEKS} to ${MAX_INTERVAL_WEEKS} weeks.`,
      ),
    );
  if (!isWholeNumberIn(rule.weekday, 1, 7))
    errors.push(error('weekday', 'Välj en veckodag, måndag till söndag.', 'Choose a weekday, Monday to Sunday.'));
  const startTimeOk = isClockTime(rule.startTime);
  const endTimeOk = isClockTime(rule.endTime);
  if (!startTimeOk)
    errors.push(error('startTime', 'Ange starttiden som TT:MM, till exempel 13:00.', 'Enter the start time as HH:MM, for example 13:00.'));
  if (!endTimeOk) errors.push(error('endTime', 'Ange sluttiden som TT:MM, till exempel 14:30.', 'Enter the end time as HH:MM, for example 14:30.'));
  if (startTimeOk && endTimeOk && minutesOfDay(rule.endTime) <= minutesOfDay(rule.startTime))
    errors.push(
      error(
        'endTime',
        'Mötet slutar innan det börjar. Sluttiden måste vara senare än starttiden.',
        'The meeting ends before it starts. The end time must be after the start time.',
      ),
    );
  if (rule.count !== undefined && !isWholeNumberIn(rule.count, 1, MAX_SERIES_OCCURRENCES))
    errors.push(
      error(
        'count',
        `Antalet möten måste vara ett heltal från 1 till ${MAX_SERIES_OCCURRENCES}.`,
        `The number of meetings must be a whole number from 1 to ${MAX_SERIES_OCCURRENCES}.`,
      ),
    );

  if (errors.length === 0 && rule.untilDate !== undefined && firstMeetingDay(rule) > epochDay(rule.untilDate)) {
    errors.push(
      error(
        'untilDate',
        `Regeln ger inga mötesdatum: det finns ingen ${WEEKDAYS_SV[rule.weekday - 1]} från ${rule.startDate} till ${rule.untilDate}.`,
        `The rule yields no meeting dates: there is no ${WEEKDAYS_EN[rule.weekday - 1]} from ${rule.startDate} to ${rule.untilDate}.`,
      ),
    );
  }
  return errors;
}

function occurrence(date: IsoDate, rule: MeetingSeriesRule): MeetingOccurrence {
  const found = swedishHolidayOn(date);
  const proposedDate = isNonWorkingDay(date) ? addWorkingDays(date, 1) : null;
  return {
    date,
    startTime: rule.startTime,
    endTime: rule.endTime,
    startsAtUtc: stockholmLocalToUtc(date, rule.startTime),
    endsAtUtc: stockholmLocalToUtc(date, rule.endTime),
    holiday: found ? { nameSv: found.nameSv, nameEn: found.nameEn, kind: found.kind } : null,
    proposedDate,
    proposedStartsAtUtc: proposedDate ? stockholmLocalToUtc(proposedDate, rule.startTime) : null,
    proposedEndsAtUtc: proposedDate ? stockholmLocalToUtc(proposedDate, rule.endTime) : null,
  };
}

/**
 * The meetings of a series that fall from `fromDate` to `untilDate` (both inclusive), in date
 * order, at most MAX_SERIES_OCCURRENCES (the earliest ones). `count` counts from the start of the
 * series, not of the window. Throws RangeError when the rule is invalid (see validateSeriesRule)
 * or the window is not two valid dates in order.
 */
export function expandSeries(rule: MeetingSeriesRule, fromDate: IsoDate, untilDate: IsoDate): MeetingOccurrence[] {
  const errors = validateSeriesRule(rule);
  if (errors.length > 0) throw new RangeError(`invalid meeting series rule: ${errors.map((e) => `${e.field}: ${e.messageEn}`).join(' ')}`);
  const from = epochDay(fromDate);
  const until = epochDay(untilDate);
  if (until < from) throw new RangeError(`invalid window: ${untilDate} is before ${fromDate}`);

  const first = firstMeetingDay(rule);
  const step = 7 * rule.intervalWeeks;
  const last = Math.min(until, rule.untilDate === undefined ? Infinity : epochDay(rule.untilDate));
  const end = rule.count ?? Infinity;
  const occurrences: MeetingOccurrence[] = [];
  for (let k = Math.max(0, Math.ceil((from - first) / step)); k < end && occurrences.length < MAX_SERIES_OCCURRENCES; k++) {
    const day = first + k * step;
    if (day > last) break;
    occurrences.push(occurrence(dateOfEpochDay(day), rule));
  }
  return occurrences;
}
