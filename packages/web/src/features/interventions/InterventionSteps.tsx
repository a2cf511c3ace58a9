import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { todaySv } from '../cases/api';
import { focusLater } from '../cases/caseContext';
import {
  acceptHandover,
  declineHandover,
  END_REASONS,
  endIntervention,
  HANDOVER_CATEGORIES,
  requestHandover,
  revokeHandover,
  startIntervention,
  useRefreshInterventions,
  type EndReason,
  type HandoverCategory,
  type Intervention,
  type InterventionAction,
} from './api';
import { CheckboxGroup } from './CheckboxGroup';
import { useInterventionLabels } from './labels';

/** The steps with a form (accept is a single button). */
export type FormStep = Exclude<InterventionAction, 'accept'>;
const ORDER: InterventionAction[] = ['request', 'accept', 'start', 'decline', 'end', 'revoke'];

const REQUEST_SHOWN = fieldMatcher(['message', 'categories', 'categories.*']);
const DECLINE_SHOWN = fieldMatcher(['reason']);
const START_SHOWN = fieldMatcher(['on']);
const END_SHOWN = fieldMatcher(['endReason', 'note', 'reason', 'on']);

/** The DOM id of an item's heading (focus goes there after a step). */
export const interventionHeadingId = (id: string) => `intervention-${id}`;
const buttonId = (id: string, step: InterventionAction) => `intervention-${id}-${step}`;
export const handoverMessageId = (id: string) => `intervention-${id}-message`;

interface FormProps {
  item: Intervention;
  subject: string;
  level: 3 | 4 | 5;
  onDone: (saved: Intervention, message: string) => Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="button" variant="secondary" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  );
}

/** Runs a step; a refusal stays on the form (the entered values are kept) instead of throwing. */
function useStepSubmit<V>(run: (values: V) => Promise<void>): [unknown, (values: V) => Promise<void>] {
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: V) => {
    setError(null);
    try {
      await run(values);
    } catch (e) {
      setError(e);
    }
  };
  return [error, submit];
}

/** The frame every step form shares: its name, the server's errors, the fields, submit and cancel. */
function StepForm({
  label,
  error,
  shown,
  submitLabel,
  submitting,
  onSubmit,
  level,
  onCancel,
  onReload,
  children,
}: Pick<FormProps, 'level' | 'onCancel' | 'onReload'> & {
  label: string;
  error: unknown;
  shown: (field: string) => boolean;
  submitLabel: string;
  submitting: boolean;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  children: React.ReactNode;
}) {
  return (
    <form className="form intervention-form" noValidate aria-label={label} onSubmit={onSubmit}>
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, shown)} onReload={onReload} level={level} />
      {children}
      <div className="form__actions">
        <Button type="submit" loading={submitting}>
          {submitLabel}
        </Button>
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}

/** "Begär överlämning": a message and what it carries; the consent must cover the receiving unit for each. */
function HandoverForm({ item, subject, level, onDone, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const labels = useInterventionLabels();
  const { register, handleSubmit, formState, control } = useForm<{ message: string; categories: HandoverCategory[] }>({
    defaultValues: { message: '', categories: [] },
  });

  const [error, onSubmit] = useStepSubmit(async (v: { message: string; categories: HandoverCategory[] }) => {
    const saved = await requestHandover(item.id, { message: v.message.trim(), categories: v.categories, version: item.version });
    await onDone(saved, t('interventions.request.done', { name: item.name, unit: item.provider.name }));
  });
  const errorFor = useFieldErrors(formState.errors, error);

  return (
    <StepForm
      label={t('interventions.request.formLabel', { subject })}
      error={error}
      shown={REQUEST_SHOWN}
      submitLabel={t('interventions.request.submit')}
      submitting={formState.isSubmitting}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      level={level}
      onCancel={onCancel}
      onReload={onReload}
    >
      <Paragraph>{t('interventions.request.intro', { unit: item.provider.name })}</Paragraph>
      <Textfield
        id={handoverMessageId(item.id)}
        multiline
        rows={4}
        label={t('interventions.request.message', { unit: item.provider.name })}
        description={t('interventions.request.messageHelp')}
        error={errorFor('message')}
        {...register('message', requiredText)}
      />
      <CheckboxGroup
        control={control}
        name="categories"
        legend={t('interventions.request.categories')}
        description={t('interventions.request.categoriesHelp', { unit: item.provider.name })}
        options={HANDOVER_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
        error={errorFor('categories')}
      />
    </StepForm>
  );
}

/** "Avböj": the receiving unit says why (the server requires it and explains). */
function DeclineForm({ item, subject, level, onDone, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  const [error, onSubmit] = useStepSubmit(async (v: { reason: string }) => {
    const saved = await declineHandover(item.id, { reason: v.reason.trim(), version: item.version });
    await onDone(saved, t('interventions.decline.done', { name: item.name }));
  });
  const errorFor = useFieldErrors(formState.errors, error);

  return (
    <StepForm
      label={t('interventions.decline.formLabel', { subject })}
      error={error}
      shown={DECLINE_SHOWN}
      submitLabel={t('interventions.decline.submit')}
      submitting={formState.isSubmitting}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      level={level}
      onCancel={onCancel}
      onReload={onReload}
    >
      <Textfield
        multiline
        rows={3}
        label={t('interventions.decline.reason')}
        description={t('interventions.decline.reasonHelp', { unit: item.sender.name })}
        error={errorFor('reason')}
        {...register('reason')}
      />
    </StepForm>
  );
}

/** "Återkalla": the sending unit takes the hand-over back before the start; the reason is optional. */
function RevokeForm({ item, subject, level, onDone, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  const [error, onSubmit] = useStepSubmit(async (v: { reason: string }) => {
    const reason = v.reason.trim();
    const saved = await revokeHandover(item.id, { ...(reason ? { reason } : {}), version: item.version });
    await onDone(saved, t('interventions.revoke.done', { name: item.name }));
  });
  const errorFor = useFieldErrors(formState.errors, error);

  return (
    <StepForm
      label={t('interventions.revoke.formLabel', { subject })}
      error={error}
      shown={DECLINE_SHOWN}
      submitLabel={t('interventions.revoke.submit')}
      submitting={formState.isSubmitting}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      level={level}
      onCancel={onCancel}
      onReload={onReload}
    >
      <Textfield multiline rows={2} label={t('interventions.revoke.reason')} error={errorFor('reason')} {...register('reason')} />
    </StepForm>
  );
}

/** "Starta": the date the intervention started, today by default. */
function StartForm({ item, subject, level, onDone, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const today = todaySv();
  const { register, handleSubmit, formState } = useForm<{ on: string }>({ defaultValues: { on: today } });

  const [error, onSubmit] = useStepSubmit(async (v: { on: string }) => {
    const saved = await startIntervention(item.id, { on: v.on, version: item.version });
    await onDone(saved, t('interventions.start.done', { name: item.name }));
  });
  const errorFor = useFieldErrors(formState.errors, error);

  return (
    <StepForm
      label={t('interventions.start.formLabel', { subject })}
      error={error}
      shown={START_SHOWN}
      submitLabel={t('interventions.start.submit')}
      submitting={formState.isSubmitting}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      level={level}
      onCancel={onCancel}
      onReload={onReload}
    >
      <Textfield
        type="date"
        max={today}
        label={t('interventions.start.on')}
        description={t('interventions.start.onHelp')}
        error={errorFor('on')}
        {...register('on', { required: 'consent.form.errors.dateRequired' })}
      />
    </StepForm>
  );
}

interface EndValues {
  endReason: EndReason | '';
  note: string;
  on: string;
}

/** "Avsluta": why (from the list), an optional note (required for "Annat") and the date. */
function EndForm({ item, subject, level, onDone, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const labels = useInterventionLabels();
  const today = todaySv();
  const { register, handleSubmit, formState } = useForm<EndValues>({ defaultValues: { endReason: '', note: '', on: today } });

  const [error, onSubmit] = useStepSubmit(async (v: EndValues) => {
    const note = v.note.trim();
    const saved = await endIntervention(item.id, {
      endReason: v.endReason as EndReason,
      ...(note ? { note } : {}),
      on: v.on,
      version: item.version,
    });
    await onDone(saved, t('interventions.end.done', { name: item.name, reason: labels.endReason(v.endReason) }));
  });
  const errorFor = useFieldErrors(formState.errors, error);

  return (
    <StepForm
      label={t('interventions.end.formLabel', { subject })}
      error={error}
      shown={END_SHOWN}
      submitLabel={t('interventions.end.submit')}
      submitting={formState.isSubmitting}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      level={level}
      onCancel={onCancel}
      onReload={onReload}
    >
      <SelectField label={t('interventions.end.reason')} error={errorFor('endReason')} {...register('endReason', { required: 'validation.choose' })}>
        <option value="">{t('common.choose')}</option>
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {labels.endReason(r)}
          </option>
        ))}
      </SelectField>
      <Textfield
        multiline
        rows={2}
        label={t('interventions.end.note')}
        description={t('interventions.end.noteHelp')}
        error={errorFor('note') ?? errorFor('reason')}
        {...register('note')}
      />
      <Textfield
        type="date"
        max={today}
        label={t('interventions.end.on')}
        error={errorFor('on')}
        {...register('on', { required: 'consent.form.errors.dateRequired' })}
      />
    </StepForm>
  );
}

const FORMS: Record<FormStep, (p: FormProps) => React.ReactElement> = {
  request: HandoverForm,
  decline: DeclineForm,
  revoke: RevokeForm,
  start: StartForm,
  end: EndForm,
};

interface Props {
  item: Intervention;
  /** Names the intervention in the buttons' and forms' accessible names (e.g. "<namn> för <pseudonym>"). */
  subject: string;
  /** Heading level of the form messages. */
  level: 3 | 4 | 5;
  /** Announces the result in the page's status region. */
  announce: (message: string | null) => void;
  /** A form open from the start (the hand-over form right after proposing). */
  initialStep?: FormStep | null;
}

/** The steps the acting unit may take now (`mayDo`): a button each, and a form where the step needs input. */
export function InterventionSteps({ item, subject, level, announce, initialStep = null }: Props) {
  const { t } = useTranslation();
  const refresh = useRefreshInterventions();
  const [open, setOpen] = useState<FormStep | null>(initialStep && item.mayDo.includes(initialStep) ? initialStep : null);
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const steps = ORDER.filter((s) => item.mayDo.includes(s));
  if (steps.length === 0) return null;

  const done = async (_saved: Intervention, message: string) => {
    await refresh(item.caseId);
    setOpen(null);
    announce(message);
    focusLater(interventionHeadingId(item.id));
  };

  const onAccept = async () => {
    setAccepting(true);
    setError(null);
    announce(null);
    try {
      const saved = await acceptHandover(item.id, item.version);
      await done(saved, t('interventions.accept.done', { name: item.name }));
    } catch (e) {
      setError(e);
    } finally {
      setAccepting(false);
    }
  };

  const Form = open ? FORMS[open] : null;
  return (
    <div className="intervention__steps">
      <FormAlert error={error} onReload={() => void refresh(item.caseId)} level={level} />
      <div className="page-actions">
        {steps.map((step) =>
          step === 'accept' ? (
            <Button
              key={step}
              id={buttonId(item.id, step)}
              type="button"
              loading={accepting}
              aria-label={t('interventions.accept.label', { subject })}
              onClick={() => void onAccept()}
            >
              {t('interventions.accept.button')}
            </Button>
          ) : (
            <Button
              key={step}
              id={buttonId(item.id, step)}
              type="button"
              variant={step === 'request' || step === 'start' ? 'primary' : 'secondary'}
              aria-expanded={open === step}
              aria-label={t(`interventions.${step}.label`, { subject })}
              onClick={() => {
                announce(null);
                setError(null);
                setOpen(open === step ? null : step);
              }}
            >
              {t(`interventions.${step}.button`)}
            </Button>
          ),
        )}
      </div>
      {Form && open && (
        <Form
          key={open}
          item={item}
          subject={subject}
          level={level}
          onDone={done}
          onReload={() => void refresh(item.caseId)}
          onCancel={() => {
            setOpen(null);
            focusLater(buttonId(item.id, open));
          }}
        />
      )}
    </div>
  );
}
