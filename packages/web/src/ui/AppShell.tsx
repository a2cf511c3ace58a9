import { useEffect, useRef, useState } from 'react';
import { Navigate, Outlet, Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { logout, useMe } from '../api/me';
import type { Me } from '../api/types';
import { ActingUnitSwitcher } from './ActingUnitSwitcher';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';
import { MainNav } from './MainNav';
import { FormAlert } from './FormAlert';

/** Moves focus to the page heading after client-side navigation (not on first load). */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
    target?.focus();
  }, [location.pathname]);
}

export function SkipToMain() {
  const { t } = useTranslation();
  return <SkipLink href="#main">{t('shell.skipToMain')}</SkipLink>;
}

function Header({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);

  const onLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } catch {
      // The session is gone either way from the user's point of view.
    }
    qc.clear();
    navigate('/logga-in', { replace: true, state: { loggedOut: true } });
  };

  return (
    <header className="app-header">
      <div className="app-header__top">
        <RouterLink to="/" className="app-name">
          {t('app.name')}
        </RouterLink>
        <div className="app-header__tools">
          <ActingUnitSwitcher me={me} />
          <LanguageSwitch />
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void onLogout()} loading={loggingOut}>
            {t('shell.logout')}
          </Button>
        </div>
      </div>
      <MainNav abilities={me.abilities} roles={me.roles} />
    </header>
  );
}

/** Layout for logged-in users. Redirects to the log-in page when there is no session. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  useFocusOnNavigation();

  if (me.isPending) {
    return (
      <main id="main" tabIndex={-1} className="app-main">
        <Loading />
      </main>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) return <Navigate to="/logga-in" replace />;
    return (
      <main id="main" tabIndex={-1} className="app-main">
        <h1 className="ds-sr-only">{t('app.name')}</h1>
        <FormAlert error={me.error} />
      </main>
    );
  }

  return (
    <>
      <SkipToMain />
      <Header me={me.data} />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </>
  );
}
