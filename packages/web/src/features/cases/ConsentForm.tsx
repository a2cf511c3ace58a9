import { useState } from 'react';
import { useController, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import {
  CONSENT_ANSWERS,
  CONSENT_METHODS,
  INFORMATION_CATEGORIES,
  PURPOSE_CATEGORIES,
  type ConsentCreateBody,
  type ConsentDefaults,
  type ConsentMethod,
  type InformationCategory,
  type PurposeCategory,
  type UnitRef,
} from '../../api/types';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { useUnitOptions } from '../signals/api';
import { giverKey, recordConsent, todaySv, useConsentDefaults } from './api';
import { focusLater, useCaseContext } from './caseContext';
import { useCaseLabels } from './labels';
import { useScopeSummary } from './scopeSummary';

interface GiverValues {
  answer: 'given' | 'refused' | 'not_asked';
  method: ConsentMethod | '';
  documentedAt: string;
}

interface ConsentValues {
  purposeCategory: PurposeCategory | '';
  purposeText: string;
  unitIds: string[];
  categories: InformationCategory[];
  validFrom: string;
  validUntil: string;
  givers: GiverValues[];
  maturity: { isMature: 'yes' | 'no' | ''; reasoning: string; assessedAt: string };
}

const SHOWN = fieldMatcher([
  'purposeCategory',
  'purposeText',
  'unitIds',
  'unitIds.*',
  'categories',
  'categories.*',
  'validFrom',
  'validUntil',
  'givers.*.answer',
  'givers.*.method',
  'givers.*.documentedAt',
  'maturity.isMature',
  'maturity.reasoning',
  'maturity.assessedAt',
]);

const FORM_HEADING_ID = 'record-consent-heading';

interface CheckboxGroupProps {
  control: Control<ConsentValues>;
  name: 'unitIds' | 'categories';
  legend: string;
  description: string;
  options: { value: string; label: string }[];
  requiredMessage: string;
  errorFor: (name: string) => string | undefined;
}

/** A group of checkboxes whose value is the list of checked values. */
function CheckboxGroup({ control, name, legend, description, options, requiredMessage, errorFor }: CheckboxGroupProps) {
  const { field } = useController({ control, name, rules: { validate: (v: string[]) => v.length > 0 || requiredMessage } });
  const values = field.value as string[];
  const error = errorFor(name) ?? options.map((_, i) => errorFor(`${name}.${i}`)).find(Boolean);
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{description}</Fieldset.Description>
      <div className="checkbox-grid">
        {options.map((o, i) => (
          <Checkbox
            key={o.value}
            ref={i === 0 ? field.ref : undefined}
            label={o.label}
            value={o.value}
            name={name}
            checked={values.includes(o.value)}
            onBlur={field.onBlur}
            onChange={(e) => field.onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

function defaultsFor(defaults: ConsentDefaults, owningUnitId: string): ConsentValues {
  return {
    purposeCategory: 'samordning_tsi_team',
    purposeText: '',
    unitIds: [owningUnitId],
    categories: [],
    validFrom: defaults.validFrom,
    validUntil: defaults.validUntil,
    givers: defaults.requiredGivers.map(() => ({ answer: 'not_asked', method: '', documentedAt: todaySv() })),
    maturity: { isMature: '', reasoning: '', assessedAt: todaySv() },
  };
}

function ConsentFormFields({ defaults, units }: { defaults: ConsentDefaults; units: UnitRef[] }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const summarize = useScopeSummary();
  const { c, store, reload } = useCaseContext();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState, control, watch, getValues } = useForm<ConsentValues>({
    defaultValues: defaultsFor(defaults, c.owningUnit.id),
  });
  const errorFor = useFieldErrors(formState.errors, submitError);
  const values = watch();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const summary = summarize({
    purposeCategory: values.purposeCategory,
    purposeText: values.purposeText,
    unitNames: values.unitIds.map((id) => unitName.get(id) ?? id),
    categories: values.categories,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
  });
  const today = todaySv();

  const onSubmit = async (v: ConsentValues) => {
    setSubmitError(null);
    const body: ConsentCreateBody = {
      purposeCategory: v.purposeCategory as PurposeCategory,
      purposeText: v.purposeText.trim(),
      unitIds: v.unitIds,
      categories: v.categories,
      validFrom: v.validFrom,
      validUntil: v.validUntil,
      givers: defaults.requiredGivers.map((g, i) => {
        const row = v.givers[i] ?? { answer: 'not_asked', method: '', documentedAt: '' };
        if (row.answer === 'not_asked') return { giver: g.giver, answer: 'not_asked' };
        return { giver: g.giver, answer: row.answer, method: row.method as ConsentMethod, documentedAt: row.documentedAt };
      }),
    };
    if (defaults.maturityRequired || v.maturity.isMature) {
      body.maturity = { isMature: v.maturity.isMature === 'yes', reasoning: v.maturity.reasoning.trim(), assessedAt: v.maturity.assessedAt };
    }
    try {
      const fresh = await recordConsent(c.id, body);
      store(fresh, t('consent.form.saved'));
      focusLater('consents-heading');
    } catch (e) {
      setSubmitError(e);
    }
  };

  const needsDocumentation = (i: number) => (getValues(`givers.${i}.answer`) ?? 'not_asked') !== 'not_asked';
  const maturityError = errorFor('maturity.isMature');

  return (
    <form className="form consent-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} onReload={() => void reload()} level={3} />
      <SelectField
        label={t('consent.form.purpose')}
        error={errorFor('purposeCategory')}
        {...register('purposeCategory', { required: 'validation.choose' })}
      >
        {PURPOSE_CATEGORIES.map((p) => (
          <option key={p} value={p}>
            {labels.purpose(p)}
          </option>
        ))}
      </SelectField>
      <Textfield
        multiline
        rows={3}
        label={t('consent.form.purposeText')}
        description={t('consent.form.purposeTextHelp')}
        error={errorFor('purposeText')}
        {...register('purposeText', {
          validate: (text, all) => all.purposeCategory !== 'annat' || text.trim() !== '' || 'validation.required',
        })}
      />
      <CheckboxGroup
        control={control}
        name="unitIds"
        legend={t('consent.form.units')}
        description={t('consent.form.unitsHelp')}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        requiredMessage="consent.form.errors.unitsRequired"
        errorFor={errorFor}
      />
      <CheckboxGroup
        control={control}
        name="categories"
        legend={t('consent.form.categories')}
        description={t('consent.form.categoriesHelp')}
        options={INFORMATION_CATEGORIES.map((cat) => ({ value: cat, label: labels.category(cat) }))}
        requiredMessage="consent.form.errors.categoriesRequired"
        errorFor={errorFor}
      />
      <div className="form__inline">
        <Textfield
          label={t('consent.form.validFrom')}
          type="date"
          error={errorFor('validFrom')}
          {...register('validFrom', { required: 'consent.form.errors.dateRequired' })}
        />
        <Textfield
          label={t('consent.form.validUntil')}
          description={
            defaults.maxValidUntil ? t('consent.form.validUntilHelp', { max: defaults.maxValidUntil }) : t('consent.form.validUntilHelpNoMax')
          }
          type="date"
          max={defaults.maxValidUntil || undefined}
          error={errorFor('validUntil')}
          {...register('validUntil', {
            required: 'consent.form.errors.dateRequired',
            validate: (until, all) => !until || !all.validFrom || until >= all.validFrom || 'consent.form.errors.dateOrder',
          })}
        />
      </div>
      <Fieldset className="rows">
        <Fieldset.Legend>{t('consent.form.givers')}</Fieldset.Legend>
        <Fieldset.Description>{t('consent.form.giversHelp')}</Fieldset.Description>
        {defaults.requiredGivers.length === 0 && <Paragraph>{t('consent.form.noGivers')}</Paragraph>}
        {defaults.requiredGivers.map((g, i) => {
          const answerError = errorFor(`givers.${i}.answer`);
          return (
            <Fieldset key={giverKey(g.giver)} className="row">
              <Fieldset.Legend>{g.label}</Fieldset.Legend>
              <div className="row__fields">
                <Fieldset>
                  <Fieldset.Legend className="ds-sr-only">{t('consent.form.answerLegend')}</Fieldset.Legend>
                  {CONSENT_ANSWERS.map((a) => (
                    <Radio key={a} label={labels.answer(a)} value={a} {...register(`givers.${i}.answer`)} />
                  ))}
                  {answerError && <ValidationMessage>{answerError}</ValidationMessage>}
                </Fieldset>
                <SelectField
                  label={t('consent.howQuestion')}
                  error={errorFor(`givers.${i}.method`)}
                  {...register(`givers.${i}.method`, {
                    validate: (m) => !needsDocumentation(i) || m !== '' || 'consent.form.errors.methodRequired',
                  })}
                >
                  <option value="">{t('common.choose')}</option>
                  {CONSENT_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {labels.method(m)}
                    </option>
                  ))}
                </SelectField>
                <Textfield
                  label={t('consent.dateLabel')}
                  type="date"
                  max={today}
                  error={errorFor(`givers.${i}.documentedAt`)}
                  {...register(`givers.${i}.documentedAt`, {
                    validate: (d) => !needsDocumentation(i) || d !== '' || 'consent.form.errors.dateRequired',
                  })}
                />
              </div>
            </Fieldset>
          );
        })}
      </Fieldset>
      {defaults.maturityRequired && (
        <Fieldset className="row">
          <Fieldset.Legend>{t('consent.form.maturity')}</Fieldset.Legend>
          <Fieldset.Description>{defaults.maturityNoteSv || t('consent.form.maturityHelp')}</Fieldset.Description>
          <Fieldset>
            <Fieldset.Legend>{t('consent.form.maturityQuestion')}</Fieldset.Legend>
            <Radio label={t('consent.form.mature')} value="yes" {...register('maturity.isMature', { required: 'consent.form.errors.choose' })} />
            <Radio label={t('consent.form.notMature')} value="no" {...register('maturity.isMature', { required: 'consent.form.errors.choose' })} />
            {maturityError && <ValidationMessage>{maturityError}</ValidationMessage>}
          </Fieldset>
          <Textfield
            multiline
            rows={3}
            label={t('consent.form.reasoning')}
            error={errorFor('maturity.reasoning')}
            {...register('maturity.reasoning', { validate: (r) => r.trim() !== '' || 'validation.required' })}
          />
          <Textfield
            label={t('consent.form.assessedAt')}
            type="date"
            max={today}
            error={errorFor('maturity.assessedAt')}
            {...register('maturity.assessedAt', { required: 'consent.form.errors.dateRequired' })}
          />
        </Fieldset>
      )}
      <section aria-labelledby="consent-summary-heading" className="consent-summary">
        <Heading level={3} data-size="xs" id="consent-summary-heading">
          {t('consent.form.summaryHeading')}
        </Heading>
        {summary.map((sentence) => (
          <Paragraph key={sentence}>{sentence}</Paragraph>
        ))}
      </section>
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('consent.form.submit')}
        </Button>
      </div>
    </form>
  );
}

/** "Registrera samtycke": scope, period, each required giver's answer and (from 12) the maturity assessment. */
export function ConsentForm() {
  const { t } = useTranslation();
  const { c } = useCaseContext();
  const defaults = useConsentDefaults(c.id, true);
  const units = useUnitOptions();
  const unitRefs: UnitRef[] = (units.data?.items ?? []).map((u) => ({ id: u.id, name: u.name }));
  // The case's own unit is always selectable, also if it is not in the list of active units.
  if (units.isSuccess && !unitRefs.some((u) => u.id === c.owningUnit.id)) unitRefs.unshift(c.owningUnit);

  return (
    <section className="section">
      <Heading level={2} data-size="md" id={FORM_HEADING_ID}>
        {t('consent.form.heading')}
      </Heading>
      <Paragraph>{t('consent.form.intro')}</Paragraph>
      {(defaults.isPending || units.isPending) && <Loading />}
      {defaults.isError && <FormAlert error={defaults.error} level={3} />}
      {units.isError && <FormAlert error={units.error} level={3} />}
      {defaults.isSuccess && units.isSuccess && <ConsentFormFields defaults={defaults.data} units={unitRefs} />}
    </section>
  );
}
