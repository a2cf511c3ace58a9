import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { useChildren } from './api';
import { ChildTable } from './ChildTable';
import { IdentitySearch } from './IdentitySearch';

const NAME_SHOWN = fieldMatcher(['q']);

/** The children list with a name filter. The filter runs when the user chooses "Sök". */
function ChildList() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState(false);
  const children = useChildren(q);
  const { register, handleSubmit, formState } = useForm<{ q: string }>({ defaultValues: { q: '' } });
  const errorFor = useFieldErrors(formState.errors, children.error);

  const onSubmit = ({ q: text }: { q: string }) => {
    setSearched(true);
    const next = text.trim();
    if (next === q) void children.refetch();
    else setQ(next);
  };

  const items = children.data?.items;
  const settled = searched && !children.isFetching && !children.isError && items !== undefined;
  let status = '';
  if (settled) status = items.length === 0 && q ? t('childList.noMatch') : t('childList.shown', { count: items.length });

  return (
    <>
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <div className="form__inline form__inline--search">
          <Textfield label={t('childList.nameFilter')} type="search" autoComplete="off" error={errorFor('q')} {...register('q')} />
          <Button type="submit" variant="secondary" loading={searched && children.isFetching}>
            {t('childList.nameFilterSubmit')}
          </Button>
        </div>
      </form>
      <FormAlert error={children.error} unmatched={unmatchedFieldErrors(children.error, NAME_SHOWN)} />
      <div role="status" className="search-status">
        {status && <Paragraph>{status}</Paragraph>}
      </div>
      {children.isPending && <Loading />}
      {items && items.length === 0 && !q && <Paragraph>{t('start.noChildren')}</Paragraph>}
      {items && items.length > 0 && <ChildTable items={items} caption={t('start.childrenCaption')} />}
    </>
  );
}

/** The "Barn" area of the start page for users who may see individual children. */
export function ChildrenSection() {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="children-heading" className="section">
        <Heading level={2} data-size="md" id="children-heading">
          {t('start.childrenTitle')}
        </Heading>
        <div className="page-actions">
          <Button asChild variant="primary">
            <RouterLink to="/barn/nytt">{t('childList.add')}</RouterLink>
          </Button>
        </div>
        <ChildList />
      </section>
      <IdentitySearch />
    </>
  );
}
