import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { focusLater } from '../cases/caseContext';
import { useUnitOptions } from '../signals/api';
import { useCaseDecisions, usePlans, useWheel } from '../plans/api';
import { useLongDate } from '../meetings/dates';
import { INTERVENTION_TYPES, proposeIntervention, useDirectorySearch, type DirectoryEntry, type Intervention, type InterventionType } from './api';
import { CheckboxGroup } from './CheckboxGroup';
import { useInterventionLabels } from './labels';

const SHOWN = fieldMatcher(['name', 'providerUnitId', 'type', 'areaKeys', 'areaKeys.*', 'decisionId', 'plan']);
export const PROPOSE_HEADING_ID = 'propose-intervention-heading';
const TYPE_ID = 'propose-intervention-type';

interface ProposeValues {
  name: string;
  providerUnitId: string;
  type: InterventionType | '';
  areaKeys: string[];
  decisionId: string;
  /** `${planId}|${actionKey}` of a plan action, or ''. */
  planAction: string;
}

/** "Sök i Vem gör vad": choosing an entry fills the name and the unit that gives it. */
function DirectoryPick({ onPick }: { onPick: (entry: DirectoryEntry) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const search = useDirectorySearch(q);
  const items = q ? (search.data?.items ?? []) : [];
  return (
    <div className="intervention-directory">
      <form
        role="search"
        aria-label={t('interventions.propose.searchLabel')}
        className="form__inline form__inline--search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim() || null);
        }}
      >
        <Textfield
          className="intervention-search__field"
          label={t('interventions.propose.search')}
          description={t('interventions.propose.searchHelp')}
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('interventions.propose.searchButton')}
        </Button>
      </form>
      {search.isFetching && <Loading />}
      {search.isError && <FormAlert error={search.error} level={4} />}
      <div role="status">
        {q && search.isSuccess && (
          <Paragraph>{items.length === 0 ? t('interventions.propose.noHits') : t('interventions.propose.hits', { count: items.length })}</Paragraph>
        )}
      </div>
      {items.length > 0 && (
        <ul className="intervention-hits" aria-label={t('interventions.propose.hitsLabel')}>
          {items.map((entry) => (
            <li key={entry.id}>
              <span>
                <strong>{entry.name}</strong>, {entry.unit.name}
              </span>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-label={t('interventions.propose.pickLabel', { name: entry.name, unit: entry.unit.name })}
                onClick={() => onPick(entry)}
              >
                {t('interventions.propose.pick')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface Props {
  caseId: string;
  onProposed: (saved: Intervention) => Promise<void>;
  onCancel: () => void;
}

/**
 * "Ny insats": from "Vem gör vad" or typed by hand, with the kind of support, the wellbeing
 * areas it is about and, optionally, the team meeting's decision or the plan action it comes from.
 */
export function ProposeForm({ caseId, onProposed, onCancel }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useInterventionLabels();
  const longDate = useLongDate();
  const units = useUnitOptions();
  const wheel = useWheel();
  const decisions = useCaseDecisions(caseId);
  const plans = usePlans(caseId);
  // The current plan's actions (the adopted version, else the latest draft), keyed as the server keys them.
  const planActions = (plans.data?.items ?? []).flatMap((plan) => {
    const adopted = plan.versions.filter((v) => v.status === 'adopted');
    const version = adopted.at(-1) ?? plan.versions.filter((v) => v.status === 'draft').at(-1);
    if (!version) return [];
    return version.content.areas.flatMap((area) =>
      area.actions.map((a, i) => ({ value: `${plan.id}|${a.id ?? `${area.areaKey}:${i}`}`, what: a.what, areaKey: area.areaKey })),
    );
  });
  const [offer, setOffer] = useState<DirectoryEntry | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, control, setValue } = useForm<ProposeValues>({
    defaultValues: { name: '', providerUnitId: '', type: '', areaKeys: [], decisionId: '', planAction: '' },
  });
  const errorFor = useFieldErrors(formState.errors, error);
  const areas = (wheel.data?.areas ?? []).filter((a) => !a.retired).sort((a, b) => a.position - b.position);
  const provider = register('providerUnitId', { required: 'validation.choose' });

  const onPick = (entry: DirectoryEntry) => {
    setOffer(entry);
    setValue('name', entry.name);
    setValue('providerUnitId', entry.unit.id);
    setValue(
      'areaKeys',
      entry.areaKeys.filter((k) => areas.some((a) => a.key === k)),
    );
    setPicked(t('interventions.propose.picked', { name: entry.name, unit: entry.unit.name }));
    focusLater(TYPE_ID);
  };

  const onSubmit = async (v: ProposeValues) => {
    setError(null);
    try {
      const saved = await proposeIntervention(caseId, {
        name: v.name.trim(),
        type: v.type as InterventionType,
        areaKeys: v.areaKeys,
        providerUnitId: v.providerUnitId,
        supportOfferId: offer && offer.unit.id === v.providerUnitId ? offer.id : null,
        decisionId: v.decisionId || null,
        plan: v.planAction ? { planId: v.planAction.split('|')[0]!, actionKey: v.planAction.split('|').slice(1).join('|') } : null,
      });
      await onProposed(saved);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card className="editor-panel">
      <Heading level={3} data-size="xs" id={PROPOSE_HEADING_ID} tabIndex={-1}>
        {t('interventions.propose.heading')}
      </Heading>
      <Paragraph>{t('interventions.propose.intro')}</Paragraph>
      <DirectoryPick onPick={onPick} />
      <div role="status">{picked && <Paragraph>{picked}</Paragraph>}</div>
      <form className="form" noValidate aria-labelledby={PROPOSE_HEADING_ID} onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={4} />
        <Textfield
          label={t('interventions.propose.name')}
          description={t('interventions.propose.nameHelp')}
          autoComplete="off"
          error={errorFor('name')}
          {...register('name', requiredText)}
        />
        <SelectField
          label={t('interventions.propose.provider')}
          error={errorFor('providerUnitId')}
          {...provider}
          onChange={(e) => {
            if (offer && e.target.value !== offer.unit.id) setOffer(null);
            void provider.onChange(e);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {(units.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={TYPE_ID}
          label={t('interventions.propose.type')}
          description={t('interventions.propose.typeHelp')}
          error={errorFor('type')}
          {...register('type', { required: 'validation.choose' })}
        >
          <option value="">{t('common.choose')}</option>
          {INTERVENTION_TYPES.map((k) => (
            <option key={k} value={k}>
              {labels.type(k)}
            </option>
          ))}
        </SelectField>
        {areas.length > 0 && (
          <CheckboxGroup
            control={control}
            name="areaKeys"
            legend={t('interventions.propose.areas')}
            description={t('interventions.propose.areasHelp')}
            options={areas.map((a) => ({ value: a.key, label: localize(a.labelSv, a.labelEn) }))}
            error={errorFor('areaKeys')}
          />
        )}
        <SelectField
          label={t('interventions.propose.decision')}
          description={t('interventions.propose.decisionHelp')}
          error={errorFor('decisionId')}
          {...register('decisionId')}
        >
          <option value="">{t('interventions.propose.noDecision')}</option>
          {(decisions.data?.items ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {t('interventions.propose.decisionOption', { date: longDate(d.meetingDate), what: d.what })}
            </option>
          ))}
        </SelectField>
        {planActions.length > 0 && (
          <SelectField
            label={t('interventions.propose.planAction')}
            description={t('interventions.propose.planActionHelp')}
            error={errorFor('plan')}
            {...register('planAction')}
          >
            <option value="">{t('interventions.propose.noPlanAction')}</option>
            {planActions.map((a) => (
              <option key={a.value} value={a.value}>
                {t('interventions.propose.planActionOption', {
                  area: localize(
                    areas.find((x) => x.key === a.areaKey)?.labelSv ?? a.areaKey,
                    areas.find((x) => x.key === a.areaKey)?.labelEn ?? a.areaKey,
                  ),
                  what: a.what,
                })}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('interventions.propose.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
