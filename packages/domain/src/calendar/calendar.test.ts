/**
 * Swedish calendar rules for team meetings and feedback deadlines: public holidays (lag 1989:253)
 * and holiday eves, working-day arithmetic, and recurring meetings across DST and holidays.
 * Weekdays in the comments were checked by hand from 2026-01-01 (Thursday) and 2027-01-01 (Friday).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../consent/dates.ts';
import { checkProperty, type Rng } from '../consent/property-helper.ts';
import {
  addWorkingDays,
  DEFAULT_FEEDBACK_WORKING_DAYS,
  expandSeries,
  feedbackDueDate,
  isClockTime,
  isNonWorkingDay,
  isoWeekday,
  MAX_SERIES_OCCURRENCES,
  stockholmLocalToUtc,
  swedishHolidayOn,
  swedishPublicHolidays,
  validateSeriesRule,
  workingDaysBetween,
  type MeetingSeriesRule,
} from './index.ts';
import * as domain from '../index.ts';

const DAY_MS = 86_400_000;

function randomDate(rng: Rng, fromYear = 2000, toYear = 2060): string {
  const from = Date.UTC(fromYear, 0, 1) / DAY_MS;
  const to = Date.UTC(toYear, 11, 31) / DAY_MS;
  return new Date(rng.int(from, to) * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;
}

describe('swedishPublicHolidays', () => {
  it('lists every public holiday and holiday eve of 2026, in date order', () => {
    expect(swedishPublicHolidays(2026).map((h) => `${h.date} ${h.kind} ${h.nameSv} / ${h.nameEn}`)).toEqual([
      "2026-01-01 public Nyårsdagen / New Year's Day",
      '2026-01-06 public Trettondedag jul / Epiphany',
      '2026-04-03 public Långfredagen / Good Friday',
      '2026-04-04 eve Påskafton / Holy Saturday',
      '2026-04-05 public Påskdagen / Easter Sunday',
      '2026-04-06 public Annandag påsk / Easter Monday',
      '2026-05-01 public Första maj / Labour Day',
      '2026-05-14 public Kristi himmelsfärdsdag / Ascension Day',
      '2026-05-23 eve Pingstafton / Whitsun Eve',
      '2026-05-24 public Pingstdagen / Pentecost',
      '2026-06-06 public Nationaldagen / National Day',
      '2026-06-19 eve Midsommarafton / Midsummer Eve',
      '2026-06-20 public Midsommardagen / Midsummer Day',
      "2026-10-31 public Alla helgons dag / All Saints' Day",
      '2026-12-24 eve Julafton / Christmas Eve',
      '2026-12-25 public Juldagen / Christmas Day',
      '2026-12-26 public Annandag jul / Boxing Day',
      "2026-12-31 eve Nyårsafton / New Year's Eve",
    ]);
  });

  it('has the 13 public holidays of lag (1989:253) and the 5 holiday eves every year from 2005', () => {
    for (let year = 2005; year <= 2100; year++) {
      const list = swedishPublicHolidays(year);
      expect(
        list.filter((h) => h.kind === 'public'),
        String(year),
      ).toHaveLength(13);
      expect(
        list.filter((h) => h.kind === 'eve').map((h) => h.nameSv),
        String(year),
      ).toEqual(['Påskafton', 'Pingstafton', 'Midsommarafton', 'Julafton', 'Nyårsafton']);
      for (const h of list) expect(h.date.startsWith(`${year}-`), `${year} ${h.nameSv}`).toBe(true);
    }
  });

  it.each([
    // Easter Sunday 2026 is 5 April, 2027 is 28 March.
    { year: 2026, goodFriday: '2026-04-03', easterMonday: '2026-04-06', maundyThursday: '2026-04-02' },
    { year: 2027, goodFriday: '2027-03-26', easterMonday: '2027-03-29', maundyThursday: '2027-03-25' },
  ])('Easter $year: långfredagen and annandag påsk are public holidays, skärtorsdagen is a working day', (c) => {
    expect(swedishHolidayOn(c.goodFriday)).toEqual({ date: c.goodFriday, nameSv: 'Långfredagen', nameEn: 'Good Friday', kind: 'public' });
    expect(swedishHolidayOn(c.easterMonday)).toEqual({ date: c.easterMonday, nameSv: 'Annandag påsk', nameEn: 'Easter Monday', kind: 'public' });
    expect(isNonWorkingDay(c.goodFriday)).toBe(true);
    expect(isNonWorkingDay(c.easterMonday)).toBe(true);
    expect(swedishHolidayOn(c.maundyThursday)).toBeNull();
    expect(isNonWorkingDay(c.maundyThursday)).toBe(false);
    expect(isNonWorkingDay(addDays(c.easterMonday, 1))).toBe(false);
  });

  it.each([
    { date: '2026-06-19', midsummerDay: '2026-06-20' },
    { date: '2027-06-25', midsummerDay: '2027-06-26' },
  ])('midsommarafton $date is a non-working holiday eve (not a public holiday by law)', ({ date, midsummerDay }) => {
    expect(isoWeekday(date)).toBe(5);
    expect(swedishHolidayOn(date)).toEqual({ date, nameSv: 'Midsommarafton', nameEn: 'Midsummer Eve', kind: 'eve' });
    expect(isNonWorkingDay(date)).toBe(true);
    expect(swedishHolidayOn(midsummerDay)?.nameSv).toBe('Midsommardagen');
    expect(swedishHolidayOn(midsummerDay)?.kind).toBe('public');
    expect(isNonWorkingDay(addDays(date, -1))).toBe(false);
  });

  it('midsommarafton is always the Friday before midsommardagen (Saturday 20–26 June), 1990–2100', () => {
    for (let year = 1990; year <= 2100; year++) {
      const eve = swedishPublicHolidays(year).find((h) => h.nameSv === 'Midsommarafton')!;
      const day = swedishPublicHolidays(year).find((h) => h.nameSv === 'Midsommardagen')!;
      expect(eve.date, String(year)).toBe(addDays(day.date, -1));
      expect(isoWeekday(eve.date), String(year)).toBe(5);
      expect(eve.date >= `${year}-06-19` && eve.date <= `${year}-06-25`, String(year)).toBe(true);
    }
  });

  it.each([2026, 2027])('Christmas %i: julafton is a non-working eve, juldagen and annandag jul are public holidays', (year) => {
    expect(swedishHolidayOn(`${year}-12-23`)).toBeNull();
    expect(swedishHolidayOn(`${year}-12-24`)).toMatchObject({ nameSv: 'Julafton', nameEn: 'Christmas Eve', kind: 'eve' });
    expect(swedishHolidayOn(`${year}-12-25`)).toMatchObject({ nameSv: 'Juldagen', nameEn: 'Christmas Day', kind: 'public' });
    expect(swedishHolidayOn(`${year}-12-26`)).toMatchObject({ nameSv: 'Annandag jul', nameEn: 'Boxing Day', kind: 'public' });
    for (const day of [24, 25, 26]) expect(isNonWorkingDay(`${year}-12-${day}`)).toBe(true);
  });

  it('New Year: nyårsafton is a non-working eve, nyårsdagen a public holiday (2026-12-31 Thu, 2027-01-01 Fri)', () => {
    expect(swedishHolidayOn('2026-12-31')).toMatchObject({ nameSv: 'Nyårsafton', nameEn: "New Year's Eve", kind: 'eve' });
    expect(swedishHolidayOn('2027-01-01')).toMatchObject({ nameSv: 'Nyårsdagen', nameEn: "New Year's Day", kind: 'public' });
    expect(isoWeekday('2026-12-31')).toBe(4);
    expect(isNonWorkingDay('2026-12-31')).toBe(true);
    expect(isNonWorkingDay('2027-01-01')).toBe(true);
    expect(isNonWorkingDay('2026-12-30')).toBe(false);
  });

  it.each([
    { date: '2026-05-14', friday: '2026-05-15' },
    { date: '2027-05-06', friday: '2027-05-07' },
  ])('Kristi himmelsfärdsdag $date is a Thursday public holiday; the Friday after is a working day', ({ date, friday }) => {
    expect(isoWeekday(date)).toBe(4);
    expect(swedishHolidayOn(date)).toEqual({ date, nameSv: 'Kristi himmelsfärdsdag', nameEn: 'Ascension Day', kind: 'public' });
    expect(isNonWorkingDay(date)).toBe(true);
    expect(isNonWorkingDay(friday)).toBe(false);
  });

  it.each([
    { date: '2026-06-06', weekday: 6, friday: '2026-06-05', monday: '2026-06-08' },
    { date: '2027-06-06', weekday: 7, friday: '2027-06-04', monday: '2027-06-07' },
  ])('nationaldagen $date falls on a weekend: listed, but no substitute working day is taken off', (c) => {
    expect(isoWeekday(c.date)).toBe(c.weekday);
    expect(swedishHolidayOn(c.date)).toMatchObject({ nameSv: 'Nationaldagen', nameEn: 'National Day', kind: 'public' });
    expect(isNonWorkingDay(c.friday)).toBe(false);
    expect(isNonWorkingDay(c.monday)).toBe(false);
  });

  it('nationaldagen on a weekday is a non-working day (2028-06-06 is a Tuesday)', () => {
    expect(isoWeekday('2028-06-06')).toBe(2);
    expect(isNonWorkingDay('2028-06-06')).toBe(true);
  });

  it.each([
    { date: '2026-10-31', friday: '2026-10-30' },
    { date: '2027-11-06', friday: '2027-11-05' },
  ])('alla helgons dag $date is the Saturday 31 Oct–6 Nov; allhelgonaafton (Friday) is a working day', ({ date, friday }) => {
    expect(isoWeekday(date)).toBe(6);
    expect(swedishHolidayOn(date)).toMatchObject({ nameSv: 'Alla helgons dag', nameEn: "All Saints' Day", kind: 'public' });
    expect(swedishHolidayOn(friday)).toBeNull();
    expect(isNonWorkingDay(friday)).toBe(false);
  });

  it.each([
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-05-25', 'annandag pingst (no longer a public holiday since 2005)'],
    ['2026-01-13', 'tjugondag Knut'],
    ['2026-11-06', 'Gustav Adolfsdagen'],
  ])('%s (%s) is an ordinary working day', (date) => {
    expect(swedishHolidayOn(date)).toBeNull();
    expect(isNonWorkingDay(date)).toBe(false);
  });

  it('merges two holidays on one day (första maj and Kristi himmelsfärdsdag 2008) but lists both', () => {
    expect(swedishPublicHolidays(2008).filter((h) => h.date === '2008-05-01')).toHaveLength(2);
    expect(swedishHolidayOn('2008-05-01')).toEqual({
      date: '2008-05-01',
      nameSv: 'Första maj / Kristi himmelsfärdsdag',
      nameEn: 'Labour Day / Ascension Day',
      kind: 'public',
    });
  });

  it('treats Saturdays and Sundays as non-working, Monday to Friday as working', () => {
    // 2026-03-02 is a Monday.
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'].map(isNonWorkingDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('returns a fresh list each time from a per-year cache of frozen entries', () => {
    const first = swedishPublicHolidays(2026);
    first.pop();
    expect(swedishPublicHolidays(2026)).toHaveLength(18);
    expect(Object.isFrozen(swedishPublicHolidays(2026)[0])).toBe(true);
  });

  it('refuses invalid years and dates with a RangeError', () => {
    for (const year of [1899, 10_000, 2026.5, Number.NaN]) expect(() => swedishPublicHolidays(year)).toThrow(RangeError);
    for (const date of ['2026-02-30', '2026-13-01', '26-01-01', '', 'idag']) {
      expect(() => swedishHolidayOn(date)).toThrow(RangeError);
      expect(() => isNonWorkingDay(date)).toThrow(/invalid date/);
    }
  });

  it('is exported from the domain package', () => {
    expect(domain.addWorkingDays).toBe(addWorkingDays);
    expect(domain.expandSeries).toBe(expandSeries);
    expect(domain.swedishPublicHolidays).toBe(swedishPublicHolidays);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // 2026-03-06 is a Friday: Monday 9 March is the first working day after it, Friday 13 March the fifth.
    { from: '2026-03-06', n: 1, expected: '2026-03-09', why: 'over a weekend' },
    { from: '2026-03-06', n: 5, expected: '2026-03-13', why: 'a full week over a weekend' },
    { from: '2026-03-07', n: 1, expected: '2026-03-09', why: 'from a Saturday' },
    { from: '2026-03-02', n: 4, expected: '2026-03-06', why: 'within one week' },
    // Easter 2027: Thu 25 March (skärtorsdagen) works, Fri 26 långfredagen, Sat/Sun, Mon 29 annandag påsk off.
    { from: '2027-03-24', n: 3, expected: '2027-03-31', why: 'across Easter 2027: 25 Mar, 30 Mar, 31 Mar' },
    { from: '2027-03-25', n: 1, expected: '2027-03-30', why: 'from skärtorsdagen over Easter 2027' },
    // Midsummer 2026: Fri 19 June midsommarafton, Sat 20 midsommardagen, Sun 21 are off.
    { from: '2026-06-18', n: 1, expected: '2026-06-22', why: 'across Midsummer 2026' },
    { from: '2026-06-16', n: 5, expected: '2026-06-24', why: 'across Midsummer 2026: 17, 18, 22, 23, 24 June' },
    { from: '2027-06-24', n: 1, expected: '2027-06-28', why: 'across Midsummer 2027' },
    // Kristi himmelsfärd Thu 2026-05-14; the Friday after works.
    { from: '2026-05-13', n: 1, expected: '2026-05-15', why: 'over Kristi himmelsfärdsdag' },
    { from: '2026-12-23', n: 1, expected: '2026-12-28', why: 'over julafton, juldagen, annandag jul and a Sunday' },
    { from: '2026-12-30', n: 1, expected: '2027-01-04', why: 'over nyårsafton, nyårsdagen and a weekend' },
  ])('$from + $n = $expected ($why)', ({ from, n, expected }) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('counts 5 working days from 2026-12-22 to 2027-01-04 across Christmas and New Year', () => {
    // From Tuesday 2026-12-22 (not counted):
    //   Wed 12-23 → 1
    //   Thu 12-24 julafton, Fri 12-25 juldagen, Sat 12-26 annandag jul, Sun 12-27 → not counted
    //   Mon 12-28 → 2, Tue 12-29 → 3, Wed 12-30 → 4
    //   Thu 12-31 nyårsafton, Fri 2027-01-01 nyårsdagen, Sat 01-02, Sun 01-03 → not counted
    //   Mon 2027-01-04 → 5
    expect(addWorkingDays('2026-12-22', 5)).toBe('2027-01-04');
    expect(feedbackDueDate('2026-12-22')).toBe('2027-01-04');
    expect(DEFAULT_FEEDBACK_WORKING_DAYS).toBe(5);
    expect(feedbackDueDate('2026-12-22', 1)).toBe('2026-12-23');
  });

  it('with n = 0 returns the date itself on a working day, else the next working day', () => {
    expect(addWorkingDays('2026-12-23', 0)).toBe('2026-12-23');
    expect(addWorkingDays('2026-12-24', 0)).toBe('2026-12-28');
    expect(addWorkingDays('2026-06-19', 0)).toBe('2026-06-22');
    expect(addWorkingDays('2026-03-08', 0)).toBe('2026-03-09');
  });

  it('refuses invalid input with a RangeError', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 100_001])
      expect(() => addWorkingDays('2026-03-02', n)).toThrow(/invalid number of working days/);
    for (const date of ['2026-02-29', '2026-3-2', 'måndag']) expect(() => addWorkingDays(date, 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b', () => {
    expect(workingDaysBetween('2026-12-22', '2027-01-04')).toBe(5);
    expect(workingDaysBetween('2026-12-22', '2026-12-23')).toBe(1);
    expect(workingDaysBetween('2026-12-23', '2026-12-27')).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-13')).toBe(5);
    expect(workingDaysBetween('2027-03-24', '2027-03-31')).toBe(3);
    // A whole year: 2026 has 365 days, 104 weekend days and 10 holidays or eves on weekdays
    // (1 Jan, 6 Jan, 3 Apr, 6 Apr, 1 May, 14 May, 19 Jun, 24 Dec, 25 Dec, 31 Dec) → 251.
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
  });

  it('is 0 for the same day and negative when b is before a', () => {
    expect(workingDaysBetween('2026-12-24', '2026-12-24')).toBe(0);
    expect(workingDaysBetween('2027-01-04', '2026-12-22')).toBe(-5);
    expect(Object.is(workingDaysBetween('2026-12-27', '2026-12-23'), 0)).toBe(true);
  });

  it('decides whether a feedback task was on time', () => {
    const due = DEFAULT_FEEDBACK_WORKING_DAYS;
    expect(workingDaysBetween('2026-12-22', '2027-01-04') <= due).toBe(true);
    expect(workingDaysBetween('2026-12-22', '2027-01-05') <= due).toBe(false);
  });

  it('refuses invalid dates with a RangeError', () => {
    expect(() => workingDaysBetween('2026-02-30', '2026-03-02')).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-03-02', 'imorgon')).toThrow(RangeError);
  });
});

describe('working-day properties', () => {
  it('addWorkingDays never lands on a non-working day, and workingDaysBetween inverts it', () => {
    checkProperty(
      'working days',
      { runs: 600, seed: 20_260_619 },
      (rng) => ({ from: randomDate(rng), n: rng.int(0, 45) }),
      ({ from, n }) => {
        const to = addWorkingDays(from, n);
        expect(isNonWorkingDay(to)).toBe(false);
        if (n === 0) {
          expect(to >= from).toBe(true);
          expect(workingDaysBetween(from, to)).toBe(isNonWorkingDay(from) ? 1 : 0);
        } else {
          expect(to > from).toBe(true);
          expect(workingDaysBetween(from, to)).toBe(n);
          expect(workingDaysBetween(to, from)).toBe(-n);
          // The day before the result is still short of n.
          expect(workingDaysBetween(from, addDays(to, -1))).toBe(n - 1);
        }
      },
    );
  });

  it('workingDaysBetween adds up over a split point', () => {
    checkProperty(
      'additivity',
      { runs: 300, seed: 1989253 },
      (rng) => {
        const a = randomDate(rng);
        const b = addDays(a, rng.int(0, 60));
        return { a, b, c: addDays(b, rng.int(0, 60)) };
      },
      ({ a, b, c }) => expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c)),
    );
  });
});

describe('stockholmLocalToUtc', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(stockholmLocalToUtc('2027-01-15', '13:00')).toBe('2027-01-15T12:00:00.000Z');
    expect(stockholmLocalToUtc('2027-07-15', '13:00')).toBe('2027-07-15T11:00:00.000Z');
    expect(stockholmLocalToUtc('2027-01-01', '00:00')).toBe('2026-12-31T23:00:00.000Z');
    expect(stockholmLocalToUtc('2026-06-19', '23:59')).toBe('2026-06-19T21:59:00.000Z');
  });

  it('switches on the last Sundays of March (2027-03-28) and October (2027-10-31) at 01:00 UTC', () => {
    expect(stockholmLocalToUtc('2027-03-27', '13:00')).toBe('2027-03-27T12:00:00.000Z');
    expect(stockholmLocalToUtc('2027-03-28', '01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(stockholmLocalToUtc('2027-03-28', '03:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(stockholmLocalToUtc('2027-03-28', '13:00')).toBe('2027-03-28T11:00:00.000Z');
    expect(stockholmLocalToUtc('2027-10-30', '13:00')).toBe('2027-10-30T11:00:00.000Z');
    expect(stockholmLocalToUtc('2027-10-31', '13:00')).toBe('2027-10-31T12:00:00.000Z');
  });

  it('moves a time in the skipped hour forward and takes the first of a repeated hour', () => {
    // 02:30 does not exist on 2027-03-28: it becomes 03:30 summer time.
    expect(stockholmLocalToUtc('2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    // 02:30 happens twice on 2027-10-31: the first, still summer time.
    expect(stockholmLocalToUtc('2027-10-31', '02:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(stockholmLocalToUtc('2027-10-31', '03:30')).toBe('2027-10-31T02:30:00.000Z');
  });

  it('refuses invalid times and dates', () => {
    for (const time of ['24:00', '9:00', '13.00', '13:60', '']) {
      expect(isClockTime(time)).toBe(false);
      expect(() => stockholmLocalToUtc('2027-01-15', time)).toThrow(RangeError);
    }
    expect(() => stockholmLocalToUtc('2027-02-29', '13:00')).toThrow(RangeError);
  });
});

const BIWEEKLY_TUESDAY: MeetingSeriesRule = { startDate: '2027-03-02', intervalWeeks: 2, weekday: 2, startTime: '13:00', endTime: '14:30' };

describe('expandSeries', () => {
  it('every other Tuesday 13:00–14:30 across the March 2027 DST change: 12:00Z in winter, 11:00Z in summer', () => {
    const meetings = expandSeries(BIWEEKLY_TUESDAY, '2027-03-01', '2027-04-15');
    expect(meetings.map((m) => [m.date, m.startsAtUtc, m.endsAtUtc])).toEqual([
      ['2027-03-02', '2027-03-02T12:00:00.000Z', '2027-03-02T13:30:00.000Z'],
      ['2027-03-16', '2027-03-16T12:00:00.000Z', '2027-03-16T13:30:00.000Z'],
      ['2027-03-30', '2027-03-30T11:00:00.000Z', '2027-03-30T12:30:00.000Z'],
      ['2027-04-13', '2027-04-13T11:00:00.000Z', '2027-04-13T12:30:00.000Z'],
    ]);
    for (const m of meetings) {
      expect(m).toMatchObject({ startTime: '13:00', endTime: '14:30', holiday: null, proposedDate: null, proposedStartsAtUtc: null });
    }
  });

  it('every other Tuesday across the October 2027 DST change: 11:00Z in summer, 12:00Z in winter', () => {
    // 2027-10-26 is 238 days = 17 fortnights after 2027-03-02.
    expect(expandSeries(BIWEEKLY_TUESDAY, '2027-10-01', '2027-11-30').map((m) => [m.date, m.startsAtUtc])).toEqual([
      ['2027-10-12', '2027-10-12T11:00:00.000Z'],
      ['2027-10-26', '2027-10-26T11:00:00.000Z'],
      ['2027-11-09', '2027-11-09T12:00:00.000Z'],
      ['2027-11-23', '2027-11-23T12:00:00.000Z'],
    ]);
  });

  it('keeps the fortnightly rhythm of the series when the window starts between meetings', () => {
    expect(expandSeries(BIWEEKLY_TUESDAY, '2027-03-03', '2027-03-31').map((m) => m.date)).toEqual(['2027-03-16', '2027-03-30']);
    expect(expandSeries(BIWEEKLY_TUESDAY, '2027-03-17', '2027-03-29')).toEqual([]);
    expect(expandSeries(BIWEEKLY_TUESDAY, '2026-01-01', '2027-03-02').map((m) => m.date)).toEqual(['2027-03-02']);
  });

  it('flags a Friday series on midsommarafton 2026-06-19 and proposes Monday 22 June', () => {
    const rule: MeetingSeriesRule = { startDate: '2026-06-05', intervalWeeks: 2, weekday: 5, startTime: '10:00', endTime: '11:00' };
    const meetings = expandSeries(rule, '2026-06-01', '2026-07-10');
    expect(meetings.map((m) => m.date)).toEqual(['2026-06-05', '2026-06-19', '2026-07-03']);
    expect(meetings[0]!.holiday).toBeNull();
    expect(meetings[1]).toEqual({
      date: '2026-06-19',
      startTime: '10:00',
      endTime: '11:00',
      startsAtUtc: '2026-06-19T08:00:00.000Z',
      endsAtUtc: '2026-06-19T09:00:00.000Z',
      holiday: { nameSv: 'Midsommarafton', nameEn: 'Midsummer Eve', kind: 'eve' },
      proposedDate: '2026-06-22',
      proposedStartsAtUtc: '2026-06-22T08:00:00.000Z',
      proposedEndsAtUtc: '2026-06-22T09:00:00.000Z',
    });
    expect(meetings[2]!.proposedDate).toBeNull();
  });

  it('flags a weekly Thursday series on Kristi himmelsfärdsdag 2026-05-14 and proposes Friday 15 May', () => {
    const rule: MeetingSeriesRule = { startDate: '2026-05-07', intervalWeeks: 1, weekday: 4, startTime: '09:00', endTime: '10:00' };
    const meetings = expandSeries(rule, '2026-05-01', '2026-05-31');
    expect(meetings.map((m) => [m.date, m.holiday?.nameSv ?? null, m.proposedDate])).toEqual([
      ['2026-05-07', null, null],
      ['2026-05-14', 'Kristi himmelsfärdsdag', '2026-05-15'],
      ['2026-05-21', null, null],
      ['2026-05-28', null, null],
    ]);
    expect(meetings[1]!.holiday).toEqual({ nameSv: 'Kristi himmelsfärdsdag', nameEn: 'Ascension Day', kind: 'public' });
  });

  it('proposes the first working day after Christmas and New Year for a Thursday series', () => {
    const rule: MeetingSeriesRule = { startDate: '2026-12-17', intervalWeeks: 1, weekday: 4, startTime: '14:00', endTime: '15:00' };
    expect(expandSeries(rule, '2026-12-01', '2027-01-10').map((m) => [m.date, m.holiday?.nameSv ?? null, m.proposedDate])).toEqual([
      ['2026-12-17', null, null],
      ['2026-12-24', 'Julafton', '2026-12-28'],
      ['2026-12-31', 'Nyårsafton', '2027-01-04'],
      ['2027-01-07', null, null],
    ]);
  });

  it('gives the proposed date its own UTC offset when the move crosses a DST change (långfredagen 2027)', () => {
    const rule: MeetingSeriesRule = { startDate: '2027-03-19', intervalWeeks: 1, weekday: 5, startTime: '13:00', endTime: '14:00', count: 2 };
    const [, goodFriday] = expandSeries(rule, '2027-03-01', '2027-04-30');
    expect(goodFriday).toMatchObject({
      date: '2027-03-26',
      startsAtUtc: '2027-03-26T12:00:00.000Z',
      holiday: { nameSv: 'Långfredagen', kind: 'public' },
      // Mon 29 March is annandag påsk; clocks moved forward on Sunday 28 March.
      proposedDate: '2027-03-30',
      proposedStartsAtUtc: '2027-03-30T11:00:00.000Z',
      proposedEndsAtUtc: '2027-03-30T12:00:00.000Z',
    });
  });

  it('proposes Monday for a meeting on an ordinary Saturday, without a holiday name', () => {
    const rule: MeetingSeriesRule = { startDate: '2026-03-07', intervalWeeks: 1, weekday: 6, startTime: '10:00', endTime: '11:00', count: 1 };
    expect(expandSeries(rule, '2026-03-01', '2026-03-31')).toMatchObject([{ date: '2026-03-07', holiday: null, proposedDate: '2026-03-09' }]);
  });

  it('starts on the first matching weekday on or after startDate', () => {
    // 2026-06-01 is a Monday; the first Wednesday is 3 June.
    const rule: MeetingSeriesRule = { startDate: '2026-06-01', intervalWeeks: 3, weekday: 3, startTime: '08:00', endTime: '09:00' };
    expect(expandSeries(rule, '2026-01-01', '2026-07-31').map((m) => m.date)).toEqual(['2026-06-03', '2026-06-24', '2026-07-15']);
  });

  it('stops after count meetings, counted from the start of the series', () => {
    const rule: MeetingSeriesRule = { ...BIWEEKLY_TUESDAY, count: 3 };
    expect(expandSeries(rule, '2027-01-01', '2027-12-31').map((m) => m.date)).toEqual(['2027-03-02', '2027-03-16', '2027-03-30']);
    expect(expandSeries(rule, '2027-03-20', '2027-12-31').map((m) => m.date)).toEqual(['2027-03-30']);
    expect(expandSeries(rule, '2027-03-31', '2027-12-31')).toEqual([]);
  });

  it('includes untilDate itself, and the earlier of untilDate and count ends the series', () => {
    expect(expandSeries({ ...BIWEEKLY_TUESDAY, untilDate: '2027-03-30' }, '2027-01-01', '2027-12-31').map((m) => m.date)).toEqual([
      '2027-03-02',
      '2027-03-16',
      '2027-03-30',
    ]);
    expect(expandSeries({ ...BIWEEKLY_TUESDAY, untilDate: '2027-03-29', count: 10 }, '2027-01-01', '2027-12-31')).toHaveLength(2);
    expect(expandSeries({ ...BIWEEKLY_TUESDAY, untilDate: '2027-12-31', count: 2 }, '2027-01-01', '2027-12-31')).toHaveLength(2);
  });

  it(`never returns more than ${MAX_SERIES_OCCURRENCES} meetings`, () => {
    const weekly: MeetingSeriesRule = { ...BIWEEKLY_TUESDAY, intervalWeeks: 1 };
    const meetings = expandSeries(weekly, '2027-01-01', '2046-12-31');
    expect(meetings).toHaveLength(MAX_SERIES_OCCURRENCES);
    expect(meetings.at(-1)!.date).toBe(addDays('2027-03-02', 7 * (MAX_SERIES_OCCURRENCES - 1)));
  });

  it('expands a window far from the start without walking the whole series', () => {
    const rule: MeetingSeriesRule = { startDate: '1990-01-02', intervalWeeks: 3, weekday: 2, startTime: '13:00', endTime: '14:00' };
    const meetings = expandSeries(rule, '2030-01-01', '2030-03-31');
    expect(meetings.length).toBeGreaterThanOrEqual(4);
    for (const m of meetings) expect(daysBetween('1990-01-02', m.date) % 21).toBe(0);
  });

  it('refuses an invalid rule or window with a RangeError', () => {
    expect(() => expandSeries({ ...BIWEEKLY_TUESDAY, endTime: '12:00' }, '2027-01-01', '2027-12-31')).toThrow(/invalid meeting series rule: endTime/);
    expect(() => expandSeries(BIWEEKLY_TUESDAY, '2027-12-31', '2027-01-01')).toThrow(/invalid window/);
    expect(() => expandSeries(BIWEEKLY_TUESDAY, '2027-01-01', '2027-02-30')).toThrow(RangeError);
  });
});

describe('series properties', () => {
  it('every meeting is on the weekday, in rhythm, with a 1 or 2 hour offset and a working-day proposal when needed', () => {
    checkProperty(
      'series',
      { runs: 150, seed: 20270328 },
      (rng): { rule: MeetingSeriesRule; from: string; until: string } => {
        const startMinutes = rng.int(0, 22 * 60);
        const endMinutes = rng.int(startMinutes + 1, 23 * 60 + 59);
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const from = randomDate(rng, 2020, 2040);
        return {
          rule: {
            startDate: addDays(from, -rng.int(0, 400)),
            intervalWeeks: rng.int(1, 8),
            weekday: rng.int(1, 7),
            startTime: hhmm(startMinutes),
            endTime: hhmm(endMinutes),
          },
          from,
          until: addDays(from, rng.int(0, 500)),
        };
      },
      ({ rule, from, until }) => {
        const meetings = expandSeries(rule, from, until);
        const first = addDays(rule.startDate, (rule.weekday - isoWeekday(rule.startDate) + 7) % 7);
        for (const m of meetings) {
          expect(m.date >= from && m.date <= until).toBe(true);
          expect(isoWeekday(m.date)).toBe(rule.weekday);
          expect(daysBetween(first, m.date) % (7 * rule.intervalWeeks)).toBe(0);
          const offsetMinutes = (Date.parse(`${m.date}T${m.startTime}:00Z`) - Date.parse(m.startsAtUtc)) / 60_000;
          expect([60, 120]).toContain(offsetMinutes);
          expect(Date.parse(m.endsAtUtc)).toBeGreaterThan(Date.parse(m.startsAtUtc));
          expect(m.proposedDate !== null).toBe(isNonWorkingDay(m.date));
          if (m.proposedDate !== null) {
            expect(isNonWorkingDay(m.proposedDate)).toBe(false);
            expect(workingDaysBetween(m.date, m.proposedDate)).toBe(1);
          }
        }
        // Nothing in the window is skipped: consecutive meetings are one interval apart.
        for (let i = 1; i < meetings.length; i++) expect(daysBetween(meetings[i - 1]!.date, meetings[i]!.date)).toBe(7 * rule.intervalWeeks);
      },
    );
  });
});

describe('validateSeriesRule', () => {
  it('accepts a valid rule, with or without untilDate and count', () => {
    expect(validateSeriesRule(BIWEEKLY_TUESDAY)).toEqual([]);
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, untilDate: '2027-03-02', count: 1 })).toEqual([]);
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, intervalWeeks: 8, weekday: 7, startTime: '00:00', endTime: '23:59' })).toEqual([]);
  });

  it.each([
    ['13:00', '12:00'],
    ['13:00', '13:00'],
    ['23:59', '00:00'],
  ])('refuses a meeting %s–%s that ends before it starts', (startTime, endTime) => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, startTime, endTime })).toEqual([
      {
        field: 'endTime',
        message: 'Mötet slutar innan det börjar. Sluttiden måste vara senare än starttiden.',
        messageEn: 'The meeting ends before it starts. The end time must be after the start time.',
      },
    ]);
  });

  it.each([0, 9, 1.5, -2, Number.NaN])('refuses an interval of %s weeks', (intervalWeeks) => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, intervalWeeks })).toEqual([
      { field: 'intervalWeeks', message: 'Välj ett intervall mellan 1 och 8 veckor.', messageEn: 'Choose an interval of 1 to 8 weeks.' },
    ]);
  });

  it.each([0, 8, 3.5])('refuses weekday %s', (weekday) => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, weekday }).map((e) => e.field)).toEqual(['weekday']);
  });

  it('refuses invalid dates', () => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, startDate: '2027-02-29' })).toEqual([
      { field: 'startDate', message: 'Ange ett giltigt startdatum (ÅÅÅÅ-MM-DD).', messageEn: 'Enter a valid start date (YYYY-MM-DD).' },
    ]);
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, untilDate: '2027-13-01' })).toEqual([
      { field: 'untilDate', message: 'Ange ett giltigt slutdatum (ÅÅÅÅ-MM-DD).', messageEn: 'Enter a valid end date (YYYY-MM-DD).' },
    ]);
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, startDate: 'nästa vecka' }).map((e) => e.field)).toEqual(['startDate']);
  });

  it('refuses an end date before the start date', () => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, untilDate: '2027-03-01' })).toEqual([
      { field: 'untilDate', message: 'Slutdatumet ligger före startdatumet.', messageEn: 'The end date is before the start date.' },
    ]);
  });

  it('refuses a rule that yields no meeting dates in its own range', () => {
    // 2026-06-01 is a Monday: there is no Friday from 1 to 4 June, but 5 June is one.
    const rule: MeetingSeriesRule = {
      startDate: '2026-06-01',
      untilDate: '2026-06-04',
      intervalWeeks: 1,
      weekday: 5,
      startTime: '10:00',
      endTime: '11:00',
    };
    expect(validateSeriesRule(rule)).toEqual([
      {
        field: 'untilDate',
        message: 'Regeln ger inga mötesdatum: det finns ingen fredag från 2026-06-01 till 2026-06-04.',
        messageEn: 'The rule yields no meeting dates: there is no Friday from 2026-06-01 to 2026-06-04.',
      },
    ]);
    expect(() => expandSeries(rule, '2026-01-01', '2026-12-31')).toThrow(/no meeting dates/);
    expect(validateSeriesRule({ ...rule, untilDate: '2026-06-05' })).toEqual([]);
  });

  it.each([0, -1, 2.5, MAX_SERIES_OCCURRENCES + 1])('refuses a count of %s', (count) => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, count })).toEqual([
      {
        field: 'count',
        message: `Antalet möten måste vara ett heltal från 1 till ${MAX_SERIES_OCCURRENCES}.`,
        messageEn: `The number of meetings must be a whole number from 1 to ${MAX_SERIES_OCCURRENCES}.`,
      },
    ]);
  });

  it('refuses times not written HH:MM', () => {
    expect(validateSeriesRule({ ...BIWEEKLY_TUESDAY, startTime: '9.00', endTime: '24:00' }).map((e) => e.field)).toEqual(['startTime', 'endTime']);
  });

  it('reports every problem at once, each in Swedish and English', () => {
    const errors = validateSeriesRule({ startDate: '2027-02-30', intervalWeeks: 0, weekday: 9, startTime: '14:00', endTime: '13:00', count: 0 });
    expect(errors.map((e) => e.field)).toEqual(['startDate', 'intervalWeeks', 'weekday', 'endTime', 'count']);
    for (const e of errors) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.messageEn.length).toBeGreaterThan(0);
    }
  });
});
