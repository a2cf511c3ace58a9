import { useTranslation } from 'react-i18next';
import type { SupportKind, SupportLevel } from './api';

/** Translated labels for the directory's codes (the same words as the domain's labels). */
export function useDirectoryLabels() {
  const { t } = useTranslation();
  return {
    level: (level: SupportLevel) => t(`directory.levels.${level}`, { defaultValue: level }),
    kind: (kind: SupportKind) => t(`directory.kinds.${kind}`, { defaultValue: kind }),
    ages: (min: number, max: number) => t('directory.fields.ageRange', { min, max }),
  };
}
