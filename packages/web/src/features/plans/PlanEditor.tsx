import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { isApiError, type ApiFieldError } from '../../api/client';
import { useCurrentMe } from '../../api/me';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { caseKeys } from '../cases/api';
import { focusLater, useCaseContext } from '../cases/caseContext';
import { useDateFormat } from '../cases/labels';
import { useUnitOptions } from '../signals/api';
import {
  adoptPlanVersion,
  conflictingVersion,
  planKeys,
  savePlanDraft,
  useCaseDecisions,
  usePrincipals,
  type MissingElement,
  type Plan,
  type PlanVersion,
  type PrincipalOption,
  type Wheel,
} from './api';
import { clientErrors, newItemId, toContent, toEditable, type EditableArea, type EditablePlan, type EditableSip } from './planForm';
import { PlanContentView } from './PlanView';
import { activeAreas } from './WheelTab';

type Change = (mutate: (draft: EditablePlan) => void) => void;
type ErrorAt = (field: string) => string | undefined;

/** Field paths the editor shows at a field; anything else goes in the form-level alert. */
const SHOWN_PREFIXES = [
  'planDate',
  'childView.',
  'guardiansView.',
  'areas.',
  'sip.supportNeeded',
  'sip.principalContributions',
  'sip.provides.',
  'sip.othersProvide',
  'sip.overallResponsibility',
  'sip.participants',
  'sip.personConsent',
  'sip.childParticipation',
  'sip.relativesParticipated',
  'sip.followUpDate',
];

/** The DOM id of a field, from its path (e.g. areas.0.goals.1.text). */
const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

function ActionOwnerOptions({ current }: { current: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const units = useUnitOptions();
  const items = units.data?.items ?? [];
  const otherPerson = current.startsWith('user:') ? current.split(':')[2] : undefined;
  return (
    <>
      <option value="">{t('plan.form.noOwner')}</option>
      <option value="me">{t('plan.form.ownerMe', { name: me.displayName, unit: me.actingUnit.name })}</option>
      {current.startsWith('user:') && (
        <option value={current}>
          {t('plan.view.ownerPerson', { unit: items.find((u) => u.id === otherPerson)?.name ?? t('plan.view.unknownUnit') })}
        </option>
      )}
      {items.map((u) => (
        <option key={u.id} value={`unit:${u.id}`}>
          {u.name}
        </option>
      ))}
    </>
  );
}

function DecisionOptions() {
  const { t } = useTranslation();
  const { c } = useCaseContext();
  const decisions = useCaseDecisions(c.id);
  const date = useDateFormat();
  return (
    <>
      <option value="">{t('plan.form.noDecision')}</option>
      {(decisions.data?.items ?? []).map((d) => (
        <option key={d.id} value={d.id}>
          {t('plan.form.decisionOption', { date: date(d.meetingDate), what: d.what.length > 60 ? `${d.what.slice(0, 60)}…` : d.what })}
        </option>
      ))}
    </>
  );
}

function AreaEditor({
  area,
  index,
  label,
  prefix,
  change,
  errorAt,
}: {
  area: EditableArea;
  index: number;
  label: string;
  prefix: string;
  change: Change;
  errorAt: ErrorAt;
}) {
  const { t } = useTranslation();
  const at = `areas.${index}`;
  const id = (path: string) => fieldId(prefix, `${at}.${path}`);
  const areaError = errorAt(`${at}.areaKey`);

  return (
    <Fieldset className="plan-area" id={fieldId(prefix, at)} tabIndex={-1}>
      <Fieldset.Legend>{label}</Fieldset.Legend>
      {areaError && <ValidationMessage>{areaError}</ValidationMessage>}
      <Textfield
        id={id('childWords')}
        multiline
        rows={3}
        label={t('plan.form.childWords')}
        description={t('plan.form.childWordsHelp')}
        value={area.childWords}
        error={errorAt(`${at}.childWords`)}
        onChange={(e) => change((d) => void (d.areas[index]!.childWords = e.target.value))}
      />
      <Textfield
        id={id('guardiansWillDo')}
        multiline
        rows={3}
        label={t('plan.form.guardiansWillDo')}
        value={area.guardiansWillDo}
        error={errorAt(`${at}.guardiansWillDo`)}
        onChange={(e) => change((d) => void (d.areas[index]!.guardiansWillDo = e.target.value))}
      />
      <Fieldset className="plan-subgroup">
        <Fieldset.Legend>{t('plan.form.actions')}</Fieldset.Legend>
        <Fieldset.Description>{t('plan.form.actionsHelp')}</Fieldset.Description>
        {area.actions.map((x, j) => {
          const n = j + 1;
          const path = `actions.${j}`;
          return (
            <Fieldset key={x.id} className="row">
              <Fieldset.Legend>{t('plan.form.actionN', { n })}</Fieldset.Legend>
              <div className="row__fields">
                <Textfield
                  id={id(`${path}.what`)}
                  className="plan-field--wide"
                  label={t('plan.form.what')}
                  description={t('plan.form.whatHelp')}
                  value={x.what}
                  error={errorAt(`${at}.${path}.what`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.actions[j]!.what = e.target.value))}
                />
                <SelectField
                  id={id(`${path}.owner`)}
                  label={t('plan.form.who')}
                  value={x.owner}
                  error={errorAt(`${at}.${path}.ownerUnitId`) ?? errorAt(`${at}.${path}.ownerUserId`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.actions[j]!.owner = e.target.value))}
                >
                  <ActionOwnerOptions current={x.owner} />
                </SelectField>
                <SelectField
                  id={id(`${path}.decisionId`)}
                  label={t('plan.form.fromDecision')}
                  value={x.decisionId ?? ''}
                  error={errorAt(`${at}.${path}.decisionId`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.actions[j]!.decisionId = e.target.value || null))}
                >
                  <DecisionOptions />
                </SelectField>
                <Textfield
                  id={id(`${path}.start`)}
                  type="date"
                  label={t('plan.form.from')}
                  value={x.start}
                  error={errorAt(`${at}.${path}.start`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.actions[j]!.start = e.target.value))}
                />
                <Textfield
                  id={id(`${path}.end`)}
                  type="date"
                  label={t('plan.form.to')}
                  value={x.end}
                  error={errorAt(`${at}.${path}.end`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.actions[j]!.end = e.target.value))}
                />
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('plan.form.removeActionLabel', { n })}
                  onClick={() => {
                    change((d) => void d.areas[index]!.actions.splice(j, 1));
                    focusLater(id('add-action'));
                  }}
                >
                  {t('plan.form.removeAction')}
                </Button>
              </div>
            </Fieldset>
          );
        })}
        <div className="page-actions">
          <Button
            id={id('add-action')}
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              change((d) => void d.areas[index]!.actions.push({ id: newItemId(), what: '', owner: '', start: '', end: '' }));
              focusLater(id(`actions.${area.actions.length}.what`));
            }}
          >
            {t('plan.form.addAction')}
          </Button>
        </div>
      </Fieldset>
      <Fieldset className="plan-subgroup">
        <Fieldset.Legend>{t('plan.form.goals')}</Fieldset.Legend>
        <Fieldset.Description>{t('plan.form.goalsHelp')}</Fieldset.Description>
        {area.goals.map((g, j) => {
          const n = j + 1;
          const path = `goals.${j}`;
          return (
            <Fieldset key={g.id} className="row">
              <Fieldset.Legend>{t('plan.form.goalN', { n })}</Fieldset.Legend>
              <div className="row__fields">
                <Textfield
                  id={id(`${path}.text`)}
                  className="plan-field--wide"
                  label={t('plan.form.goal')}
                  value={g.text}
                  error={errorAt(`${at}.${path}.text`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.goals[j]!.text = e.target.value))}
                />
                <Textfield
                  id={id(`${path}.followUpDate`)}
                  type="date"
                  label={t('plan.form.goalFollowUp')}
                  value={g.followUpDate}
                  error={errorAt(`${at}.${path}.followUpDate`)}
                  onChange={(e) => change((d) => void (d.areas[index]!.goals[j]!.followUpDate = e.target.value))}
                />
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('plan.form.removeGoalLabel', { n })}
                  onClick={() => {
                    change((d) => void d.areas[index]!.goals.splice(j, 1));
                    focusLater(id('add-goal'));
                  }}
                >
                  {t('plan.form.removeGoal')}
                </Button>
              </div>
            </Fieldset>
          );
        })}
        <div className="page-actions">
          <Button
            id={id('add-goal')}
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              change((d) => void d.areas[index]!.goals.push({ id: newItemId(), text: '', followUpDate: '' }));
              focusLater(id(`goals.${area.goals.length}.text`));
            }}
          >
            {t('plan.form.addGoal')}
          </Button>
        </div>
      </Fieldset>
      <div className="page-actions">
        <Button
          type="button"
          variant="tertiary"
          data-size="sm"
          onClick={() => {
            change((d) => void d.areas.splice(index, 1));
            focusLater(fieldId(prefix, 'add-area'));
          }}
        >
          {t('plan.form.removeArea', { area: label })}
        </Button>
      </div>
    </Fieldset>
  );
}

function SipEditor({
  sip,
  principals,
  loading,
  prefix,
  change,
  errorAt,
}: {
  sip: EditableSip;
  principals: PrincipalOption[];
  loading: boolean;
  prefix: string;
  change: Change;
  errorAt: ErrorAt;
}) {
  const { t } = useTranslation();
  const id = (path: string) => fieldId(prefix, path);
  const set = (mutate: (s: EditableSip) => void) => change((d) => mutate(d.sip!));
  const principalsError = errorAt('sip.principalContributions');
  const consentError = errorAt('sip.personConsent');
  const childError = errorAt('sip.childParticipation');

  return (
    <div className="plan-sip">
      <Heading level={4} data-size="xs">
        {t('plan.sip.editHeading')}
      </Heading>
      <Paragraph>{t('plan.sip.intro')}</Paragraph>
      <Textfield
        id={id('sip.supportNeeded')}
        multiline
        rows={3}
        label={t('plan.sip.supportNeeded')}
        value={sip.supportNeeded}
        error={errorAt('sip.supportNeeded')}
        onChange={(e) => set((s) => void (s.supportNeeded = e.target.value))}
      />
      <Fieldset id={id('sip.principalContributions')} tabIndex={-1}>
        <Fieldset.Legend>{t('plan.sip.principals')}</Fieldset.Legend>
        <Fieldset.Description>{t('plan.sip.principalsHelp')}</Fieldset.Description>
        {loading && <Loading />}
        {principals.map((p) => (
          <Textfield
            key={p.id}
            id={id(`sip.provides.${p.id}`)}
            multiline
            rows={2}
            label={p.name}
            value={sip.provides[p.id] ?? ''}
            error={errorAt(`sip.provides.${p.id}`)}
            onChange={(e) => set((s) => void (s.provides[p.id] = e.target.value))}
          />
        ))}
        {principalsError && <ValidationMessage>{principalsError}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id={id('sip.othersProvide')}
        multiline
        rows={2}
        label={t('plan.sip.othersProvide')}
        description={t('plan.sip.othersProvideHelp')}
        value={sip.othersProvide}
        error={errorAt('sip.othersProvide')}
        onChange={(e) => set((s) => void (s.othersProvide = e.target.value))}
      />
      <SelectField
        id={id('sip.overallResponsibility')}
        label={t('plan.sip.overall')}
        value={sip.overall}
        error={errorAt('sip.overallResponsibility')}
        onChange={(e) => set((s) => void (s.overall = e.target.value))}
      >
        <option value="">{t('plan.sip.noOverall')}</option>
        {principals.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <Textfield
        id={id('sip.participants')}
        multiline
        rows={3}
        label={t('plan.sip.participants')}
        description={t('plan.sip.participantsHelp')}
        value={sip.participants}
        error={errorAt('sip.participants')}
        onChange={(e) => set((s) => void (s.participants = e.target.value))}
      />
      <Fieldset id={id('sip.personConsent')} tabIndex={-1}>
        <Fieldset.Legend>{t('plan.sip.consent')}</Fieldset.Legend>
        <Fieldset.Description>{t('plan.sip.consentHelp')}</Fieldset.Description>
        <Checkbox
          label={t('plan.sip.consentGiven')}
          checked={sip.consentGiven}
          onChange={(e) => set((s) => void (s.consentGiven = e.target.checked))}
        />
        <Textfield
          id={id('sip.personConsent.date')}
          type="date"
          label={t('plan.sip.consentDate')}
          value={sip.consentDate}
          error={errorAt('sip.personConsent.date')}
          onChange={(e) => set((s) => void (s.consentDate = e.target.value))}
        />
        {consentError && <ValidationMessage>{consentError}</ValidationMessage>}
      </Fieldset>
      <Fieldset id={id('sip.childParticipation')} tabIndex={-1}>
        <Fieldset.Legend>{t('plan.sip.childParticipation')}</Fieldset.Legend>
        <Fieldset.Description>{t('plan.sip.childParticipationHelp')}</Fieldset.Description>
        <Checkbox
          label={t('plan.sip.childTookPart')}
          checked={sip.childTookPart}
          onChange={(e) => set((s) => void (s.childTookPart = e.target.checked))}
        />
        <Textfield
          id={id('sip.childParticipation.how')}
          multiline
          rows={2}
          label={t('plan.sip.childHow')}
          value={sip.childHow}
          error={errorAt('sip.childParticipation.how')}
          onChange={(e) => set((s) => void (s.childHow = e.target.value))}
        />
        {childError && <ValidationMessage>{childError}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id={id('sip.relativesParticipated')}
        multiline
        rows={2}
        label={t('plan.sip.relatives')}
        description={t('plan.sip.relativesHelp')}
        value={sip.relatives}
        error={errorAt('sip.relativesParticipated')}
        onChange={(e) => set((s) => void (s.relatives = e.target.value))}
      />
      <Textfield
        id={id('sip.followUpDate')}
        type="date"
        label={t('plan.sip.followUp')}
        value={sip.followUpDate}
        error={errorAt('sip.followUpDate')}
        onChange={(e) => set((s) => void (s.followUpDate = e.target.value))}
      />
    </div>
  );
}

function MissingList({ missing, prefix }: { missing: MissingElement[]; prefix: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const headingId = fieldId(prefix, 'missing-heading');
  return (
    <div className="plan-missing">
      <Heading level={4} data-size="xs" id={headingId}>
        {t('plan.missing.heading')}
      </Heading>
      {missing.length === 0 ? (
        <Paragraph>{t('plan.missing.none')}</Paragraph>
      ) : (
        <ul aria-labelledby={headingId}>
          {missing.map((m) => (
            <li key={`${m.element}-${m.field}`}>{localize(m.message, m.messageEn)}</li>
          ))}
        </ul>
      )}
      <Paragraph data-size="sm" className="muted">
        {t('plan.missing.note')}
      </Paragraph>
    </div>
  );
}

function ErrorListAlert({ title, errors, level }: { title: string; errors: ApiFieldError[]; level: 4 | 5 }) {
  const localize = useLocalize();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} className="form-alert">
      <Heading level={level} data-size="xs">
        {title}
      </Heading>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}:${e.message}`}>{localize(e.message, e.messageEn)}</li>
        ))}
      </ul>
    </Alert>
  );
}

interface Conflict {
  current: PlanVersion;
  title: string;
  detail: string;
}

/** The editor for a draft version: save (with the version the user started from) and adopt. */
export function PlanEditor({ plan, version, wheel, kindLabel }: { plan: Plan; version: PlanVersion; wheel: Wheel; kindLabel: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const date = useDateFormat();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const principalsQuery = usePrincipals();
  const principals = (principalsQuery.data?.items ?? []).filter((p) => p.kind === 'kommun' || p.kind === 'region');
  const who = { userId: me.id, unitId: me.actingUnit.id };
  const prefix = `plan-${plan.id}`;

  const [planDate, setPlanDate] = useState(version.planDate);
  const [form, setForm] = useState<EditablePlan>(() => toEditable(version.content, who));
  const [base, setBase] = useState(version.version);
  const [saved, setSaved] = useState<{ at: string; by: string }>({ at: version.updatedAt, by: version.updatedByName });
  const [missing, setMissing] = useState<MissingElement[]>(version.missingElements);
  const [error, setError] = useState<unknown>(null);
  const [adoptErrors, setAdoptErrors] = useState<ApiFieldError[] | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [client, setClient] = useState<Record<string, string>>({});
  const [order, setOrder] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'adopt' | null>(null);
  const [newArea, setNewArea] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const change: Change = (mutate) =>
    setForm((prev) => {
      const next = structuredClone(prev);
      mutate(next);
      return next;
    });

  // Server errors for sip.principalContributions.<i> belong to the principal sent at <i>.
  const mapField = (field: string) => {
    const m = /^sip\.principalContributions\.(\d+)(\..*)?$/.exec(field);
    if (!m) return field;
    const id = order[Number(m[1])];
    return id ? `sip.provides.${id}` : 'sip.principalContributions';
  };
  const serverErrors: ApiFieldError[] = [...(isApiError(error) ? error.errors : []), ...(adoptErrors ?? [])];
  const join = (list: ApiFieldError[]) => (list.length > 0 ? list.map((e) => localize(e.message, e.messageEn)).join(' ') : undefined);
  const errorAt: ErrorAt = (field) => (client[field] ? t(client[field]) : join(serverErrors.filter((e) => mapField(e.field) === field)));
  const unmatched = (isApiError(error) ? error.errors : []).filter((e) => !SHOWN_PREFIXES.some((p) => mapField(e.field).startsWith(p)));

  const areas = activeAreas(wheel);
  const areaLabel = (key: string) => {
    const area = wheel.areas.find((a) => a.key === key);
    return area ? localize(area.labelSv, area.labelEn) : key;
  };
  const addable = areas.filter((a) => !form.areas.some((x) => x.areaKey === a.key));

  const storeVersion = (v: PlanVersion) =>
    qc.setQueryData<Plan>(planKeys.plan(plan.id), (old) =>
      old ? { ...old, versions: old.versions.map((x) => (x.number === v.number ? v : x)) } : old,
    );

  const onConflict = (e: unknown): boolean => {
    const current = conflictingVersion(e);
    if (!current || !isApiError(e)) return false;
    setConflict({ current, title: localize(e.title, e.titleEn), detail: localize(e.detail, e.detailEn) });
    // The user has seen the saved draft: the next save is made on top of it.
    setBase(current.version);
    storeVersion(current);
    return true;
  };

  /** Saves the form as the draft, starting from `fromVersion`; null when it was not saved. */
  const save = async (fromVersion: number): Promise<PlanVersion | null> => {
    const errs = clientErrors(form);
    setClient(errs);
    const first = Object.keys(errs)[0];
    if (first) {
      focusLater(fieldId(prefix, first));
      return null;
    }
    const { content, principalOrder } = toContent(plan.kind, form, who, principals);
    setOrder(principalOrder);
    try {
      const result = await savePlanDraft(plan.id, version.number, { version: fromVersion, planDate, content });
      setBase(result.version);
      setMissing(result.missingElements);
      setSaved({ at: result.updatedAt, by: result.updatedByName });
      setConflict(null);
      storeVersion(result);
      void qc.invalidateQueries({ queryKey: planKeys.list(c.id) });
      return result;
    } catch (e) {
      if (!onConflict(e)) setError(e);
      return null;
    }
  };

  const onSave = async (fromVersion: number) => {
    setError(null);
    setAdoptErrors(null);
    announce(null);
    setBusy('save');
    const result = await save(fromVersion);
    setBusy(null);
    if (result) announce(t('plan.saved', { kind: kindLabel }));
  };

  const onAdopt = async () => {
    setError(null);
    setAdoptErrors(null);
    announce(null);
    setBusy('adopt');
    try {
      const result = await save(base);
      if (!result) return;
      try {
        const adopted = await adoptPlanVersion(plan.id, version.number, result.version);
        storeVersion(adopted);
        void qc.invalidateQueries({ queryKey: planKeys.plan(plan.id) });
        void qc.invalidateQueries({ queryKey: planKeys.list(c.id) });
        void qc.invalidateQueries({ queryKey: caseKeys.events(c.id) });
        announce(t('plan.adoptedMessage', { kind: kindLabel, date: adopted.adoptedOn ?? '' }));
        focusLater(`${prefix}-heading`);
      } catch (e) {
        if (onConflict(e)) return;
        if (isApiError(e) && e.status === 400 && e.errors.length > 0) setAdoptErrors(e.errors);
        else setError(e);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="plan-editor">
      <Heading level={3} data-size="sm" id={`${prefix}-editor-heading`} tabIndex={-1}>
        {t('plan.editor.heading', { number: version.number })}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('plan.editor.lastSaved', { date: date(saved.at), name: saved.by })}
      </Paragraph>
      <form
        className="form form--wide plan-form"
        noValidate
        aria-label={t('plan.editor.formLabel', { kind: kindLabel, number: version.number })}
        onSubmit={(e) => {
          e.preventDefault();
          void onSave(base);
        }}
      >
        <FormAlert error={error} unmatched={unmatched} level={4} />
        {conflict && (
          <Alert data-color="warning" ref={conflictRef} tabIndex={-1} className="form-alert">
            <Heading level={4} data-size="xs">
              {conflict.title}
            </Heading>
            <Paragraph>{conflict.detail}</Paragraph>
            <Heading level={5} data-size="2xs">
              {t('plan.conflict.savedHeading', { name: conflict.current.updatedByName })}
            </Heading>
            <div className="plan-conflict__saved">
              <PlanContentView content={conflict.current.content} planDate={conflict.current.planDate} wheel={wheel} level={6} />
            </div>
            <Button type="button" variant="secondary" loading={busy === 'save'} onClick={() => void onSave(conflict.current.version)}>
              {t('plan.conflict.useMine')}
            </Button>
          </Alert>
        )}
        <Textfield
          id={fieldId(prefix, 'planDate')}
          type="date"
          label={t('plan.form.planDate')}
          value={planDate}
          error={errorAt('planDate')}
          onChange={(e) => setPlanDate(e.target.value)}
        />
        {(['childView', 'guardiansView'] as const).map((view) => (
          <Fieldset key={view}>
            <Fieldset.Legend>{t(`plan.form.${view}`)}</Fieldset.Legend>
            <Fieldset.Description>{t(`plan.form.${view}Help`)}</Fieldset.Description>
            {(['strengths', 'challenges'] as const).map((part) => (
              <Textfield
                key={part}
                id={fieldId(prefix, `${view}.${part}`)}
                multiline
                rows={3}
                label={t(`plan.form.${part}`)}
                value={form[view][part]}
                error={errorAt(`${view}.${part}`)}
                onChange={(e) => change((d) => void (d[view][part] = e.target.value))}
              />
            ))}
          </Fieldset>
        ))}
        <Heading level={4} data-size="xs">
          {t('plan.form.areas')}
        </Heading>
        <Paragraph>{t('plan.form.areasHelp')}</Paragraph>
        {form.areas.map((a, i) => (
          <AreaEditor key={a.areaKey} area={a} index={i} label={areaLabel(a.areaKey)} prefix={prefix} change={change} errorAt={errorAt} />
        ))}
        {addable.length > 0 && (
          <div className="form__inline form__inline--search">
            <SelectField
              id={fieldId(prefix, 'new-area')}
              label={t('plan.form.addAreaSelect')}
              value={newArea}
              onChange={(e) => setNewArea(e.target.value)}
            >
              <option value="">{t('common.choose')}</option>
              {addable.map((a) => (
                <option key={a.key} value={a.key}>
                  {localize(a.labelSv, a.labelEn)}
                </option>
              ))}
            </SelectField>
            <Button
              id={fieldId(prefix, 'add-area')}
              type="button"
              variant="secondary"
              onClick={() => {
                if (!newArea) {
                  focusLater(fieldId(prefix, 'new-area'));
                  return;
                }
                const index = form.areas.length;
                change((d) => void d.areas.push({ areaKey: newArea, childWords: '', guardiansWillDo: '', actions: [], goals: [] }));
                setNewArea('');
                focusLater(fieldId(prefix, `areas.${index}.childWords`));
              }}
            >
              {t('plan.form.addArea')}
            </Button>
          </div>
        )}
        {plan.kind === 'sip' && form.sip && (
          <SipEditor sip={form.sip} principals={principals} loading={principalsQuery.isPending} prefix={prefix} change={change} errorAt={errorAt} />
        )}
        {plan.kind === 'sip' && <MissingList missing={missing} prefix={prefix} />}
        {adoptErrors && <ErrorListAlert title={t('plan.adoptRefused')} errors={adoptErrors} level={4} />}
        <div className="form__actions">
          <Button type="submit" loading={busy === 'save'} disabled={busy !== null}>
            {t('plan.save')}
          </Button>
          <Button type="button" variant="secondary" loading={busy === 'adopt'} disabled={busy !== null} onClick={() => void onAdopt()}>
            {t('plan.adopt')}
          </Button>
        </div>
      </form>
    </div>
  );
}
