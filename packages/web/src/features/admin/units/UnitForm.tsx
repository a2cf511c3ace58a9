import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { api } from '../../../api/client';
import { UNIT_TYPES, type Principal, type Unit, type UnitType } from '../../../api/types';
import { FormAlert } from '../../../ui/FormAlert';
import { SelectField } from '../../../ui/SelectField';
import { useLabels } from '../../../ui/labels';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../../ui/formErrors';
import { FormActions } from '../Editor';

interface UnitValues {
  name: string;
  type: UnitType | '';
  principalId: string;
}

interface Props {
  unit?: Unit;
  principals: Principal[];
  onSaved: (unit: Unit) => void;
  onCancel: () => void;
  onReload: () => void;
}

const SHOWN = fieldMatcher(['name', 'type', 'principalId']);

export function UnitForm({ unit, principals, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [toggling, setToggling] = useState(false);
  const { register, handleSubmit, formState } = useForm<UnitValues>({
    defaultValues: { name: unit?.name ?? '', type: unit?.type ?? '', principalId: unit?.principalId ?? '' },
  });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: UnitValues) => {
    setSubmitError(null);
    const body = { name: v.name.trim(), type: v.type, principalId: v.principalId };
    try {
      const saved = unit
        ? await api.patch<Unit>(`/admin/units/${unit.id}`, { version: unit.version, ...body })
        : await api.post<Unit>('/admin/units', body);
      onSaved(saved);
    } catch (e) {
      setSubmitError(e);
    }
  };

  const toggleActive = async () => {
    if (!unit) return;
    setSubmitError(null);
    setToggling(true);
    try {
      onSaved(await api.patch<Unit>(`/admin/units/${unit.id}`, { version: unit.version, active: !unit.active }));
    } catch (e) {
      setSubmitError(e);
    } finally {
      setToggling(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} onReload={unit ? onReload : undefined} />
      <Textfield
        label={t('admin.units.name')}
        autoComplete="off"
        error={errorFor('name')}
        {...register('name', { validate: (v) => v.trim() !== '' || 'validation.required' })}
      />
      <SelectField label={t('admin.units.type')} error={errorFor('type')} {...register('type', { required: 'validation.choose' })}>
        <option value="">{t('common.choose')}</option>
        {UNIT_TYPES.map((type) => (
          <option key={type} value={type}>
            {labels.unitType(type)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('admin.units.principal')} error={errorFor('principalId')} {...register('principalId', { required: 'validation.choose' })}>
        <option value="">{t('common.choose')}</option>
        {principals.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.name} (${labels.principalKind(p.kind)})`}
          </option>
        ))}
      </SelectField>
      <FormActions saving={formState.isSubmitting} onCancel={onCancel}>
        {unit && (
          <Button type="button" variant="tertiary" loading={toggling} onClick={() => void toggleActive()}>
            {unit.active ? t('admin.units.deactivate') : t('admin.units.activate')}
          </Button>
        )}
      </FormActions>
    </form>
  );
}
