import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { optionalText } from '../admin/api';
import { useCases } from '../cases/api';
import { useUnitOptions } from '../signals/api';
import { addAgendaItem, AGENDA_KINDS, agendaKeys, type AgendaKind } from './api';

interface ItemValues {
  kind: AgendaKind;
  caseId: string;
  title: string;
  description: string;
  invitedUnitIds: string[];
}

const DEFAULTS: ItemValues = { kind: 'anonymous', caseId: '', title: '', description: '', invitedUnitIds: [] };
const SHOWN = fieldMatcher(['kind', 'caseId', 'title', 'description', 'invitedUnitIds', 'invitedUnitIds.*']);
const HEADING_ID = 'add-item-heading';

/** "Lägg till punkt": only for the team's samordnare. Cases are the acting unit's own, filtered by the item's kind. */
export function AgendaItemForm({ meetingId, onAdded }: { meetingId: string; onAdded: (title: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useCurrentMe();
  const cases = useCases({});
  const units = useUnitOptions();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, reset, watch } = useForm<ItemValues>({ defaultValues: DEFAULTS });
  const errorFor = useFieldErrors(formState.errors, error);
  const kind = watch('kind');

  const ownCases = (cases.data?.items ?? []).filter(
    (c) =>
      c.owningUnit.id === me.actingUnit.id && (kind === 'anonymous' ? c.state === 'anonym' : c.state === 'invantar_samtycke' || c.state === 'aktiv'),
  );
  const unitItems = units.data?.items ?? [];
  const invitedError = errorFor('invitedUnitIds') ?? unitItems.map((_, i) => errorFor(`invitedUnitIds.${i}`)).find(Boolean);

  const onSubmit = async (v: ItemValues) => {
    setError(null);
    try {
      const agenda = await addAgendaItem(
        meetingId,
        v.kind === 'topic'
          ? { kind: 'topic', title: v.title.trim(), description: optionalText(v.description), invitedUnitIds: v.invitedUnitIds }
          : { kind: v.kind, caseId: v.caseId, invitedUnitIds: v.invitedUnitIds },
      );
      qc.setQueryData(agendaKeys.agenda(meetingId), agenda);
      const added = agenda.items.reduce((a, b) => (b.position > a.position ? b : a), agenda.items[0]!);
      reset({ ...DEFAULTS, kind: v.kind });
      onAdded(added.title);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby={HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={HEADING_ID}>
        {t('meetings.agenda.add.title')}
      </Heading>
      <Paragraph>{t('meetings.agenda.add.intro')}</Paragraph>
      <form className="form" noValidate aria-labelledby={HEADING_ID} onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={3} />
        <SelectField label={t('meetings.agenda.add.kind')} error={errorFor('kind')} {...register('kind')}>
          {AGENDA_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meetings.agenda.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind !== 'topic' && (
          <SelectField
            label={t('meetings.agenda.add.case')}
            description={kind === 'anonymous' ? t('meetings.agenda.add.caseHelpAnonymous') : t('meetings.agenda.add.caseHelpCase')}
            error={errorFor('caseId')}
            {...register('caseId', { validate: (v, all) => all.kind === 'topic' || v !== '' || 'validation.choose' })}
          >
            <option value="">{t('common.choose')}</option>
            {ownCases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.pseudonym}
              </option>
            ))}
          </SelectField>
        )}
        {kind !== 'topic' && cases.isSuccess && ownCases.length === 0 && <Paragraph data-size="sm">{t('meetings.agenda.add.noCases')}</Paragraph>}
        {kind === 'topic' && (
          <>
            <Textfield
              label={t('meetings.agenda.add.topicTitle')}
              description={t('meetings.agenda.add.topicTitleHelp')}
              autoComplete="off"
              error={errorFor('title')}
              {...register('title', { validate: (v, all) => all.kind !== 'topic' || v.trim() !== '' || 'validation.required' })}
            />
            <Textfield multiline rows={3} label={t('meetings.agenda.add.description')} error={errorFor('description')} {...register('description')} />
          </>
        )}
        <Fieldset>
          <Fieldset.Legend>{t('meetings.agenda.add.invited')}</Fieldset.Legend>
          <Fieldset.Description>{t('meetings.agenda.add.invitedHelp')}</Fieldset.Description>
          <div className="checkbox-grid">
            {unitItems.map((u) => (
              <Checkbox key={u.id} label={u.name} value={u.id} aria-invalid={invitedError ? true : undefined} {...register('invitedUnitIds')} />
            ))}
          </div>
          {invitedError && <ValidationMessage>{invitedError}</ValidationMessage>}
        </Fieldset>
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('meetings.agenda.add.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
