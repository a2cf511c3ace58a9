import { NavLink } from 'react-router-dom';
import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Abilities } from '../api/types';

interface NavItem {
  to: string;
  key: string;
  end?: boolean;
}

export function navItems(abilities: Abilities): NavItem[] {
  const items: NavItem[] = [
    { to: '/', key: 'nav.start', end: true },
    { to: '/mitt-konto', key: 'nav.account' },
  ];
  if (abilities.canAdminister) {
    items.push(
      { to: '/admin/verksamheter', key: 'nav.units' },
      { to: '/admin/anvandare', key: 'nav.users' },
      { to: '/admin/team', key: 'nav.teams' },
    );
  }
  if (abilities.canSeeAuditLog) items.push({ to: '/granskningslogg', key: 'nav.auditLog' });
  return items;
}

/** Main navigation; links depend on the abilities in the acting unit. NavLink sets aria-current. */
export function MainNav({ abilities }: { abilities: Abilities }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {navItems(abilities).map((item) => (
          <li key={item.to}>
            <Link asChild>
              <NavLink to={item.to} end={item.end}>
                {t(item.key)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
