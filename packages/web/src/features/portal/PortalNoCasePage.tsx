import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { usePortalMe } from './api';
import { PortalLayout } from './PortalLayout';

/**
 * /portal/inget-arende: the person signed in, but no case is linked to them. Nothing is shown
 * but whom to contact (the public page "Vart vänder jag mig?", rendered by the server).
 */
export function PortalNoCasePage() {
  const { t } = useTranslation();
  // Only to offer "Logga ut" when a session exists; the page shows the same either way.
  const me = usePortalMe();
  return (
    <PortalLayout signedIn={me.isSuccess}>
      <PageHeading>{t('portal.noCase.title')}</PageHeading>
      <Paragraph>{t('portal.noCase.text')}</Paragraph>
      <Heading level={2} data-size="sm">
        {t('portal.noCase.contactTitle')}
      </Heading>
      <Paragraph>{t('portal.noCase.contactText')}</Paragraph>
      <Paragraph>
        <Link href="/vart-vander-jag-mig">{t('portal.publicDirectory')}</Link>
      </Paragraph>
    </PortalLayout>
  );
}
