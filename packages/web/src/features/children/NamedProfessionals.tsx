import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Heading, List, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { ChildDetail, NamedProfessional } from '../../api/types';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { setNamedProfessionals, useEligibleProfessionals } from './api';

const SHOWN = fieldMatcher(['userIds']);
const HEADING_ID = 'named-professionals-heading';

function Section({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={HEADING_ID}>
        {t('namedProfessionals.heading')}
      </Heading>
      {children}
    </section>
  );
}

/** Read-only list of the named professionals (for users who may not change it). */
export function NamedProfessionalsList({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  return (
    <Section>
      {child.namedProfessionals.length === 0 ? (
        <Paragraph>{t('namedProfessionals.none')}</Paragraph>
      ) : (
        <List.Unordered>
          {child.namedProfessionals.map((p) => (
            <List.Item key={p.userId}>{p.displayName}</List.Item>
          ))}
        </List.Unordered>
      )}
    </Section>
  );
}

interface FormProps {
  child: ChildDetail;
  onSaved: (child: ChildDetail) => void;
  onReload: () => void;
}

/** Checkboxes for who is named; saved with PUT …/named-professionals. */
export function NamedProfessionalsForm({ child, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const eligible = useEligibleProfessionals(child.id, true);
  const [selected, setSelected] = useState<string[]>(() => child.namedProfessionals.map((p) => p.userId));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = useFieldErrors({}, error);

  // Someone already named but no longer eligible stays visible, so they can be removed.
  const options: NamedProfessional[] = [...(eligible.data?.items ?? [])];
  for (const p of child.namedProfessionals) if (!options.some((o) => o.userId === p.userId)) options.push(p);

  const toggle = (userId: string, checked: boolean) =>
    setSelected((current) => (checked ? [...current, userId] : current.filter((id) => id !== userId)));

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setSaving(true);
    try {
      onSaved(await setNamedProfessionals(child.id, selected));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const fieldError = errorFor('userIds');

  return (
    <Section>
      <Paragraph>{t('namedProfessionals.help')}</Paragraph>
      {eligible.isPending && <Loading />}
      {eligible.isError && <FormAlert error={eligible.error} />}
      {!eligible.isPending && (
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} onReload={onReload} />
          <Fieldset>
            <Fieldset.Legend>{t('namedProfessionals.legend')}</Fieldset.Legend>
            {options.length === 0 && <Paragraph>{t('namedProfessionals.noneEligible')}</Paragraph>}
            {options.map((p) => (
              <Checkbox
                key={p.userId}
                label={p.displayName}
                value={p.userId}
                checked={selected.includes(p.userId)}
                aria-invalid={fieldError ? true : undefined}
                onChange={(e) => toggle(p.userId, e.target.checked)}
              />
            ))}
            {fieldError && <ValidationMessage>{fieldError}</ValidationMessage>}
          </Fieldset>
          <div className="form__actions">
            <Button type="submit" loading={saving}>
              {t('namedProfessionals.save')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
