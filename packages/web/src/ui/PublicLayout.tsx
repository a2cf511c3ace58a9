import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { SkipToMain } from './AppShell';

/** Layout for pages shown without a session (log-in, public 404). */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipToMain />
      <header className="app-header">
        <div className="app-header__top">
          <span className="app-name">{t('app.name')}</span>
          <div className="app-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main--narrow">
        {children}
      </main>
    </>
  );
}
