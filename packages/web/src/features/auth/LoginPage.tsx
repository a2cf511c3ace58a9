import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { login, useStoreMe } from '../../api/me';
import { PageHeading } from '../../ui/PageHeading';
import { PublicLayout } from '../../ui/PublicLayout';
import { FormAlert } from '../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const storeMe = useStoreMe();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<LoginForm>({
    defaultValues: { username: '', password: '' },
  });
  const errorFor = useFieldErrors(formState.errors, submitError);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;

  const onSubmit = async (values: LoginForm) => {
    setSubmitError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      storeMe(me);
      navigate('/', { replace: true });
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <PublicLayout>
      <PageHeading>{t('login.title')}</PageHeading>
      <Paragraph>{t('login.intro')}</Paragraph>
      {loggedOut && !submitError && (
        <Alert data-color="success" role="status">
          {t('login.loggedOut')}
        </Alert>
      )}
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, fieldMatcher(['username', 'password']))} />
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <Textfield
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errorFor('username')}
          {...register('username', { required: 'login.errors.usernameRequired' })}
        />
        <Textfield
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          error={errorFor('password')}
          {...register('password', { required: 'login.errors.passwordRequired' })}
        />
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      {/* The public directory is server-rendered, outside the app: a plain link, not a route. */}
      <Paragraph>
        <Link href="/vart-vander-jag-mig">{t('login.publicDirectory')}</Link>
      </Paragraph>
      {/* The family portal has its own log-in and session (issue 7). */}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/portal/logga-in">{t('portal.fromStaffLogin')}</RouterLink>
        </Link>
      </Paragraph>
    </PublicLayout>
  );
}
