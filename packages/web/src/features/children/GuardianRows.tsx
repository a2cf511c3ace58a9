import { useFieldArray, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { CUSTODY_TYPES } from '../../api/types';
import { SelectField } from '../../ui/SelectField';
import { useLabels } from '../../ui/labels';
import type { ChildValues, GuardianValues } from './ChildForm';
import { emailRule, identityNumberRule, requiredText } from './validation';

export const MAX_GUARDIANS = 4;
export const ADD_GUARDIAN_ID = 'add-guardian';

export const EMPTY_GUARDIAN: GuardianValues = { name: '', custody: 'vardnadshavare', identityNumber: '', phone: '', email: '', address: '' };

interface Props {
  control: Control<ChildValues>;
  register: UseFormRegister<ChildValues>;
  errorFor: (name: string) => string | undefined;
}

/** Guardian groups ("Vårdnadshavare 1" …) with add/remove buttons; at most four. */
export function GuardianRows({ control, register, errorFor }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'guardians',
    rules: { validate: (rows) => rows.length <= MAX_GUARDIANS || 'childForm.errors.tooManyGuardians' },
  });
  const groupError = errorFor('guardians');
  const full = fields.length >= MAX_GUARDIANS;

  return (
    <Fieldset className="rows">
      <Fieldset.Legend>{t('childForm.guardians')}</Fieldset.Legend>
      <Fieldset.Description>{t('childForm.guardiansHelp', { max: MAX_GUARDIANS })}</Fieldset.Description>
      {fields.map((field, index) => (
        <Fieldset key={field.id} className="row">
          <Fieldset.Legend>{t('childForm.guardianN', { n: index + 1 })}</Fieldset.Legend>
          <div className="row__fields">
            <Textfield
              label={t('childForm.guardianName')}
              autoComplete="off"
              error={errorFor(`guardians.${index}.name`)}
              {...register(`guardians.${index}.name`, requiredText)}
            />
            <SelectField
              label={t('childForm.custody')}
              error={errorFor(`guardians.${index}.custody`)}
              {...register(`guardians.${index}.custody`, { required: 'validation.choose' })}
            >
              {CUSTODY_TYPES.map((c) => (
                <option key={c} value={c}>
                  {labels.custody(c)}
                </option>
              ))}
            </SelectField>
            <Textfield
              label={t('childForm.guardianIdentityNumber')}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              error={errorFor(`guardians.${index}.identityNumber`)}
              {...register(`guardians.${index}.identityNumber`, identityNumberRule(false))}
            />
            <Textfield
              label={t('childForm.phone')}
              type="tel"
              autoComplete="off"
              error={errorFor(`guardians.${index}.phone`)}
              {...register(`guardians.${index}.phone`)}
            />
            <Textfield
              label={t('childForm.email')}
              type="email"
              autoComplete="off"
              error={errorFor(`guardians.${index}.email`)}
              {...register(`guardians.${index}.email`, emailRule)}
            />
            <Textfield
              label={t('childForm.guardianAddress')}
              autoComplete="off"
              error={errorFor(`guardians.${index}.address`)}
              {...register(`guardians.${index}.address`)}
            />
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                remove(index);
                // The add button may only appear after the re-render (when the list was full).
                window.setTimeout(() => document.getElementById(ADD_GUARDIAN_ID)?.focus(), 0);
              }}
            >
              {t('childForm.removeGuardian', { n: index + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {groupError && <ValidationMessage>{groupError}</ValidationMessage>}
      {full ? (
        <Paragraph data-size="sm">{t('childForm.maxGuardians', { max: MAX_GUARDIANS })}</Paragraph>
      ) : (
        <div>
          <Button id={ADD_GUARDIAN_ID} type="button" variant="secondary" data-size="sm" onClick={() => append({ ...EMPTY_GUARDIAN })}>
            {t('childForm.addGuardian')}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}
