import { NavLink } from 'react-router-dom';
import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Abilities, Role } from '../api/types';
import { useNotifications } from '../features/notifications/api';
import { useStatisticsAccess } from '../features/meetings/api';

interface NavItem {
  to: string;
  key: string;
  end?: boolean;
}

/** Only a samordnare in the acting unit gets the coordinator overview. */
export const isSamordnare = (roles: readonly Role[]): boolean => roles.includes('samordnare');

/** Whoever may look for team statistics: a samordnare (or team member) and a chef. */
export const mayHaveTeamStatistics = (abilities: Abilities): boolean => abilities.canSeeAggregates || abilities.canSeeIndividualData;

/** `teamStatistics`: the user may see some team's statistics (GET /teams/statistics-access is not empty). */
export function navItems(abilities: Abilities, roles: readonly Role[] = [], teamStatistics = false): NavItem[] {
  const items: NavItem[] = [{ to: '/', key: 'nav.start', end: true }];
  if (abilities.canSeeIndividualData) {
    items.push(
      { to: '/oro/ny', key: 'nav.reportConcern' },
      { to: '/oro', key: 'nav.signals', end: true },
      { to: '/arenden', key: 'nav.cases' },
      { to: '/moten', key: 'nav.meetings' },
      { to: '/mina-uppgifter', key: 'nav.tasks' },
      { to: '/overlamningar', key: 'nav.handovers' },
    );
    if (isSamordnare(roles)) items.push({ to: '/samordning', key: 'nav.coordination' });
  }
  // The "vem gör vad" directory is organisational data: every signed-in user may search it.
  items.push({ to: '/vem-gor-vad', key: 'nav.directory' });
  if (teamStatistics) items.push({ to: '/teamstatistik', key: 'nav.teamStatistics' });
  items.push({ to: '/aviseringar', key: 'nav.notifications' });
  items.push({ to: '/mitt-konto', key: 'nav.account' });
  if (abilities.canAdminister) {
    items.push(
      { to: '/admin/verksamheter', key: 'nav.units' },
      { to: '/admin/anvandare', key: 'nav.users' },
      { to: '/admin/team', key: 'nav.teams' },
      { to: '/admin/samtycke', key: 'nav.consentPolicy' },
      { to: '/admin/hjulet', key: 'nav.wheel' },
    );
  }
  if (abilities.canSeeAuditLog) items.push({ to: '/granskningslogg', key: 'nav.auditLog' });
  return items;
}

/** Main navigation; links depend on the abilities in the acting unit. NavLink sets aria-current. */
export function MainNav({ abilities, roles = [] }: { abilities: Abilities; roles?: readonly Role[] }) {
  const { t } = useTranslation();
  // "Aviseringar (2)": the unread count is part of the link's visible text and accessible name.
  const unread = useNotifications().data?.unreadCount ?? 0;
  // "Teamstatistik" only when there is a team to show (samordnare of a team, chef of a member unit).
  const statistics = useStatisticsAccess(mayHaveTeamStatistics(abilities));
  const teamStatistics = (statistics.data?.items.length ?? 0) > 0;
  const label = (item: NavItem) => (item.to === '/aviseringar' && unread > 0 ? t('nav.notificationsCount', { count: unread }) : t(item.key));
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {navItems(abilities, roles, teamStatistics).map((item) => (
          <li key={item.to}>
            <Link asChild>
              <NavLink to={item.to} end={item.end}>
                {label(item)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
