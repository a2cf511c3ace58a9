import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link, Table, Tag } from '@digdir/designsystemet-react';
import type { CaseSummary } from '../../api/types';
import { Missing } from '../../ui/Missing';
import { useCaseLabels, stateColor } from './labels';

/** Cases as a table; the pseudonym links to the case page. */
export function CaseTable({ items, caption, captionHidden = true }: { items: CaseSummary[]; caption: string; captionHidden?: boolean }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return (
    <div className="table-wrap">
      <Table zebra>
        <caption className={captionHidden ? 'ds-sr-only' : undefined}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cases.pseudonym')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.child')}</Table.HeaderCell>
            <Table.HeaderCell>{t('case.state')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.owningUnit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.myRoles')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.access')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.notices')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/arenden/${encodeURIComponent(c.id)}`}>{c.pseudonym}</RouterLink>
                </Link>
                <span className="muted cell-note">{labels.ageBand(c.ageBand)}</span>
              </Table.Cell>
              <Table.Cell>{c.childName ?? <span className="muted">{t('cases.deidentified')}</span>}</Table.Cell>
              <Table.Cell>
                <Tag data-size="sm" data-color={stateColor(c.state)}>
                  {labels.state(c.state)}
                </Tag>
              </Table.Cell>
              <Table.Cell>{c.owningUnit.name}</Table.Cell>
              <Table.Cell>{c.myRoles.length > 0 ? c.myRoles.map(labels.caseRole).join(', ') : <Missing />}</Table.Cell>
              <Table.Cell>{labels.accessLevel(c.access.level)}</Table.Cell>
              <Table.Cell>
                {c.openNotices > 0 ? (
                  <Tag data-size="sm" data-color="danger">
                    {t('cases.noticesBadge', { count: c.openNotices })}
                  </Tag>
                ) : (
                  <Missing />
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
