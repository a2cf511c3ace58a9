import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { Missing } from '../../ui/Missing';
import { useMyTasks } from './api';
import { DecisionTags } from './DecisionForms';
import { useLongDate } from './dates';

/** "Mina uppgifter": open decisions where the user is responsible. */
export function TasksPage() {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const tasks = useMyTasks();
  const items = tasks.data?.decisions ?? [];

  return (
    <>
      <PageHeading>{t('tasks.title')}</PageHeading>
      <Paragraph>{t('tasks.intro')}</Paragraph>
      {tasks.isPending && <Loading />}
      {tasks.isError && <FormAlert error={tasks.error} />}
      {tasks.isSuccess && items.length === 0 && <Paragraph>{t('tasks.none')}</Paragraph>}
      {items.length > 0 && (
        <div className="table-wrap">
          <Table>
            <caption>{t('tasks.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tasks.item')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.dueDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.meeting')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{d.itemTitle}</Table.Cell>
                  <Table.Cell className="text-cell">{d.what}</Table.Cell>
                  <Table.Cell>
                    <span className="block nowrap">{d.dueDate ? longDate(d.dueDate) : <Missing />}</span>
                    <DecisionTags decision={d} />
                  </Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/moten/${encodeURIComponent(d.meetingId)}`} aria-label={t('tasks.openMeetingLabel', { what: d.what })}>
                        {t('tasks.openMeeting')}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
