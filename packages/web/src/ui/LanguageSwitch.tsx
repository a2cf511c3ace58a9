import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** Buttons "Svenska" / "English". The choice is stored in localStorage (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((lng) => {
        const current = i18n.language === lng;
        return (
          <Button
            key={lng}
            type="button"
            data-size="sm"
            variant={current ? 'secondary' : 'tertiary'}
            aria-pressed={current}
            lang={lng}
            onClick={() => void i18n.changeLanguage(lng)}
          >
            {t(`language.${lng}`)}
          </Button>
        );
      })}
    </div>
  );
}
