import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { portalPlanPdfUrl, usePortalPlan, type PortalPlan, type PortalRelation } from './api';
import { PlanIcon } from './icons';
import { Section, useDate } from './parts';

/** One part of the plan: a heading and what it says. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card asChild className="portal-card portal-plan__part">
      <section aria-labelledby={id}>
        <Heading level={3} data-size="sm" id={id}>
          {title}
        </Heading>
        {children}
      </section>
    </Card>
  );
}

/** "Det här är bra:" and its words, when there are words. */
function Said({ label, words }: { label: string; words: string }) {
  if (!words) return null;
  return (
    <div className="portal-plan__said">
      <Paragraph className="portal-plan__label">{label}</Paragraph>
      <blockquote className="portal-quote">{words}</blockquote>
    </div>
  );
}

function PlanBody({ child, relation, plan }: { child: string; relation: PortalRelation; plan: PortalPlan }) {
  const { t } = useTranslation();
  const date = useDate();
  const childSaid = plan.childView.strengths || plan.childView.challenges || plan.childView.areas.length > 0;
  const when = (w: PortalPlan['actions'][number]['when']) =>
    w.from && w.to
      ? t('portal.plan.when.fromTo', { from: date(w.from), to: date(w.to) })
      : w.from
        ? t('portal.plan.when.from', { from: date(w.from) })
        : w.to
          ? t('portal.plan.when.to', { to: date(w.to) })
          : t('portal.plan.when.none');
  return (
    <>
      <Paragraph>{t('portal.plan.adopted', { kind: plan.kindLabel, date: date(plan.adoptedOn) })}</Paragraph>

      <Part id="portal-plan-child" title={t(`portal.plan.childSaid.${relation}`)}>
        {childSaid ? (
          <>
            <Said label={t(`portal.plan.good.${relation}`)} words={plan.childView.strengths} />
            <Said label={t(`portal.plan.hard.${relation}`)} words={plan.childView.challenges} />
            {plan.childView.areas.map((a) => (
              <Said key={a.area} label={t('portal.plan.about', { area: a.area })} words={a.words} />
            ))}
          </>
        ) : (
          <Paragraph>{t(`portal.plan.childNothing.${relation}`)}</Paragraph>
        )}
      </Part>

      {plan.guardianView && (
        <Part id="portal-plan-guardians" title={t(`portal.plan.guardiansSaid.${relation}`)}>
          <Said label={t('portal.plan.homeGood')} words={plan.guardianView.strengths} />
          <Said label={t('portal.plan.homeHard')} words={plan.guardianView.challenges} />
          {plan.guardianView.atHome.map((a) => (
            <Said key={a.area} label={t('portal.plan.atHome', { area: a.area })} words={a.words} />
          ))}
        </Part>
      )}

      <Part id="portal-plan-goals" title={t('portal.plan.goals')}>
        {plan.goals.length === 0 ? (
          <Paragraph>{t('portal.plan.noGoals')}</Paragraph>
        ) : (
          <ul className="portal-plain-list portal-plan__items">
            {plan.goals.map((g, i) => (
              <li key={i}>
                <span className="portal-plan__what">{g.text}</span>
                <span>{t('portal.plan.goalFollowUp', { date: date(g.followUpOn) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part id="portal-plan-actions" title={t('portal.plan.actions')}>
        {plan.actions.length === 0 ? (
          <Paragraph>{t('portal.plan.noActions')}</Paragraph>
        ) : (
          <ul className="portal-plain-list portal-plan__items">
            {plan.actions.map((a, i) => (
              <li key={i}>
                <span className="portal-plan__what">{a.what}</span>
                <span>{a.who ? t('portal.plan.who', { who: a.role ? `${a.who} (${a.role})` : a.who }) : t('portal.plan.nobody')}</span>
                <span>{when(a.when)}</span>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part id="portal-plan-follow-up" title={t('portal.plan.followUp')}>
        <Paragraph>{plan.followUpOn ? t('portal.plan.followUpOn', { date: date(plan.followUpOn) }) : t('portal.plan.followUpNone')}</Paragraph>
      </Part>

      <Paragraph>
        <Link href={portalPlanPdfUrl(child)} download className="portal-touch-link">
          {t('portal.plan.pdf')}
        </Link>
      </Paragraph>
    </>
  );
}

/** "Min plan" (the child) or "Planen" (a guardian): the adopted plan in plain words, and its PDF. */
export function PortalPlanSection({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const plan = usePortalPlan(child);
  return (
    <Section id="portal-plan" icon={<PlanIcon />} title={t(`portal.plan.title.${relation}`)}>
      {plan.isPending && <Loading text={t('portal.loading')} />}
      {plan.isError && <FormAlert error={plan.error} level={3} />}
      {plan.data &&
        (plan.data.plan ? (
          <PlanBody child={child} relation={relation} plan={plan.data.plan} />
        ) : (
          <Paragraph>{t(`portal.plan.none.${relation}`)}</Paragraph>
        ))}
    </Section>
  );
}
