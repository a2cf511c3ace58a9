/**
 * Swedish public holidays and the other days on which public administration does not work.
 * Deadlines such as "feedback to the family within 5 working days", and the holiday warnings
 * on recurring team meetings, both build on this.
 *
 * Sources:
 * - Lag (1989:253) om allmänna helgdagar lists the public holidays (allmänna helgdagar): every
 *   Sunday, nyårsdagen, trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj,
 *   Kristi himmelsfärdsdag, pingstdagen, nationaldagen (since 2005), midsommardagen, alla helgons
 *   dag, juldagen and annandag jul. We take their dates from the `date-holidays` package (country
 *   'SE', type 'public'), which computes Easter and the moving Saturdays.
 * - The holiday eves (helgdagsaftnar) are NOT public holidays by that law, and `date-holidays`
 *   lists them only as 'bank' (midsommarafton, julafton, nyårsafton) or 'observance' (påskafton,
 *   pingstafton). Yet they are treated as non-working days: lag (1930:173) om beräkning av
 *   lagstadgad tid moves a deadline that ends on midsommarafton, julafton or nyårsafton to the next
 *   weekday just as for a Sunday; semesterlagen (1977:480) 3 a § equates all five eves with Sunday;
 *   and kollektivavtal practice in municipalities and regions makes them days off. So we add them
 *   here ourselves, by name and date, marked kind 'eve'. Påskafton and pingstafton are always
 *   Saturdays, so they never change a working-day count; they are listed so that a meeting on one
 *   gets its name.
 *
 * The rules are those of the law in force; years before 2005 (when annandag pingst was still a
 * public holiday and nationaldagen was not) are not modelled exactly. That does not matter for
 * scheduling meetings and deadlines, which are about now and the future.
 */
import Holidays from 'date-holidays';
import { addDays, isIsoDate } from '../consent/dates.ts';
import type { IsoDate } from '../consent/types.ts';

/** 'public': allmän helgdag by law (1989:253); 'eve': helgdagsafton, non-working in practice. */
export type SwedishHolidayKind = 'public' | 'eve';

export interface SwedishHoliday {
  readonly date: IsoDate;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly kind: SwedishHolidayKind;
}

interface YearHolidays {
  list: readonly SwedishHoliday[];
  /** One entry per date; two holidays on one day (första maj and Kristi himmelsfärd in 2008) are merged. */
  byDate: ReadonlyMap<IsoDate, SwedishHoliday>;
}

export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 9999;

let holidaysSe: Holidays | null = null;
const cache = new Map<number, YearHolidays>();

/** 1 = Monday … 7 = Sunday; throws RangeError on an invalid date. */
export function isoWeekday(date: IsoDate): number {
  return ((new Date(epochDay(date) * 86_400_000).getUTCDay() + 6) % 7) + 1;
}

/** Days since 1970-01-01 of a calendar date; throws RangeError on an invalid date. */
export function epochDay(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`invalid date ${JSON.stringify(date)}: expected a real calendar date 'YYYY-MM-DD' from year 1900`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function holiday(date: IsoDate, nameSv: string, nameEn: string, kind: SwedishHolidayKind): SwedishHoliday {
  return Object.freeze({ date, nameSv, nameEn, kind });
}

function buildYear(year: number): YearHolidays {
  holidaysSe ??= new Holidays('SE');
  const english = new Map(holidaysSe.getHolidays(year, 'en').map((h) => [`${h.date}|${h.rule}`, h.name]));
  const publicHolidays = holidaysSe
    .getHolidays(year, 'sv')
    .filter((h) => h.type === 'public')
    .map((h) => holiday(h.date.slice(0, 10), capitalise(h.name), english.get(`${h.date}|${h.rule}`) ?? capitalise(h.name), 'public'));

  const dayBefore = (nameSv: string): IsoDate => {
    const found = publicHolidays.find((h) => h.nameSv === nameSv);
    if (!found) throw new Error(`date-holidays no longer lists ${nameSv} ${year} for SE; check the package version`);
    return addDays(found.date, -1);
  };
  // Midsommarafton is the Friday 19–25 June: the day before midsommardagen, the Saturday 20–26 June (lag 1989:253).
  const june19 = `${year}-06-19`;
  const midsummerEve = addDays(june19, (5 - isoWeekday(june19) + 7) % 7);

  const eves = [
    holiday(dayBefore('Påskdagen'), 'Påskafton', 'Holy Saturday', 'eve'),
    holiday(dayBefore('Pingstdagen'), 'Pingstafton', 'Whitsun Eve', 'eve'),
    holiday(midsummerEve, 'Midsommarafton', 'Midsummer Eve', 'eve'),
    holiday(`${year}-12-24`, 'Julafton', 'Christmas Eve', 'eve'),
    holiday(`${year}-12-31`, 'Nyårsafton', "New Year's Eve", 'eve'),
  ];

  const list = Object.freeze([...publicHolidays, ...eves].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
  const byDate = new Map<IsoDate, SwedishHoliday>();
  for (const h of list) {
    const earlier = byDate.get(h.date);
    byDate.set(
      h.date,
      earlier
        ? holiday(h.date, `${earlier.nameSv} / ${h.nameSv}`, `${earlier.nameEn} / ${h.nameEn}`, earlier.kind === 'public' ? 'public' : h.kind)
        : h,
    );
  }
  return { list, byDate };
}

function yearHolidays(year: number): YearHolidays {
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR)
    throw new RangeError(`invalid year ${String(year)}: expected a whole number from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`);
  let found = cache.get(year);
  if (!found) {
    found = buildYear(year);
    cache.set(year, found);
  }
  return found;
}

/**
 * The Swedish public holidays of a year (lag 1989:253, from `date-holidays`), plus the holiday
 * eves that are non-working in practice (kind 'eve', see the file header), sorted by date.
 * Sundays are not listed one by one. Computed once per year and cached.
 */
export function swedishPublicHolidays(year: number): SwedishHoliday[] {
  return [...yearHolidays(year).list];
}

/** The public holiday or holiday eve on a date, or null; throws RangeError on an invalid date. */
export function swedishHolidayOn(date: IsoDate): SwedishHoliday | null {
  epochDay(date);
  return yearHolidays(Number(date.slice(0, 4))).byDate.get(date) ?? null;
}

/** Saturday, Sunday, a public holiday or a holiday eve (midsommarafton, julafton, nyårsafton …). */
export function isNonWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) >= 6 || swedishHolidayOn(date) !== null;
}
