import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { useCurrentMe } from './api/me';
import type { Abilities } from './api/types';
import { AppShell } from './ui/AppShell';
import { LoginPage } from './features/auth/LoginPage';
import { StartPage } from './features/start/StartPage';
import { ChildPage } from './features/children/ChildPage';
import { NewChildPage } from './features/children/NewChildPage';
import { AccountPage } from './features/account/AccountPage';
import { UnitsPage } from './features/admin/units/UnitsPage';
import { UsersPage } from './features/admin/users/UsersPage';
import { TeamsPage } from './features/admin/teams/TeamsPage';
import { ConsentPolicyPage } from './features/admin/consent/ConsentPolicyPage';
import { WheelAdminPage } from './features/admin/wheel/WheelAdminPage';
import { AuditLogPage } from './features/auditlog/AuditLogPage';
import { NotFoundPage } from './features/notfound/NotFoundPage';
import { SignalFormPage } from './features/signals/SignalFormPage';
import { SignalsPage } from './features/signals/SignalsPage';
import { NewConsultationPage } from './features/cases/NewConsultationPage';
import { CasesPage } from './features/cases/CasesPage';
import { CasePage } from './features/cases/CasePage';
import { CoordinationPage } from './features/coordination/CoordinationPage';
import { TeamStatisticsPage } from './features/coordination/TeamStatisticsPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { MeetingPage } from './features/meetings/MeetingPage';
import { TasksPage } from './features/meetings/TasksPage';
import { HandoverInboxPage } from './features/interventions/HandoverInboxPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { DirectoryPage } from './features/directory/DirectoryPage';
import { isSamordnare, mayHaveTeamStatistics } from './ui/MainNav';
import { PortalLoginPage } from './features/portal/PortalLoginPage';
import { PortalNoCasePage } from './features/portal/PortalNoCasePage';
import { PortalSignedIn } from './features/portal/PortalLayout';
import { PortalHomePage } from './features/portal/PortalHomePage';
import { PortalChildPage } from './features/portal/PortalChildPage';
import { PortalNotFoundPage } from './features/portal/PortalNotFoundPage';

/** Pages that need an ability in the acting unit; without it they are "not found". */
function RequireAbility({ ability, children }: { ability: keyof Abilities; children: React.ReactNode }) {
  const me = useCurrentMe();
  return me.abilities[ability] ? <>{children}</> : <NotFoundPage />;
}

/** Pages for people working with individual children (signals, cases). */
function IndividualData({ children }: { children: React.ReactNode }) {
  return <RequireAbility ability="canSeeIndividualData">{children}</RequireAbility>;
}

/** The coordinator overview is only routed for a samordnare in the acting unit. */
function SamordnareOnly({ children }: { children: React.ReactNode }) {
  const me = useCurrentMe();
  return me.abilities.canSeeIndividualData && isSamordnare(me.roles) ? <>{children}</> : <NotFoundPage />;
}

/** Team statistics: for samordnare and chefs (the page lists the teams the server allows). */
function TeamStatisticsOnly({ children }: { children: React.ReactNode }) {
  const me = useCurrentMe();
  return mayHaveTeamStatistics(me.abilities) ? <>{children}</> : <NotFoundPage />;
}

/** Admin pages are only routed when the acting role may administer. */
function AdminOnly({ children }: { children: React.ReactNode }) {
  return <RequireAbility ability="canAdminister">{children}</RequireAbility>;
}

const routes: RouteObject[] = [
  { path: '/logga-in', element: <LoginPage /> },
  // The family portal (issue 7): its own layout and session, outside the staff AppShell.
  { path: '/portal/logga-in', element: <PortalLoginPage /> },
  { path: '/portal/inget-arende', element: <PortalNoCasePage /> },
  {
    element: <PortalSignedIn />,
    children: [
      { path: '/portal', element: <PortalHomePage /> },
      { path: '/portal/barn/:child', element: <PortalChildPage /> },
    ],
  },
  { path: '/portal/*', element: <PortalNotFoundPage /> },
  {
    element: <AppShell />,
    children: [
      { path: '/', element: <StartPage /> },
      {
        path: '/barn/nytt',
        element: (
          <RequireAbility ability="canSeeIndividualData">
            <NewChildPage />
          </RequireAbility>
        ),
      },
      { path: '/barn/:id', element: <ChildPage /> },
      {
        path: '/oro/ny',
        element: (
          <IndividualData>
            <SignalFormPage />
          </IndividualData>
        ),
      },
      {
        path: '/oro',
        element: (
          <IndividualData>
            <SignalsPage />
          </IndividualData>
        ),
      },
      {
        path: '/konsultation/ny',
        element: (
          <IndividualData>
            <NewConsultationPage />
          </IndividualData>
        ),
      },
      {
        path: '/arenden',
        element: (
          <IndividualData>
            <CasesPage />
          </IndividualData>
        ),
      },
      {
        path: '/arenden/:id',
        element: (
          <IndividualData>
            <CasePage />
          </IndividualData>
        ),
      },
      {
        path: '/moten',
        element: (
          <IndividualData>
            <MeetingsPage />
          </IndividualData>
        ),
      },
      {
        path: '/moten/:meetingId',
        element: (
          <IndividualData>
            <MeetingPage />
          </IndividualData>
        ),
      },
      {
        path: '/mina-uppgifter',
        element: (
          <IndividualData>
            <TasksPage />
          </IndividualData>
        ),
      },
      {
        path: '/overlamningar',
        element: (
          <IndividualData>
            <HandoverInboxPage />
          </IndividualData>
        ),
      },
      {
        path: '/samordning',
        element: (
          <SamordnareOnly>
            <CoordinationPage />
          </SamordnareOnly>
        ),
      },
      {
        path: '/teamstatistik',
        element: (
          <TeamStatisticsOnly>
            <TeamStatisticsPage />
          </TeamStatisticsOnly>
        ),
      },
      // "Vem gör vad": for every signed-in user; who may edit which entry comes from the server.
      { path: '/vem-gor-vad', element: <DirectoryPage /> },
      { path: '/aviseringar', element: <NotificationsPage /> },
      { path: '/mitt-konto', element: <AccountPage /> },
      {
        path: '/admin/verksamheter',
        element: (
          <AdminOnly>
            <UnitsPage />
          </AdminOnly>
        ),
      },
      {
        path: '/admin/anvandare',
        element: (
          <AdminOnly>
            <UsersPage />
          </AdminOnly>
        ),
      },
      {
        path: '/admin/team',
        element: (
          <AdminOnly>
            <TeamsPage />
          </AdminOnly>
        ),
      },
      {
        path: '/admin/samtycke',
        element: (
          <AdminOnly>
            <ConsentPolicyPage />
          </AdminOnly>
        ),
      },
      {
        path: '/admin/hjulet',
        element: (
          <AdminOnly>
            <WheelAdminPage />
          </AdminOnly>
        ),
      },
      {
        path: '/granskningslogg',
        element: (
          <RequireAbility ability="canSeeAuditLog">
            <AuditLogPage />
          </RequireAbility>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
