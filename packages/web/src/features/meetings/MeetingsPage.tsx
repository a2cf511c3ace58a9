import { Fragment, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { Missing } from '../../ui/Missing';
import { focusLater } from '../cases/caseContext';
import { todaySv } from '../cases/api';
import { meetingKeys, useMyTeams, useTeamMeetings, type Meeting, type MeetingRange, type TeamMeetings } from './api';
import { CancelForm, MoveForm } from './MeetingForms';
import { SeriesForm } from './SeriesForm';
import { addDays, useLongDate } from './dates';

type OpenForm = { id: string; kind: 'cancel' | 'move' } | null;

const HEADING_ID = 'meetings-heading';
const toggleId = (kind: 'cancel' | 'move', id: string) => `${kind}-${id}`;

/** Status text: "Planerat", "Inställt: <skäl>" or "Flyttat från <datum>". */
function MeetingStatus({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const localize = useLocalize();
  const { holiday, proposedDate } = meeting;
  let warning = '';
  if (holiday) {
    const name = localize(holiday.nameSv, holiday.nameEn);
    warning = proposedDate ? t('meetings.holidayProposal', { name, date: longDate(proposedDate) }) : name;
  } else if (proposedDate) {
    warning = t('meetings.nonWorkingProposal', { date: longDate(proposedDate) });
  }
  return (
    <>
      {meeting.status === 'cancelled' ? (
        <span className="block">
          {meeting.cancelReason ? t('meetings.status.cancelledWith', { reason: meeting.cancelReason }) : t('meetings.status.cancelled')}
        </span>
      ) : (
        <span className="block">
          {meeting.movedFrom ? t('meetings.status.moved', { date: longDate(meeting.movedFrom) }) : t('meetings.status.planned')}
        </span>
      )}
      {meeting.status === 'cancelled' && meeting.movedFrom && (
        <span className="block muted">{t('meetings.status.moved', { date: longDate(meeting.movedFrom) })}</span>
      )}
      {warning && (
        <Tag data-size="sm" data-color="warning" className="meeting-warning">
          {warning}
        </Tag>
      )}
    </>
  );
}

interface TableProps {
  data: TeamMeetings;
  open: OpenForm;
  setOpen: (open: OpenForm) => void;
  onSaved: (kind: 'cancel' | 'move', saved: Meeting) => void;
  onReload: () => void;
}

function MeetingTable({ data, open, setOpen, onSaved, onReload }: TableProps) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const canEdit = data.team.isSamordnare;
  const columns = canEdit ? 6 : 5;

  const toggle = (kind: 'cancel' | 'move', id: string) => setOpen(open?.id === id && open.kind === kind ? null : { id, kind });
  const close = (kind: 'cancel' | 'move', meeting: Meeting, saved?: Meeting) => {
    setOpen(null);
    if (saved) onSaved(kind, saved);
    else focusLater(toggleId(kind, meeting.id));
  };

  return (
    <div className="table-wrap">
      <Table className="meetings-table">
        <caption className="ds-sr-only">{t('meetings.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('meetings.date')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.time')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.location')}</Table.HeaderCell>
            <Table.HeaderCell>{t('common.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.agendaColumn')}</Table.HeaderCell>
            {canEdit && <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.meetings.map((m) => {
            const date = longDate(m.date);
            const formOpen = open?.id === m.id ? open.kind : null;
            return (
              <Fragment key={m.id}>
                <Table.Row className={m.status === 'cancelled' ? 'meeting meeting--cancelled' : 'meeting'}>
                  <Table.Cell className="nowrap">{date}</Table.Cell>
                  <Table.Cell className="nowrap">{t('meetings.timeRange', { start: m.startTime, end: m.endTime })}</Table.Cell>
                  <Table.Cell>{m.location ?? <Missing />}</Table.Cell>
                  <Table.Cell>
                    <MeetingStatus meeting={m} />
                  </Table.Cell>
                  <Table.Cell>
                    {m.status === 'planned' && (
                      <Link asChild>
                        <RouterLink to={`/moten/${encodeURIComponent(m.id)}`} aria-label={t('meetings.agendaLinkLabel', { date })}>
                          {t('meetings.agendaLink')}
                        </RouterLink>
                      </Link>
                    )}
                  </Table.Cell>
                  {canEdit && (
                    <Table.Cell>
                      {m.status === 'planned' && (
                        <div className="page-actions">
                          <Button
                            id={toggleId('cancel', m.id)}
                            type="button"
                            variant="tertiary"
                            data-size="sm"
                            aria-expanded={formOpen === 'cancel'}
                            aria-label={t('meetings.cancel.toggleLabel', { date })}
                            onClick={() => toggle('cancel', m.id)}
                          >
                            {t('meetings.cancel.toggle')}
                          </Button>
                          <Button
                            id={toggleId('move', m.id)}
                            type="button"
                            variant="tertiary"
                            data-size="sm"
                            aria-expanded={formOpen === 'move'}
                            aria-label={t('meetings.move.toggleLabel', { date })}
                            onClick={() => toggle('move', m.id)}
                          >
                            {t('meetings.move.toggle')}
                          </Button>
                        </div>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
                {canEdit && formOpen && m.status === 'planned' && (
                  <Table.Row className="meeting-form-row">
                    <Table.Cell colSpan={columns}>
                      {formOpen === 'cancel' ? (
                        <CancelForm meeting={m} onDone={(saved) => close('cancel', m, saved)} onReload={onReload} />
                      ) : (
                        <MoveForm meeting={m} onDone={(saved) => close('move', m, saved)} onReload={onReload} />
                      )}
                    </Table.Cell>
                  </Table.Row>
                )}
              </Fragment>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

/** "Teamets möten": the team's coming meetings; the samordnare plans series and cancels or moves meetings. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const longDate = useLongDate();
  const teams = useMyTeams();
  const [selected, setSelected] = useState<string | null>(null);
  const [range, setRange] = useState<MeetingRange>(() => {
    const today = todaySv();
    return { from: today, to: addDays(today, 365) };
  });
  const [open, setOpen] = useState<OpenForm>(null);
  const [announcement, setAnnouncement] = useState('');

  const items = teams.data?.items ?? [];
  const teamId = items.find((team) => team.id === selected)?.id ?? items[0]?.id ?? null;
  const meetings = useTeamMeetings(teamId, range);
  const data = meetings.data;

  const onSaved = (kind: 'cancel' | 'move', saved: Meeting) => {
    if (!teamId) return;
    qc.setQueryData<TeamMeetings>(meetingKeys.list(teamId, range), (old) =>
      old ? { ...old, meetings: old.meetings.map((m) => (m.id === saved.id ? saved : m)) } : old,
    );
    void qc.invalidateQueries({ queryKey: meetingKeys.team(teamId) });
    if (kind === 'cancel') {
      setAnnouncement(t('meetings.cancel.saved', { date: longDate(saved.date) }));
      focusLater(HEADING_ID);
    } else {
      setAnnouncement(t('meetings.move.saved', { date: longDate(saved.date) }));
      focusLater(toggleId('move', saved.id));
    }
  };

  const onCreated = (untilDate: string) => {
    setAnnouncement('');
    if (untilDate > range.to) setRange({ ...range, to: untilDate });
  };

  return (
    <>
      <PageHeading>{t('meetings.title')}</PageHeading>
      <Paragraph>{t('meetings.intro')}</Paragraph>
      {teams.isPending && <Loading />}
      {teams.isError && <FormAlert error={teams.error} />}
      {teams.isSuccess && items.length === 0 && <Paragraph>{t('meetings.noTeam')}</Paragraph>}
      {items.length > 1 && (
        <SelectField
          label={t('meetings.team')}
          width="auto"
          value={teamId ?? ''}
          onChange={(e) => {
            setSelected(e.target.value);
            setOpen(null);
            setAnnouncement('');
          }}
        >
          {items.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      )}
      {items.length === 1 && (
        <Paragraph>
          {t('meetings.team')}: <strong>{items[0]!.name}</strong>
        </Paragraph>
      )}
      {teamId && (
        <section aria-labelledby={HEADING_ID} className="section">
          <Heading level={2} data-size="md" id={HEADING_ID} tabIndex={-1} className="page-heading">
            {t('meetings.caption')}
          </Heading>
          <Paragraph data-size="sm" className="muted">
            {t('meetings.range', { from: longDate(range.from), to: longDate(range.to) })}
          </Paragraph>
          <div role="status">{announcement && <Paragraph>{announcement}</Paragraph>}</div>
          {meetings.isPending && <Loading />}
          {meetings.isError && <FormAlert error={meetings.error} level={3} />}
          {data && data.meetings.length === 0 && (
            <>
              <Paragraph>{t('meetings.none')}</Paragraph>
              {data.team.isSamordnare && <Paragraph>{t('meetings.noneHint')}</Paragraph>}
            </>
          )}
          {data && data.meetings.length > 0 && (
            <MeetingTable data={data} open={open} setOpen={setOpen} onSaved={onSaved} onReload={() => void meetings.refetch()} />
          )}
        </section>
      )}
      {teamId && data?.team.isSamordnare && <SeriesForm key={teamId} teamId={teamId} onCreated={onCreated} />}
    </>
  );
}
