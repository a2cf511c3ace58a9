import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { unmatchedFieldErrors, useFieldErrors, fieldMatcher } from '../../ui/formErrors';
import { useLocalize } from '../../i18n/localize';
import { CREATE_BUTTON_ID, EditorPanel, SavedStatus, useEditor } from '../admin/Editor';
import { useWheel } from '../plans/api';
import { useUnitOptions } from '../signals/api';
import { directoryKeys, FILTER_KEYS, SUPPORT_LEVELS, useSupportOffers, type DirectoryFilter, type SupportOffer } from './api';
import { useDirectoryLabels } from './labels';
import { OfferCard } from './OfferCard';
import { OfferForm } from './OfferForm';
import './directory.css';

const SEARCH_FIELDS = fieldMatcher([...FILTER_KEYS]);

/**
 * "Vem gör vad" (issue 6 §1): every signed-in user searches the directory by need (wellbeing
 * area), age, level, unit and words. Admins, and a chef for the own unit, add, change and
 * retire entries; which units and entries they may edit comes from the server.
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useDirectoryLabels();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter: DirectoryFilter = { area: '', age: '', level: '', unitId: '', q: '' };
  for (const key of FILTER_KEYS) filter[key] = params.get(key) ?? '';
  const offers = useSupportOffers(filter);
  const wheel = useWheel();
  const units = useUnitOptions();
  const editor = useEditor<SupportOffer>();
  const { state } = editor;

  const allAreas = wheel.data?.areas ?? [];
  const activeAreas = allAreas
    .filter((a) => !a.retired)
    .sort((a, b) => a.position - b.position)
    .map((a) => ({ key: a.key, label: localize(a.labelSv, a.labelEn) }));
  const areaLabel = (key: string) => {
    const area = allAreas.find((a) => a.key === key);
    return area ? localize(area.labelSv, area.labelEn) : key;
  };
  const addableUnits = offers.data?.addableUnits ?? [];
  // A bad search (e.g. too long) is answered 400 with the field; show it at the search form.
  const searchError = offers.isError ? offers.error : null;
  const errorFor = useFieldErrors({}, searchError);

  const onSearch = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  const onSaved = (offer: SupportOffer, retired: boolean) => {
    void qc.invalidateQueries({ queryKey: directoryKeys.all });
    editor.close(retired ? t('directory.retired', { name: offer.name }) : t('directory.saved', { name: offer.name }));
  };
  const onReload = async () => {
    if (state.mode !== 'edit') return;
    const res = await offers.refetch();
    editor.refresh(res.data?.items.find((o) => o.id === state.item.id));
  };

  const items = offers.data?.items ?? [];
  const editorTitle = state.mode === 'edit' ? t('directory.editTitle', { name: state.item.name }) : t('directory.addTitle');
  return (
    <>
      <PageHeading>{t('directory.title')}</PageHeading>
      <Paragraph>{t('directory.intro')}</Paragraph>
      <Paragraph>
        <Link href="/vart-vander-jag-mig">{t('directory.publicLink')}</Link>
      </Paragraph>
      {addableUnits.length > 0 && (
        <div className="page-actions">
          <Button id={CREATE_BUTTON_ID} type="button" onClick={editor.openCreate} aria-expanded={state.mode === 'create'}>
            {t('directory.add')}
          </Button>
        </div>
      )}
      <SavedStatus message={editor.saved} />
      {state.mode !== 'closed' && (
        <EditorPanel key={state.mode === 'edit' ? `${state.item.id}:${state.item.version}` : 'new'} title={editorTitle}>
          {wheel.isPending ? (
            <Loading />
          ) : (
            <OfferForm
              label={editorTitle}
              offer={state.mode === 'edit' ? state.item : undefined}
              units={addableUnits}
              areas={activeAreas}
              onSaved={onSaved}
              onCancel={() => editor.close()}
              onReload={() => void onReload()}
            />
          )}
        </EditorPanel>
      )}

      <section className="section" aria-labelledby="directory-search-heading">
        <Heading level={2} data-size="sm" id="directory-search-heading">
          {t('directory.search.heading')}
        </Heading>
        <form
          key={params.toString()}
          className="directory-search"
          role="search"
          aria-labelledby="directory-search-heading"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSearch(e.currentTarget);
          }}
        >
          <FormAlert error={searchError} unmatched={unmatchedFieldErrors(searchError, SEARCH_FIELDS)} level={3} />
          <div className="directory-search__fields">
            <SelectField
              label={t('directory.search.area')}
              description={t('directory.search.areaHelp')}
              name="area"
              defaultValue={filter.area}
              error={errorFor('area')}
            >
              <option value="">{t('directory.search.allAreas')}</option>
              {activeAreas.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.label}
                </option>
              ))}
            </SelectField>
            <Textfield
              label={t('directory.search.age')}
              description={t('directory.search.ageHelp')}
              name="age"
              type="number"
              inputMode="numeric"
              min={0}
              max={25}
              defaultValue={filter.age}
              error={errorFor('age')}
            />
            <SelectField label={t('directory.search.level')} name="level" defaultValue={filter.level} error={errorFor('level')}>
              <option value="">{t('directory.search.allLevels')}</option>
              {SUPPORT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {labels.level(l)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('directory.search.unit')} name="unitId" defaultValue={filter.unitId} error={errorFor('unitId')}>
              <option value="">{t('directory.search.allUnits')}</option>
              {(units.data?.items ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <Textfield
              label={t('directory.search.q')}
              description={t('directory.search.qHelp')}
              name="q"
              type="search"
              autoComplete="off"
              defaultValue={filter.q}
              error={errorFor('q')}
            />
          </div>
          <div className="form__actions">
            <Button type="submit">{t('directory.search.submit')}</Button>
            <Button type="button" variant="secondary" onClick={() => setParams(new URLSearchParams())}>
              {t('directory.search.clear')}
            </Button>
          </div>
        </form>
      </section>

      <section className="section" aria-labelledby="directory-results-heading">
        <Heading level={2} data-size="sm" id="directory-results-heading">
          {t('directory.results.heading')}
        </Heading>
        <div role="status">
          {offers.data && !offers.isError && (
            <Paragraph>{items.length === 0 ? t('directory.results.none') : t('directory.results.count', { count: items.length })}</Paragraph>
          )}
        </div>
        {offers.isPending && <Loading />}
        {offers.data && !offers.isError && items.length > 0 && (
          <ul className="directory-list" aria-label={t('directory.results.listLabel')}>
            {items.map((o) => (
              <li key={o.id}>
                <OfferCard offer={o} areaLabel={areaLabel} onEdit={editor.openEdit} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
