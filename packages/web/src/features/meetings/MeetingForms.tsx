import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { todaySv } from '../cases/api';
import { cancelMeeting, moveMeeting, type Meeting } from './api';
import { useLongDate } from './dates';

const CANCEL_SHOWN = fieldMatcher(['reason']);
const MOVE_SHOWN = fieldMatcher(['date', 'startTime', 'endTime']);
const required = { required: 'validation.required' };

interface FormProps {
  meeting: Meeting;
  /** Saved: the fresh meeting; undefined when the user closed the form. */
  onDone: (saved?: Meeting) => void;
  /** Fetches the meetings again (after a 409). */
  onReload: () => void;
}

/** The 409 message: the user's input stays in the form. */
function ConflictAlert({ error, shown, onReload }: { error: unknown; shown: (field: string) => boolean; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <FormAlert
      error={error}
      unmatched={unmatchedFieldErrors(error, shown)}
      onReload={onReload}
      conflictTitle={t('meetings.conflictTitle')}
      conflictText={t('meetings.conflictText')}
      level={3}
    />
  );
}

/** "Ställ in mötet <datum>": a reason, then the meeting is cancelled. */
export function CancelForm({ meeting, onDone, onReload }: FormProps) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const onSubmit = async (v: { reason: string }) => {
    setError(null);
    try {
      onDone(await cancelMeeting(meeting.id, { version: meeting.version, reason: v.reason.trim() }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      id={`cancel-form-${meeting.id}`}
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.cancel.formLabel', { date: longDate(meeting.date) })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <ConflictAlert error={error} shown={CANCEL_SHOWN} onReload={onReload} />
      <Textfield label={t('meetings.cancel.reason')} autoComplete="off" error={errorFor('reason')} {...register('reason', requiredText)} />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.cancel.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

interface MoveValues {
  date: string;
  startTime: string;
  endTime: string;
}

/** "Flytta mötet <datum>": new date and times; the holiday's proposed date is filled in. */
export function MoveForm({ meeting, onDone, onReload }: FormProps) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<MoveValues>({
    defaultValues: { date: meeting.proposedDate ?? meeting.date, startTime: meeting.startTime, endTime: meeting.endTime },
  });
  const errorFor = useFieldErrors(formState.errors, error);

  const onSubmit = async (v: MoveValues) => {
    setError(null);
    try {
      onDone(await moveMeeting(meeting.id, { version: meeting.version, date: v.date, startTime: v.startTime, endTime: v.endTime }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      id={`move-form-${meeting.id}`}
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.move.formLabel', { date: longDate(meeting.date) })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <ConflictAlert error={error} shown={MOVE_SHOWN} onReload={onReload} />
      <Textfield
        label={t('meetings.move.date')}
        description={meeting.proposedDate ? t('meetings.move.proposedHelp', { date: longDate(meeting.proposedDate) }) : undefined}
        type="date"
        min={todaySv()}
        error={errorFor('date')}
        {...register('date', required)}
      />
      <div className="form__inline">
        <Textfield label={t('meetings.startTime')} type="time" error={errorFor('startTime')} {...register('startTime', required)} />
        <Textfield label={t('meetings.endTime')} type="time" error={errorFor('endTime')} {...register('endTime', required)} />
      </div>
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.move.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
