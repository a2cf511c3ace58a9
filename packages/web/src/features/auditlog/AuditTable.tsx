import { useTranslation } from 'react-i18next';
import { Table, Tag } from '@digdir/designsystemet-react';
import type { AuditEntry } from '../../api/types';
import { useAuditLabels, useDateTimeFormat } from './labels';

export const auditRowId = (id: number) => `audit-row-${id}`;
const CAPTION_ID = 'audit-caption';
const SHORT_ID_LENGTH = 8;

/** "–" on screen, "saknas" for screen readers. */
function Missing() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="ds-sr-only">{t('auditLog.table.missing')}</span>
    </>
  );
}

/** The first characters of an id; the whole id is in the tooltip and read by screen readers. */
function ShortId({ id }: { id: string }) {
  if (id.length <= SHORT_ID_LENGTH) return <span className="audit-id">{id}</span>;
  return (
    <span className="audit-id">
      <span aria-hidden="true" title={id}>
        {`${id.slice(0, SHORT_ID_LENGTH)}…`}
      </span>
      <span className="ds-sr-only">{id}</span>
    </span>
  );
}

function Actor({ entry }: { entry: AuditEntry }) {
  if (!entry.actorName && !entry.actorUsername) return <Missing />;
  return (
    <>
      {entry.actorName && <span className="audit-cell__line">{entry.actorName}</span>}
      {entry.actorUsername && <span className={entry.actorName ? 'audit-cell__line muted' : 'audit-cell__line'}>{entry.actorUsername}</span>}
    </>
  );
}

function Outcome({ entry }: { entry: AuditEntry }) {
  const labels = useAuditLabels();
  const text = labels.outcome(entry.outcome);
  if (entry.outcome === 'allowed') return <>{text}</>;
  // Not by colour alone: the tag has its own shape and always carries the text.
  return (
    <Tag data-color={entry.outcome === 'not_found' ? 'warning' : 'danger'} data-size="sm">
      {text}
    </Tag>
  );
}

interface Props {
  entries: AuditEntry[];
}

/** Log rows, newest first. Rows can take focus so "Visa fler" can move focus to the first new row. */
export function AuditTable({ entries }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const formatTime = useDateTimeFormat();

  return (
    // Scrollable on small screens, so it must be reachable by keyboard.
    <div className="table-wrap" role="region" aria-labelledby={CAPTION_ID} tabIndex={0}>
      <Table zebra data-size="sm">
        <caption id={CAPTION_ID} className="ds-sr-only">
          {t('auditLog.table.caption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('auditLog.table.time')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.user')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.action')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.what')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.subject')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.purpose')}</Table.HeaderCell>
            <Table.HeaderCell>{t('auditLog.table.outcome')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {entries.map((e) => (
            <Table.Row key={e.id} id={auditRowId(e.id)} tabIndex={-1} className="audit-row">
              <Table.Cell>
                <time dateTime={e.occurredAt} className="audit-time">
                  {formatTime(e.occurredAt)}
                </time>
              </Table.Cell>
              <Table.Cell>
                <Actor entry={e} />
              </Table.Cell>
              <Table.Cell>{e.actingUnitName ?? <Missing />}</Table.Cell>
              <Table.Cell>{labels.action(e.action)}</Table.Cell>
              <Table.Cell>
                {labels.resourceType(e.resourceType)}
                {e.resourceId && (
                  <>
                    {' '}
                    <ShortId id={e.resourceId} />
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                {e.subjectChildId ? <ShortId id={e.subjectChildId} /> : <Missing />}
                {e.protectedIdentity && (
                  <>
                    {' '}
                    <Tag data-color="warning" data-size="sm">
                      {t('auditLog.table.protectedIdentity')}
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                {e.purpose ? labels.purpose(e.purpose) : <Missing />}
                {e.consentId && (
                  <span className="audit-cell__line muted">
                    {t('auditLog.table.consent')} <ShortId id={e.consentId} />
                  </span>
                )}
              </Table.Cell>
              <Table.Cell>
                <Outcome entry={e} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
