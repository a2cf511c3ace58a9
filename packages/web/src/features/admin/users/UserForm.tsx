import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { api } from '../../../api/client';
import type { Role, Unit, User } from '../../../api/types';
import { FormAlert } from '../../../ui/FormAlert';
import { fieldMatcher, focusArrayError, unmatchedFieldErrors, useFieldErrors } from '../../../ui/formErrors';
import { MIN_PASSWORD_LENGTH } from '../../account/ChangePasswordForm';
import { FormActions } from '../Editor';
import { nullableText, optionalText } from '../api';
import { ADD_MEMBERSHIP_ID, MembershipRows } from './MembershipRows';

export interface UserValues {
  username: string;
  displayName: string;
  email: string;
  password: string;
  memberships: { unitId: string; role: Role | '' }[];
}

interface Props {
  user?: User;
  units: Unit[];
  onSaved: (user: User) => void;
  onCancel: () => void;
  onReload: () => void;
}

const SHOWN = fieldMatcher([
  'username',
  'displayName',
  'email',
  'password',
  'newPassword',
  'memberships',
  'memberships.*.unitId',
  'memberships.*.role',
]);

export function UserForm({ user, units, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [toggling, setToggling] = useState(false);
  const { register, handleSubmit, formState, control } = useForm<UserValues>({
    defaultValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      email: user?.email ?? '',
      password: '',
      memberships: user ? user.memberships.map((m) => ({ unitId: m.unitId, role: m.role })) : [{ unitId: '', role: '' }],
    },
  });
  const errorFor = useFieldErrors(formState.errors, submitError);

  const onSubmit = async (v: UserValues) => {
    setSubmitError(null);
    const memberships = v.memberships.map((m) => ({ unitId: m.unitId, role: m.role }));
    try {
      const saved = user
        ? await api.patch<User>(`/admin/users/${user.id}`, {
            version: user.version,
            displayName: v.displayName.trim(),
            email: nullableText(v.email),
            memberships,
            // Empty = keep the current password; filled = the administrator resets it.
            ...(v.password ? { newPassword: v.password } : {}),
          })
        : await api.post<User>('/admin/users', {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            ...(optionalText(v.email) ? { email: optionalText(v.email) } : {}),
            password: v.password,
            memberships,
          });
      onSaved(saved);
    } catch (e) {
      setSubmitError(e);
    }
  };

  const toggleActive = async () => {
    if (!user) return;
    setSubmitError(null);
    setToggling(true);
    try {
      onSaved(await api.patch<User>(`/admin/users/${user.id}`, { version: user.version, active: !user.active }));
    } catch (e) {
      setSubmitError(e);
    } finally {
      setToggling(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit, focusArrayError('memberships', ADD_MEMBERSHIP_ID))(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, SHOWN)} onReload={user ? onReload : undefined} />
      <Textfield
        label={t('admin.users.username')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        readOnly={Boolean(user)}
        description={user ? t('admin.users.usernameFixed') : undefined}
        error={errorFor('username')}
        {...register('username', { validate: (v) => Boolean(user) || v.trim() !== '' || 'validation.required' })}
      />
      <Textfield
        label={t('admin.users.displayName')}
        autoComplete="off"
        error={errorFor('displayName')}
        {...register('displayName', { validate: (v) => v.trim() !== '' || 'validation.required' })}
      />
      <Textfield
        label={t('admin.users.email')}
        type="email"
        autoComplete="off"
        description={t('common.optional')}
        error={errorFor('email')}
        {...register('email', {
          pattern: { value: /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'validation.email' },
        })}
      />
      {!user ? (
        <Textfield
          label={t('admin.users.password')}
          type="password"
          autoComplete="new-password"
          description={t('admin.users.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
          error={errorFor('password')}
          {...register('password', {
            required: 'validation.required',
            minLength: { value: MIN_PASSWORD_LENGTH, message: 'account.errors.tooShort' },
          })}
        />
      ) : (
        <Textfield
          label={t('admin.users.resetPassword')}
          type="password"
          autoComplete="new-password"
          description={t('admin.users.resetPasswordHelp', { min: MIN_PASSWORD_LENGTH })}
          error={errorFor('password') ?? errorFor('newPassword')}
          {...register('password', {
            minLength: { value: MIN_PASSWORD_LENGTH, message: 'account.errors.tooShort' },
          })}
        />
      )}
      <MembershipRows control={control} register={register} units={units} errorFor={errorFor} />
      <FormActions saving={formState.isSubmitting} onCancel={onCancel}>
        {user && (
          <Button type="button" variant="tertiary" loading={toggling} onClick={() => void toggleActive()}>
            {user.active ? t('admin.users.deactivate') : t('admin.users.activate')}
          </Button>
        )}
      </FormActions>
    </form>
  );
}
