import { useEffect, useRef } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiFieldError } from '../api/client';
import { useLocalize } from '../i18n/localize';

interface Props {
  error: unknown;
  /** Field errors that are not displayed at any field. */
  unmatched?: ApiFieldError[];
  /** Called from the conflict (409) message to fetch fresh data. */
  onReload?: () => void;
  /** Replaces the default conflict heading and text (e.g. "Någon annan har ändrat ärendet"). */
  conflictTitle?: string;
  conflictText?: string;
  /** Heading level of the message: one below the heading of the section it appears in. */
  level?: 2 | 3 | 4 | 5;
}

/** Form-level error message. Receives focus when a new error appears. */
export function FormAlert({ error, unmatched = [], onReload, conflictTitle, conflictText, level = 2 }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);

  if (!error) return null;

  if (isApiError(error) && error.status === 409 && onReload) {
    return (
      <Alert data-color="warning" ref={ref} tabIndex={-1} className="form-alert">
        <Heading level={level} data-size="xs">
          {conflictTitle ?? t('errors.conflictTitle')}
        </Heading>
        <Paragraph>{conflictText ?? t('errors.conflictText')}</Paragraph>
        <Button type="button" variant="secondary" onClick={onReload}>
          {t('errors.reload')}
        </Button>
      </Alert>
    );
  }

  const api = isApiError(error) ? error : null;
  const title = api ? localize(api.title, api.titleEn) || t('errors.generic') : t('errors.generic');
  const detail = api ? localize(api.detail, api.detailEn) : '';
  const hasFieldErrors = api !== null && api.errors.length > 0;

  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} className="form-alert">
      <Heading level={level} data-size="xs">
        {title}
      </Heading>
      {detail && <Paragraph>{detail}</Paragraph>}
      {hasFieldErrors && unmatched.length === 0 && <Paragraph>{t('errors.seeFields')}</Paragraph>}
      {unmatched.length > 0 && (
        <ul>
          {unmatched.map((e) => (
            <li key={`${e.field}:${e.message}`}>{localize(e.message, e.messageEn)}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
