import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { useLabels } from '../../ui/labels';
import { useChildren } from './api';

function ChildrenSection() {
  const { t } = useTranslation();
  const children = useChildren(true);
  return (
    <section aria-labelledby="children-heading" className="section">
      <Heading level={2} data-size="md" id="children-heading">
        {t('start.childrenTitle')}
      </Heading>
      {children.isPending && <Loading />}
      {children.isError && <FormAlert error={children.error} />}
      {children.data && children.data.items.length === 0 && <Paragraph>{t('start.noChildren')}</Paragraph>}
      {children.data && children.data.items.length > 0 && (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('start.childrenCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('child.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.birthDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.owningUnit')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {children.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/barn/${encodeURIComponent(c.id)}`}>{c.displayName}</RouterLink>
                    </Link>
                    {c.protectedIdentity && (
                      <>
                        {' '}
                        <Tag data-color="warning" data-size="sm">
                          {t('child.protectedIdentity')}
                        </Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>{c.birthDate}</Table.Cell>
                  <Table.Cell>{c.owningUnitName}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

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
