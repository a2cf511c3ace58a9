import { Navigate, Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import type { PortalChild } from './api';
import { PersonIcon } from './icons';
import { useSignedInPortalMe } from './PortalLayout';

export const childPath = (child: PortalChild) => `/portal/barn/${encodeURIComponent(child.id)}`;

/** One child: a link to the child's page, or — when the child has turned 18 — why there is none. */
function ChildCard({ child }: { child: PortalChild }) {
  const { t } = useTranslation();
  const headingId = `portal-child-${child.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <Card asChild className="portal-card">
      <article aria-labelledby={headingId}>
        <div className="portal-card__head">
          <PersonIcon />
          <Heading level={3} data-size="sm" id={headingId}>
            {child.adult ? (
              child.givenName
            ) : (
              <Link asChild>
                <RouterLink to={childPath(child)} className="portal-touch-link">
                  {child.givenName}
                </RouterLink>
              </Link>
            )}
          </Heading>
        </div>
        {child.adult ? (
          <Paragraph>{t('portal.home.adult', { name: child.givenName })}</Paragraph>
        ) : (
          <>
            <Paragraph>{t(child.relation === 'self' ? 'portal.home.cardSelf' : 'portal.home.card', { name: child.givenName })}</Paragraph>
            {!child.hasCase && <Paragraph>{t('portal.home.noOpenCase')}</Paragraph>}
          </>
        )}
      </article>
    </Card>
  );
}

/**
 * /portal: "Hej <namn>!" and one card per linked child. A child or young person who is only
 * linked to themselves goes straight to their own page; nobody linked goes to "inget ärende".
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  const me = useSignedInPortalMe();
  const [first] = me.children;
  if (!first) return <Navigate to="/portal/inget-arende" replace />;
  if (me.children.length === 1 && first.relation === 'self') return <Navigate to={childPath(first)} replace />;

  return (
    <>
      <PageHeading>{t('portal.home.greeting', { name: me.displayName })}</PageHeading>
      <Paragraph>{t('portal.home.intro')}</Paragraph>
      <section className="portal-section" aria-labelledby="portal-children">
        <Heading level={2} data-size="md" id="portal-children">
          {t('portal.home.childrenTitle')}
        </Heading>
        <ul className="portal-list">
          {me.children.map((c) => (
            <li key={c.id}>
              <ChildCard child={c} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
