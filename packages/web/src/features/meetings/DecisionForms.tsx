import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Heading, Paragraph, Radio, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { optionalText } from '../admin/api';
import { todaySv } from '../cases/api';
import { focusLater } from '../cases/caseContext';
import { agendaKeys, addDecision, closeDecision, SUPPORT_TARGETS, type AgendaItem, type Decision, type SupportTarget } from './api';
import { useLongDate } from './dates';

const NEW_SHOWN = fieldMatcher(['what', 'ownerUserId', 'ownerUnitId', 'dueDate', 'supportTarget', 'followUpDate']);
const CLOSE_SHOWN = fieldMatcher(['note']);

/** Tags for a decision: "Ingens uppgift", "Försenad" and the status. */
export function DecisionTags({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <span className="decision__tags">
      <Tag data-size="sm" data-color={decision.status === 'done' ? 'success' : 'neutral'}>
        {t(`meetings.decisions.status.${decision.status}`)}
      </Tag>
      {decision.nobodysJob && decision.status === 'open' && (
        <Tag data-size="sm" data-color="warning">
          {t('meetings.decisions.nobodysJob')}
        </Tag>
      )}
      {decision.overdue && decision.status === 'open' && (
        <Tag data-size="sm" data-color="danger">
          {t('meetings.decisions.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** One decision: what, who, when, for whom, and "Avsluta beslut" while it is open. */
function DecisionEntry({ decision, meetingId, announce }: { decision: Decision; meetingId: string; announce: (m: string) => void }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const [open, setOpen] = useState(false);
  const toggleId = `close-toggle-${decision.id}`;
  const d = decision;
  return (
    <li className="decision">
      <p className="decision__what">
        <strong>{d.what}</strong> <DecisionTags decision={d} />
      </p>
      <dl className="decision__facts">
        <div>
          <dt>{t('meetings.decisions.owner')}</dt>
          <dd>{d.owner ? t('meetings.decisions.ownerUnit', { name: d.owner.name, unit: d.owner.unitName }) : t('meetings.decisions.noOwner')}</dd>
        </div>
        <div>
          <dt>{t('meetings.decisions.dueDate')}</dt>
          <dd>{d.dueDate ? longDate(d.dueDate) : t('meetings.decisions.noDate')}</dd>
        </div>
        <div>
          <dt>{t('meetings.decisions.supportTarget')}</dt>
          <dd>{t(`meetings.decisions.targets.${d.supportTarget}`)}</dd>
        </div>
        {d.followUpDate && (
          <div>
            <dt>{t('meetings.decisions.followUp')}</dt>
            <dd>{longDate(d.followUpDate)}</dd>
          </div>
        )}
        {d.closedNote && (
          <div>
            <dt>{t('meetings.decisions.closedNote')}</dt>
            <dd>{d.closedNote}</dd>
          </div>
        )}
      </dl>
      {d.status === 'open' && (
        <Button
          id={toggleId}
          type="button"
          variant="tertiary"
          data-size="sm"
          aria-expanded={open}
          aria-label={t('meetings.decisions.close.toggleLabel', { what: d.what })}
          onClick={() => setOpen(!open)}
        >
          {t('meetings.decisions.close.toggle')}
        </Button>
      )}
      {open && d.status === 'open' && (
        <CloseDecisionForm
          decision={d}
          meetingId={meetingId}
          onDone={(saved) => {
            setOpen(false);
            if (saved) announce(t('meetings.decisions.close.saved'));
            else focusLater(toggleId);
          }}
        />
      )}
    </li>
  );
}

export function DecisionList({
  item,
  decisions,
  meetingId,
  announce,
}: {
  item: AgendaItem;
  decisions: Decision[];
  meetingId: string;
  announce: (m: string) => void;
}) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <Paragraph data-size="sm">{t('meetings.decisions.none')}</Paragraph>;
  return (
    <ul className="decision-list" aria-label={t('meetings.decisions.listLabel', { title: item.title })}>
      {decisions.map((d) => (
        <DecisionEntry key={d.id} decision={d} meetingId={meetingId} announce={announce} />
      ))}
    </ul>
  );
}

/** "Avsluta beslut": a note (required by the server when the decision was nobody's job). */
function CloseDecisionForm({ decision, meetingId, onDone }: { decision: Decision; meetingId: string; onDone: (saved?: Decision) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const onSubmit = async (v: { note: string }) => {
    setError(null);
    try {
      const saved = await closeDecision(decision.id, { version: decision.version, note: optionalText(v.note) });
      await qc.invalidateQueries({ queryKey: agendaKeys.decisions(meetingId) });
      void qc.invalidateQueries({ queryKey: agendaKeys.tasks });
      onDone(saved);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.decisions.close.formLabel', { what: decision.what })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <FormAlert
        error={error}
        unmatched={unmatchedFieldErrors(error, CLOSE_SHOWN)}
        onReload={() => void qc.invalidateQueries({ queryKey: agendaKeys.decisions(meetingId) })}
        conflictTitle={t('meetings.decisions.conflictTitle')}
        conflictText={t('meetings.decisions.conflictText')}
        level={5}
      />
      <Textfield
        multiline
        rows={2}
        label={t('meetings.decisions.close.note')}
        description={decision.nobodysJob ? t('meetings.decisions.close.noteHelp') : undefined}
        error={errorFor('note')}
        {...register('note')}
      />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.decisions.close.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

interface NewValues {
  what: string;
  owner: '' | 'me';
  dueDate: string;
  supportTarget: SupportTarget | '';
  followUpDate: string;
}

const NEW_DEFAULTS: NewValues = { what: '', owner: '', dueDate: '', supportTarget: '', followUpDate: '' };

/** "Nytt beslut" under an agenda item. Owner: nobody yet, or the acting user in the acting unit. */
export function NewDecisionForm({ item, meetingId, announce }: { item: AgendaItem; meetingId: string; announce: (m: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useCurrentMe();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, reset } = useForm<NewValues>({ defaultValues: NEW_DEFAULTS });
  const errorFor = useFieldErrors(formState.errors, error);
  const headingId = `new-decision-${item.id}`;
  const today = todaySv();
  const targetError = errorFor('supportTarget');

  const onSubmit = async (v: NewValues) => {
    setError(null);
    try {
      await addDecision(item.id, {
        what: v.what.trim(),
        ...(v.owner === 'me' ? { ownerUserId: me.id, ownerUnitId: me.actingUnit.id } : {}),
        dueDate: optionalText(v.dueDate),
        supportTarget: v.supportTarget as SupportTarget,
        followUpDate: optionalText(v.followUpDate),
      });
      await qc.invalidateQueries({ queryKey: agendaKeys.decisions(meetingId) });
      void qc.invalidateQueries({ queryKey: agendaKeys.tasks });
      reset(NEW_DEFAULTS);
      announce(t('meetings.decisions.new.saved'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.decisions.new.formLabel', { title: item.title })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('meetings.decisions.new.title')}
      </Heading>
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, NEW_SHOWN)} level={5} />
      <Textfield label={t('meetings.decisions.new.what')} autoComplete="off" error={errorFor('what')} {...register('what', requiredText)} />
      <SelectField
        label={t('meetings.decisions.new.owner')}
        description={t('meetings.decisions.new.nobodysJobHelp')}
        error={errorFor('ownerUserId') ?? errorFor('ownerUnitId')}
        {...register('owner')}
      >
        <option value="">{t('meetings.decisions.new.nobody')}</option>
        <option value="me">{t('meetings.decisions.new.me', { name: me.displayName, unit: me.actingUnit.name })}</option>
      </SelectField>
      <div className="form__inline">
        <Textfield
          label={t('meetings.decisions.new.dueDate')}
          description={t('meetings.decisions.new.dateHelp')}
          type="date"
          min={today}
          error={errorFor('dueDate')}
          {...register('dueDate')}
        />
        <Textfield
          label={t('meetings.decisions.new.followUp')}
          description={t('meetings.decisions.new.dateHelp')}
          type="date"
          min={today}
          error={errorFor('followUpDate')}
          {...register('followUpDate')}
        />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('meetings.decisions.new.supportTarget')}</Fieldset.Legend>
        {SUPPORT_TARGETS.map((target) => (
          <Radio
            key={target}
            label={t(`meetings.decisions.targets.${target}`)}
            value={target}
            aria-invalid={targetError ? true : undefined}
            {...register('supportTarget', { required: 'validation.choose' })}
          />
        ))}
        {targetError && <ValidationMessage>{targetError}</ValidationMessage>}
      </Fieldset>
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.decisions.new.submit')}
        </Button>
      </div>
    </form>
  );
}
