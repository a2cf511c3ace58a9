import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { PageHeading } from '../../ui/PageHeading';
import { useLabels } from '../../ui/labels';
import { ChildrenSection } from '../children/ChildrenSection';

export function StartPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const labels = useLabels();
  const roles = me.roles.map(labels.role).join(', ');

  return (
    <>
      <PageHeading title={t('start.title')}>{t('start.welcome', { name: me.displayName })}</PageHeading>
      <Paragraph>
        {t('start.actingSummary', {
          unit: me.actingUnit.name,
          unitType: labels.unitType(me.actingUnit.type),
          tenant: me.tenant.name,
        })}
      </Paragraph>
      <Paragraph>{roles ? t('start.rolesSummary', { roles }) : t('start.noRoles')}</Paragraph>
      {me.abilities.canSeeIndividualData && <ChildrenSection key={me.actingUnit.id} />}
    </>
  );
}
