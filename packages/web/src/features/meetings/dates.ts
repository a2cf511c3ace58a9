import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(date: string): Date | null {
  const m = ISO_DATE.exec(date);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** 'YYYY-MM-DD' plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  if (!d) return date;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Weekday and date in words, e.g. "tisdag 1 december 2026" / "Tuesday 1 December 2026". */
export function useLongDate() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const format = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    [locale],
  );
  return (date: string | null | undefined): string => {
    if (!date) return '';
    const d = parse(date);
    return d ? format.format(d) : date;
  };
}
