import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, isApiError, type ApiFieldError } from '../../../api/client';
import { PageHeading } from '../../../ui/PageHeading';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { useLocalize } from '../../../i18n/localize';
import { focusLater } from '../../cases/caseContext';
import { SavedStatus } from '../Editor';
import { planKeys, saveWheel, type Wheel, type WheelArea, type WheelScaleAnchor } from '../../plans/api';
import '../../plans/plans.css';

const AREA_TEXTS = ['labelSv', 'labelEn', 'descriptionSv', 'descriptionEn', 'childDescriptionSv', 'childDescriptionEn'] as const;
const ANCHOR_TEXTS = ['labelSv', 'labelEn', 'childLabelSv', 'childLabelEn'] as const;
type AreaText = (typeof AREA_TEXTS)[number];
type AnchorText = (typeof ANCHOR_TEXTS)[number];

/** The short one-line fields; the descriptions are textareas. */
const SINGLE_LINE: readonly AreaText[] = ['labelSv', 'labelEn'];

const MIN_STEPS = 2;
const MAX_STEPS = 10;

interface DraftArea extends Record<AreaText, string> {
  /** Stable React key and DOM id part. */
  uid: string;
  key: string;
  /** Saved in an earlier version: the key is fixed. */
  saved: boolean;
  position: string;
  retired: boolean;
}

type DraftAnchor = Record<AnchorText, string>;

interface Draft {
  areas: DraftArea[];
  min: string;
  max: string;
  /** Texts per step value; steps outside min–max are kept so that a changed range can be undone. */
  anchors: Record<number, DraftAnchor>;
}

const emptyAnchor = (): DraftAnchor => ({ labelSv: '', labelEn: '', childLabelSv: '', childLabelEn: '' });

function toDraft(w: Wheel): Draft {
  const anchors: Record<number, DraftAnchor> = {};
  for (const a of w.scale.anchors)
    anchors[a.value] = { labelSv: a.labelSv, labelEn: a.labelEn, childLabelSv: a.childLabelSv, childLabelEn: a.childLabelEn };
  return {
    areas: [...w.areas]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        uid: `saved-${a.key}`,
        key: a.key,
        saved: true,
        labelSv: a.labelSv,
        labelEn: a.labelEn,
        descriptionSv: a.descriptionSv,
        descriptionEn: a.descriptionEn,
        childDescriptionSv: a.childDescriptionSv,
        childDescriptionEn: a.childDescriptionEn,
        position: String(a.position),
        retired: a.retired === true,
      })),
    min: String(w.scale.min),
    max: String(w.scale.max),
    anchors,
  };
}

const isWhole = (v: string) => v.trim() !== '' && Number.isInteger(Number(v));

/** The steps min…max when both are whole numbers and the range is 2–10 steps; otherwise none. */
function steps(d: Draft): number[] {
  if (!isWhole(d.min) || !isWhole(d.max)) return [];
  const min = Number(d.min);
  const max = Number(d.max);
  const n = max - min + 1;
  if (n < MIN_STEPS || n > MAX_STEPS) return [];
  return Array.from({ length: n }, (_, i) => min + i);
}

function toBody(d: Draft): { areas: WheelArea[]; scale: Wheel['scale'] } {
  const anchors: WheelScaleAnchor[] = steps(d).map((value) => ({ value, ...(d.anchors[value] ?? emptyAnchor()) }));
  return {
    areas: d.areas.map((a) => ({
      key: a.key.trim(),
      labelSv: a.labelSv,
      labelEn: a.labelEn,
      descriptionSv: a.descriptionSv,
      descriptionEn: a.descriptionEn,
      childDescriptionSv: a.childDescriptionSv,
      childDescriptionEn: a.childDescriptionEn,
      position: Number(a.position),
      ...(a.retired ? { retired: true } : {}),
    })),
    scale: { min: Number(d.min), max: Number(d.max), anchors },
  };
}

const fieldId = (path: string) => `wheel-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

function WheelForm({ wheel }: { wheel: Wheel }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(wheel));
  const [added, setAdded] = useState(0);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const serverErrors: ApiFieldError[] = isApiError(submitError) ? submitError.errors : [];
  const stepValues = steps(draft);
  const min = Number(draft.min);

  const change = (mutate: (d: Draft) => void) =>
    setDraft((old) => {
      const next = structuredClone(old);
      mutate(next);
      return next;
    });

  const errorAt = (field: string): string | undefined => {
    if (clientErrors[field]) return t(clientErrors[field]);
    const found = serverErrors.filter((e) => e.field === field);
    return found.length > 0 ? found.map((e) => localize(e.message, e.messageEn)).join(' ') : undefined;
  };

  const areaName = (a: DraftArea, i: number) =>
    a.saved ? (wheel.areas.find((w) => w.key === a.key)?.labelSv ?? a.key) : t('admin.wheel.newArea', { n: i + 1 });

  /** Every server error (also those shown at a field), named after its area or step, for the summary at the top. */
  const summary: ApiFieldError[] = serverErrors.map((e) => {
    const area = /^areas\.(\d+)\./.exec(e.field);
    const anchor = /^scale\.anchors\.(\d+)\./.exec(e.field);
    const where = area
      ? areaName(draft.areas[Number(area[1])]!, Number(area[1]))
      : anchor && stepValues.length > 0
        ? t('admin.wheel.step', { value: min + Number(anchor[1]) })
        : null;
    return where ? { ...e, message: `${where}: ${e.message}`, messageEn: `${where}: ${e.messageEn}` } : e;
  });

  const onAddArea = () => {
    const n = added + 1;
    setAdded(n);
    const position = Math.max(0, ...draft.areas.map((a) => (isWhole(a.position) ? Number(a.position) : 0))) + 1;
    change((d) =>
      d.areas.push({
        uid: `new-${n}`,
        key: '',
        saved: false,
        labelSv: '',
        labelEn: '',
        descriptionSv: '',
        descriptionEn: '',
        childDescriptionSv: '',
        childDescriptionEn: '',
        position: String(position),
        retired: false,
      }),
    );
    focusLater(fieldId(`areas.${draft.areas.length}.key`));
  };

  const onReset = () => {
    setDraft(toDraft(wheel));
    setClientErrors({});
    setSubmitError(null);
    setSaved(null);
  };

  const onSubmit = async () => {
    setSaved(null);
    setSubmitError(null);
    const errors: Record<string, string> = {};
    if (!isWhole(draft.min)) errors['scale.min'] = 'admin.wheel.errors.wholeNumber';
    if (!isWhole(draft.max)) errors['scale.max'] = 'admin.wheel.errors.wholeNumber';
    draft.areas.forEach((a, i) => {
      if (!isWhole(a.position)) errors[`areas.${i}.position`] = 'admin.wheel.errors.wholeNumber';
    });
    setClientErrors(errors);
    const first = Object.keys(errors)[0];
    if (first) {
      focusLater(fieldId(first));
      return;
    }
    setSaving(true);
    try {
      const fresh = await saveWheel(toBody(draft));
      qc.setQueryData(planKeys.wheel, fresh);
      // Assessment forms and plans read the wheel: everything derived from a case may show new areas.
      void qc.invalidateQueries({ queryKey: ['cases'] });
      setDraft(toDraft(fresh));
      setSaved(t('admin.wheel.saved', { version: fresh.version }));
    } catch (e) {
      // The entered values stay in the form so they can be corrected.
      setSubmitError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form wheel-admin"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <Paragraph>
        <strong>{t('admin.wheel.currentVersion', { version: wheel.version })}</strong>
      </Paragraph>
      <FormAlert error={submitError} unmatched={summary} />

      <Heading level={2} data-size="sm">
        {t('admin.wheel.areasHeading')}
      </Heading>
      <Paragraph>{t('admin.wheel.areasIntro')}</Paragraph>
      {draft.areas.map((a, i) => {
        const at = `areas.${i}`;
        const set = (mutate: (x: DraftArea) => void) => change((d) => mutate(d.areas[i]!));
        return (
          // Named by the legend only (a paragraph right after it would join the name): the key describes it.
          <Fieldset
            key={a.uid}
            className="wheel-admin__area"
            aria-labelledby={`wheel-${a.uid}-legend`}
            aria-describedby={a.saved ? `wheel-${a.uid}-key` : undefined}
          >
            <Fieldset.Legend id={`wheel-${a.uid}-legend`}>{areaName(a, i)}</Fieldset.Legend>
            {a.saved ? (
              <Paragraph data-size="sm" id={`wheel-${a.uid}-key`}>
                {t('admin.wheel.keyFixed', { key: a.key })}
              </Paragraph>
            ) : (
              <Textfield
                id={fieldId(`${at}.key`)}
                label={t('admin.wheel.key')}
                description={t('admin.wheel.keyHelp')}
                autoComplete="off"
                spellCheck={false}
                value={a.key}
                error={errorAt(`${at}.key`)}
                onChange={(e) => set((x) => void (x.key = e.target.value))}
              />
            )}
            <div className="wheel-admin__pair">
              {AREA_TEXTS.map((field) =>
                SINGLE_LINE.includes(field) ? (
                  <Textfield
                    key={field}
                    id={fieldId(`${at}.${field}`)}
                    label={t(`admin.wheel.fields.${field}`)}
                    autoComplete="off"
                    value={a[field]}
                    error={errorAt(`${at}.${field}`)}
                    onChange={(e) => set((x) => void (x[field] = e.target.value))}
                  />
                ) : (
                  <Textfield
                    key={field}
                    id={fieldId(`${at}.${field}`)}
                    label={t(`admin.wheel.fields.${field}`)}
                    multiline
                    rows={2}
                    value={a[field]}
                    error={errorAt(`${at}.${field}`)}
                    onChange={(e) => set((x) => void (x[field] = e.target.value))}
                  />
                ),
              )}
            </div>
            <Textfield
              id={fieldId(`${at}.position`)}
              className="wheel-admin__position"
              label={t('admin.wheel.position')}
              description={t('admin.wheel.positionHelp')}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={a.position}
              error={errorAt(`${at}.position`)}
              onChange={(e) => set((x) => void (x.position = e.target.value))}
            />
            <Checkbox
              label={t('admin.wheel.retired')}
              description={t('admin.wheel.retiredHelp')}
              checked={a.retired}
              onChange={(e) => set((x) => void (x.retired = e.target.checked))}
            />
          </Fieldset>
        );
      })}
      <div className="page-actions">
        <Button type="button" variant="secondary" onClick={onAddArea}>
          {t('admin.wheel.addArea')}
        </Button>
      </div>

      <Heading level={2} data-size="sm">
        {t('admin.wheel.scaleHeading')}
      </Heading>
      <Paragraph>{t('admin.wheel.scaleIntro', { min: MIN_STEPS, max: MAX_STEPS })}</Paragraph>
      <div className="wheel-admin__pair">
        <Textfield
          id={fieldId('scale.min')}
          label={t('admin.wheel.min')}
          type="number"
          inputMode="numeric"
          value={draft.min}
          error={errorAt('scale.min')}
          onChange={(e) => change((d) => void (d.min = e.target.value))}
        />
        <Textfield
          id={fieldId('scale.max')}
          label={t('admin.wheel.max')}
          type="number"
          inputMode="numeric"
          value={draft.max}
          error={errorAt('scale.max')}
          onChange={(e) => change((d) => void (d.max = e.target.value))}
        />
      </div>
      {stepValues.length === 0 && <Paragraph>{t('admin.wheel.noSteps', { min: MIN_STEPS, max: MAX_STEPS })}</Paragraph>}
      {stepValues.map((value, i) => {
        const anchor = draft.anchors[value] ?? emptyAnchor();
        return (
          <Fieldset key={value} className="wheel-admin__step">
            <Fieldset.Legend>{t('admin.wheel.step', { value })}</Fieldset.Legend>
            <div className="wheel-admin__pair">
              {ANCHOR_TEXTS.map((field) => (
                <Textfield
                  key={field}
                  id={fieldId(`scale.anchors.${i}.${field}`)}
                  label={t(`admin.wheel.anchorFields.${field}`)}
                  autoComplete="off"
                  value={anchor[field]}
                  error={errorAt(`scale.anchors.${i}.${field}`)}
                  onChange={(e) =>
                    change((d) => {
                      d.anchors[value] = { ...(d.anchors[value] ?? emptyAnchor()), [field]: e.target.value };
                    })
                  }
                />
              ))}
            </div>
          </Fieldset>
        );
      })}

      <div className="form__actions">
        <Button type="submit" loading={saving}>
          {t('admin.wheel.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onReset}>
          {t('admin.wheel.reset')}
        </Button>
      </div>
      <SavedStatus message={saved} />
    </form>
  );
}

/**
 * "Välbefinnandehjulet": the organisation's wheel. Saving makes a new version; old assessments keep
 * the version they were made with. Areas are renamed, described, added or retired, never removed.
 */
export function WheelAdminPage() {
  const { t } = useTranslation();
  // Always the current version here (the case pages may keep the wheel for a few minutes).
  const wheel = useQuery({ queryKey: planKeys.wheel, queryFn: () => api.get<Wheel>('/wheel'), staleTime: 0 });
  return (
    <>
      <PageHeading>{t('admin.wheel.title')}</PageHeading>
      <Paragraph>{t('admin.wheel.intro')}</Paragraph>
      {wheel.isPending && <Loading />}
      {wheel.isError && <FormAlert error={wheel.error} />}
      {wheel.data && <WheelForm wheel={wheel.data} />}
    </>
  );
}
