import { useTranslation } from 'react-i18next';

/** "–" on screen, "saknas" for screen readers (for empty table cells). */
export function Missing() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="ds-sr-only">{t('common.missing')}</span>
    </>
  );
}
