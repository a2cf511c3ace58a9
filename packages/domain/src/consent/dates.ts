/**
 * Calendar arithmetic for consents. Everything works on 'YYYY-MM-DD' calendar dates, never on
 * instants, because consents, birthdays and expiry are decided by the Swedish calendar day.
 */
import type { IsoDate } from './types.ts';

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a real calendar date (no 2026-02-30); years before 1900 are refused as typos. */
function parseIsoDate(value: string): YearMonthDay | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function formatIsoDate({ year, month, day }: YearMonthDay): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** The calendar date of an ISO timestamp or date ('2026-05-01T10:00:00Z' → '2026-05-01'); null when invalid. */
export function toCalendarDate(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  const date = value.slice(0, 10);
  return isIsoDate(date) ? date : null;
}

/**
 * Age in whole years on a given day, or null if a date is invalid or the person is not yet born.
 * A birthday counts from the start of the day (FB 9:1: turning 18 on the birthday itself).
 *
 * Born on 29 February: in a non-leap year the anniversary does not exist, so we hold that
 * the year is completed only when 28 February has ended, and the person turns a year older on
 * 1 March. This is a deliberate choice (the law does not spell it out): it counts only
 * completed years, matches comparing (month, day) pairs without a special case, and errs
 * towards keeping the guardians' protection (FB 6:11) one day longer rather than ending it early.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number | null {
  const birth = parseIsoDate(birthDate);
  const day = parseIsoDate(on);
  if (!birth || !day) return null;
  let age = day.year - birth.year;
  if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) age -= 1;
  return age < 0 ? null : age;
}

/**
 * Adds calendar months, clamping to the end of a shorter month (2026-01-31 + 1 month = 2026-02-28),
 * so a period is never longer than the months it names.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`invalid date ${date}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`invalid date ${date}`);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return formatIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/**
 * The last day of a period of `months` starting on `validFrom`, end inclusive:
 * 12 months from 2026-12-01 runs through 2027-11-30.
 */
export function lastDayOfPeriod(validFrom: IsoDate, months: number): IsoDate {
  return addDays(addMonths(validFrom, months), -1);
}

/** '2026-12-01' → '1 december 2026', as written in plain Swedish. */
export function formatDateSv(date: IsoDate): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  return `${d.day} ${MONTHS_SV[d.month - 1]} ${d.year}`;
}

/**
 * Today's calendar date in Sweden for an instant. Birthdays, withdrawals and expiry switch at
 * Swedish midnight, not UTC midnight; the caller passes the clock in, so this stays pure.
 */
// Building an Intl.DateTimeFormat costs far more than using one; the server asks for every request.
const SWEDISH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export function toSwedishDate(instant: Date): IsoDate {
  const parts = SWEDISH_DATE.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
