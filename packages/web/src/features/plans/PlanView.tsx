import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { useLocalize } from '../../i18n/localize';
import { DefinitionList } from '../../ui/DefinitionList';
import { useUnitOptions } from '../signals/api';
import type { PlanAction, PlanContent, Wheel } from './api';

type Level = 3 | 4 | 5 | 6;

function Text({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  return value && value.trim() ? <span className="pre-wrap">{value}</span> : <span className="muted">{t('plan.view.empty')}</span>;
}

function Items({ items, empty }: { items: ReactNode[]; empty: string }) {
  if (items.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="cell-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** "Elevhälsan Björkskolan (Karin Berg)", "Elevhälsan Björkskolan" or "Ingen vald". */
export function useOwnerLabel() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const units = useUnitOptions();
  return (a: Pick<PlanAction, 'ownerUnitId' | 'ownerUserId'>) => {
    const unit = a.ownerUnitId ? (units.data?.items.find((u) => u.id === a.ownerUnitId)?.name ?? t('plan.view.unknownUnit')) : null;
    if (a.ownerUserId && a.ownerUserId === me.id) return t('plan.view.ownerMe', { name: me.displayName, unit: unit ?? me.actingUnit.name });
    if (a.ownerUserId) return t('plan.view.ownerPerson', { unit: unit ?? t('plan.view.unknownUnit') });
    return unit ?? t('plan.view.noOwner');
  };
}

/** A version of a plan, read-only (adopted versions, others' drafts, the saved draft after a conflict). */
export function PlanContentView({
  content,
  planDate,
  wheel,
  level,
}: {
  content: PlanContent;
  planDate: string;
  wheel: Wheel | undefined;
  level: Level;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const owner = useOwnerLabel();
  const sub = Math.min(level + 1, 6) as Level;
  const areaLabel = (key: string) => {
    const area = wheel?.areas.find((a) => a.key === key);
    return area ? localize(area.labelSv, area.labelEn) : key;
  };
  const sip = content.sip;
  const consent = sip?.personConsent;

  return (
    <div className="plan-view">
      <DefinitionList items={[{ term: t('plan.form.planDate'), value: planDate }]} />
      <Heading level={level} data-size="xs">
        {t('plan.form.childView')}
      </Heading>
      <DefinitionList
        items={[
          { term: t('plan.form.strengths'), value: <Text value={content.childView.strengths} /> },
          { term: t('plan.form.challenges'), value: <Text value={content.childView.challenges} /> },
        ]}
      />
      <Heading level={level} data-size="xs">
        {t('plan.form.guardiansView')}
      </Heading>
      <DefinitionList
        items={[
          { term: t('plan.form.strengths'), value: <Text value={content.guardiansView.strengths} /> },
          { term: t('plan.form.challenges'), value: <Text value={content.guardiansView.challenges} /> },
        ]}
      />
      <Heading level={level} data-size="xs">
        {t('plan.form.areas')}
      </Heading>
      {content.areas.length === 0 && <Paragraph className="muted">{t('plan.view.noAreas')}</Paragraph>}
      {content.areas.map((a) => (
        <div key={a.areaKey} className="plan-view__area">
          <Heading level={sub} data-size="2xs">
            {areaLabel(a.areaKey)}
          </Heading>
          <DefinitionList
            items={[
              { term: t('plan.form.childWords'), value: <Text value={a.childWords} /> },
              { term: t('plan.form.guardiansWillDo'), value: <Text value={a.guardiansWillDo} /> },
              {
                term: t('plan.form.actions'),
                value: (
                  <Items
                    empty={t('plan.view.noActions')}
                    items={a.actions.map((x) =>
                      t('plan.view.action', {
                        what: x.what,
                        who: owner(x),
                        when: x.start || x.end ? t('plan.view.period', { from: x.start ?? '…', to: x.end ?? '…' }) : t('plan.view.noPeriod'),
                      }),
                    )}
                  />
                ),
              },
              {
                term: t('plan.form.goals'),
                value: (
                  <Items empty={t('plan.view.noGoals')} items={a.goals.map((g) => t('plan.view.goal', { text: g.text, date: g.followUpDate }))} />
                ),
              },
            ]}
          />
        </div>
      ))}
      {content.kind === 'sip' && sip && (
        <>
          <Heading level={level} data-size="xs">
            {t('plan.sip.heading')}
          </Heading>
          <DefinitionList
            items={[
              { term: t('plan.sip.supportNeeded'), value: <Text value={sip.supportNeeded} /> },
              {
                term: t('plan.sip.principals'),
                value: (
                  <Items
                    empty={t('plan.view.empty')}
                    items={sip.principalContributions.map((c) =>
                      t('plan.view.principal', { name: c.principalName ?? c.principalId, text: c.provides }),
                    )}
                  />
                ),
              },
              { term: t('plan.sip.othersProvide'), value: <Text value={sip.othersProvide} /> },
              { term: t('plan.sip.overall'), value: <Text value={sip.overallResponsibility?.principalName ?? ''} /> },
              { term: t('plan.sip.participants'), value: <Items empty={t('plan.view.empty')} items={sip.participants} /> },
              {
                term: t('plan.sip.consent'),
                value: consent?.given ? t('plan.view.consentGiven', { date: consent.date ?? '' }) : t('plan.view.consentMissing'),
              },
              {
                term: t('plan.sip.childParticipation'),
                value: sip.childParticipation.tookPart
                  ? t('plan.view.childTookPart', { how: sip.childParticipation.how || t('plan.view.empty') })
                  : t('plan.view.childDidNotTakePart'),
              },
              { term: t('plan.sip.relatives'), value: <Items empty={t('plan.view.empty')} items={sip.relativesParticipated} /> },
              { term: t('plan.sip.followUp'), value: <Text value={sip.followUpDate} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}
