import { useEffect } from 'react';
import { useFieldArray, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import type { Unit, User } from '../../../api/types';
import { SelectField } from '../../../ui/SelectField';
import type { TeamValues } from './TeamForm';

interface Props {
  control: Control<TeamValues>;
  register: UseFormRegister<TeamValues>;
  setValue: UseFormSetValue<TeamValues>;
  users: User[];
  units: Unit[];
  errorFor: (name: string) => string | undefined;
}

export const ADD_MEMBER_ID = 'add-member';

interface RowProps extends Props {
  index: number;
  onRemove: () => void;
}

/** Units offered for a member: the chosen user's membership units, or all units when none is chosen. */
function unitOptions(user: User | undefined, units: Unit[]): { id: string; name: string }[] {
  if (!user || user.memberships.length === 0) return units.map((u) => ({ id: u.id, name: u.name }));
  const seen = new Map<string, string>();
  for (const m of user.memberships) seen.set(m.unitId, m.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function MemberRow({ control, register, setValue, users, units, errorFor, index, onRemove }: RowProps) {
  const { t } = useTranslation();
  const userId = useWatch({ control, name: `members.${index}.userId` });
  const unitId = useWatch({ control, name: `members.${index}.unitId` });
  const options = unitOptions(
    users.find((u) => u.id === userId),
    units,
  );
  const optionIds = options.map((o) => o.id).join(',');

  // Keep the chosen unit valid for the chosen user; pick the only unit automatically.
  useEffect(() => {
    const ids = optionIds ? optionIds.split(',') : [];
    if (unitId && !ids.includes(unitId)) setValue(`members.${index}.unitId`, '');
    if (!unitId && userId && ids.length === 1 && ids[0]) setValue(`members.${index}.unitId`, ids[0]);
  }, [optionIds, unitId, userId, index, setValue]);

  return (
    <Fieldset className="row">
      <Fieldset.Legend>{t('admin.teams.memberN', { n: index + 1 })}</Fieldset.Legend>
      <div className="row__fields">
        <SelectField
          label={t('admin.teams.user')}
          error={errorFor(`members.${index}.userId`)}
          {...register(`members.${index}.userId`, { required: 'validation.choose' })}
        >
          <option value="">{t('common.choose')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.active ? u.displayName : t('admin.inactiveOption', { name: u.displayName })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('admin.teams.unit')}
          error={errorFor(`members.${index}.unitId`)}
          {...register(`members.${index}.unitId`, { required: 'validation.choose' })}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <Checkbox
          label={t('admin.teams.isSamordnare')}
          error={errorFor(`members.${index}.isSamordnare`)}
          {...register(`members.${index}.isSamordnare`)}
        />
        <Button type="button" variant="tertiary" data-size="sm" onClick={onRemove}>
          {t('admin.teams.removeMember', { n: index + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}

/** Team members: user + unit + samordnare checkbox per row. */
export function TeamMemberRows(props: Props) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({
    control: props.control,
    name: 'members',
    rules: {
      validate: (members) => (members.length > 0 && members.some((m) => m.isSamordnare)) || 'admin.teams.errors.needSamordnare',
    },
  });
  const groupError = props.errorFor('members');

  return (
    <Fieldset className="rows">
      <Fieldset.Legend>{t('admin.teams.members')}</Fieldset.Legend>
      <Fieldset.Description>{t('admin.teams.membersHelp')}</Fieldset.Description>
      {fields.map((field, index) => (
        <MemberRow
          key={field.id}
          {...props}
          index={index}
          onRemove={() => {
            remove(index);
            document.getElementById(ADD_MEMBER_ID)?.focus();
          }}
        />
      ))}
      {groupError && <ValidationMessage>{groupError}</ValidationMessage>}
      <div>
        <Button
          id={ADD_MEMBER_ID}
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => append({ userId: '', unitId: '', isSamordnare: false })}
        >
          {t('admin.teams.addMember')}
        </Button>
      </div>
    </Fieldset>
  );
}
