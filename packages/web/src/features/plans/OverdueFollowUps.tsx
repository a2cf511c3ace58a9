import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link, Table, Tag } from '@digdir/designsystemet-react';
import type { OverdueFollowUp } from '../../api/types';
import { useLongDate } from '../meetings/dates';

/** The case page with its "Plan" tab open. */
export const planTabLink = (caseId: string) => `/arenden/${encodeURIComponent(caseId)}?flik=plan`;

/**
 * Adopted plans whose follow-up is overdue (Mina uppgifter: plans I started; Samordning: my unit's):
 * the case, which plan, since when, and "Öppna planen".
 */
export function OverdueFollowUpTable({ items, caption }: { items: OverdueFollowUp[]; caption: string }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  return (
    <div className="table-wrap">
      <Table zebra>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('plan.overdue.case')}</Table.HeaderCell>
            <Table.HeaderCell>{t('plan.overdue.plan')}</Table.HeaderCell>
            <Table.HeaderCell>{t('plan.overdue.due')}</Table.HeaderCell>
            <Table.HeaderCell>{t('plan.overdue.open')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((f) => {
            const kind = t(`plan.kinds.${f.kind}`);
            return (
              <Table.Row key={`${f.planId}-${f.number}`}>
                <Table.Cell>{f.pseudonym}</Table.Cell>
                <Table.Cell>{t('plan.overdue.planVersion', { kind, number: f.number })}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color="warning">
                    {t('plan.overdue.since', { date: longDate(f.dueDate) })}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={planTabLink(f.caseId)} aria-label={t('plan.overdue.openLabel', { pseudonym: f.pseudonym, kind })}>
                      {t('plan.overdue.openText')}
                    </RouterLink>
                  </Link>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
