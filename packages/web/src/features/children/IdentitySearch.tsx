import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { useIdentitySearch } from './api';
import { ChildTable } from './ChildTable';
import { identityNumberRule } from './validation';

const SHOWN = fieldMatcher(['identityNumber']);

/** Finds a child by personnummer or samordningsnummer, among the children the acting unit may see. */
export function IdentitySearch() {
  const { t } = useTranslation();
  const [identityNumber, setIdentityNumber] = useState<string | null>(null);
  const search = useIdentitySearch(identityNumber);
  const { register, handleSubmit, formState } = useForm<{ identityNumber: string }>({ defaultValues: { identityNumber: '' } });
  const errorFor = useFieldErrors(formState.errors, search.error);

  const onSubmit = (v: { identityNumber: string }) => {
    const next = v.identityNumber.trim();
    if (next === identityNumber) void search.refetch();
    else setIdentityNumber(next);
  };

  const items = search.isSuccess && !search.isFetching ? search.data.items : undefined;

  return (
    <section aria-labelledby="identity-search-heading" className="section">
      <Heading level={2} data-size="md" id="identity-search-heading">
        {t('identitySearch.heading')}
      </Heading>
      <Paragraph>{t('identitySearch.note')}</Paragraph>
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <div className="form__inline form__inline--search">
          <Textfield
            className="identity-search__field"
            label={t('identitySearch.label')}
            description={t('childForm.identityNumberHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            error={errorFor('identityNumber')}
            {...register('identityNumber', identityNumberRule(true))}
          />
          <Button type="submit" variant="secondary" loading={search.isFetching}>
            {t('identitySearch.submit')}
          </Button>
        </div>
      </form>
      <FormAlert error={search.error} unmatched={unmatchedFieldErrors(search.error, SHOWN)} />
      <div role="status" className="search-status">
        {items && <Paragraph>{items.length === 0 ? t('identitySearch.none') : t('identitySearch.found', { count: items.length })}</Paragraph>}
      </div>
      {items && items.length > 0 && <ChildTable items={items} caption={t('identitySearch.caption')} />}
    </section>
  );
}
