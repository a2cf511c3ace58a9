import { Link as RouterLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import type { ChildDetail } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { useChild } from './api';

function Guardians({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="guardians-heading" className="section">
      <Heading level={2} data-size="md" id="guardians-heading">
        {t('child.guardians')}
      </Heading>
      {child.guardians.length === 0 ? (
        <Paragraph>{t('child.noGuardians')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('child.guardians')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('child.guardianName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.custody')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.phone')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.email')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {child.guardians.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell>{g.name}</Table.Cell>
                  <Table.Cell>{g.custody ? t('common.yes') : t('common.no')}</Table.Cell>
                  <Table.Cell>{g.phone ?? t('common.notGiven')}</Table.Cell>
                  <Table.Cell>{g.email ?? t('common.notGiven')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function ChildDetails({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const items: DefinitionItem[] = [
    { term: t('child.givenName'), value: child.givenName },
    { term: t('child.familyName'), value: child.familyName },
    { term: t('child.birthDate'), value: child.birthDate },
    { term: t('child.owningUnit'), value: child.owningUnitName },
  ];
  if (child.address !== null) items.push({ term: t('child.address'), value: child.address });
  if (child.schoolUnitName !== null) items.push({ term: t('child.school'), value: child.schoolUnitName });

  return (
    <>
      <PageHeading>{`${child.givenName} ${child.familyName}`}</PageHeading>
      {child.protectedIdentity && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('child.protectedIdentity')}
          </Heading>
          <Paragraph>{t('child.protectedIdentityText')}</Paragraph>
        </Alert>
      )}
      <DefinitionList items={items} />
      <Guardians child={child} />
    </>
  );
}

export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/">{t('child.backToStart')}</RouterLink>
      </Link>
    </Paragraph>
  );

  if (child.isPending) {
    return (
      <>
        <PageHeading>{t('child.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (child.isError) {
    const notFound = isApiError(child.error) && child.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t('child.notFound') : t('child.title')}</PageHeading>
        {notFound ? <Paragraph>{t('child.notFoundText')}</Paragraph> : <FormAlert error={child.error} />}
        {back}
      </>
    );
  }
  return (
    <>
      {back}
      <ChildDetails child={child.data} />
    </>
  );
}
