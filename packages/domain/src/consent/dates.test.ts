import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, formatDateSv, isIsoDate, lastDayOfPeriod, toCalendarDate, toSwedishDate } from './dates.ts';

describe('calendar age', () => {
  it('turns a year older on the birthday itself, not the day after', () => {
    expect(ageOn('2008-05-10', '2026-05-09')).toBe(17); // 17 years 364 days
    expect(ageOn('2008-05-10', '2026-05-10')).toBe(18);
    expect(ageOn('2008-05-10', '2026-05-11')).toBe(18);
  });
  it('handles month and year boundaries', () => {
    expect(ageOn('2010-12-31', '2026-12-30')).toBe(15);
    expect(ageOn('2010-12-31', '2026-12-31')).toBe(16);
    expect(ageOn('2011-01-01', '2026-12-31')).toBe(15);
    expect(ageOn('2020-03-01', '2020-03-01')).toBe(0);
  });
  it('lets a 29 February child turn older on 1 March in non-leap years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2012-02-29', '2028-02-28')).toBe(15);
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16); // leap year: the real birthday
  });
  it('returns null before birth or for invalid dates', () => {
    expect(ageOn('2026-05-10', '2026-05-09')).toBeNull();
    expect(ageOn('2026-02-30', '2026-05-09')).toBeNull();
    expect(ageOn('2010-01-01', 'igår')).toBeNull();
  });
});

describe('date helpers', () => {
  it('accepts only real calendar dates in YYYY-MM-DD form', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '2026-04-31', '1899-12-31', '', '2026-05-01T00:00:00Z', 20260501])
      expect(isIsoDate(bad)).toBe(false);
  });
  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(() => addMonths('nope', 1)).toThrow(RangeError);
  });
  it('adds days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
  it('computes the inclusive last day of a period', () => {
    expect(lastDayOfPeriod('2026-12-01', 12)).toBe('2027-11-30');
    expect(lastDayOfPeriod('2026-03-01', 12)).toBe('2027-02-28');
    expect(lastDayOfPeriod('2026-01-31', 1)).toBe('2026-02-27');
  });
  it('writes dates in plain Swedish', () => {
    expect(formatDateSv('2026-12-01')).toBe('1 december 2026');
    expect(formatDateSv('2027-03-09')).toBe('9 mars 2027');
  });
  it('takes the calendar date from timestamps', () => {
    expect(toCalendarDate('2026-05-01T10:00:00Z')).toBe('2026-05-01');
    expect(toCalendarDate('2026-05-01')).toBe('2026-05-01');
    expect(toCalendarDate(null)).toBeNull();
    expect(toCalendarDate('x')).toBeNull();
  });
  it('switches day at Swedish midnight, in summer and winter time', () => {
    expect(toSwedishDate(new Date('2026-05-01T21:59:59Z'))).toBe('2026-05-01');
    expect(toSwedishDate(new Date('2026-05-01T22:00:00Z'))).toBe('2026-05-02');
    expect(toSwedishDate(new Date('2026-01-01T22:59:59Z'))).toBe('2026-01-01');
    expect(toSwedishDate(new Date('2026-01-01T23:00:00Z'))).toBe('2026-01-02');
  });
});
