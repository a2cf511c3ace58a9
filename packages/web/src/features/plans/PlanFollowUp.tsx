import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { isApiError, type ApiFieldError } from '../../api/client';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { focusLater, useCaseContext } from '../cases/caseContext';
import { agendaKeys } from '../meetings/api';
import { caseKeys } from '../cases/api';
import { followUpPlan, GOAL_OUTCOMES, planKeys, type GoalOutcome, type Plan, type PlanVersion, type Wheel } from './api';

interface GoalRow {
  /** Index in plan order (area by area, goal by goal): the server's outcomes.<index>. */
  index: number;
  areaKey: string;
  text: string;
  followUpDate: string;
}

/** The plan's goals in the order the server expects the outcomes. */
function goalsOf(v: PlanVersion): GoalRow[] {
  const rows: GoalRow[] = [];
  for (const area of v.content.areas)
    for (const g of area.goals) rows.push({ index: rows.length, areaKey: area.areaKey, text: g.text, followUpDate: g.followUpDate });
  return rows;
}

function useAreaLabel(wheel: Wheel | undefined) {
  const localize = useLocalize();
  return (key: string) => {
    const area = wheel?.areas.find((a) => a.key === key);
    return area ? localize(area.labelSv, area.labelEn) : key;
  };
}

/** "Genomförda uppföljningar": each follow-up with its date, who made it and per goal how it went. */
function DoneList({ v, wheel, prefix }: { v: PlanVersion; wheel: Wheel | undefined; prefix: string }) {
  const { t } = useTranslation();
  const areaLabel = useAreaLabel(wheel);
  const done = v.followUps ?? [];
  const headingId = `${prefix}-done-heading`;
  return (
    <>
      <Heading level={4} data-size="2xs" id={headingId} tabIndex={-1}>
        {t('plan.followUp.doneHeading')}
      </Heading>
      {done.length === 0 ? (
        <Paragraph>{t('plan.followUp.noneDone')}</Paragraph>
      ) : (
        <ol className="plan-follow-ups" aria-labelledby={headingId} reversed>
          {[...done].reverse().map((f, i) => (
            <li key={`${f.on}-${i}`}>
              <strong>{t('plan.followUp.doneBy', { date: f.on, name: f.byName })}</strong>
              <ul className="cell-list">
                {f.outcomes.map((o, j) => (
                  <li key={j}>
                    {t('plan.followUp.outcomeLine', { area: areaLabel(o.areaKey), goal: o.goal, outcome: t(`plan.followUp.outcomes.${o.outcome}`) })}
                    {o.comment && (
                      <>
                        <br />
                        <span className="pre-wrap">{t('plan.followUp.commentLine', { comment: o.comment })}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** "Följ upp planen": per goal "Hur gick det?" and a comment; the server records it on the adopted version. */
function FollowUpForm({ plan, v, wheel, kindLabel, prefix, onDone }: FollowUpProps & { prefix: string; onDone: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const areaLabel = useAreaLabel(wheel);
  const goals = goalsOf(v);
  const [outcomes, setOutcomes] = useState<(GoalOutcome | '')[]>(() => goals.map(() => ''));
  const [comments, setComments] = useState<string[]>(() => goals.map(() => ''));
  const [missing, setMissing] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const serverErrors: ApiFieldError[] = isApiError(error) ? error.errors : [];
  const headingId = `${prefix}-form-heading`;
  const goalId = (i: number) => `${prefix}-goal-${i}`;

  const errorAt = (i: number, field: 'outcome' | 'comment'): string | undefined => {
    if (field === 'outcome' && missing.includes(i)) return t('plan.followUp.errors.outcome');
    const paths = field === 'outcome' ? [`outcomes.${i}`, `outcomes.${i}.outcome`] : [`outcomes.${i}.comment`];
    const found = serverErrors.filter((e) => paths.includes(e.field));
    return found.length > 0 ? found.map((e) => localize(e.message, e.messageEn)).join(' ') : undefined;
  };
  const unmatched = serverErrors.filter((e) => !/^outcomes\.\d+(\.outcome|\.comment)?$/.test(e.field));

  const onSubmit = async () => {
    setError(null);
    announce(null);
    const unset = goals.filter((g) => outcomes[g.index] === '').map((g) => g.index);
    setMissing(unset);
    if (unset.length > 0) {
      focusLater(`${goalId(unset[0]!)}-first`);
      return;
    }
    setBusy(true);
    try {
      const fresh = await followUpPlan(
        plan.id,
        v.number,
        goals.map((g) => ({
          outcome: outcomes[g.index] as GoalOutcome,
          ...(comments[g.index]!.trim() ? { comment: comments[g.index]!.trim() } : {}),
        })),
      );
      qc.setQueryData<Plan>(planKeys.plan(plan.id), (old) =>
        old ? { ...old, versions: old.versions.map((x) => (x.number === fresh.number ? fresh : x)) } : old,
      );
      void qc.invalidateQueries({ queryKey: planKeys.list(c.id) });
      void qc.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      void qc.invalidateQueries({ queryKey: caseKeys.overview });
      void qc.invalidateQueries({ queryKey: agendaKeys.tasks });
      setOutcomes(goals.map(() => ''));
      setComments(goals.map(() => ''));
      setMissing([]);
      announce(t('plan.followUp.saved', { kind: kindLabel }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const areas = [...new Set(goals.map((g) => g.areaKey))];

  return (
    <form
      className="plan-follow-up__form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('plan.followUp.formHeading')}
      </Heading>
      <Paragraph>{t('plan.followUp.formIntro')}</Paragraph>
      <FormAlert error={error} unmatched={unmatched} level={5} />
      {missing.length > 0 && (
        <Alert data-color="danger" className="form-alert">
          <Paragraph>{t('plan.followUp.errors.summary', { count: missing.length })}</Paragraph>
        </Alert>
      )}
      {areas.map((key) => (
        <Fieldset key={key} className="plan-follow-up__area">
          <Fieldset.Legend>{areaLabel(key)}</Fieldset.Legend>
          {goals
            .filter((g) => g.areaKey === key)
            .map((g) => {
              const outcomeError = errorAt(g.index, 'outcome');
              return (
                // Named by the legend only (a paragraph right after it would join the name): the date describes it.
                <Fieldset
                  key={g.index}
                  className="plan-follow-up__goal"
                  aria-labelledby={`${goalId(g.index)}-legend`}
                  aria-describedby={`${goalId(g.index)}-date`}
                >
                  <Fieldset.Legend id={`${goalId(g.index)}-legend`}>{t('plan.followUp.goalLegend', { goal: g.text })}</Fieldset.Legend>
                  <Paragraph data-size="sm" id={`${goalId(g.index)}-date`}>
                    {t('plan.followUp.goalDate', { date: g.followUpDate })}
                  </Paragraph>
                  <Fieldset id={goalId(g.index)} tabIndex={-1} className="plan-follow-up__outcome">
                    <Fieldset.Legend>{t('plan.followUp.how')}</Fieldset.Legend>
                    {GOAL_OUTCOMES.map((o, k) => (
                      <Radio
                        key={o}
                        id={k === 0 ? `${goalId(g.index)}-first` : undefined}
                        name={`${prefix}-outcome-${g.index}`}
                        label={t(`plan.followUp.outcomes.${o}`)}
                        value={o}
                        checked={outcomes[g.index] === o}
                        aria-invalid={outcomeError ? true : undefined}
                        onChange={() => {
                          setOutcomes((old) => old.map((x, j) => (j === g.index ? o : x)));
                          setMissing((old) => old.filter((j) => j !== g.index));
                        }}
                      />
                    ))}
                    {outcomeError && <ValidationMessage>{outcomeError}</ValidationMessage>}
                  </Fieldset>
                  <Textfield
                    multiline
                    rows={2}
                    label={t('plan.followUp.comment')}
                    value={comments[g.index]}
                    error={errorAt(g.index, 'comment')}
                    onChange={(e) => setComments((old) => old.map((x, j) => (j === g.index ? e.target.value : x)))}
                  />
                </Fieldset>
              );
            })}
        </Fieldset>
      ))}
      <div className="form__actions">
        <Button type="submit" loading={busy}>
          {t('plan.followUp.submit')}
        </Button>
      </div>
    </form>
  );
}

interface FollowUpProps {
  plan: Plan;
  /** The adopted version. */
  v: PlanVersion;
  wheel: Wheel | undefined;
  kindLabel: string;
}

/**
 * "Uppföljning" of the adopted version: the next follow-up date (and whether it is overdue), the
 * form to follow the plan up (for those who may edit it) and the follow-ups made so far. After a
 * follow-up the user is asked to make a new assessment with the wheel.
 */
export function FollowUpSection({ plan, v, wheel, kindLabel, editable }: FollowUpProps & { editable: boolean }) {
  const { t } = useTranslation();
  const { openTab } = useCaseContext();
  const [prompt, setPrompt] = useState(false);
  const prefix = `plan-${plan.id}-follow-up`;
  const headingId = `${prefix}-heading`;
  const hasGoals = goalsOf(v).length > 0;

  return (
    <section className="plan-follow-up" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('plan.followUp.heading')}
      </Heading>
      <Paragraph>{t('plan.followUp.ofVersion', { number: v.number, date: v.adoptedOn ?? '' })}</Paragraph>
      <Paragraph>{v.nextFollowUp ? t('plan.followUp.next', { date: v.nextFollowUp }) : t('plan.followUp.noNext')}</Paragraph>
      {v.followUpOverdue && (
        <Alert data-color="warning">
          <Heading level={4} data-size="2xs">
            {t('plan.followUp.overdue')}
          </Heading>
          <Paragraph>{t('plan.followUp.overdueText', { date: v.nextFollowUp ?? '' })}</Paragraph>
        </Alert>
      )}
      {prompt && (
        <Alert data-color="info" className="plan-follow-up__prompt">
          <Heading level={4} data-size="2xs" id={`${prefix}-prompt`} tabIndex={-1}>
            {t('plan.followUp.promptHeading')}
          </Heading>
          <Paragraph>{t('plan.followUp.promptText')}</Paragraph>
          {openTab && (
            <Button type="button" variant="secondary" onClick={() => openTab('hjulet')}>
              {t('plan.followUp.promptButton')}
            </Button>
          )}
        </Alert>
      )}
      {editable && hasGoals && (
        <FollowUpForm
          plan={plan}
          v={v}
          wheel={wheel}
          kindLabel={kindLabel}
          prefix={prefix}
          onDone={() => {
            setPrompt(true);
            focusLater(`${prefix}-prompt`);
          }}
        />
      )}
      {editable && !hasGoals && <Paragraph>{t('plan.followUp.noGoals')}</Paragraph>}
      <DoneList v={v} wheel={wheel} prefix={prefix} />
    </section>
  );
}
