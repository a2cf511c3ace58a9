import { useFieldArray, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { ROLES, type Unit } from '../../../api/types';
import { SelectField } from '../../../ui/SelectField';
import { useLabels } from '../../../ui/labels';
import type { UserValues } from './UserForm';

interface Props {
  control: Control<UserValues>;
  register: UseFormRegister<UserValues>;
  units: Unit[];
  errorFor: (name: string) => string | undefined;
}

export const ADD_MEMBERSHIP_ID = 'add-membership';

/** Rows of unit + role selects, with add/remove buttons. */
export function MembershipRows({ control, register, units, errorFor }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'memberships',
    rules: { validate: (rows) => rows.length > 0 || 'admin.users.errors.needMembership' },
  });
  const groupError = errorFor('memberships');

  return (
    <Fieldset className="rows">
      <Fieldset.Legend>{t('admin.users.memberships')}</Fieldset.Legend>
      <Fieldset.Description>{t('admin.users.membershipsHelp')}</Fieldset.Description>
      {fields.map((field, index) => (
        <Fieldset key={field.id} className="row">
          <Fieldset.Legend>{t('admin.users.membershipN', { n: index + 1 })}</Fieldset.Legend>
          <div className="row__fields">
            <SelectField
              label={t('admin.users.unit')}
              error={errorFor(`memberships.${index}.unitId`)}
              {...register(`memberships.${index}.unitId`, { required: 'validation.choose' })}
            >
              <option value="">{t('common.choose')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.active ? u.name : t('admin.inactiveOption', { name: u.name })}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('admin.users.role')}
              error={errorFor(`memberships.${index}.role`)}
              {...register(`memberships.${index}.role`, { required: 'validation.choose' })}
            >
              <option value="">{t('common.choose')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {labels.role(role)}
                </option>
              ))}
            </SelectField>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                remove(index);
                document.getElementById(ADD_MEMBERSHIP_ID)?.focus();
              }}
            >
              {t('admin.users.removeMembership', { n: index + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {groupError && <ValidationMessage>{groupError}</ValidationMessage>}
      <div>
        <Button id={ADD_MEMBERSHIP_ID} type="button" variant="secondary" data-size="sm" onClick={() => append({ unitId: '', role: '' })}>
          {t('admin.users.addMembership')}
        </Button>
      </div>
    </Fieldset>
  );
}
