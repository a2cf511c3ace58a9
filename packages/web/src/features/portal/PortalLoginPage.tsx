import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { FormAlert } from '../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { OIDC_START_URL, portalLogin, useResetPortal, useSignInOptions } from './api';
import { PortalLayout } from './PortalLayout';

interface LoginForm {
  username: string;
  password: string;
}

/**
 * /portal/logga-in: e-ID (when the server offers it) and the demo's local accounts. After a
 * sign-in the person goes to /portal, or to /portal/inget-arende when no case is found.
 */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const reset = useResetPortal();
  const options = useSignInOptions();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<LoginForm>({ defaultValues: { username: '', password: '' } });
  const errorFor = useFieldErrors(formState.errors, submitError);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const oidcFailed = params.get('fel') === 'oidc';

  const onSubmit = async (values: LoginForm) => {
    setSubmitError(null);
    try {
      const { linked } = await portalLogin(values.username.trim(), values.password);
      reset();
      navigate(linked ? '/portal' : '/portal/inget-arende', { replace: true });
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <PortalLayout>
      <PageHeading>{t('portal.login.title')}</PageHeading>
      <Paragraph>{t('portal.login.intro')}</Paragraph>
      {loggedOut && !submitError && (
        <Alert data-color="success" role="status">
          {t('portal.login.loggedOut')}
        </Alert>
      )}
      {oidcFailed && !submitError && (
        <Alert data-color="danger" role="alert">
          {t('portal.login.oidcFailed')}
        </Alert>
      )}
      {options.data?.oidc && (
        <section className="portal-section" aria-labelledby="portal-eid">
          <Heading level={2} data-size="sm" id="portal-eid">
            {t('portal.login.eidTitle')}
          </Heading>
          <Paragraph>{t('portal.login.eidText')}</Paragraph>
          <div>
            {/* A plain link: the browser follows the e-ID broker's redirects. */}
            <Button asChild className="portal-touch">
              <a href={OIDC_START_URL}>{t('portal.login.eid')}</a>
            </Button>
          </div>
        </section>
      )}
      <section className="portal-section" aria-labelledby="portal-demo">
        <Heading level={2} data-size="sm" id="portal-demo">
          {t('portal.login.demoTitle')}
        </Heading>
        <Paragraph>{t('portal.login.demoText')}</Paragraph>
        <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, fieldMatcher(['username', 'password']))} level={3} />
        <form className="form portal-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
          <Textfield
            label={t('portal.login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={errorFor('username')}
            {...register('username', { required: 'portal.login.usernameRequired' })}
          />
          <Textfield
            label={t('portal.login.password')}
            type="password"
            autoComplete="current-password"
            error={errorFor('password')}
            {...register('password', { required: 'portal.login.passwordRequired' })}
          />
          <div className="form__actions">
            <Button type="submit" className="portal-touch" loading={formState.isSubmitting}>
              {t('portal.login.submit')}
            </Button>
          </div>
        </form>
      </section>
      <Paragraph>
        <Link href="/vart-vander-jag-mig">{t('portal.publicDirectory')}</Link>
      </Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/logga-in">{t('portal.login.staffLink')}</RouterLink>
        </Link>
      </Paragraph>
    </PortalLayout>
  );
}
