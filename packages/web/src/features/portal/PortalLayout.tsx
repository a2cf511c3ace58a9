import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, Outlet, Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { SkipToMain } from '../../ui/AppShell';
import { FormAlert } from '../../ui/FormAlert';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Loading } from '../../ui/Loading';
import { portalLogout, usePortalMe, useResetPortal, type PortalMe } from './api';
import './portal.css';

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

/** "Logga ut": ends the portal session and goes back to the portal's log-in. */
function LogoutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useResetPortal();
  const [busy, setBusy] = useState(false);
  const onLogout = async () => {
    setBusy(true);
    try {
      await portalLogout();
    } catch {
      // The session is gone either way from the person's point of view.
    }
    reset();
    navigate('/portal/logga-in', { replace: true, state: { loggedOut: true } });
  };
  return (
    <Button type="button" variant="secondary" onClick={() => void onLogout()} loading={busy}>
      {t('portal.logout')}
    </Button>
  );
}

/**
 * The family portal's own layout, outside the staff shell: skip link, the header
 * "Samsyn – för barn och familjer", the language switch, "Logga ut" when signed in, and <main>.
 */
export function PortalLayout({ children, signedIn = false }: { children: ReactNode; signedIn?: boolean }) {
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <>
      <SkipToMain />
      <header className="app-header portal-header">
        <div className="app-header__top">
          {signedIn ? (
            <RouterLink to="/portal" className="app-name portal-name">
              {t('portal.appName')}
            </RouterLink>
          ) : (
            <span className="app-name portal-name">{t('portal.appName')}</span>
          )}
          <div className="app-header__tools">
            <LanguageSwitch />
            {signedIn && <LogoutButton />}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main portal-main">
        {children}
      </main>
    </>
  );
}

/** The signed-in portal pages: the person from GET /portal/me, or the portal's log-in on 401. */
export function PortalSignedIn() {
  const { t } = useTranslation();
  const me = usePortalMe();
  if (me.isError && isApiError(me.error) && me.error.status === 401) return <Navigate to="/portal/logga-in" replace />;
  return (
    <PortalLayout signedIn={me.isSuccess}>
      {me.isPending && <Loading text={t('portal.loading')} />}
      {me.isError && (
        <>
          <h1 className="ds-sr-only">{t('portal.appName')}</h1>
          <FormAlert error={me.error} />
        </>
      )}
      {me.isSuccess && <Outlet />}
    </PortalLayout>
  );
}

/** The portal person; only inside PortalSignedIn, where it is loaded. */
export function useSignedInPortalMe(): PortalMe {
  const { data } = usePortalMe();
  if (!data) throw new Error('useSignedInPortalMe used outside PortalSignedIn');
  return data;
}
