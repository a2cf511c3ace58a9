import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import { useLocalize } from '../../i18n/localize';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { focusLater } from '../cases/caseContext';
import { useCurrentMe } from '../../api/me';
import {
  familyMinutesPdfUrl,
  minutesPdfUrl,
  useAgenda,
  useAttachments,
  useDecisions,
  useFeedbackTasks,
  useMeetingInfo,
  useMeetingNotes,
  useVoices,
  type AgendaItem,
  type Attachment,
  type Decision,
  type FeedbackTask,
  type MeetingNote,
  type Voice,
} from './api';
import { AttendanceSection, ItemNotes } from './MeetingNotes';
import { ItemVoice } from './MeetingVoice';
import { ItemFeedback } from './MeetingFeedback';
import { ItemAttachments } from './MeetingAttachments';
import { AgendaItemForm } from './AgendaItemForm';
import { DecisionList, NewDecisionForm } from './DecisionForms';
import { useLongDate } from './dates';

const AGENDA_HEADING_ID = 'agenda-heading';

/**
 * One agenda item: kind, title, invited units, the samordnare's consent warnings, then – on a case
 * item – the child's and guardians' voice first, documents and links, decisions and "Nytt beslut",
 * notes, and on a case item the feedback to the family and the family's version as a PDF.
 */
function AgendaEntry({
  item,
  isSamordnare,
  decisions,
  notes,
  notesLoaded,
  voice,
  feedbackTask,
  followUpLoaded,
  attachments,
  attachmentsLoaded,
  meetingOpen,
  meetingId,
  announce,
}: {
  item: AgendaItem;
  isSamordnare: boolean;
  decisions: Decision[];
  notes: MeetingNote[];
  notesLoaded: boolean;
  voice: Voice | undefined;
  feedbackTask: FeedbackTask | undefined;
  followUpLoaded: boolean;
  attachments: Attachment[];
  attachmentsLoaded: boolean;
  meetingOpen: boolean;
  meetingId: string;
  announce: (m: string) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const me = useCurrentMe();
  const headingId = `agenda-item-${item.id}`;
  const ownUnit = item.invitedUnits.find((u) => u.id === me.actingUnit.id);
  // The owning unit and units covered by the consent speak for the family, invited or not
  // (readerCovered). A voice the reader can see also means the reader's unit may write it.
  const readerCovered = item.readerCovered ?? ownUnit?.covered === true;
  const canSpeak = item.kind === 'case' && (voice !== undefined || readerCovered);
  return (
    <li className="agenda-item" aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {item.title}
      </Heading>
      <Tag data-size="sm" data-color="info">
        {t(`meetings.agenda.kinds.${item.kind}`)}
      </Tag>
      {item.description && <Paragraph className="pre-wrap">{item.description}</Paragraph>}
      <Paragraph data-size="sm">
        <strong>{t('meetings.agenda.invited')}:</strong>{' '}
        {item.invitedUnits.length === 0
          ? t('meetings.agenda.noneInvited')
          : item.invitedUnits.map((u) => (u.covered === false ? `${u.name} (${t('meetings.agenda.notCovered')})` : u.name)).join(', ')}
      </Paragraph>
      {isSamordnare && item.warnings.length > 0 && (
        <Alert data-color="warning">
          <Heading level={4} data-size="xs">
            {t('meetings.agenda.warningsTitle')}
          </Heading>
          {item.warnings.map((w) => (
            <Paragraph key={w.unitId}>{localize(w.sv, w.en)}</Paragraph>
          ))}
        </Alert>
      )}
      {item.kind === 'case' && (
        <ItemVoice item={item} meetingId={meetingId} voice={voice} loaded={followUpLoaded} canSpeak={canSpeak} invited={ownUnit !== undefined} />
      )}
      <ItemAttachments
        item={item}
        meetingId={meetingId}
        attachments={attachments}
        loaded={attachmentsLoaded}
        isSamordnare={isSamordnare}
        meetingOpen={meetingOpen}
      />
      <Heading level={4} data-size="xs">
        {t('meetings.decisions.heading')}
      </Heading>
      <DecisionList item={item} decisions={decisions} meetingId={meetingId} announce={announce} />
      <NewDecisionForm item={item} meetingId={meetingId} announce={announce} />
      <ItemNotes itemId={item.id} itemTitle={item.title} meetingId={meetingId} notes={notes} loaded={notesLoaded} />
      {item.kind === 'case' && <ItemFeedback item={item} meetingId={meetingId} task={feedbackTask} loaded={followUpLoaded} canSpeak={canSpeak} />}
      {item.kind === 'case' && readerCovered && (
        <Paragraph>
          <Link href={familyMinutesPdfUrl(item.id)} download aria-label={t('meetings.minutes.familyPdfLabel', { title: item.title })}>
            {t('meetings.minutes.familyPdf')}
          </Link>
        </Paragraph>
      )}
    </li>
  );
}

/** "Möte <datum>": the meeting's agenda and decisions. */
export function MeetingPage() {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const { meetingId = '' } = useParams();
  const info = useMeetingInfo(meetingId);
  const agenda = useAgenda(meetingId);
  const decisions = useDecisions(meetingId);
  const notes = useMeetingNotes(meetingId);
  const voices = useVoices(meetingId);
  const feedbackTasks = useFeedbackTasks(meetingId);
  const attachments = useAttachments(meetingId);
  const [announcement, setAnnouncement] = useState('');

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/moten">{t('meetings.agenda.back')}</RouterLink>
      </Link>
    </Paragraph>
  );

  const notFound = (isApiError(agenda.error) && agenda.error.status === 404) || (info.isSuccess && info.data === null);
  if (notFound) {
    return (
      <>
        {back}
        <PageHeading>{t('meetings.agenda.notFound')}</PageHeading>
        <Paragraph>{t('meetings.agenda.notFoundText')}</Paragraph>
      </>
    );
  }

  const meeting = info.data?.meeting;
  const title = meeting ? t('meetings.agenda.title', { date: longDate(meeting.date) }) : t('meetings.agenda.titleLoading');
  const byItem = (id: string) => (decisions.data?.items ?? []).filter((d) => d.agendaItemId === id);
  const notesOf = (id: string) => (notes.data?.items ?? []).filter((n) => n.agendaItemId === id);
  const voiceOf = (id: string) => voices.data?.items.find((v) => v.agendaItemId === id);
  const taskOf = (id: string) => feedbackTasks.data?.items.find((f) => f.agendaItemId === id);
  const attachmentsOf = (id: string) => (attachments.data?.items ?? []).filter((a) => a.agendaItemId === id);
  // A failed read shows its error once for the page; the items then behave as if nothing was saved.
  const followUpLoaded = !voices.isPending && !feedbackTasks.isPending;

  return (
    <>
      {back}
      <PageHeading>{title}</PageHeading>
      {meeting && (
        <Paragraph>
          {info.data?.team.name} · {t('meetings.timeRange', { start: meeting.startTime, end: meeting.endTime })}
          {meeting.location ? ` · ${meeting.location}` : ''}
        </Paragraph>
      )}
      {meeting?.status === 'cancelled' && (
        <Alert data-color="warning">
          <Paragraph>
            {meeting.cancelReason ? t('meetings.status.cancelledWith', { reason: meeting.cancelReason }) : t('meetings.agenda.cancelledNote')}
          </Paragraph>
        </Alert>
      )}
      {info.data && (
        <Paragraph>
          <Link href={minutesPdfUrl(meetingId)} download>
            {t('meetings.minutes.teamPdf')}
          </Link>
        </Paragraph>
      )}
      {info.isError && <FormAlert error={info.error} />}
      <div role="status">{announcement && <Paragraph>{announcement}</Paragraph>}</div>
      {info.data && <AttendanceSection meetingId={meetingId} />}
      <section aria-labelledby={AGENDA_HEADING_ID} className="section">
        <Heading level={2} data-size="md" id={AGENDA_HEADING_ID} tabIndex={-1}>
          {t('meetings.agenda.heading')}
        </Heading>
        {(agenda.isPending || decisions.isPending) && <Loading />}
        {agenda.isError && <FormAlert error={agenda.error} level={3} />}
        {decisions.isError && <FormAlert error={decisions.error} level={3} />}
        {notes.isError && <FormAlert error={notes.error} level={3} />}
        {voices.isError && <FormAlert error={voices.error} level={3} />}
        {feedbackTasks.isError && <FormAlert error={feedbackTasks.error} level={3} />}
        {attachments.isError && <FormAlert error={attachments.error} level={3} />}
        {agenda.data && agenda.data.items.length === 0 && <Paragraph>{t('meetings.agenda.empty')}</Paragraph>}
        {agenda.data && agenda.data.items.length > 0 && (
          <List.Ordered className="agenda" aria-labelledby={AGENDA_HEADING_ID}>
            {[...agenda.data.items]
              .sort((a, b) => a.position - b.position)
              .map((item) => (
                <AgendaEntry
                  key={item.id}
                  item={item}
                  isSamordnare={agenda.data.isSamordnare}
                  decisions={byItem(item.id)}
                  notes={notesOf(item.id)}
                  notesLoaded={notes.isSuccess}
                  voice={voiceOf(item.id)}
                  feedbackTask={taskOf(item.id)}
                  followUpLoaded={followUpLoaded}
                  attachments={attachmentsOf(item.id)}
                  attachmentsLoaded={!attachments.isPending}
                  meetingOpen={meeting !== undefined && meeting.status !== 'cancelled'}
                  meetingId={meetingId}
                  announce={setAnnouncement}
                />
              ))}
          </List.Ordered>
        )}
      </section>
      {agenda.data?.isSamordnare && meeting?.status !== 'cancelled' && (
        <AgendaItemForm
          meetingId={meetingId}
          onAdded={(itemTitle) => {
            setAnnouncement(t('meetings.agenda.add.saved', { title: itemTitle }));
            focusLater(AGENDA_HEADING_ID);
          }}
        />
      )}
    </>
  );
}
