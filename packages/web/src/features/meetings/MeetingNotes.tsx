import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import type { ListResponse } from '../../api/types';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { isApiError } from '../../api/client';
import { agendaKeys, conflictingNote, saveNote, setAttendance, useAttendance, type Attendee, type MeetingNote } from './api';

const ATTENDANCE_HEADING_ID = 'attendance-heading';

/** "Närvaro": one checkbox per team member; every change is saved at once. */
export function AttendanceSection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const attendance = useAttendance(meetingId);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (a: Attendee, present: boolean) => {
    setError(null);
    setStatus('');
    setBusy(a.userId);
    try {
      await setAttendance(meetingId, { userId: a.userId, present });
      qc.setQueryData<ListResponse<Attendee>>(agendaKeys.attendance(meetingId), (old) =>
        old ? { items: old.items.map((x) => (x.userId === a.userId ? { ...x, present } : x)) } : old,
      );
      setStatus(t('meetings.attendance.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby={ATTENDANCE_HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={ATTENDANCE_HEADING_ID}>
        {t('meetings.attendance.heading')}
      </Heading>
      {attendance.isPending && <Loading />}
      {attendance.isError && <FormAlert error={attendance.error} level={3} />}
      <FormAlert error={error} level={3} />
      {attendance.data && (
        <Fieldset>
          <Fieldset.Legend>{t('meetings.attendance.legend')}</Fieldset.Legend>
          <div className="checkbox-grid">
            {attendance.data.items.map((a) => (
              <Checkbox
                key={a.userId}
                label={t('meetings.attendance.member', { name: a.name, unit: a.unitName })}
                checked={a.present === true}
                disabled={busy === a.userId}
                onChange={(e) => void toggle(a, e.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
      )}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </section>
  );
}

const SHOWN = fieldMatcher(['text']);

/** The acting unit's own note on an agenda item, saved with the version the user started from. */
function OwnNoteForm({ itemId, itemTitle, meetingId, own }: { itemId: string; itemTitle: string; meetingId: string; own: MeetingNote | undefined }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const [text, setText] = useState(own?.text ?? '');
  const [version, setVersion] = useState(own?.version ?? 0);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ current: MeetingNote; detail: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);
  const errorFor = useFieldErrors({}, error);
  const fieldId = `note-${itemId}`;

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const save = async (fromVersion: number) => {
    setError(null);
    setStatus('');
    setSaving(true);
    try {
      const saved = await saveNote(itemId, { version: fromVersion, text });
      setVersion(saved.version);
      setText(saved.text);
      setConflict(null);
      qc.setQueryData<ListResponse<MeetingNote>>(agendaKeys.notes(meetingId), (old) =>
        old ? { items: [...old.items.filter((n) => n.id !== saved.id), saved] } : old,
      );
      setStatus(t('meetings.notes.saved'));
    } catch (e) {
      const current = conflictingNote(e);
      if (current && isApiError(e)) {
        setConflict({ current, detail: localize(e.detail, e.detailEn) });
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-label={t('meetings.notes.formLabel', { title: itemTitle })}
      onSubmit={(e) => {
        e.preventDefault();
        void save(version);
      }}
    >
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={5} />
      {conflict && (
        <Alert data-color="warning" ref={conflictRef} tabIndex={-1} className="form-alert">
          <Heading level={5} data-size="xs">
            {t('meetings.notes.conflictTitle')}
          </Heading>
          <Paragraph>{conflict.detail}</Paragraph>
          <Heading level={6} data-size="2xs">
            {t('meetings.notes.savedText')}
          </Heading>
          <blockquote className="note-quote pre-wrap" aria-label={t('meetings.notes.savedTextFrom', { name: conflict.current.updatedByName })}>
            {conflict.current.text}
          </blockquote>
          <Button type="button" variant="secondary" loading={saving} onClick={() => void save(conflict.current.version)}>
            {t('meetings.notes.useMine')}
          </Button>
        </Alert>
      )}
      <Textfield
        id={fieldId}
        multiline
        rows={4}
        label={t('meetings.notes.ownLabel', { unit: me.actingUnit.name })}
        value={text}
        error={errorFor('text')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form__actions">
        <Button type="submit" loading={saving && !conflict}>
          {t('meetings.notes.submit')}
        </Button>
      </div>
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </form>
  );
}

/** "Anteckningar" under an agenda item: other units' notes read-only, the acting unit's own note editable. */
export function ItemNotes({
  itemId,
  itemTitle,
  meetingId,
  notes,
  loaded,
}: {
  itemId: string;
  itemTitle: string;
  meetingId: string;
  notes: MeetingNote[];
  loaded: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const own = notes.find((n) => n.unit.id === me.actingUnit.id);
  const others = notes.filter((n) => n.unit.id !== me.actingUnit.id);
  return (
    <div className="item-notes">
      <Heading level={4} data-size="xs">
        {t('meetings.notes.heading')}
      </Heading>
      {others.length > 0 && (
        <ul className="decision-list" aria-label={t('meetings.notes.othersLabel', { title: itemTitle })}>
          {others.map((n) => (
            <li key={n.id}>
              <Paragraph>
                <strong>{n.unit.name}</strong>
              </Paragraph>
              <Paragraph className="pre-wrap">{n.text}</Paragraph>
              <Paragraph data-size="sm">{t('meetings.notes.updatedBy', { name: n.updatedByName })}</Paragraph>
            </li>
          ))}
        </ul>
      )}
      {loaded ? <OwnNoteForm itemId={itemId} itemTitle={itemTitle} meetingId={meetingId} own={own} /> : <Loading />}
    </div>
  );
}
