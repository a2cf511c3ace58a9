import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Card, Fieldset, Heading, Paragraph, Radio, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { Missing } from '../../ui/Missing';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { caseKeys, todaySv } from '../cases/api';
import { focusLater, useCaseContext } from '../cases/caseContext';
import {
  addAssessment,
  planKeys,
  useAssessments,
  type Assessment,
  type AssessmentBody,
  type AssessmentList,
  type FirstAndLatest,
  type Wheel,
  type WheelArea,
} from './api';
import { LegendSwatch, RadarChart, type RadarSeries, type SeriesStyle } from './RadarChart';
import { useNumberFormat } from './format';
import './plans.css';

const ADD_BUTTON_ID = 'add-assessment';
const SHOWN = fieldMatcher([
  'date',
  'perspective',
  'perspective.guardianId',
  'ratings.*.rating',
  'ratings.*.areaKey',
  'ratings.*.strengths',
  'ratings.*.worries',
  'ratings.*.needs',
]);

/** The areas in use, in wheel order. */
export const activeAreas = (wheel: Wheel): WheelArea[] => wheel.areas.filter((a) => !a.retired).sort((a, b) => a.position - b.position);

interface RatingValues {
  rating: string;
  strengths: string;
  worries: string;
  needs: string;
}

interface AssessmentValues {
  date: string;
  who: string;
  ratings: RatingValues[];
}

const trimmed = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/* ------------------------------------------------------------------ Ny bedömning */

function AssessmentForm({ wheel, onDone }: { wheel: Wheel; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const [error, setError] = useState<unknown>(null);
  const areas = activeAreas(wheel);
  const today = todaySv();
  const guardians = c.child?.visible ? c.child.guardians : [];
  const { register, handleSubmit, formState, watch } = useForm<AssessmentValues>({
    defaultValues: {
      date: today,
      who: 'professional',
      ratings: areas.map(() => ({ rating: '', strengths: '', worries: '', needs: '' })),
    },
  });
  const errorFor = useFieldErrors(formState.errors, error);
  const childView = watch('who') === 'child';
  const steps: number[] = [];
  for (let v = wheel.scale.min; v <= wheel.scale.max; v++) steps.push(v);
  const stepLabel = (value: number) => {
    const anchor = wheel.scale.anchors.find((a) => a.value === value);
    if (!anchor) return String(value);
    const text = childView ? localize(anchor.childLabelSv, anchor.childLabelEn) : localize(anchor.labelSv, anchor.labelEn);
    return `${value} – ${text}`;
  };

  const onSubmit = async (v: AssessmentValues) => {
    setError(null);
    const perspective: AssessmentBody['perspective'] =
      v.who === 'child'
        ? { kind: 'child' }
        : v.who.startsWith('guardian:')
          ? { kind: 'guardian', guardianId: v.who.slice(9) }
          : { kind: 'professional' };
    const body: AssessmentBody = {
      date: v.date,
      perspective,
      ratings: areas.map((area, i) => {
        const r = v.ratings[i] ?? { rating: '', strengths: '', worries: '', needs: '' };
        const strengths = trimmed(r.strengths);
        const worries = trimmed(r.worries);
        const needs = trimmed(r.needs);
        return {
          areaKey: area.key,
          rating: r.rating === '' ? null : Number(r.rating),
          ...(strengths ? { strengths } : {}),
          ...(worries ? { worries } : {}),
          ...(needs ? { needs } : {}),
        };
      }),
    };
    try {
      await addAssessment(c.id, body);
      await qc.invalidateQueries({ queryKey: planKeys.assessments(c.id) });
      void qc.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      announce(t('wheel.form.saved'));
      onDone(true);
    } catch (e) {
      setError(e);
    }
  };

  const perspectiveError = errorFor('perspective') ?? errorFor('perspective.guardianId');

  return (
    <Card className="editor-panel">
      <Heading level={3} data-size="xs">
        {t('wheel.form.title')}
      </Heading>
      <form className="form form--wide" noValidate aria-label={t('wheel.form.title')} onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={4} />
        <Textfield
          label={t('wheel.form.date')}
          type="date"
          max={today}
          error={errorFor('date')}
          {...register('date', { required: 'consent.form.errors.dateRequired' })}
        />
        <Fieldset>
          <Fieldset.Legend>{t('wheel.form.who')}</Fieldset.Legend>
          <Fieldset.Description>{t('wheel.form.whoHelp')}</Fieldset.Description>
          <Radio label={t('wheel.form.whoChild')} value="child" {...register('who')} />
          {guardians.map((g) => (
            <Radio key={g.id} label={t('wheel.form.whoGuardian', { name: g.name })} value={`guardian:${g.id}`} {...register('who')} />
          ))}
          <Radio label={t('wheel.form.whoUnit', { unit: me.actingUnit.name })} value="professional" {...register('who')} />
          {perspectiveError && <ValidationMessage>{perspectiveError}</ValidationMessage>}
        </Fieldset>
        {childView && <Paragraph className="wheel-child-note">{t('wheel.form.childNote')}</Paragraph>}
        {areas.map((area, i) => {
          const ratingError = errorFor(`ratings.${i}.rating`) ?? errorFor(`ratings.${i}.areaKey`);
          return (
            <Fieldset key={area.key} className="wheel-area">
              <Fieldset.Legend>{localize(area.labelSv, area.labelEn)}</Fieldset.Legend>
              <Fieldset.Description>
                {childView ? localize(area.childDescriptionSv, area.childDescriptionEn) : localize(area.descriptionSv, area.descriptionEn)}
              </Fieldset.Description>
              <Fieldset className="wheel-rating">
                <Fieldset.Legend>{t('wheel.form.rating')}</Fieldset.Legend>
                {steps.map((value) => (
                  <Radio key={value} label={stepLabel(value)} value={String(value)} {...register(`ratings.${i}.rating`)} />
                ))}
                <Radio label={t('wheel.form.notRated')} value="" {...register(`ratings.${i}.rating`)} />
                {ratingError && <ValidationMessage>{ratingError}</ValidationMessage>}
              </Fieldset>
              <div className="wheel-area__texts">
                <Textfield
                  multiline
                  rows={2}
                  label={t('wheel.form.strengths')}
                  error={errorFor(`ratings.${i}.strengths`)}
                  {...register(`ratings.${i}.strengths`)}
                />
                <Textfield
                  multiline
                  rows={2}
                  label={t('wheel.form.worries')}
                  error={errorFor(`ratings.${i}.worries`)}
                  {...register(`ratings.${i}.worries`)}
                />
                <Textfield
                  multiline
                  rows={2}
                  label={t('wheel.form.needs')}
                  error={errorFor(`ratings.${i}.needs`)}
                  {...register(`ratings.${i}.needs`)}
                />
              </div>
            </Fieldset>
          );
        })}
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('wheel.form.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/* ------------------------------------------------------------------ Legend and shared bits */

function Legend({ items }: { items: { key: string; style: SeriesStyle; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <ul className="radar-legend" aria-label={t('wheel.legend')}>
      {items.map((item) => (
        <li key={item.key}>
          <LegendSwatch style={item.style} />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

const minDate = (dates: (string | null | undefined)[]) => dates.filter((d): d is string => Boolean(d)).sort()[0] ?? null;
const maxDate = (dates: (string | null | undefined)[]) =>
  dates
    .filter((d): d is string => Boolean(d))
    .sort()
    .reverse()[0] ?? null;

function useAreaLabel(wheel: Wheel) {
  const localize = useLocalize();
  const byKey = new Map(wheel.areas.map((a) => [a.key, a]));
  return (key: string) => {
    const area = byKey.get(key);
    return area ? localize(area.labelSv, area.labelEn) : key;
  };
}

/* ------------------------------------------------------------------ Första och senaste */

type PerspectiveChoice = 'professionals' | 'child' | 'guardians';
const PERSPECTIVE_CHOICES: PerspectiveChoice[] = ['professionals', 'child', 'guardians'];

function FirstAndLatestSection({ data }: { data: AssessmentList }) {
  const { t } = useTranslation();
  const areaLabel = useAreaLabel(data.wheel);
  const { num, signed } = useNumberFormat();
  const [choice, setChoice] = useState<PerspectiveChoice>('professionals');
  const rows: FirstAndLatest[] = data.radar[choice];
  const rated = rows.filter((r) => r.latest !== null);
  const first = minDate(rows.map((r) => r.first?.date));
  const latest = maxDate(rows.map((r) => r.latest?.date));
  const perspective = t(`wheel.perspectives.${choice}`);
  const oneDay = first !== null && first === latest;

  const series: RadarSeries[] = [
    { key: 'first', label: t('wheel.firstLatest.first'), style: 'dashed', values: rows.map((r) => r.first?.rating ?? null) },
    { key: 'latest', label: t('wheel.firstLatest.latest'), style: 'solid', values: rows.map((r) => r.latest?.rating ?? null) },
  ];
  const chartLabel = oneDay
    ? t('wheel.firstLatest.chartLabelOne', { perspective, date: latest })
    : t('wheel.firstLatest.chartLabel', { perspective, first, latest });

  const cell = (d: FirstAndLatest['first']) =>
    d ? (
      <>
        {num(d.rating)} <span className="muted">({d.date})</span>
      </>
    ) : (
      <Missing />
    );

  return (
    <section className="section">
      <Heading level={2} data-size="md">
        {t('wheel.firstLatest.heading')}
      </Heading>
      <Paragraph>{t('wheel.firstLatest.intro')}</Paragraph>
      <SelectField
        label={t('wheel.firstLatest.perspective')}
        value={choice}
        onChange={(e) => setChoice(e.target.value as PerspectiveChoice)}
        width="auto"
      >
        {PERSPECTIVE_CHOICES.map((p) => (
          <option key={p} value={p}>
            {t(`wheel.perspectives.${p}`)}
          </option>
        ))}
      </SelectField>
      {rated.length === 0 ? (
        <Paragraph>{t('wheel.firstLatest.none', { perspective })}</Paragraph>
      ) : (
        <>
          <figure className="radar-figure">
            <RadarChart
              axes={rows.map((r) => areaLabel(r.areaKey))}
              scale={data.wheel.scale}
              series={oneDay ? series.slice(1) : series}
              label={chartLabel}
            />
            <figcaption>
              <Legend
                items={
                  oneDay
                    ? [{ key: 'latest', style: 'solid', label: t('wheel.firstLatest.onlyLegend', { date: latest }) }]
                    : [
                        { key: 'first', style: 'dashed', label: t('wheel.firstLatest.firstLegend', { date: first }) },
                        { key: 'latest', style: 'solid', label: t('wheel.firstLatest.latestLegend', { date: latest }) },
                      ]
                }
              />
              {oneDay && <Paragraph data-size="sm">{t('wheel.firstLatest.oneDay')}</Paragraph>}
            </figcaption>
          </figure>
          <div className="table-wrap">
            <Table zebra className="wheel-table">
              <caption>{t('wheel.firstLatest.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('wheel.area')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.firstLatest.first')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.firstLatest.latest')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.firstLatest.change')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={r.areaKey}>
                    <Table.HeaderCell scope="row">{areaLabel(r.areaKey)}</Table.HeaderCell>
                    <Table.Cell>{cell(r.first)}</Table.Cell>
                    <Table.Cell>{cell(r.latest)}</Table.Cell>
                    <Table.Cell>{r.change === null ? <Missing /> : signed(r.change)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ Barnet och verksamheterna */

function GapSection({ data }: { data: AssessmentList }) {
  const { t } = useTranslation();
  const areaLabel = useAreaLabel(data.wheel);
  const { num, signed } = useNumberFormat();
  const rows = data.radar.gaps;
  const childDate = maxDate(rows.map((r) => r.childDate));
  const professionalDate = maxDate(rows.map((r) => r.professionalDate));
  const hasChild = rows.some((r) => r.child !== null);
  const hasProfessional = rows.some((r) => r.professional !== null);
  const highlighted = rows.filter((r) => r.highlighted).map((r) => areaLabel(r.areaKey));

  const series: RadarSeries[] = [
    { key: 'child', label: t('wheel.gaps.child'), style: 'solid', values: rows.map((r) => r.child) },
    { key: 'professionals', label: t('wheel.gaps.professionals'), style: 'dashed', values: rows.map((r) => r.professional) },
  ];
  const chartLabel = t('wheel.gaps.chartLabel', {
    childDate: childDate ?? t('wheel.gaps.noDate'),
    professionalDate: professionalDate ?? t('wheel.gaps.noDate'),
    areas: highlighted.length > 0 ? highlighted.join(', ') : t('wheel.gaps.noHighlighted'),
  });

  return (
    <section className="section">
      <Heading level={2} data-size="md">
        {t('wheel.gaps.heading')}
      </Heading>
      <Paragraph>{t('wheel.gaps.intro')}</Paragraph>
      {!hasChild || !hasProfessional ? (
        <Paragraph>{t('wheel.gaps.notYet')}</Paragraph>
      ) : (
        <>
          <figure className="radar-figure">
            <RadarChart axes={rows.map((r) => areaLabel(r.areaKey))} scale={data.wheel.scale} series={series} label={chartLabel} />
            <figcaption>
              <Legend
                items={[
                  { key: 'child', style: 'solid', label: t('wheel.gaps.childLegend', { date: childDate }) },
                  { key: 'professionals', style: 'dashed', label: t('wheel.gaps.professionalsLegend', { date: professionalDate }) },
                ]}
              />
            </figcaption>
          </figure>
          <div className="table-wrap">
            <Table className="wheel-table">
              <caption>{t('wheel.gaps.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('wheel.area')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.gaps.child')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.gaps.professionals')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.gaps.gap')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={r.areaKey} className={r.highlighted ? 'gap-row gap-row--highlighted' : 'gap-row'}>
                    <Table.HeaderCell scope="row">{areaLabel(r.areaKey)}</Table.HeaderCell>
                    <Table.Cell>{r.child === null ? <Missing /> : num(r.child)}</Table.Cell>
                    <Table.Cell>
                      {r.professional === null ? (
                        <Missing />
                      ) : r.professionalCount > 1 ? (
                        t('wheel.gaps.mean', { rating: num(r.professional), count: r.professionalCount })
                      ) : (
                        num(r.professional)
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {r.gap === null ? <Missing /> : signed(r.gap)}
                      {r.highlighted && (
                        <>
                          {' '}
                          <Tag data-size="sm" data-color="warning" className="tag-inline">
                            {Math.abs(r.gap ?? 0) >= 2 ? t('wheel.gaps.large') : t('wheel.gaps.notable')}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ Historik per område */

function HistorySection({ data }: { data: AssessmentList }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { num } = useNumberFormat();
  const who = (a: Assessment) =>
    a.perspective.kind === 'child'
      ? t('wheel.gaps.child')
      : a.perspective.kind === 'guardian'
        ? a.perspective.guardianName
          ? t('wheel.history.guardian', { name: a.perspective.guardianName })
          : t('wheel.history.someGuardian')
        : (a.perspective.unitName ?? a.unit.name);
  const areas = [...data.wheel.areas].sort((a, b) => a.position - b.position);
  const tables = areas
    .map((area) => ({
      area,
      rows: data.items
        .map((a) => ({ a, r: a.ratings.find((r) => r.areaKey === area.key) }))
        .filter((x) => x.r && (x.r.rating !== null || x.r.strengths || x.r.worries || x.r.needs)),
    }))
    .filter((x) => x.rows.length > 0);

  return (
    <section className="section">
      <Heading level={2} data-size="md">
        {t('wheel.history.heading')}
      </Heading>
      <Paragraph>{t('wheel.history.intro')}</Paragraph>
      <div className="wheel-history">
        {tables.map(({ area, rows }) => (
          <div className="table-wrap" key={area.key}>
            <Table data-size="sm" className="wheel-table">
              <caption>{localize(area.labelSv, area.labelEn)}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('wheel.history.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.history.who')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.history.rating')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.history.notes')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map(({ a, r }) => (
                  <Table.Row key={a.id}>
                    <Table.Cell className="nowrap">{a.date}</Table.Cell>
                    <Table.Cell>
                      {who(a)}
                      {a.enteredVia === 'portal' && <span className="block muted">{t('wheel.history.viaPortal')}</span>}
                    </Table.Cell>
                    <Table.Cell>
                      {r?.rating === null || r?.rating === undefined ? t('wheel.form.notRated') : num(r.rating)}
                      {a.privateAreaKeys.includes(area.key) && (
                        <span className="block">
                          <Tag data-size="sm" data-color="info">
                            {t('wheel.history.private')}
                          </Tag>
                        </span>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {r?.strengths || r?.worries || r?.needs ? (
                        <>
                          {r.strengths && <span className="block">{t('wheel.history.strengths', { text: r.strengths })}</span>}
                          {r.worries && <span className="block">{t('wheel.history.worries', { text: r.worries })}</span>}
                          {r.needs && <span className="block">{t('wheel.history.needs', { text: r.needs })}</span>}
                        </>
                      ) : (
                        <Missing />
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
      </div>
    </section>
  );
}

/* ------------------------------------------------------------------ Hjulet */

/** The "Hjulet" tab: record wheel assessments and see them over time and side by side. */
export function WheelTab() {
  const { t } = useTranslation();
  const { c, announce } = useCaseContext();
  const query = useAssessments(c.id);
  const [adding, setAdding] = useState(false);
  const canAdd = c.child !== null && c.state !== 'avslutad';
  const data = query.data;

  return (
    <div className="tab-content">
      <section className="section">
        <Heading level={2} data-size="md">
          {t('wheel.heading')}
        </Heading>
        <Paragraph>{t('wheel.intro')}</Paragraph>
        {c.child === null && <Paragraph>{t('wheel.noChild')}</Paragraph>}
        {canAdd && data && (
          <div className="page-actions">
            <Button
              id={ADD_BUTTON_ID}
              type="button"
              variant="secondary"
              aria-expanded={adding}
              onClick={() => {
                announce(null);
                setAdding(!adding);
              }}
            >
              {t('wheel.add')}
            </Button>
          </div>
        )}
        {adding && data && (
          <AssessmentForm
            wheel={data.wheel}
            onDone={() => {
              setAdding(false);
              focusLater(ADD_BUTTON_ID);
            }}
          />
        )}
      </section>
      {query.isPending && <Loading />}
      {query.isError && <FormAlert error={query.error} level={3} />}
      {data && data.items.length === 0 && <Paragraph>{t('wheel.none')}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          <FirstAndLatestSection data={data} />
          <GapSection data={data} />
          <HistorySection data={data} />
        </>
      )}
    </div>
  );
}
