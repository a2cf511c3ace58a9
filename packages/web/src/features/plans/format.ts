import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Ratings (means may have decimals) in the reader's language, and signed differences ("+1", "−2"). */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const format = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const num = (n: number) => format.format(n);
  const signed = (n: number) => (n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : num(0));
  return { num, signed };
}
