import { useState } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { AGE_BANDS, type AgeBand, type CaseCreateBody, type CaseDetail } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { signalKeys, useSignal } from '../signals/api';
import { caseKeys, createCase } from './api';
import { useCaseLabels, useDateFormat } from './labels';

export interface ConsultationValues {
  pseudonym: string;
  ageBand: AgeBand | '';
  description: string;
}

const SHOWN = fieldMatcher(['pseudonym', 'ageBand', 'description']);

/** State passed to the case page after saving, so it can announce what was saved. */
export interface SavedCaseState {
  savedMessage: string;
}

/** The warning shown above the description of a de-identified case. */
export function IdentifyingDataWarning({ level = 2 }: { level?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning">
      <Heading level={level} data-size="xs">
        {t('consultation.warningTitle')}
      </Heading>
      <Paragraph>{t('consultation.warningText')}</Paragraph>
    </Alert>
  );
}

/** Pseudonym, age band and description: shared by the new consultation and the case's edit form. */
export function ConsultationFields({
  register,
  errorFor,
}: {
  register: UseFormRegister<ConsultationValues>;
  errorFor: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return (
    <>
      <Textfield
        label={t('consultation.pseudonym')}
        description={t('consultation.pseudonymHelp')}
        autoComplete="off"
        error={errorFor('pseudonym')}
        {...register('pseudonym', requiredText)}
      />
      <SelectField label={t('consultation.ageBand')} error={errorFor('ageBand')} {...register('ageBand', { required: 'validation.choose' })}>
        <option value="">{t('common.choose')}</option>
        {AGE_BANDS.map((band) => (
          <option key={band} value={band}>
            {labels.ageBand(band)}
          </option>
        ))}
      </SelectField>
      <Textfield
        multiline
        rows={6}
        label={t('consultation.description')}
        description={`${t('consultation.descriptionHelp')} ${t('consultation.warningText')}`}
        error={errorFor('description')}
        {...register('description', requiredText)}
      />
    </>
  );
}

/** "Ny anonym konsultation": a case without the child's name, optionally from a received signal. */
export function NewConsultationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const date = useDateFormat();
  const [params] = useSearchParams();
  const signalId = params.get('signal');
  const signal = useSignal(signalId);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<ConsultationValues>({ defaultValues: { pseudonym: '', ageBand: '', description: '' } });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: ConsultationValues) => {
    setSubmitError(null);
    const body: CaseCreateBody = { pseudonym: v.pseudonym.trim(), ageBand: v.ageBand as AgeBand, description: v.description.trim() };
    if (signalId) body.signalId = signalId;
    try {
      const created: CaseDetail = await createCase(body);
      qc.setQueryData(caseKeys.detail(created.id), created);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: signalKeys.all });
      const state: SavedCaseState = { savedMessage: t('consultation.saved') };
      navigate(`/arenden/${encodeURIComponent(created.id)}`, { state });
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <>
      <PageHeading>{t('consultation.title')}</PageHeading>
      <Paragraph>{t('consultation.intro')}</Paragraph>
      {signal.isSuccess && (
        <Paragraph>{t('consultation.fromSignal', { unit: signal.data.owningUnit.name, date: date(signal.data.createdAt) })}</Paragraph>
      )}
      {signal.isError && <Paragraph>{t('consultation.signalNotFound')}</Paragraph>}
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} />
        <IdentifyingDataWarning />
        <ConsultationFields register={register} errorFor={errorFor} />
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('consultation.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
