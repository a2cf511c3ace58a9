import { useEffect, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Card, Heading, List, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  CASE_ROLES,
  CLOSING_REASONS,
  type AgeBand,
  type CaseDetail,
  type CaseRole,
  type CaseUpdateBody,
  type ClosingReason,
  type HiddenSignal,
  type Signal,
} from '../../api/types';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { DefinitionList } from '../../ui/DefinitionList';
import { useLabels } from '../../ui/labels';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { useChildren, useIdentitySearch } from '../children/api';
import { identityNumberRule } from '../children/validation';
import { assignRole, closeCase, linkChild, removeRole, reopenCase, updateCase, useAssignable } from './api';
import { focusLater, useCaseContext } from './caseContext';
import { useCaseLabels, useDateFormat } from './labels';
import { ConsultationFields, IdentifyingDataWarning, type ConsultationValues } from './NewConsultationPage';

/*
 * The case page's sections are plain <section>s without aria-labelledby: a named region would share
 * its name with form fields (the heading "Beskrivning" and the field "Beskrivning"), so label
 * look-ups (getByLabel in tests, and some assistive tech lists) would find two targets.
 */

/* ------------------------------------------------------------------ Vilka hjälper barnet? */

const ROLE_SHOWN = fieldMatcher(['userId', 'unitId', 'role']);

function AddRoleForm() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { c, store } = useCaseContext();
  const assignable = useAssignable(c.id, true);
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, reset } = useForm<{ person: string; role: CaseRole | '' }>({ defaultValues: { person: '', role: '' } });
  const errorFor = useFieldErrors(formState.errors, error);
  const people = assignable.data?.items ?? [];

  const onSubmit = async (v: { person: string; role: CaseRole | '' }) => {
    setError(null);
    const person = people.find((p) => `${p.userId}|${p.unitId}` === v.person);
    if (!person || !v.role) return;
    try {
      const fresh = await assignRole(c.id, { userId: person.userId, unitId: person.unitId, role: v.role });
      reset();
      store(fresh, t('case.helpers.added', { name: person.name, role: labels.caseRole(v.role) }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="section">
      <Heading level={3} data-size="xs" id="add-role-heading">
        {t('case.helpers.addHeading')}
      </Heading>
      {assignable.isPending && <Loading />}
      {assignable.isError && <FormAlert error={assignable.error} level={4} />}
      {assignable.isSuccess && people.length === 0 && <Paragraph>{t('case.helpers.noPeople')}</Paragraph>}
      {assignable.isSuccess && people.length > 0 && (
        <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
          <FormAlert error={error} unmatched={unmatchedFieldErrors(error, ROLE_SHOWN)} level={4} />
          <div className="form__inline">
            <SelectField
              label={t('case.helpers.person')}
              error={errorFor('person') ?? errorFor('userId') ?? errorFor('unitId')}
              {...register('person', { required: 'validation.choose' })}
            >
              <option value="">{t('case.helpers.choosePerson')}</option>
              {people.map((p) => (
                <option key={`${p.userId}|${p.unitId}`} value={`${p.userId}|${p.unitId}`}>
                  {t('case.helpers.personOption', { name: p.name, unit: p.unitName })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('case.helpers.roleSelect')} error={errorFor('role')} {...register('role', { required: 'validation.choose' })}>
              <option value="">{t('common.choose')}</option>
              {CASE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {labels.caseRole(r)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="form__actions">
            <Button type="submit" variant="secondary" loading={formState.isSubmitting}>
              {t('case.helpers.addSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Helpers() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { c, store } = useCaseContext();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canAssign = c.access.abilities.assignRoles;

  const onRemove = async (helper: CaseDetail['helpers'][number]) => {
    setBusy(helper.id);
    setError(null);
    try {
      const fresh = await removeRole(c.id, helper.id);
      store(fresh, t('case.helpers.removed', { name: helper.name, role: labels.caseRole(helper.role) }));
      focusLater('helpers-heading');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="section">
      <Heading level={2} data-size="md" id="helpers-heading" tabIndex={-1}>
        {t('case.helpers.heading')}
      </Heading>
      <FormAlert error={error} level={3} />
      {c.helpers.length === 0 ? (
        c.hiddenHelpers === 0 && <Paragraph>{t('case.helpers.none')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('case.helpers.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('case.helpers.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.helpers.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.helpers.role')}</Table.HeaderCell>
                {canAssign && <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.helpers.map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell>{h.name}</Table.Cell>
                  <Table.Cell>{h.unit.name}</Table.Cell>
                  <Table.Cell>{labels.caseRole(h.role)}</Table.Cell>
                  {canAssign && (
                    <Table.Cell>
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('case.helpers.removeLabel', { role: labels.caseRole(h.role), name: h.name })}
                        loading={busy === h.id}
                        onClick={() => void onRemove(h)}
                      >
                        {t('case.helpers.remove')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {c.hiddenHelpers > 0 && <Paragraph>{t('case.helpers.hidden', { count: c.hiddenHelpers })}</Paragraph>}
      {canAssign && <AddRoleForm />}
    </section>
  );
}

/* ------------------------------------------------------------------ Barnet */

function LinkChild() {
  const { t } = useTranslation();
  const { c, store, reload } = useCaseContext();
  const children = useChildren('');
  const [identityNumber, setIdentityNumber] = useState<string | null>(null);
  const search = useIdentitySearch(identityNumber);
  const searchForm = useForm<{ identityNumber: string }>({ defaultValues: { identityNumber: '' } });
  const searchErrorFor = useFieldErrors(searchForm.formState.errors, search.error);
  const [selected, setSelected] = useState('');
  const [selectError, setSelectError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const linkErrorFor = useFieldErrors({}, error);

  // Only the case's own unit's records can be linked (the server checks this too).
  const own = (children.data?.items ?? []).filter((ch) => ch.owningUnitId === c.owningUnit.id);
  const found = search.isSuccess && !search.isFetching ? search.data.items.filter((ch) => ch.owningUnitId === c.owningUnit.id) : undefined;
  const options = [...own];
  for (const ch of found ?? []) if (!options.some((o) => o.id === ch.id)) options.push(ch);

  const onSearch = (v: { identityNumber: string }) => {
    const next = v.identityNumber.trim();
    if (next === identityNumber) void search.refetch();
    else setIdentityNumber(next);
  };

  // Select the child found by personnummer once the search settles.
  const firstFound = found?.[0]?.id;
  const [lastSelectedFromSearch, setLastSelectedFromSearch] = useState<string | undefined>();
  if (firstFound && firstFound !== lastSelectedFromSearch) {
    setLastSelectedFromSearch(firstFound);
    setSelected(firstFound);
  }

  const onLink = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    if (!selected) {
      setSelectError(t('validation.choose'));
      focusLater('link-child-select');
      return;
    }
    setSelectError(undefined);
    setSaving(true);
    try {
      const fresh = await linkChild(c.id, c.version, selected);
      const name = options.find((o) => o.id === selected)?.displayName ?? '';
      store(fresh, t('case.link.linked', { name }));
      focusLater('child-heading');
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const foundName = found && found.length > 0 ? found[0]?.displayName : undefined;

  return (
    <section className="section">
      <Heading level={3} data-size="xs" id="link-child-heading">
        {t('case.link.heading')}
      </Heading>
      <Paragraph>{t('case.link.intro')}</Paragraph>
      <form className="form" noValidate onSubmit={(e) => void searchForm.handleSubmit(onSearch)(e)}>
        <div className="form__inline form__inline--search">
          <Textfield
            className="identity-search__field"
            label={t('case.link.searchLabel')}
            description={t('childForm.identityNumberHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            error={searchErrorFor('identityNumber')}
            {...searchForm.register('identityNumber', identityNumberRule(true))}
          />
          <Button type="submit" variant="secondary" loading={search.isFetching}>
            {t('case.link.searchSubmit')}
          </Button>
        </div>
      </form>
      <FormAlert error={search.error} unmatched={unmatchedFieldErrors(search.error, fieldMatcher(['identityNumber']))} level={4} />
      <div role="status" className="search-status">
        {found && <Paragraph>{foundName ? t('case.link.found', { name: foundName }) : t('case.link.notFound')}</Paragraph>}
      </div>
      <form className="form" noValidate onSubmit={(e) => void onLink(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, fieldMatcher(['childId']))} onReload={() => void reload()} level={4} />
        {children.isPending ? (
          <Loading />
        ) : (
          <SelectField
            id="link-child-select"
            label={t('case.link.childSelect')}
            description={options.length === 0 ? t('case.link.noChildren') : undefined}
            value={selected}
            error={selectError ?? linkErrorFor('childId')}
            onChange={(e) => {
              setSelected(e.target.value);
              setSelectError(undefined);
            }}
          >
            <option value="">{t('case.link.chooseChild')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {`${o.displayName} (${o.birthDate})`}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form__actions">
          <Button type="submit" loading={saving}>
            {t('case.link.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ChildBlock() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useLabels();
  const { c } = useCaseContext();
  const child = c.child;
  const notShown = t('case.child.notShown');

  return (
    <section className="section">
      <Heading level={2} data-size="md" id="child-heading" tabIndex={-1}>
        {t('case.child.heading')}
      </Heading>
      {child === null && (
        <>
          <Paragraph>{t('case.child.none')}</Paragraph>
          {c.access.abilities.linkChild && <LinkChild />}
        </>
      )}
      {child !== null && !child.visible && (
        <Paragraph>
          {t('case.child.hidden')} {localize(child.reasonSv, child.reasonEn)}
        </Paragraph>
      )}
      {child !== null && child.visible && (
        <>
          {child.protectedIdentity && (
            <Tag data-color="warning" data-size="sm" className="tag-inline">
              {t('case.child.protectedIdentity')}
            </Tag>
          )}
          <DefinitionList
            items={[
              { term: t('case.child.name'), value: `${child.givenName} ${child.familyName}` },
              { term: t('case.child.birthDate'), value: child.birthDate },
              { term: t('case.child.school'), value: child.school?.name ?? notShown },
              { term: t('case.child.address'), value: child.address ?? notShown },
            ]}
          />
          <Heading level={3} data-size="xs">
            {t('case.child.guardians')}
          </Heading>
          {child.guardians.length === 0 ? (
            <Paragraph>{t('case.child.noGuardians')}</Paragraph>
          ) : (
            <div className="table-wrap">
              <Table zebra>
                <caption className="ds-sr-only">{t('case.child.guardians')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('case.child.guardianName')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('case.child.custody')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('case.child.phone')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('case.child.email')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {child.guardians.map((g) => (
                    <Table.Row key={g.id}>
                      <Table.Cell>{g.name}</Table.Cell>
                      <Table.Cell>{labels.custody(g.custody)}</Table.Cell>
                      <Table.Cell>{g.phone ?? notShown}</Table.Cell>
                      <Table.Cell>{g.email ?? notShown}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ Signaler */

const isHidden = (s: Signal | HiddenSignal): s is HiddenSignal => 'hidden' in s && s.hidden === true;

function Signals() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useCaseLabels();
  const date = useDateFormat();
  const { c } = useCaseContext();
  return (
    <section className="section">
      <Heading level={2} data-size="md" id="case-signals-heading">
        {t('case.signals.heading')}
      </Heading>
      {c.signals.length === 0 ? (
        <Paragraph>{t('case.signals.none')}</Paragraph>
      ) : (
        <List.Unordered className="signal-list">
          {c.signals.map((s) =>
            isHidden(s) ? (
              <List.Item key={s.id} className="muted">
                {t('case.signals.hidden', { reason: localize(s.reasonSv, s.reasonEn) })}
              </List.Item>
            ) : (
              <List.Item key={s.id}>
                <strong>{t('case.signals.item', { date: date(s.createdAt), unit: s.owningUnit.name, name: s.raisedByName })}</strong>
                <span className="block">{s.noticed}</span>
                <span className="block muted">
                  {labels.category(s.category)}. {t('case.signals.kinds', { kinds: s.signalKinds.map(labels.signalKind).join(', ') })}.{' '}
                  {t('case.signals.urgency', { urgency: labels.urgency(s.urgency) })}.
                </span>
              </List.Item>
            ),
          )}
        </List.Unordered>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ Beskrivning och ändra */

const EDIT_BUTTON_ID = 'edit-case';
const EDIT_SHOWN = fieldMatcher(['pseudonym', 'ageBand', 'description']);

function EditCaseForm({ onDone }: { onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const { c, store, reload } = useCaseContext();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { register, handleSubmit, formState, reset } = useForm<ConsultationValues>({
    defaultValues: { pseudonym: c.pseudonym, ageBand: c.ageBand, description: c.description },
  });
  const errorFor = useFieldErrors(formState.errors, submitError);
  // After a 409 and "Ladda om": what the user changed stays in the form, the other fields take the
  // fresh values, and the next save sends the fresh version.
  const { pseudonym, ageBand, description, version } = c;
  useEffect(() => {
    reset({ pseudonym, ageBand, description }, { keepDirtyValues: true });
  }, [version, pseudonym, ageBand, description, reset]);

  const onSubmit = async (v: ConsultationValues) => {
    setSubmitError(null);
    const body: CaseUpdateBody = { version: c.version };
    if (v.pseudonym.trim() !== c.pseudonym) body.pseudonym = v.pseudonym.trim();
    if (v.ageBand !== c.ageBand) body.ageBand = v.ageBand as AgeBand;
    if (v.description.trim() !== c.description) body.description = v.description.trim();
    try {
      const fresh = await updateCase(c.id, body);
      store(fresh, t('case.edit.saved'));
      onDone(t('case.edit.saved'));
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <Card className="editor-panel">
      <Heading level={3} data-size="xs">
        {t('case.edit.title')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert
          error={submitError}
          unmatched={unmatchedFieldErrors(submitError, EDIT_SHOWN)}
          onReload={() => void reload()}
          conflictTitle={t('case.edit.conflictTitle')}
          conflictText={t('case.edit.conflictText')}
          level={4}
        />
        <IdentifyingDataWarning level={4} />
        <ConsultationFields register={register} errorFor={errorFor} />
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Description() {
  const { t } = useTranslation();
  const { c, announce } = useCaseContext();
  const [editing, setEditing] = useState(false);
  return (
    <section className="section">
      <Heading level={2} data-size="md" id="description-heading">
        {t('case.description.heading')}
      </Heading>
      {!editing && <Paragraph className="pre-wrap">{c.description}</Paragraph>}
      {c.access.abilities.edit && (
        <div className="page-actions">
          <Button
            id={EDIT_BUTTON_ID}
            type="button"
            variant="secondary"
            aria-expanded={editing}
            onClick={() => {
              announce(null);
              setEditing(!editing);
            }}
          >
            {t('case.edit.button')}
          </Button>
        </div>
      )}
      {editing && (
        <EditCaseForm
          onDone={() => {
            setEditing(false);
            focusLater(EDIT_BUTTON_ID);
          }}
        />
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ Avsluta och öppna igen */

const CLOSE_SHOWN = fieldMatcher(['reason', 'text']);

function CloseForm() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { c, store, reload } = useCaseContext();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, watch } = useForm<{ reason: ClosingReason | ''; text: string }>({
    defaultValues: { reason: '', text: '' },
  });
  const errorFor = useFieldErrors(formState.errors, error);
  const reason = watch('reason');

  const onSubmit = async (v: { reason: ClosingReason | ''; text: string }) => {
    setError(null);
    if (!v.reason) return;
    try {
      const body: { version: number; reason: ClosingReason; text?: string } = { version: c.version, reason: v.reason };
      if (v.text.trim()) body.text = v.text.trim();
      store(await closeCase(c.id, body), t('case.close.closed'));
      focusLater('reopen-heading');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="section">
      <Heading level={2} data-size="md" id="close-heading">
        {t('case.close.heading')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, CLOSE_SHOWN)} onReload={() => void reload()} level={3} />
        <SelectField label={t('case.close.reason')} error={errorFor('reason')} {...register('reason', { required: 'validation.choose' })}>
          <option value="">{t('common.choose')}</option>
          {CLOSING_REASONS.map((r) => (
            <option key={r} value={r}>
              {labels.closingReason(r)}
            </option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={3}
          label={t('case.close.text')}
          description={reason === 'annat' ? undefined : t('case.close.textHelp')}
          required={reason === 'annat'}
          error={errorFor('text')}
          {...register('text', {
            validate: (text, values) => values.reason !== 'annat' || text.trim() !== '' || 'case.close.errors.textRequired',
          })}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" loading={formState.isSubmitting}>
            {t('case.close.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Reopen() {
  const { t } = useTranslation();
  const { c, store, reload } = useCaseContext();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onReopen = async () => {
    setBusy(true);
    setError(null);
    try {
      store(await reopenCase(c.id, c.version), t('case.reopen.reopened'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section">
      <Heading level={2} data-size="md" id="reopen-heading" tabIndex={-1}>
        {t('case.reopen.heading')}
      </Heading>
      <FormAlert error={error} onReload={() => void reload()} level={3} />
      <div className="page-actions">
        <Button type="button" variant="secondary" loading={busy} onClick={() => void onReopen()}>
          {t('case.reopen.submit')}
        </Button>
      </div>
    </section>
  );
}

/* ------------------------------------------------------------------ Översikt */

export function CaseOverview() {
  const { c } = useCaseContext();
  return (
    <div className="tab-content">
      <Helpers />
      <ChildBlock />
      <Signals />
      <Description />
      {c.access.abilities.close && <CloseForm />}
      {c.access.abilities.reopen && <Reopen />}
    </div>
  );
}
