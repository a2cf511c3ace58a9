import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { PortalLayout } from './PortalLayout';

/** An unknown address under /portal: stays in the portal, not the staff app. */
export function PortalNotFoundPage() {
  const { t } = useTranslation();
  return (
    <PortalLayout>
      <PageHeading>{t('portal.notFound.title')}</PageHeading>
      <Paragraph>{t('portal.notFound.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/portal">{t('portal.notFound.toStart')}</RouterLink>
        </Link>
      </Paragraph>
    </PortalLayout>
  );
}
