import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { useTeamFollowUp, type FollowUpEntry, type MyTeam } from '../meetings/api';
import { useLongDate } from '../meetings/dates';

function EntryTable({ id, title, entries, none, help }: { id: string; title: string; entries: FollowUpEntry[]; none: string; help?: string }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  return (
    <section aria-labelledby={id} className="section">
      <Heading level={3} data-size="sm" id={id}>
        {title}
      </Heading>
      {help && <Paragraph data-size="sm">{help}</Paragraph>}
      {entries.length === 0 ? (
        <Paragraph>{none}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra aria-labelledby={id}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('coordination.followUp.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.followUp.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.followUp.item')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.followUp.owner')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.followUp.dueDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.followUp.meeting')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((e) => (
                <Table.Row key={`${e.type}-${e.id}`}>
                  <Table.Cell>{t(`coordination.followUp.types.${e.type}`)}</Table.Cell>
                  <Table.Cell className="text-cell">{e.what}</Table.Cell>
                  <Table.Cell>{e.itemTitle}</Table.Cell>
                  <Table.Cell>
                    {e.ownerName
                      ? e.ownerUnitName
                        ? t('coordination.followUp.ownerUnit', { name: e.ownerName, unit: e.ownerUnitName })
                        : e.ownerName
                      : t('coordination.followUp.noOwner')}
                  </Table.Cell>
                  <Table.Cell>
                    <span className="nowrap">{e.dueDate ? longDate(e.dueDate) : t('coordination.followUp.noDate')}</span>
                  </Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink
                        to={`/moten/${encodeURIComponent(e.meetingId)}`}
                        aria-label={t('coordination.followUp.openMeetingLabel', { date: longDate(e.meetingDate), what: e.what })}
                      >
                        {longDate(e.meetingDate)}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/** "Uppföljning av beslut": overdue, due this week, and nobody's job (samordnare only). */
export function FollowUpSection({ team }: { team: MyTeam }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const followUp = useTeamFollowUp(team.id);
  const headingId = `follow-up-${team.id}`;
  const data = followUp.data;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('coordination.followUp.heading', { team: team.name })}
      </Heading>
      {followUp.isPending && <Loading />}
      {followUp.isError && <FormAlert error={followUp.error} level={3} />}
      {data && (
        <>
          <Paragraph>{t('coordination.followUp.intro', { date: longDate(data.weekEnd) })}</Paragraph>
          <EntryTable
            id={`${headingId}-overdue`}
            title={t('coordination.followUp.overdue')}
            entries={data.overdue}
            none={t('coordination.followUp.overdueNone')}
          />
          <EntryTable
            id={`${headingId}-week`}
            title={t('coordination.followUp.dueThisWeek')}
            entries={data.dueThisWeek}
            none={t('coordination.followUp.dueThisWeekNone')}
          />
          <EntryTable
            id={`${headingId}-nobody`}
            title={t('coordination.followUp.withoutOwner')}
            help={t('coordination.followUp.withoutOwnerHelp')}
            entries={data.withoutOwner}
            none={t('coordination.followUp.withoutOwnerNone')}
          />
        </>
      )}
    </section>
  );
}
