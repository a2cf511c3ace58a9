import { useTranslation } from 'react-i18next';

/** Picks the Swedish or English variant of a server-provided text. */
export function useLocalize() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (sv: string | undefined, english: string | undefined): string => (en ? english || sv : sv || english) ?? '';
}
