import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { ChildCreateBody, ChildDetail, ChildUpdateBody, CustodyType, GuardianInput, SchoolUnit } from '../../api/types';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, focusArrayError, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { FormActions } from '../admin/Editor';
import { nullableText } from '../admin/api';
import { createChild, formatIdentityNumber, updateChild } from './api';
import { ADD_GUARDIAN_ID, EMPTY_GUARDIAN, GuardianRows } from './GuardianRows';
import { identityNumberRule, requiredText } from './validation';

export interface GuardianValues {
  /** Set for a guardian already stored; the server keeps what this form cannot show. */
  id?: string;
  name: string;
  custody: CustodyType | '';
  identityNumber: string;
  phone: string;
  email: string;
  address: string;
}

export interface ChildValues {
  givenName: string;
  familyName: string;
  identityNumber: string;
  protectedIdentity: boolean;
  address: string;
  schoolUnitId: string;
  guardians: GuardianValues[];
}

interface Props {
  /** The child being edited; without it the form creates a new child. */
  child?: ChildDetail;
  schools: SchoolUnit[];
  onSaved: (child: ChildDetail) => void;
  onCancel: () => void;
  onReload?: () => void;
}

const BASE_FIELDS = ['givenName', 'familyName', 'identityNumber', 'protectedIdentity'];
const DETAIL_FIELDS = [
  'address',
  'schoolUnitId',
  'guardians',
  'guardians.*.name',
  'guardians.*.custody',
  'guardians.*.identityNumber',
  'guardians.*.phone',
  'guardians.*.email',
  'guardians.*.address',
];

function toGuardianInputs(rows: GuardianValues[]): GuardianInput[] {
  return rows.map((g) => {
    const input: GuardianInput = {
      name: g.name.trim(),
      custody: g.custody || 'vardnadshavare',
      phone: nullableText(g.phone),
      email: nullableText(g.email),
    };
    // The server never sends a stored guardian's personnummer or address back, so an
    // empty field on a stored guardian means "unchanged", not "clear it".
    if (g.id) input.id = g.id;
    const identityNumber = nullableText(g.identityNumber);
    const address = nullableText(g.address);
    if (!g.id || identityNumber !== null) input.identityNumber = identityNumber;
    if (!g.id || address !== null) input.address = address;
    return input;
  });
}

function defaults(child: ChildDetail | undefined): ChildValues {
  if (!child) {
    return {
      givenName: '',
      familyName: '',
      identityNumber: '',
      protectedIdentity: false,
      address: '',
      schoolUnitId: '',
      guardians: [{ ...EMPTY_GUARDIAN }],
    };
  }
  return {
    givenName: child.givenName,
    familyName: child.familyName,
    identityNumber: child.identityNumber ? formatIdentityNumber(child.identityNumber) : '',
    protectedIdentity: child.protectedIdentity,
    address: child.address ?? '',
    schoolUnitId: child.schoolUnitId ?? '',
    guardians: child.guardians.map((g) => ({
      id: g.id,
      name: g.name,
      custody: g.custody,
      identityNumber: '',
      phone: g.phone ?? '',
      email: g.email ?? '',
      address: '',
    })),
  };
}

/** Only what changed, so that nothing the user did not touch is overwritten. */
function changes(child: ChildDetail, v: ChildValues, detailsShown: boolean): ChildUpdateBody {
  const body: ChildUpdateBody = { version: child.version };
  if (v.givenName.trim() !== child.givenName) body.givenName = v.givenName.trim();
  if (v.familyName.trim() !== child.familyName) body.familyName = v.familyName.trim();
  if (v.protectedIdentity !== child.protectedIdentity) body.protectedIdentity = v.protectedIdentity;
  if (!detailsShown) return body;
  if (nullableText(v.address) !== child.address) body.address = nullableText(v.address);
  if ((v.schoolUnitId || null) !== child.schoolUnitId) body.schoolUnitId = v.schoolUnitId || null;
  const guardians = toGuardianInputs(v.guardians);
  if (JSON.stringify(guardians) !== JSON.stringify(toGuardianInputs(defaults(child).guardians))) body.guardians = guardians;
  return body;
}

export function ChildForm({ child, schools, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState, control } = useForm<ChildValues>({ defaultValues: defaults(child) });
  const errorFor = useFieldErrors(formState.errors, submitError);
  // Without the right to see protected details, those fields are empty here and must not be sent.
  const detailsShown = !child || !child.protectedIdentity || child.abilities.canSeeProtectedDetails;
  const shown = fieldMatcher(detailsShown ? [...BASE_FIELDS, ...DETAIL_FIELDS] : BASE_FIELDS);
  // Keep the child's current school selectable even if it is no longer offered.
  const schoolOptions =
    child?.schoolUnitId && !schools.some((s) => s.id === child.schoolUnitId)
      ? [...schools, { id: child.schoolUnitId, name: child.schoolUnitName ?? child.schoolUnitId }]
      : schools;

  const onSubmit = async (v: ChildValues) => {
    setSubmitError(null);
    try {
      if (child) {
        onSaved(await updateChild(child.id, changes(child, v, detailsShown)));
      } else {
        const body: ChildCreateBody = {
          givenName: v.givenName.trim(),
          familyName: v.familyName.trim(),
          identityNumber: v.identityNumber.trim(),
          protectedIdentity: v.protectedIdentity,
          address: nullableText(v.address),
          schoolUnitId: v.schoolUnitId || null,
          guardians: toGuardianInputs(v.guardians),
        };
        onSaved(await createChild(body));
      }
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit, focusArrayError('guardians', ADD_GUARDIAN_ID))(e)}>
      <FormAlert error={submitError} unmatched={unmatchedFieldErrors(submitError, shown)} onReload={onReload} />
      <Textfield label={t('childForm.givenName')} autoComplete="off" error={errorFor('givenName')} {...register('givenName', requiredText)} />
      <Textfield label={t('childForm.familyName')} autoComplete="off" error={errorFor('familyName')} {...register('familyName', requiredText)} />
      {child ? (
        <Textfield
          label={t('childForm.identityNumber')}
          readOnly
          description={t('childForm.identityNumberFixed')}
          error={errorFor('identityNumber')}
          {...register('identityNumber')}
        />
      ) : (
        <Textfield
          label={t('childForm.identityNumber')}
          description={t('childForm.identityNumberHint')}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          error={errorFor('identityNumber')}
          {...register('identityNumber', identityNumberRule(true))}
        />
      )}
      <Checkbox
        label={t('childForm.protectedIdentity')}
        description={t('childForm.protectedIdentityHelp')}
        error={errorFor('protectedIdentity')}
        {...register('protectedIdentity')}
      />
      {detailsShown ? (
        <>
          <Textfield
            label={t('childForm.address')}
            description={t('common.optional')}
            autoComplete="off"
            error={errorFor('address')}
            {...register('address')}
          />
          <SelectField label={t('childForm.school')} error={errorFor('schoolUnitId')} {...register('schoolUnitId')}>
            <option value="">{t('childForm.noSchool')}</option>
            {schoolOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <GuardianRows control={control} register={register} errorFor={errorFor} />
        </>
      ) : (
        <Paragraph>{t('childForm.detailsHidden')}</Paragraph>
      )}
      <FormActions saving={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
