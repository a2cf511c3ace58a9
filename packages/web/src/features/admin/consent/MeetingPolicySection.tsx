import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../../ui/formErrors';
import { SavedStatus } from '../Editor';
import { adminKeys, saveMeetingPolicy, useMeetingPolicy, type MeetingPolicy } from '../api';

const HEADING_ID = 'meeting-policy-heading';
const SHOWN = fieldMatcher(['feedbackWorkingDays', 'handoverAnswerWorkingDays', 'startWithinDays']);

interface Values {
  feedbackWorkingDays: string;
  handoverAnswerWorkingDays: string;
  startWithinDays: string;
}

const toValues = (p: MeetingPolicy): Values => ({
  feedbackWorkingDays: String(p.feedbackWorkingDays),
  handoverAnswerWorkingDays: String(p.handoverAnswerWorkingDays),
  startWithinDays: String(p.startWithinDays),
});

/** Only "filled in" and "a whole number" are checked here; the limits (1–30) are the server's rule. */
const WHOLE_NUMBER = {
  validate: (v: string) => {
    if (v.trim() === '') return 'validation.required';
    return Number.isInteger(Number(v)) || 'admin.consentPolicy.errors.wholeNumber';
  },
};

function MeetingPolicyForm({ policy }: { policy: MeetingPolicy }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<Values>({
    defaultValues: toValues(policy),
  });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: Values) => {
    setSubmitError(null);
    setSaved(null);
    try {
      const fresh = await saveMeetingPolicy({
        feedbackWorkingDays: Number(v.feedbackWorkingDays),
        handoverAnswerWorkingDays: Number(v.handoverAnswerWorkingDays),
        startWithinDays: Number(v.startWithinDays),
      });
      qc.setQueryData(adminKeys.meetingPolicy, fresh);
      reset(toValues(fresh));
      setSaved(t('admin.meetingPolicy.saved'));
    } catch (e) {
      // The entered value stays in the form so it can be corrected.
      setSubmitError(e);
    }
  };

  return (
    <form className="form" noValidate aria-labelledby={HEADING_ID} onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} level={3} />
      <Textfield
        label={t('admin.meetingPolicy.feedbackWorkingDays')}
        description={t('admin.meetingPolicy.feedbackWorkingDaysHelp')}
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        autoComplete="off"
        error={errorFor('feedbackWorkingDays')}
        {...register('feedbackWorkingDays', WHOLE_NUMBER)}
      />
      <Textfield
        label={t('admin.meetingPolicy.handoverAnswerWorkingDays')}
        description={t('admin.meetingPolicy.handoverAnswerWorkingDaysHelp')}
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        autoComplete="off"
        error={errorFor('handoverAnswerWorkingDays')}
        {...register('handoverAnswerWorkingDays', WHOLE_NUMBER)}
      />
      <Textfield
        label={t('admin.meetingPolicy.startWithinDays')}
        description={t('admin.meetingPolicy.startWithinDaysHelp')}
        type="number"
        inputMode="numeric"
        min={1}
        max={90}
        autoComplete="off"
        error={errorFor('startWithinDays')}
        {...register('startWithinDays', WHOLE_NUMBER)}
      />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('admin.meetingPolicy.save')}
        </Button>
      </div>
      <SavedStatus message={saved} />
    </form>
  );
}

/** "Mötesregler": feedback after a team meeting, answering hand-overs, starting accepted interventions. */
export function MeetingPolicySection() {
  const { t } = useTranslation();
  const policy = useMeetingPolicy();
  return (
    <section aria-labelledby={HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={HEADING_ID}>
        {t('admin.meetingPolicy.title')}
      </Heading>
      <Paragraph>{t('admin.meetingPolicy.intro')}</Paragraph>
      {policy.isPending && <Loading />}
      {policy.isError && <FormAlert error={policy.error} level={3} />}
      {policy.data && <MeetingPolicyForm policy={policy.data} />}
    </section>
  );
}
