import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { Missing } from '../../ui/Missing';
import { focusLater } from '../cases/caseContext';
import { useMyTasks, type FeedbackTask } from './api';
import { DecisionTags } from './DecisionForms';
import { FeedbackDoneForm, FeedbackTags } from './MeetingFeedback';
import { useLongDate } from './dates';
import { OverdueFollowUpTable } from '../plans/OverdueFollowUps';
import { InterventionWarningsSection } from '../interventions/WarningsSection';

const DECISIONS_HEADING_ID = 'my-decisions-heading';
const FEEDBACK_HEADING_ID = 'my-feedback-heading';
const PLANS_HEADING_ID = 'my-plan-follow-ups-heading';

const meetingLink = (meetingId: string) => `/moten/${encodeURIComponent(meetingId)}`;

/** One feedback task: the item, the meeting, the last day, a link to the meeting and "Markera som klar". */
function FeedbackEntry({ task, onDone }: { task: FeedbackTask; onDone: () => void }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const headingId = `feedback-task-${task.id}`;
  return (
    <li className="decision" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {task.itemTitle}
      </Heading>
      <dl className="decision__facts">
        <div>
          <dt>{t('tasks.meetingDate')}</dt>
          <dd>{longDate(task.meetingDate)}</dd>
        </div>
        <div>
          <dt>{t('tasks.dueDate')}</dt>
          <dd>
            {longDate(task.dueDate)} <FeedbackTags task={task} />
          </dd>
        </div>
      </dl>
      <Paragraph>
        <Link asChild>
          <RouterLink to={meetingLink(task.meetingId)} aria-label={t('tasks.feedbackOpenMeetingLabel', { title: task.itemTitle })}>
            {t('tasks.openMeeting')}
          </RouterLink>
        </Link>
      </Paragraph>
      <FeedbackDoneForm task={task} onDone={onDone} level={4} />
    </li>
  );
}

/**
 * "Mina uppgifter": open decisions where the user is responsible, feedback to families, overdue follow-ups of plans the user started
 * and the warnings about interventions where the acting unit should act.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const tasks = useMyTasks();
  const items = tasks.data?.decisions ?? [];
  const feedback = tasks.data?.feedbackTasks ?? [];
  const planFollowUps = tasks.data?.planFollowUps ?? [];
  const [status, setStatus] = useState('');

  return (
    <>
      <PageHeading>{t('tasks.title')}</PageHeading>
      <Paragraph>{t('tasks.intro')}</Paragraph>
      {tasks.isPending && <Loading />}
      {tasks.isError && <FormAlert error={tasks.error} />}
      <section aria-labelledby={DECISIONS_HEADING_ID} className="section">
        <Heading level={2} data-size="md" id={DECISIONS_HEADING_ID}>
          {t('tasks.decisionsHeading')}
        </Heading>
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
                        <RouterLink to={meetingLink(d.meetingId)} aria-label={t('tasks.openMeetingLabel', { what: d.what })}>
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
      </section>
      <section aria-labelledby={FEEDBACK_HEADING_ID} className="section">
        <Heading level={2} data-size="md" id={FEEDBACK_HEADING_ID} tabIndex={-1}>
          {t('tasks.feedbackHeading')}
        </Heading>
        <Paragraph>{t('tasks.feedbackIntro')}</Paragraph>
        <div role="status">{status && <Paragraph>{status}</Paragraph>}</div>
        {tasks.isSuccess && feedback.length === 0 && <Paragraph>{t('tasks.feedbackNone')}</Paragraph>}
        {feedback.length > 0 && (
          <ul className="decision-list" aria-label={t('tasks.feedbackListLabel')}>
            {feedback.map((f) => (
              <FeedbackEntry
                key={f.id}
                task={f}
                onDone={() => {
                  // The task leaves the list (only open tasks are listed): focus goes to the section.
                  setStatus(t('meetings.feedback.done.saved'));
                  focusLater(FEEDBACK_HEADING_ID);
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={PLANS_HEADING_ID} className="section">
        <Heading level={2} data-size="md" id={PLANS_HEADING_ID}>
          {t('tasks.plansHeading')}
        </Heading>
        <Paragraph>{t('tasks.plansIntro')}</Paragraph>
        {tasks.isSuccess && planFollowUps.length === 0 && <Paragraph>{t('tasks.plansNone')}</Paragraph>}
        {planFollowUps.length > 0 && <OverdueFollowUpTable items={planFollowUps} caption={t('tasks.plansHeading')} />}
      </section>
      <InterventionWarningsSection />
    </>
  );
}
