import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import {
  INFORMATION_CATEGORIES,
  REPORT_OF_CONCERN,
  SIGNAL_KINDS,
  URGENCIES,
  type InformationCategory,
  type ReportOfConcern,
  type SignalCreateBody,
  type SignalKind,
  type Urgency,
} from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { optionalText } from '../admin/api';
import { useChildren } from '../children/api';
import { requiredText } from '../children/validation';
import { useCaseLabels } from '../cases/labels';
import { createSignal, signalKeys, useUnitOptions } from './api';

interface SignalValues {
  childId: string;
  recipientUnitId: string;
  category: InformationCategory | '';
  noticed: string;
  signalKinds: SignalKind[];
  riskFactors: string;
  protectiveFactors: string;
  actionsTaken: string;
  urgency: Urgency | '';
  reportOfConcern: ReportOfConcern | '';
}

const EMPTY: SignalValues = {
  childId: '',
  recipientUnitId: '',
  category: '',
  noticed: '',
  signalKinds: [],
  riskFactors: '',
  protectiveFactors: '',
  actionsTaken: '',
  urgency: '',
  reportOfConcern: '',
};

const SHOWN = fieldMatcher([
  'childId',
  'recipientUnitId',
  'category',
  'noticed',
  'signalKinds',
  'signalKinds.*',
  'riskFactors',
  'protectiveFactors',
  'actionsTaken',
  'urgency',
  'reportOfConcern',
]);

/** State passed to the signals page after sending, so it can announce where the signal went. */
export interface SentSignalState {
  sentTo: string;
}

/** "Anmäl oro": a professional's signal of concern, sent to a recipient unit (usually elevhälsan). */
export function SignalFormPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useUnitOptions();
  const children = useChildren('');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<SignalValues>({ defaultValues: EMPTY });
  const errorFor = useFieldErrors(formState.errors, submitError);

  // A signal may only name a child that the acting unit has registered itself.
  const ownChildren = (children.data?.items ?? []).filter((c) => c.owningUnitId === me.actingUnit.id);
  const kindsError = errorFor('signalKinds');
  const urgencyError = errorFor('urgency');
  const reportError = errorFor('reportOfConcern');

  const onSubmit = async (v: SignalValues) => {
    setSubmitError(null);
    const body: SignalCreateBody = {
      recipientUnitId: v.recipientUnitId,
      category: v.category as InformationCategory,
      noticed: v.noticed.trim(),
      signalKinds: v.signalKinds,
      riskFactors: optionalText(v.riskFactors),
      protectiveFactors: optionalText(v.protectiveFactors),
      actionsTaken: optionalText(v.actionsTaken),
      urgency: v.urgency as Urgency,
      reportOfConcern: v.reportOfConcern as ReportOfConcern,
    };
    if (v.childId) body.childId = v.childId;
    try {
      const signal = await createSignal(body);
      void qc.invalidateQueries({ queryKey: signalKeys.all });
      const state: SentSignalState = { sentTo: signal.recipientUnit.name };
      navigate('/oro', { state });
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <>
      <PageHeading>{t('signalForm.title')}</PageHeading>
      <Paragraph>{t('signalForm.intro')}</Paragraph>
      {units.isError && <FormAlert error={units.error} />}
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} />
        <SelectField label={t('signalForm.child')} description={t('signalForm.childHelp')} error={errorFor('childId')} {...register('childId')}>
          <option value="">{t('signalForm.anonymousChild')}</option>
          {ownChildren.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.displayName} (${c.birthDate})`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalForm.recipient')}
          description={t('signalForm.recipientHelp')}
          error={errorFor('recipientUnitId')}
          {...register('recipientUnitId', { required: 'validation.choose' })}
        >
          <option value="">{t('common.choose')}</option>
          {(units.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalForm.category')}
          description={t('signalForm.categoryHelp')}
          error={errorFor('category')}
          {...register('category', { required: 'validation.choose' })}
        >
          <option value="">{t('common.choose')}</option>
          {INFORMATION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {labels.category(c)}
            </option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={5}
          label={t('signalForm.noticed')}
          description={t('signalForm.noticedHelp')}
          error={errorFor('noticed')}
          {...register('noticed', requiredText)}
        />
        <Fieldset>
          <Fieldset.Legend>{t('signalForm.kinds')}</Fieldset.Legend>
          <Fieldset.Description>{t('signalForm.kindsHelp')}</Fieldset.Description>
          {SIGNAL_KINDS.map((k) => (
            <Checkbox
              key={k}
              label={labels.signalKind(k)}
              value={k}
              {...register('signalKinds', { validate: (v) => v.length > 0 || 'signalForm.errors.kindsRequired' })}
            />
          ))}
          {kindsError && <ValidationMessage>{kindsError}</ValidationMessage>}
        </Fieldset>
        <Textfield
          multiline
          rows={3}
          label={t('signalForm.riskFactors')}
          description={t('signalForm.riskFactorsHelp')}
          error={errorFor('riskFactors')}
          {...register('riskFactors')}
        />
        <Textfield
          multiline
          rows={3}
          label={t('signalForm.protectiveFactors')}
          description={t('signalForm.protectiveFactorsHelp')}
          error={errorFor('protectiveFactors')}
          {...register('protectiveFactors')}
        />
        <Textfield
          multiline
          rows={3}
          label={t('signalForm.actionsTaken')}
          description={t('signalForm.actionsTakenHelp')}
          error={errorFor('actionsTaken')}
          {...register('actionsTaken')}
        />
        <Fieldset>
          <Fieldset.Legend>{t('signalForm.urgency')}</Fieldset.Legend>
          <Fieldset.Description>{t('signalForm.urgencyHelp')}</Fieldset.Description>
          {URGENCIES.map((u) => (
            <Radio key={u} label={labels.urgency(u)} value={u} {...register('urgency', { required: 'validation.choose' })} />
          ))}
          {urgencyError && <ValidationMessage>{urgencyError}</ValidationMessage>}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('signalForm.reportOfConcern')}</Fieldset.Legend>
          <Fieldset.Description>{t('signalForm.reportOfConcernHelp')}</Fieldset.Description>
          {REPORT_OF_CONCERN.map((r) => (
            <Radio key={r} label={labels.reportOfConcern(r)} value={r} {...register('reportOfConcern', { required: 'validation.choose' })} />
          ))}
          {reportError && <ValidationMessage>{reportError}</ValidationMessage>}
        </Fieldset>
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('signalForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
