import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useLongDate } from '../meetings/dates';
import type { Intervention } from './api';
import { statusColor, useInterventionLabels } from './labels';
import { interventionHeadingId, InterventionSteps, type FormStep } from './InterventionSteps';

interface Fact {
  key: string;
  term: string;
  value: ReactNode;
}

/** What happened to the intervention, step by step, with the dates. */
function useFacts(item: Intervention): Fact[] {
  const { t } = useTranslation();
  const labels = useInterventionLabels();
  const longDate = useLongDate();
  const h = item.handover;
  const facts: Fact[] = [
    { key: 'type', term: t('interventions.facts.type'), value: labels.type(item.type) },
    { key: 'sender', term: t('interventions.facts.sender'), value: item.sender.name },
    { key: 'provider', term: t('interventions.facts.provider'), value: item.provider.name },
    {
      key: 'proposed',
      term: t('interventions.facts.proposed'),
      value: t('interventions.facts.proposedValue', { date: longDate(item.proposedOn), name: item.proposedByName }),
    },
  ];
  if (item.source === 'decision') facts.push({ key: 'source', term: t('interventions.facts.source'), value: t('interventions.facts.fromDecision') });
  if (item.source === 'plan_action') facts.push({ key: 'source', term: t('interventions.facts.source'), value: t('interventions.facts.fromPlan') });
  if (h) {
    facts.push({ key: 'requested', term: t('interventions.facts.requested'), value: longDate(h.requestedOn) });
    if (h.status === 'requested')
      facts.push({
        key: 'answerBy',
        term: t('interventions.facts.answerBy'),
        value: (
          <>
            {longDate(h.answerBy)}
            {h.overdue && (
              <>
                {' '}
                <Tag data-size="sm" data-color="danger" className="tag-inline">
                  {t('interventions.overdue')}
                </Tag>
              </>
            )}
          </>
        ),
      });
    if (h.categories.length > 0)
      facts.push({ key: 'categories', term: t('interventions.facts.categories'), value: h.categories.map(labels.category).join(', ') });
    if (h.status === 'declined' && h.answeredOn)
      facts.push({
        key: 'declined',
        term: t('interventions.facts.declined'),
        value: h.declineReason
          ? t('interventions.facts.withReason', { date: longDate(h.answeredOn), reason: h.declineReason })
          : longDate(h.answeredOn),
      });
    if (h.status === 'revoked' && h.revokedOn)
      facts.push({
        key: 'revoked',
        term: t('interventions.facts.revoked'),
        value: h.revokeReason ? t('interventions.facts.withReason', { date: longDate(h.revokedOn), reason: h.revokeReason }) : longDate(h.revokedOn),
      });
  }
  if (item.acceptedOn) facts.push({ key: 'accepted', term: t('interventions.facts.accepted'), value: longDate(item.acceptedOn) });
  if (item.startedOn) facts.push({ key: 'started', term: t('interventions.facts.started'), value: longDate(item.startedOn) });
  if (item.endedOn)
    facts.push({
      key: 'ended',
      term: t('interventions.facts.ended'),
      value: [
        t('interventions.facts.endedValue', { date: longDate(item.endedOn), reason: item.endReason ? labels.endReason(item.endReason) : '' }),
        item.endNote,
      ]
        .filter(Boolean)
        .join(' '),
    });
  return facts;
}

/** The hand-over's message, or why it is not shown (the consent no longer covers the reader). */
function HandoverMessage({ item }: { item: Intervention }) {
  const { t } = useTranslation();
  const h = item.handover;
  if (!h) return null;
  return (
    <div className="intervention__message">
      <Paragraph data-size="sm">
        <strong>{t('interventions.message')}</strong>
      </Paragraph>
      {h.messageHidden || h.message === null ? (
        <Paragraph className="muted">{t('interventions.messageHidden')}</Paragraph>
      ) : (
        <Paragraph className="pre-wrap">{h.message}</Paragraph>
      )}
    </div>
  );
}

interface Props {
  item: Intervention;
  /** Names the intervention in buttons and forms ("<namn>", on the inbox "<namn> för <pseudonym>"). */
  subject: string;
  headingLevel: 2 | 3;
  announce: (message: string | null) => void;
  initialStep?: FormStep | null;
  /** Shown under the status (the inbox: the case and a link to it). */
  children?: ReactNode;
}

/** One intervention: status, sender and provider, each step's date, the hand-over and the steps the unit may take. */
export function InterventionItem({ item, subject, headingLevel, announce, initialStep, children }: Props) {
  const { t } = useTranslation();
  const labels = useInterventionLabels();
  const headingId = interventionHeadingId(item.id);
  const facts = useFacts(item);
  const formLevel = (headingLevel + 1) as 3 | 4;
  return (
    <li className={`intervention intervention--${item.status}`} aria-labelledby={headingId}>
      <Heading level={headingLevel} data-size="xs" id={headingId} tabIndex={-1}>
        {item.name}
      </Heading>
      <Paragraph className="intervention__status">
        <span className="ds-sr-only">{t('interventions.statusLabel')} </span>
        <Tag data-size="sm" data-color={statusColor(item.status)} className="tag-inline">
          {labels.status(item.status)}
        </Tag>
        {item.handover?.overdue && (
          <>
            {' '}
            <Tag data-size="sm" data-color="danger" className="tag-inline">
              {t('interventions.overdueAnswer')}
            </Tag>
          </>
        )}
      </Paragraph>
      {children}
      <dl className="intervention__facts">
        {facts.map((f) => (
          <div key={f.key}>
            <dt>{f.term}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <HandoverMessage item={item} />
      <InterventionSteps item={item} subject={subject} level={formLevel} announce={announce} initialStep={initialStep} />
    </li>
  );
}
