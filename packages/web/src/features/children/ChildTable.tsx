import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link, Table, Tag } from '@digdir/designsystemet-react';
import type { ChildSummary } from '../../api/types';

/** Children as a table; the name links to the child's page. */
export function ChildTable({ items, caption }: { items: ChildSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <Table zebra>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('child.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('child.birthDate')}</Table.HeaderCell>
            <Table.HeaderCell>{t('child.owningUnit')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => (
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
  );
}
