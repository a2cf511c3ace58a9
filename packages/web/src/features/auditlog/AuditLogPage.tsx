import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { ChainStatus } from './ChainStatus';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable, auditRowId } from './AuditTable';
import { useAuditEntries, type AuditFilter } from './api';

const sameFilter = (a: AuditFilter, b: AuditFilter) => JSON.stringify(a) === JSON.stringify(b);

export function AuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const entries = useAuditEntries(filter);
  const [announcement, setAnnouncement] = useState('');
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const announceAfterFilter = useRef(false);

  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const moreError = entries.isFetchNextPageError ? entries.error : null;
  const filterError = entries.isFetchNextPageError ? null : entries.error;

  const onFilter = (next: AuditFilter) => {
    setAnnouncement('');
    announceAfterFilter.current = true;
    if (sameFilter(next, filter)) void entries.refetch();
    else setFilter(next);
  };

  // After filtering, tell screen reader users how many rows are shown (focus stays on "Filtrera").
  useEffect(() => {
    if (!announceAfterFilter.current || entries.isFetching) return;
    announceAfterFilter.current = false;
    if (!entries.data) return;
    const count = entries.data.pages.reduce((n, p) => n + p.items.length, 0);
    setAnnouncement(t('auditLog.table.shown', { count }));
  }, [entries.isFetching, entries.data, t]);

  // After "Visa fler", move focus to the first new row once it is rendered.
  useEffect(() => {
    if (focusRow === null) return;
    document.getElementById(auditRowId(focusRow))?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const onShowMore = async () => {
    const loadedPages = entries.data?.pages.length ?? 0;
    setAnnouncement('');
    const result = await entries.fetchNextPage();
    const added = result.data?.pages[loadedPages]?.items ?? [];
    if (result.isError || added.length === 0) return;
    const more = t('auditLog.table.moreShown', { count: added.length });
    setAnnouncement(result.hasNextPage ? more : `${more} ${t('auditLog.table.noMore')}`);
    setFocusRow(added[0]!.id);
  };

  return (
    <>
      <PageHeading>{t('auditLog.title')}</PageHeading>
      <Paragraph>{t('auditLog.intro')}</Paragraph>
      <ChainStatus />
      <AuditFilterForm error={filterError} busy={entries.isFetching && !entries.isFetchingNextPage} onFilter={onFilter} />
      <section aria-labelledby="entries-heading" className="section">
        <Heading level={2} data-size="md" id="entries-heading">
          {t('auditLog.table.heading')}
        </Heading>
        <div role="status" className="ds-sr-only">
          {announcement}
        </div>
        {entries.isPending && <Loading />}
        {entries.data && rows.length === 0 && <Paragraph>{t('auditLog.table.empty')}</Paragraph>}
        {entries.data && rows.length > 0 && <AuditTable entries={rows} />}
        <FormAlert error={moreError} />
        {entries.hasNextPage && (
          <div className="page-actions">
            <Button type="button" variant="secondary" loading={entries.isFetchingNextPage} onClick={() => void onShowMore()}>
              {t('auditLog.table.showMore')}
            </Button>
          </div>
        )}
      </section>
    </>
  );
}
