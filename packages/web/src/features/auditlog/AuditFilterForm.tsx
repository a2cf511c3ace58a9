import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../api/types';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { useAuditLabels } from './labels';
import type { AuditFilter } from './api';

interface FilterValues {
  from: string;
  to: string;
  username: string;
  childId: string;
  outcome: AuditOutcome | '';
}

const EMPTY: FilterValues = { from: '', to: '', username: '', childId: '', outcome: '' };
/** Query parameters shown as fields; the server reports errors under these names. */
const SHOWN = fieldMatcher(['from', 'to', 'username', 'childId', 'outcome']);

function toFilter(v: FilterValues): AuditFilter {
  const filter: AuditFilter = {};
  if (v.from) filter.from = v.from;
  if (v.to) filter.to = v.to;
  if (v.username.trim()) filter.username = v.username.trim();
  if (v.childId.trim()) filter.childId = v.childId.trim();
  if (v.outcome) filter.outcome = v.outcome;
  return filter;
}

interface Props {
  /** Error from fetching the rows with the current filter (a 400 carries field errors). */
  error: unknown;
  busy: boolean;
  onFilter: (filter: AuditFilter) => void;
}

export function AuditFilterForm({ error, busy, onFilter }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const { register, handleSubmit, formState, getValues } = useForm<FilterValues>({ defaultValues: EMPTY });
  // Server errors belong to the last filter: hide them as soon as the user filters again.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const serverError = error === dismissed ? null : error;
  const errorFor = useFieldErrors(formState.errors, serverError);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    setDismissed(error);
    void handleSubmit((v) => onFilter(toFilter(v)))(e);
  };

  return (
    <section aria-labelledby="filter-heading" className="section">
      <Heading level={2} data-size="md" id="filter-heading">
        {t('auditLog.filter.heading')}
      </Heading>
      <FormAlert error={serverError} unmatched={unmatchedFieldErrors(serverError, SHOWN)} />
      <form className="form audit-filter" noValidate onSubmit={onSubmit}>
        <div className="form__inline">
          <Textfield label={t('auditLog.filter.from')} type="date" error={errorFor('from')} {...register('from')} />
          <Textfield
            label={t('auditLog.filter.to')}
            type="date"
            error={errorFor('to')}
            {...register('to', { validate: (to) => !to || !getValues('from') || to >= getValues('from') || 'auditLog.errors.dateOrder' })}
          />
          <Textfield
            label={t('auditLog.filter.username')}
            autoComplete="off"
            spellCheck={false}
            error={errorFor('username')}
            {...register('username')}
          />
          <Textfield
            className="audit-filter__id"
            label={t('auditLog.filter.childId')}
            autoComplete="off"
            spellCheck={false}
            error={errorFor('childId')}
            {...register('childId')}
          />
          <SelectField label={t('auditLog.filter.outcome')} error={errorFor('outcome')} {...register('outcome')}>
            <option value="">{t('auditLog.filter.all')}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {labels.outcome(o)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__actions">
          <Button type="submit" loading={busy}>
            {t('auditLog.filter.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
