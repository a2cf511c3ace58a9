import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { focusLater, useCaseContext } from '../cases/caseContext';
import { useDateFormat } from '../cases/labels';
import {
  createPlan,
  familyPlanPdfUrl,
  newPlanVersion,
  planKeys,
  professionalPlanPdfUrl,
  usePlan,
  usePlanDiff,
  usePlans,
  useWheel,
  type Plan,
  type PlanKind,
  type PlanVersion,
  type PlanVersionStatus,
  type Wheel,
} from './api';
import { PlanEditor } from './PlanEditor';
import { PlanContentView } from './PlanView';
import { FollowUpSection } from './PlanFollowUp';
import './plans.css';

const STATUS_COLOR: Record<PlanVersionStatus, 'warning' | 'success' | 'neutral'> = { draft: 'warning', adopted: 'success', superseded: 'neutral' };

export function usePlanLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: PlanKind) => t(`plan.kinds.${k}`),
    status: (s: PlanVersionStatus) => t(`plan.statuses.${s}`),
  };
}

function VersionDiff({ planId, from, to }: { planId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const diff = usePlanDiff(planId, from, to, true);
  if (diff.isPending) return <Loading />;
  if (diff.isError) return <FormAlert error={diff.error} level={5} />;
  if (diff.data.changes.length === 0) return <Paragraph>{t('plan.versions.noChanges')}</Paragraph>;
  return (
    <ul className="plan-diff" aria-label={t('plan.versions.diffLabel', { from, to })}>
      {diff.data.changes.map((ch, i) => (
        <li key={i}>
          <Tag data-size="sm" data-color={ch.change === 'added' ? 'success' : ch.change === 'removed' ? 'danger' : 'info'} className="tag-inline">
            {t(`plan.versions.change.${ch.change}`)}
          </Tag>{' '}
          {localize(ch.textSv, ch.textEn)}
        </li>
      ))}
    </ul>
  );
}

function VersionItem({ plan, v, wheel, kindLabel }: { plan: Plan; v: PlanVersion; wheel: Wheel | undefined; kindLabel: string }) {
  const { t } = useTranslation();
  const date = useDateFormat();
  const [showing, setShowing] = useState(false);
  const [diffing, setDiffing] = useState(false);
  const status =
    v.status === 'adopted' && v.adoptedOn
      ? t('plan.adoptedOn', { date: v.adoptedOn })
      : v.status === 'superseded'
        ? t('plan.versions.superseded', { date: v.adoptedOn ?? '' })
        : t('plan.versions.draft', { date: date(v.updatedAt), name: v.updatedByName });
  const name = { kind: kindLabel, number: v.number };

  return (
    <li className="plan-version">
      <div className="plan-version__meta">
        <strong>{t('plan.versions.version', { number: v.number })}</strong>
        <span className={`plan-version__status plan-version__status--${v.status}`}>{status}</span>
      </div>
      <div className="page-actions">
        <Button
          type="button"
          variant="tertiary"
          data-size="sm"
          aria-expanded={showing}
          aria-label={t('plan.versions.showLabel', name)}
          onClick={() => setShowing(!showing)}
        >
          {t('plan.versions.show')}
        </Button>
        {v.number > 1 && (
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-expanded={diffing}
            aria-label={t('plan.versions.diffButtonLabel', { kind: kindLabel, from: v.number - 1, to: v.number })}
            onClick={() => setDiffing(!diffing)}
          >
            {t('plan.versions.diffButton')}
          </Button>
        )}
        <Link href={familyPlanPdfUrl(plan.id, v.number)} download aria-label={t('plan.pdf.familyLabel', name)}>
          {t('plan.pdf.family')}
        </Link>
        <Link href={professionalPlanPdfUrl(plan.id, v.number)} download aria-label={t(`plan.pdf.professionalLabel.${plan.kind}`, name)}>
          {t(`plan.pdf.professional.${plan.kind}`)}
        </Link>
      </div>
      {diffing && <VersionDiff planId={plan.id} from={v.number - 1} to={v.number} />}
      {showing && (
        <div className="plan-version__content">
          <PlanContentView content={v.content} planDate={v.planDate} wheel={wheel} level={5} />
        </div>
      )}
    </li>
  );
}

function PlanSection({ planId, kind }: { planId: string; kind: PlanKind }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const query = usePlan(planId);
  const wheel = useWheel();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kindLabel = labels.kind(kind);
  const headingId = `plan-${planId}-heading`;
  const plan = query.data;
  const versions = plan ? [...plan.versions].sort((a, b) => a.number - b.number) : [];
  const newest = versions[versions.length - 1];
  const adopted = versions.find((v) => v.status === 'adopted');
  const editable = plan?.mayEdit === true && c.state !== 'avslutad';

  const onNewVersion = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    announce(null);
    try {
      const v = await newPlanVersion(plan.id);
      qc.setQueryData<Plan>(planKeys.plan(plan.id), (old) =>
        old ? { ...old, versions: [...old.versions.filter((x) => x.number !== v.number), v] } : old,
      );
      void qc.invalidateQueries({ queryKey: planKeys.list(c.id) });
      announce(t('plan.newVersionMessage', { kind: kindLabel, number: v.number }));
      focusLater(`plan-${plan.id}-editor-heading`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section plan" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
        {kindLabel}
      </Heading>
      {(query.isPending || wheel.isPending) && <Loading />}
      {query.isError && <FormAlert error={query.error} level={3} />}
      {wheel.isError && <FormAlert error={wheel.error} level={3} />}
      {plan && newest && wheel.data && (
        <>
          {newest.status === 'draft' && editable ? (
            <PlanEditor key={`${plan.id}-${newest.number}`} plan={plan} version={newest} wheel={wheel.data} kindLabel={kindLabel} />
          ) : (
            <div className="plan-current">
              <Heading level={3} data-size="sm">
                {t('plan.versions.version', { number: newest.number })}
              </Heading>
              <Paragraph className="plan-status">
                {newest.status === 'adopted' && newest.adoptedOn ? (
                  <Tag data-size="md" data-color="success">
                    {t('plan.adoptedOn', { date: newest.adoptedOn })}
                  </Tag>
                ) : (
                  <>
                    <Tag data-size="sm" data-color={STATUS_COLOR[newest.status]} className="tag-inline">
                      {labels.status(newest.status)}
                    </Tag>{' '}
                    {t('plan.notEditable')}
                  </>
                )}
              </Paragraph>
              <PlanContentView content={newest.content} planDate={newest.planDate} wheel={wheel.data} level={4} />
              {editable && newest.status === 'adopted' && (
                <>
                  <FormAlert error={error} level={4} />
                  <div className="page-actions">
                    <Button type="button" variant="secondary" loading={busy} onClick={() => void onNewVersion()}>
                      {t('plan.newVersion')}
                    </Button>
                  </div>
                </>
              )}
            </div>
          )}
          {adopted && <FollowUpSection plan={plan} v={adopted} wheel={wheel.data} kindLabel={kindLabel} editable={editable} />}
          <Heading level={3} data-size="xs">
            {t('plan.versions.heading')}
          </Heading>
          <ol className="plan-versions" aria-label={t('plan.versions.listLabel', { kind: kindLabel })} reversed>
            {[...versions].reverse().map((v) => (
              <VersionItem key={v.number} plan={plan} v={v} wheel={wheel.data} kindLabel={kindLabel} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The "Plan" tab: barnets plan and, when social services and the region both take part, the SIP. */
export function PlanTab() {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const plans = usePlans(c.id);
  const [busy, setBusy] = useState<PlanKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const items = plans.data?.items ?? [];
  const has = (kind: PlanKind) => items.some((p) => p.kind === kind);
  const canStart = c.owningUnit.id === me.actingUnit.id && c.child !== null && c.state !== 'avslutad';

  const onStart = async (kind: PlanKind) => {
    setBusy(kind);
    setError(null);
    announce(null);
    try {
      const plan = await createPlan(c.id, kind);
      qc.setQueryData(planKeys.plan(plan.id), plan);
      await qc.invalidateQueries({ queryKey: planKeys.list(c.id) });
      announce(t('plan.started', { kind: labels.kind(kind) }));
      focusLater(`plan-${plan.id}-heading`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="tab-content">
      <section className="section">
        <Heading level={2} data-size="md">
          {t('plan.heading')}
        </Heading>
        <Paragraph>{t('plan.intro')}</Paragraph>
        {plans.isPending && <Loading />}
        {plans.isError && <FormAlert error={plans.error} level={3} />}
        <FormAlert error={error} level={3} />
        {plans.data && (
          <>
            {items.length === 0 && <Paragraph>{t('plan.none')}</Paragraph>}
            {c.child === null && <Paragraph>{t('plan.noChild')}</Paragraph>}
            {!plans.data.sipOffered && !has('sip') && <Paragraph>{t('plan.sipNotOffered')}</Paragraph>}
            {plans.data.sipOffered && !has('sip') && <Paragraph>{t('plan.sipOffered')}</Paragraph>}
            {canStart && (!has('barnets_plan') || (plans.data.sipOffered && !has('sip'))) && (
              <div className="page-actions">
                {!has('barnets_plan') && (
                  <Button type="button" variant="secondary" loading={busy === 'barnets_plan'} onClick={() => void onStart('barnets_plan')}>
                    {t('plan.startChildPlan')}
                  </Button>
                )}
                {plans.data.sipOffered && !has('sip') && (
                  <Button type="button" variant="secondary" loading={busy === 'sip'} onClick={() => void onStart('sip')}>
                    {t('plan.startSip')}
                  </Button>
                )}
              </div>
            )}
          </>
        )}
      </section>
      {items.map((p) => (
        <PlanSection key={p.id} planId={p.id} kind={p.kind} />
      ))}
    </div>
  );
}
