export {
  isNonWorkingDay,
  isoWeekday,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  swedishHolidayOn,
  swedishPublicHolidays,
  type SwedishHoliday,
  type SwedishHolidayKind,
} from './holidays.ts';
export { addWorkingDays, DEFAULT_FEEDBACK_WORKING_DAYS, feedbackDueDate, workingDaysBetween } from './working-days.ts';
export { isClockTime, stockholmLocalToUtc } from './stockholm-time.ts';
export {
  expandSeries,
  MAX_INTERVAL_WEEKS,
  MAX_SERIES_OCCURRENCES,
  MIN_INTERVAL_WEEKS,
  validateSeriesRule,
  type MeetingOccurrence,
  type MeetingSeriesRule,
} from './series.ts';
