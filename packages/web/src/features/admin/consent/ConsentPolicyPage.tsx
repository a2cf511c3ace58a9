import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { ConsentPolicy } from '../../../api/types';
import { PageHeading } from '../../../ui/PageHeading';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../../ui/formErrors';
import { SavedStatus } from '../Editor';
import { adminKeys, saveConsentPolicy, useConsentPolicy } from '../api';
import { MeetingPolicySection } from './MeetingPolicySection';
import { PortalSettingsSection } from './PortalSettingsSection';

type PolicyField = keyof ConsentPolicy;
type PolicyValues = Record<PolicyField, string>;

/** The five fields in the order they are shown, with the input's bounds (the server checks them too). */
const FIELDS: { name: PolicyField; min: number; max: number }[] = [
  { name: 'maxValidityMonths', min: 1, max: 36 },
  { name: 'defaultValidityMonths', min: 1, max: 36 },
  { name: 'maturityAssessmentFromAge', min: 0, max: 17 },
  { name: 'childConsentPresumedFromAge', min: 0, max: 17 },
  { name: 'maxBackdateDays', min: 0, max: 365 },
];

const SHOWN = fieldMatcher(FIELDS.map((f) => f.name));

/** Only "filled in" and "a whole number" are checked here; the limits and how the fields relate are the server's rule. */
const WHOLE_NUMBER = {
  validate: (v: string) => {
    if (v.trim() === '') return 'validation.required';
    return Number.isInteger(Number(v)) || 'admin.consentPolicy.errors.wholeNumber';
  },
};

const toValues = (p: ConsentPolicy): PolicyValues => ({
  maxValidityMonths: String(p.maxValidityMonths),
  defaultValidityMonths: String(p.defaultValidityMonths),
  maturityAssessmentFromAge: String(p.maturityAssessmentFromAge),
  childConsentPresumedFromAge: String(p.childConsentPresumedFromAge),
  maxBackdateDays: String(p.maxBackdateDays),
});

const toPolicy = (v: PolicyValues): ConsentPolicy => ({
  maxValidityMonths: Number(v.maxValidityMonths),
  defaultValidityMonths: Number(v.defaultValidityMonths),
  maturityAssessmentFromAge: Number(v.maturityAssessmentFromAge),
  childConsentPresumedFromAge: Number(v.childConsentPresumedFromAge),
  maxBackdateDays: Number(v.maxBackdateDays),
});

function ConsentPolicyForm({ policy }: { policy: ConsentPolicy }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<PolicyValues>({ defaultValues: toValues(policy) });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: PolicyValues) => {
    setSubmitError(null);
    setSaved(null);
    try {
      const { changedConsents, ...fresh } = await saveConsentPolicy(toPolicy(v));
      qc.setQueryData(adminKeys.consentPolicy, fresh);
      // Consents may have changed status under the new rules.
      void qc.invalidateQueries({ queryKey: ['cases'] });
      reset(toValues(fresh));
      setSaved(t('admin.consentPolicy.saved', { count: changedConsents }));
    } catch (e) {
      // The entered values stay in the form so they can be corrected.
      setSubmitError(e);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} />
      {FIELDS.map((f) => (
        <Textfield
          key={f.name}
          label={t(`admin.consentPolicy.${f.name}`)}
          description={t(`admin.consentPolicy.${f.name}Help`)}
          type="number"
          inputMode="numeric"
          min={f.min}
          max={f.max}
          autoComplete="off"
          error={errorFor(f.name)}
          {...register(f.name, WHOLE_NUMBER)}
        />
      ))}
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('admin.consentPolicy.save')}
        </Button>
      </div>
      <SavedStatus message={saved} />
    </form>
  );
}

/**
 * The organisation's consent policy: how long consents may run and from which ages the child's own
 * say counts. Below it the meeting policy (working days until the family's feedback).
 */
export function ConsentPolicyPage() {
  const { t } = useTranslation();
  const policy = useConsentPolicy();

  return (
    <>
      <PageHeading>{t('admin.consentPolicy.title')}</PageHeading>
      <Paragraph>{t('admin.consentPolicy.intro')}</Paragraph>
      {policy.isPending && <Loading />}
      {policy.isError && <FormAlert error={policy.error} />}
      {policy.data && <ConsentPolicyForm policy={policy.data} />}
      <MeetingPolicySection />
      <PortalSettingsSection />
    </>
  );
}
