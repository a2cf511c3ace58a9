import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { CASE_STATES, type CaseState } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { useCases, type CaseFilter } from './api';
import { CaseTable } from './CaseTable';
import { useCaseLabels } from './labels';

interface FilterValues {
  state: CaseState | '';
  mine: boolean;
  q: string;
}

const SHOWN = fieldMatcher(['state', 'mine', 'q']);

function toFilter(v: FilterValues): CaseFilter {
  const filter: CaseFilter = {};
  if (v.state) filter.state = v.state;
  if (v.mine) filter.mine = true;
  if (v.q.trim()) filter.q = v.q.trim();
  return filter;
}

/** "Mina ärenden": the cases the acting unit owns or may see, with filters. */
export function CasesPage() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [filtered, setFiltered] = useState(false);
  const cases = useCases(filter);
  const { register, handleSubmit, formState } = useForm<FilterValues>({ defaultValues: { state: '', mine: false, q: '' } });
  const errorFor = useFieldErrors(formState.errors, cases.error);

  const onSubmit = (v: FilterValues) => {
    setFiltered(true);
    const next = toFilter(v);
    if (JSON.stringify(next) === JSON.stringify(filter)) void cases.refetch();
    else setFilter(next);
  };

  const items = cases.data?.items;
  const settled = filtered && !cases.isFetching && !cases.isError && items !== undefined;
  const isFiltered = Object.keys(filter).length > 0;
  let status = '';
  if (settled) status = items.length === 0 && isFiltered ? t('cases.noMatch') : t('cases.shown', { count: items.length });

  return (
    <>
      <PageHeading>{t('cases.title')}</PageHeading>
      <Paragraph>{t('cases.intro')}</Paragraph>
      <div className="page-actions">
        <Button asChild variant="secondary">
          <RouterLink to="/konsultation/ny">{t('cases.newConsultation')}</RouterLink>
        </Button>
      </div>
      <section aria-labelledby="case-filter-heading" className="section">
        <Heading level={2} data-size="sm" id="case-filter-heading">
          {t('cases.filterHeading')}
        </Heading>
        <form className="form form--wide" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
          <div className="form__inline form__inline--search">
            <SelectField label={t('cases.state')} error={errorFor('state')} {...register('state')}>
              <option value="">{t('cases.allStates')}</option>
              {CASE_STATES.map((s) => (
                <option key={s} value={s}>
                  {labels.state(s)}
                </option>
              ))}
            </SelectField>
            <Textfield className="cases-filter__q" label={t('cases.q')} type="search" autoComplete="off" error={errorFor('q')} {...register('q')} />
            <Checkbox label={t('cases.mine')} error={errorFor('mine')} {...register('mine')} />
            <Button type="submit" variant="secondary" loading={filtered && cases.isFetching}>
              {t('cases.filter')}
            </Button>
          </div>
        </form>
      </section>
      <FormAlert error={cases.error} unmatched={unmatchedFieldErrors(cases.error, SHOWN)} />
      <div role="status" className="search-status">
        {status && <Paragraph>{status}</Paragraph>}
      </div>
      {cases.isPending && <Loading />}
      {items && items.length === 0 && !isFiltered && <Paragraph>{t('cases.none')}</Paragraph>}
      {items && items.length > 0 && <CaseTable items={items} caption={t('cases.caption')} />}
    </>
  );
}
