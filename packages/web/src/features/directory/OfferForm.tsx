import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { FormActions } from '../admin/Editor';
import { requiredText } from '../children/validation';
import {
  bodyOf,
  createSupportOffer,
  SUPPORT_KINDS,
  SUPPORT_LEVELS,
  updateSupportOffer,
  type SupportKind,
  type SupportLevel,
  type SupportOffer,
  type SupportOfferBody,
} from './api';
import { useDirectoryLabels } from './labels';

interface OfferValues {
  unitId: string;
  name: string;
  description: string;
  level: SupportLevel | '';
  kind: SupportKind | '';
  ageMin: string;
  ageMax: string;
  areaKeys: string[];
  howToGet: string;
  contactEmail: string;
  contactPhone: string;
  typicalWait: string;
  evidenceNote: string;
}

interface Props {
  /** The form's accessible name (the panel's heading). */
  label: string;
  offer?: SupportOffer;
  /** The units the user may add entries for (from the server). */
  units: { id: string; name: string }[];
  /** The wheel's areas in use, with their label in the current language. */
  areas: { key: string; label: string }[];
  onSaved: (offer: SupportOffer, retired: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

const SHOWN = fieldMatcher([
  'unitId',
  'name',
  'description',
  'level',
  'kind',
  'ageMin',
  'ageMax',
  'areaKeys',
  'howToGet',
  'contactEmail',
  'contactPhone',
  'typicalWait',
  'evidenceNote',
]);

/** Whole years 0–25; whether the range runs the right way is the server's rule (its message names both ages). */
const AGE_RULES = {
  validate: (v: string) => {
    if (v.trim() === '') return 'validation.required';
    const n = Number(v);
    return (Number.isInteger(n) && n >= 0 && n <= 25) || 'directory.errors.age';
  },
};

const nullable = (v: string) => (v.trim() === '' ? null : v.trim());

export function OfferForm({ label, offer, units, areas, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [retiring, setRetiring] = useState(false);
  const { register, handleSubmit, formState } = useForm<OfferValues>({
    defaultValues: {
      unitId: offer?.unit.id ?? (units.length === 1 ? units[0]!.id : ''),
      name: offer?.name ?? '',
      description: offer?.description ?? '',
      level: offer?.level ?? '',
      kind: offer?.kind ?? '',
      ageMin: offer?.ageMin.toString() ?? '',
      ageMax: offer?.ageMax.toString() ?? '',
      // Only areas still in the wheel can be chosen (and saved).
      areaKeys: (offer?.areaKeys ?? []).filter((k) => areas.some((a) => a.key === k)),
      howToGet: offer?.howToGet ?? '',
      contactEmail: offer?.contactEmail ?? '',
      contactPhone: offer?.contactPhone ?? '',
      typicalWait: offer?.typicalWait ?? '',
      evidenceNote: offer?.evidenceNote ?? '',
    },
  });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: OfferValues) => {
    setSubmitError(null);
    const body: SupportOfferBody = {
      unitId: v.unitId,
      name: v.name.trim(),
      description: v.description.trim(),
      level: v.level as SupportLevel,
      kind: v.kind as SupportKind,
      ageMin: Number(v.ageMin),
      ageMax: Number(v.ageMax),
      areaKeys: v.areaKeys,
      howToGet: v.howToGet.trim(),
      contactEmail: nullable(v.contactEmail),
      contactPhone: nullable(v.contactPhone),
      typicalWait: v.typicalWait.trim(),
      evidenceNote: v.evidenceNote.trim(),
    };
    try {
      const saved = offer ? await updateSupportOffer(offer.id, { ...body, version: offer.version, active: true }) : await createSupportOffer(body);
      onSaved(saved, false);
    } catch (e) {
      setSubmitError(e);
    }
  };

  /** Takes the entry out of the directory as it was saved (changes in the form are not kept). */
  const retire = async () => {
    if (!offer) return;
    setSubmitError(null);
    setRetiring(true);
    try {
      onSaved(await updateSupportOffer(offer.id, { ...bodyOf(offer), version: offer.version, active: false }), true);
    } catch (e) {
      setSubmitError(e);
    } finally {
      setRetiring(false);
    }
  };

  const areasError = errorFor('areaKeys');
  return (
    <form className="form" aria-label={label} noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} onReload={offer ? onReload : undefined} level={3} />
      <SelectField label={t('directory.fields.unit')} error={errorFor('unitId')} {...register('unitId', { required: 'validation.choose' })}>
        {units.length !== 1 && <option value="">{t('common.choose')}</option>}
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <Textfield label={t('directory.fields.name')} autoComplete="off" error={errorFor('name')} {...register('name', requiredText)} />
      <Textfield
        label={t('directory.fields.description')}
        description={t('directory.fields.descriptionHelp')}
        multiline
        rows={3}
        error={errorFor('description')}
        {...register('description', requiredText)}
      />
      <SelectField label={t('directory.fields.level')} error={errorFor('level')} {...register('level', { required: 'validation.choose' })}>
        <option value="">{t('common.choose')}</option>
        {SUPPORT_LEVELS.map((l) => (
          <option key={l} value={l}>
            {labels.level(l)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('directory.fields.kind')} error={errorFor('kind')} {...register('kind', { required: 'validation.choose' })}>
        <option value="">{t('common.choose')}</option>
        {SUPPORT_KINDS.map((k) => (
          <option key={k} value={k}>
            {labels.kind(k)}
          </option>
        ))}
      </SelectField>
      <div className="form__inline">
        <Textfield
          label={t('directory.fields.ageMin')}
          type="number"
          inputMode="numeric"
          min={0}
          max={25}
          error={errorFor('ageMin')}
          {...register('ageMin', AGE_RULES)}
        />
        <Textfield
          label={t('directory.fields.ageMax')}
          type="number"
          inputMode="numeric"
          min={0}
          max={25}
          error={errorFor('ageMax')}
          {...register('ageMax', AGE_RULES)}
        />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('directory.fields.areas')}</Fieldset.Legend>
        <Fieldset.Description>{t('directory.fields.areasHelp')}</Fieldset.Description>
        {areas.map((a) => (
          <Checkbox key={a.key} label={a.label} value={a.key} aria-invalid={areasError ? true : undefined} {...register('areaKeys')} />
        ))}
        {areasError && <ValidationMessage>{areasError}</ValidationMessage>}
      </Fieldset>
      <Textfield
        label={t('directory.fields.howToGet')}
        description={t('directory.fields.howToGetHelp')}
        multiline
        rows={3}
        error={errorFor('howToGet')}
        {...register('howToGet', requiredText)}
      />
      <Textfield
        label={t('directory.fields.contactEmail')}
        description={t('directory.fields.contactEmailHelp')}
        type="email"
        autoComplete="off"
        error={errorFor('contactEmail')}
        {...register('contactEmail')}
      />
      <Textfield
        label={t('directory.fields.contactPhone')}
        type="tel"
        autoComplete="off"
        error={errorFor('contactPhone')}
        {...register('contactPhone')}
      />
      <Textfield
        label={t('directory.fields.typicalWait')}
        description={t('common.optional')}
        autoComplete="off"
        error={errorFor('typicalWait')}
        {...register('typicalWait')}
      />
      <Textfield
        label={t('directory.fields.evidenceNote')}
        description={t('directory.fields.evidenceNoteHelp')}
        multiline
        rows={2}
        error={errorFor('evidenceNote')}
        {...register('evidenceNote')}
      />
      <FormActions saving={formState.isSubmitting} onCancel={onCancel}>
        {offer && (
          <Button type="button" variant="tertiary" data-color="danger" loading={retiring} onClick={() => void retire()}>
            {t('directory.retire')}
          </Button>
        )}
      </FormActions>
    </form>
  );
}
