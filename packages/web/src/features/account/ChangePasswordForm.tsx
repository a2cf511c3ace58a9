import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { changePassword } from '../../api/me';
import { FormAlert } from '../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

export const MIN_PASSWORD_LENGTH = 12;
const EMPTY: PasswordForm = { currentPassword: '', newPassword: '', repeatPassword: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, reset, getValues } = useForm<PasswordForm>({ defaultValues: EMPTY });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (values: PasswordForm) => {
    setSubmitError(null);
    setDone(false);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      reset(EMPTY);
      setDone(true);
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <section aria-labelledby="password-heading" className="section">
      <Heading level={2} data-size="md" id="password-heading">
        {t('account.changePassword')}
      </Heading>
      <div aria-live="polite">{done && <Alert data-color="success">{t('account.passwordChanged')}</Alert>}</div>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, fieldMatcher(['currentPassword', 'newPassword']))} />
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <Textfield
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          error={errorFor('currentPassword')}
          {...register('currentPassword', { required: 'account.errors.currentRequired' })}
        />
        <Textfield
          label={t('account.newPassword')}
          description={t('account.newPasswordHelp', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          error={errorFor('newPassword')}
          {...register('newPassword', {
            required: 'account.errors.newRequired',
            minLength: { value: MIN_PASSWORD_LENGTH, message: 'account.errors.tooShort' },
          })}
        />
        <Textfield
          label={t('account.repeatPassword')}
          type="password"
          autoComplete="new-password"
          error={errorFor('repeatPassword')}
          {...register('repeatPassword', {
            required: 'account.errors.repeatRequired',
            validate: (value) => value === getValues('newPassword') || 'account.errors.mismatch',
          })}
        />
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
