import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import type { ListResponse } from '../../api/types';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { useAssignable, useCases } from '../cases/api';
import { focusLater } from '../cases/caseContext';
import { agendaKeys, completeFeedbackTask, createFeedbackTask, type AgendaItem, type FeedbackTask } from './api';
import { useLongDate } from './dates';

const CREATE_SHOWN = fieldMatcher(['ownerUserId', 'ownerUnitId']);
const DONE_SHOWN = fieldMatcher(['note']);

/** "Inte klar" / "Klar" and "Försenad". */
export function FeedbackTags({ task }: { task: FeedbackTask }) {
  const { t } = useTranslation();
  return (
    <span className="decision__tags">
      <Tag data-size="sm" data-color={task.status === 'done' ? 'success' : 'neutral'}>
        {t(`meetings.feedback.status.${task.status}`)}
      </Tag>
      {task.overdue && task.status === 'open' && (
        <Tag data-size="sm" data-color="danger">
          {t('meetings.feedback.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** "Markera som klar": only the task's owner; a short note on how it went is required. */
export function FeedbackDoneForm({ task, onDone, level = 5 }: { task: FeedbackTask; onDone: (saved: FeedbackTask) => void; level?: 3 | 4 | 5 }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: agendaKeys.feedbackTasks(task.meetingId) }),
      qc.invalidateQueries({ queryKey: agendaKeys.tasks }),
      qc.invalidateQueries({ queryKey: ['meetings', 'follow-up'] }),
    ]);

  const onSubmit = async (v: { note: string }) => {
    setError(null);
    try {
      const saved = await completeFeedbackTask(task.id, { version: task.version, note: v.note.trim() });
      await refresh();
      onDone(saved);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.feedback.done.formLabel', { title: task.itemTitle })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <FormAlert
        error={error}
        unmatched={unmatchedFieldErrors(error, DONE_SHOWN)}
        onReload={() => void refresh()}
        conflictTitle={t('meetings.feedback.conflictTitle')}
        conflictText={t('meetings.feedback.conflictText')}
        level={level}
      />
      <Textfield
        multiline
        rows={2}
        label={t('meetings.feedback.done.note')}
        description={t('meetings.feedback.done.noteHelp')}
        error={errorFor('note')}
        {...register('note', requiredText)}
      />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.feedback.done.submit')}
        </Button>
      </div>
    </form>
  );
}

interface Person {
  userId: string;
  name: string;
  unitId: string;
  unitName: string;
}

/**
 * "Utse vem som återkopplar": the acting user, and – when the acting unit owns the case – the
 * people in the units invited to the item that the consent covers (the server checks it again).
 */
function CreateFeedbackForm({ item, meetingId, onCreated }: { item: AgendaItem; meetingId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useCurrentMe();
  const cases = useCases({});
  const ownsCase = (cases.data?.items ?? []).some((c) => c.id === item.caseId && c.owningUnit.id === me.actingUnit.id);
  const assignable = useAssignable(item.caseId ?? '', ownsCase);
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ person: string }>({ defaultValues: { person: '' } });
  const errorFor = useFieldErrors(formState.errors, error);
  const headingId = `feedback-create-${item.id}`;

  const covered = new Set(item.invitedUnits.filter((u) => u.covered === true).map((u) => u.id));
  const key = (p: { userId: string; unitId: string }) => `${p.userId}|${p.unitId}`;
  const self: Person = { userId: me.id, name: me.displayName, unitId: me.actingUnit.id, unitName: me.actingUnit.name };
  const others = (assignable.data?.items ?? []).filter((p) => covered.has(p.unitId) && key(p) !== key(self));

  const onSubmit = async (v: { person: string }) => {
    setError(null);
    const person = [self, ...others].find((p) => key(p) === v.person);
    if (!person) return;
    try {
      const task = await createFeedbackTask(item.id, { ownerUserId: person.userId, ownerUnitId: person.unitId });
      qc.setQueryData<ListResponse<FeedbackTask>>(agendaKeys.feedbackTasks(meetingId), (old) =>
        old ? { items: [...old.items.filter((x) => x.id !== task.id), task] } : old,
      );
      void qc.invalidateQueries({ queryKey: agendaKeys.tasks });
      onCreated();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.feedback.createLabel', { title: item.title })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <Heading level={5} data-size="2xs" id={headingId}>
        {t('meetings.feedback.createTitle')}
      </Heading>
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, CREATE_SHOWN)} level={5} />
      {ownsCase && assignable.isPending && <Loading />}
      <SelectField
        label={t('meetings.feedback.owner')}
        description={t('meetings.feedback.ownerHelp')}
        error={errorFor('person') ?? errorFor('ownerUserId') ?? errorFor('ownerUnitId')}
        {...register('person', { required: 'validation.choose' })}
      >
        <option value="">{t('common.choose')}</option>
        <option value={key(self)}>{t('meetings.feedback.me', { name: self.name, unit: self.unitName })}</option>
        {others.map((p) => (
          <option key={key(p)} value={key(p)}>
            {t('meetings.feedback.person', { name: p.name, unit: p.unitName })}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.feedback.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * "Återkoppling till familjen" under a case item: who tells the child and the guardians, and by
 * when (N working days after the meeting, counted by the server); the owner marks it done.
 */
export function ItemFeedback({
  item,
  meetingId,
  task,
  loaded,
  canSpeak,
}: {
  item: AgendaItem;
  meetingId: string;
  task: FeedbackTask | undefined;
  loaded: boolean;
  canSpeak: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const longDate = useLongDate();
  const [status, setStatus] = useState('');
  const summaryId = `feedback-summary-${item.id}`;

  if (!task && !canSpeak) return null;

  return (
    <div className="item-feedback">
      <Heading level={4} data-size="xs">
        {t('meetings.feedback.heading')}
      </Heading>
      {!loaded && <Loading />}
      {loaded && task && (
        <>
          <Paragraph id={summaryId} tabIndex={-1}>
            {t('meetings.feedback.summary', { name: task.owner.name, unit: task.owner.unitName, date: longDate(task.dueDate) })}{' '}
            <FeedbackTags task={task} />
          </Paragraph>
          {task.status === 'done' && task.doneOn && (
            <Paragraph data-size="sm" className="pre-wrap">
              {t('meetings.feedback.doneOn', { date: longDate(task.doneOn), note: task.doneNote ?? '' })}
            </Paragraph>
          )}
          {task.status === 'open' && task.owner.userId === me.id && (
            <FeedbackDoneForm
              task={task}
              onDone={() => {
                setStatus(t('meetings.feedback.done.saved'));
                focusLater(summaryId);
              }}
            />
          )}
        </>
      )}
      {loaded && !task && (
        <>
          <Paragraph data-size="sm">{t('meetings.feedback.intro')}</Paragraph>
          <CreateFeedbackForm
            item={item}
            meetingId={meetingId}
            onCreated={() => {
              setStatus(t('meetings.feedback.created'));
              focusLater(summaryId);
            }}
          />
        </>
      )}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </div>
  );
}
