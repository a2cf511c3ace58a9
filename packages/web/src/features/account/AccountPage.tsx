import { useTranslation } from 'react-i18next';
import { Heading, List } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { PageHeading } from '../../ui/PageHeading';
import { DefinitionList } from '../../ui/DefinitionList';
import { useLabels } from '../../ui/labels';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const labels = useLabels();

  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <DefinitionList
        items={[
          { term: t('account.name'), value: me.displayName },
          { term: t('account.username'), value: me.username },
          { term: t('account.email'), value: me.email ?? t('common.notGiven') },
          { term: t('account.organisation'), value: me.tenant.name },
        ]}
      />
      <section aria-labelledby="memberships-heading" className="section">
        <Heading level={2} data-size="md" id="memberships-heading">
          {t('account.memberships')}
        </Heading>
        <List.Unordered>
          {me.memberships.map((m) => (
            <List.Item key={`${m.unitId}:${m.role}`}>
              {t('account.membership', {
                unit: m.unitName,
                unitType: labels.unitType(m.unitType),
                role: labels.role(m.role),
              })}
            </List.Item>
          ))}
        </List.Unordered>
      </section>
      <ChangePasswordForm />
    </>
  );
}
