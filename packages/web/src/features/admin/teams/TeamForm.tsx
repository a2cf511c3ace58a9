import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { api } from '../../../api/client';
import type { Team, Unit, User } from '../../../api/types';
import { FormAlert } from '../../../ui/FormAlert';
import { fieldMatcher, focusArrayError, unmatchedFieldErrors, useFieldErrors } from '../../../ui/formErrors';
import { FormActions } from '../Editor';
import { nullableNumber, nullableText, optionalText } from '../api';
import { ADD_MEMBER_ID, TeamMemberRows } from './TeamMemberRows';

export interface TeamValues {
  name: string;
  ageMin: string;
  ageMax: string;
  targetDescription: string;
  theme: string;
  members: { userId: string; unitId: string; isSamordnare: boolean }[];
}

interface Props {
  team?: Team;
  users: User[];
  units: Unit[];
  onSaved: (team: Team) => void;
  onCancel: () => void;
  onReload: () => void;
}

const SHOWN = fieldMatcher([
  'name',
  'ageMin',
  'ageMax',
  'targetDescription',
  'theme',
  'members',
  'members.*.userId',
  'members.*.unitId',
  'members.*.isSamordnare',
]);

const AGE_RULES = {
  validate: (v: string) => {
    if (v.trim() === '') return true;
    const n = Number(v);
    return (Number.isInteger(n) && n >= 0 && n <= 25) || 'admin.teams.errors.age';
  },
};

export function TeamForm({ team, users, units, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [toggling, setToggling] = useState(false);
  const { register, handleSubmit, formState, control, setValue, getValues } = useForm<TeamValues>({
    defaultValues: {
      name: team?.name ?? '',
      ageMin: team?.ageMin?.toString() ?? '',
      ageMax: team?.ageMax?.toString() ?? '',
      targetDescription: team?.targetDescription ?? '',
      theme: team?.theme ?? '',
      members: team
        ? team.members.map((m) => ({ userId: m.userId, unitId: m.unitId, isSamordnare: m.isSamordnare }))
        : [{ userId: '', unitId: '', isSamordnare: true }],
    },
  });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: TeamValues) => {
    setSubmitError(null);
    const members = v.members.map((m) => ({ userId: m.userId, unitId: m.unitId, isSamordnare: m.isSamordnare }));
    try {
      const saved = team
        ? await api.patch<Team>(`/admin/teams/${team.id}`, {
            version: team.version,
            name: v.name.trim(),
            ageMin: nullableNumber(v.ageMin),
            ageMax: nullableNumber(v.ageMax),
            targetDescription: nullableText(v.targetDescription),
            theme: nullableText(v.theme),
            members,
          })
        : await api.post<Team>('/admin/teams', {
            name: v.name.trim(),
            ...(v.ageMin.trim() !== '' ? { ageMin: Number(v.ageMin) } : {}),
            ...(v.ageMax.trim() !== '' ? { ageMax: Number(v.ageMax) } : {}),
            ...(optionalText(v.targetDescription) ? { targetDescription: optionalText(v.targetDescription) } : {}),
            ...(optionalText(v.theme) ? { theme: optionalText(v.theme) } : {}),
            members,
          });
      onSaved(saved);
    } catch (e) {
      setSubmitError(e);
    }
  };

  const toggleActive = async () => {
    if (!team) return;
    setSubmitError(null);
    setToggling(true);
    try {
      onSaved(await api.patch<Team>(`/admin/teams/${team.id}`, { version: team.version, active: !team.active }));
    } catch (e) {
      setSubmitError(e);
    } finally {
      setToggling(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit, focusArrayError('members', ADD_MEMBER_ID))(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} onReload={team ? onReload : undefined} />
      <Textfield
        label={t('admin.teams.name')}
        autoComplete="off"
        error={errorFor('name')}
        {...register('name', { validate: (v) => v.trim() !== '' || 'validation.required' })}
      />
      <div className="form__inline">
        <Textfield
          label={t('admin.teams.ageMin')}
          type="number"
          inputMode="numeric"
          min={0}
          max={25}
          description={t('common.optional')}
          error={errorFor('ageMin')}
          {...register('ageMin', AGE_RULES)}
        />
        <Textfield
          label={t('admin.teams.ageMax')}
          type="number"
          inputMode="numeric"
          min={0}
          max={25}
          description={t('common.optional')}
          error={errorFor('ageMax')}
          {...register('ageMax', {
            validate: (v) => {
              const valid = AGE_RULES.validate(v);
              if (valid !== true) return valid;
              const min = getValues('ageMin');
              return v === '' || min === '' || Number(min) <= Number(v) || 'admin.teams.errors.ageOrder';
            },
          })}
        />
      </div>
      <Textfield
        label={t('admin.teams.targetDescription')}
        description={t('admin.teams.targetDescriptionHelp')}
        multiline
        rows={3}
        error={errorFor('targetDescription')}
        {...register('targetDescription')}
      />
      <Textfield
        label={t('admin.teams.theme')}
        description={t('admin.teams.themeHelp')}
        autoComplete="off"
        error={errorFor('theme')}
        {...register('theme')}
      />
      <TeamMemberRows control={control} register={register} setValue={setValue} users={users} units={units} errorFor={errorFor} />
      <FormActions saving={formState.isSubmitting} onCancel={onCancel}>
        {team && (
          <Button type="button" variant="tertiary" loading={toggling} onClick={() => void toggleActive()}>
            {team.active ? t('admin.teams.deactivate') : t('admin.teams.activate')}
          </Button>
        )}
      </FormActions>
    </form>
  );
}
