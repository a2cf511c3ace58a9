import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { focusLater, useCaseContext } from '../cases/caseContext';
import { useLongDate } from '../meetings/dates';
import {
  END_REASONS,
  useCaseHelpers,
  useCaseInterventions,
  useRefreshInterventions,
  type CaseFigures,
  type Intervention,
  type InterventionWarning,
} from './api';
import { InterventionItem } from './InterventionItem';
import { handoverMessageId, interventionHeadingId } from './InterventionSteps';
import { PROPOSE_HEADING_ID, ProposeForm } from './ProposeForm';
import { useInterventionLabels } from './labels';
import './interventions.css';

const HEADING_ID = 'interventions-heading';
const WARNINGS_HEADING_ID = 'intervention-warnings-heading';
const FIGURES_HEADING_ID = 'intervention-figures-heading';
const HELPERS_HEADING_ID = 'intervention-helpers-heading';
const PROPOSE_BUTTON_ID = 'propose-intervention';

/** The case's warnings: parallel interventions, unanswered hand-overs, not started, plan actions nobody owns. */
function CaseWarnings({ warnings }: { warnings: InterventionWarning[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (warnings.length === 0) return null;
  return (
    <Alert data-color="warning" className="intervention-warnings">
      <section aria-labelledby={WARNINGS_HEADING_ID}>
        <Heading level={3} data-size="xs" id={WARNINGS_HEADING_ID}>
          {t('interventions.warnings.heading')}
        </Heading>
        <ul aria-label={t('interventions.warnings.listLabel')}>
          {warnings.map((w, i) => (
            <li key={`${w.kind}-${i}`}>{localize(w.message, w.messageEn)}</li>
          ))}
        </ul>
      </section>
    </Alert>
  );
}

function daysText(t: (key: string, o: Record<string, unknown>) => string, days: number | null, date: string | null, longDate: (d: string) => string) {
  if (days === null || date === null) return t('interventions.figures.notYet', {});
  return t('interventions.figures.days', { count: days, date: longDate(date) });
}

/** "Nyckeltal": computed from dates and codes only, stored for the group statistics. */
function Figures({ figures }: { figures: CaseFigures | null }) {
  const { t } = useTranslation();
  const labels = useInterventionLabels();
  const longDate = useLongDate();
  const ended = figures ? END_REASONS.filter((r) => (figures.endReasons[r] ?? 0) > 0) : [];
  return (
    <section aria-labelledby={FIGURES_HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={FIGURES_HEADING_ID}>
        {t('interventions.figures.heading')}
      </Heading>
      <Paragraph>{t('interventions.figures.intro')}</Paragraph>
      {figures === null ? (
        <Paragraph>{t('interventions.figures.none')}</Paragraph>
      ) : (
        <>
          <div className="table-wrap">
            <Table zebra className="intervention-figures">
              <caption className="ds-sr-only">{t('interventions.figures.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('interventions.figures.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('interventions.figures.value')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[
                  ['signal', longDate(figures.signalOn)],
                  ['toAccepted', daysText(t, figures.daysToFirstAcceptedHandover, figures.firstAcceptedHandoverOn, longDate)],
                  ['toStarted', daysText(t, figures.daysToFirstStarted, figures.firstStartedOn, longDate)],
                  ['feedbackOnTime', String(figures.feedbackOnTime)],
                  ['feedbackLate', String(figures.feedbackLate)],
                  ['feedbackPending', String(figures.feedbackPending)],
                ].map(([key, value]) => (
                  <Table.Row key={key}>
                    <Table.HeaderCell scope="row">{t(`interventions.figures.${key}`)}</Table.HeaderCell>
                    <Table.Cell>{value}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Heading level={3} data-size="xs">
            {t('interventions.figures.endReasons')}
          </Heading>
          {ended.length === 0 ? (
            <Paragraph>{t('interventions.figures.noneEnded')}</Paragraph>
          ) : (
            <ul aria-label={t('interventions.figures.endReasons')}>
              {ended.map((r) => (
                <li key={r}>{t('interventions.figures.endReasonCount', { reason: labels.endReason(r), count: figures.endReasons[r] })}</li>
              ))}
            </ul>
          )}
          <Paragraph data-size="sm" className="muted">
            {t('interventions.figures.computedOn', { date: longDate(figures.computedOn) })}
          </Paragraph>
        </>
      )}
    </section>
  );
}

/** "Vilka hjälper oss?": people with a role in the case, and accepted or started interventions. */
function Helpers({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const labels = useInterventionLabels();
  const helpers = useCaseHelpers(caseId);
  const data = helpers.data;
  const contact = (email: string | null, phone: string | null = null) => (
    <>
      {email && (
        <>
          {', '}
          <Link href={`mailto:${email}`}>{email}</Link>
        </>
      )}
      {phone && `, ${phone}`}
    </>
  );
  return (
    <section aria-labelledby={HELPERS_HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={HELPERS_HEADING_ID}>
        {t('interventions.helpers.heading')}
      </Heading>
      <Paragraph>{t('interventions.helpers.intro')}</Paragraph>
      {helpers.isPending && <Loading />}
      {helpers.isError && <FormAlert error={helpers.error} level={3} />}
      {data && (
        <>
          {data.protectedIdentity && <Paragraph>{t('interventions.helpers.protected')}</Paragraph>}
          <Heading level={3} data-size="xs">
            {t('interventions.helpers.people')}
          </Heading>
          {data.people.length === 0 ? (
            <Paragraph>{t('interventions.helpers.noPeople')}</Paragraph>
          ) : (
            <ul aria-label={t('interventions.helpers.peopleLabel')}>
              {data.people.map((p, i) => (
                <li key={`${p.name}-${p.role}-${i}`}>
                  <strong>{p.name}</strong>, {p.role}
                  {p.unit && `, ${p.unit}`}
                  {contact(p.email)}
                </li>
              ))}
            </ul>
          )}
          <Heading level={3} data-size="xs">
            {t('interventions.helpers.interventions')}
          </Heading>
          {data.interventions.length === 0 ? (
            <Paragraph>{t('interventions.helpers.noInterventions')}</Paragraph>
          ) : (
            <ul aria-label={t('interventions.helpers.interventionsLabel')}>
              {data.interventions.map((i) => (
                <li key={i.id}>
                  <strong>{i.name}</strong> ({labels.status(i.status).toLowerCase()}){i.unit && `, ${i.unit}`}
                  {contact(i.email, i.phone)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** The "Insatser" tab: warnings first, the interventions with their hand-overs and steps, a proposal, the figures and who helps. */
export function InterventionsTab() {
  const { t } = useTranslation();
  const { c, announce } = useCaseContext();
  const query = useCaseInterventions(c.id);
  const refresh = useRefreshInterventions();
  const [proposing, setProposing] = useState(false);
  const [proposedId, setProposedId] = useState<string | null>(null);
  const data = query.data;

  const onProposed = async (saved: Intervention) => {
    // Before the list is fetched again: the new item mounts with its hand-over form open.
    setProposedId(saved.id);
    await refresh(c.id);
    setProposing(false);
    announce(
      saved.mayDo.includes('request')
        ? t('interventions.propose.doneRequest', { name: saved.name, unit: saved.provider.name })
        : t('interventions.propose.done', { name: saved.name }),
    );
    focusLater(saved.mayDo.includes('request') ? handoverMessageId(saved.id) : interventionHeadingId(saved.id));
  };

  return (
    <div className="tab-content">
      <section aria-labelledby={HEADING_ID} className="section">
        <Heading level={2} data-size="md" id={HEADING_ID}>
          {t('interventions.heading')}
        </Heading>
        {query.isPending && <Loading />}
        {query.isError && <FormAlert error={query.error} level={3} />}
        {data && (
          <>
            <CaseWarnings warnings={data.warnings} />
            <Paragraph>{t('interventions.intro')}</Paragraph>
            {data.mayPropose && (
              <div className="page-actions">
                <Button
                  id={PROPOSE_BUTTON_ID}
                  type="button"
                  variant="secondary"
                  aria-expanded={proposing}
                  onClick={() => {
                    announce(null);
                    setProposing(!proposing);
                    if (!proposing) focusLater(PROPOSE_HEADING_ID);
                  }}
                >
                  {t('interventions.propose.open')}
                </Button>
              </div>
            )}
            {proposing && (
              <ProposeForm
                caseId={c.id}
                onProposed={onProposed}
                onCancel={() => {
                  setProposing(false);
                  focusLater(PROPOSE_BUTTON_ID);
                }}
              />
            )}
            {data.items.length === 0 ? (
              <Paragraph>{t('interventions.none')}</Paragraph>
            ) : (
              <ul className="intervention-list" aria-label={t('interventions.listLabel')}>
                {data.items.map((item) => (
                  <InterventionItem
                    key={item.id}
                    item={item}
                    subject={item.name}
                    headingLevel={3}
                    announce={announce}
                    initialStep={item.id === proposedId ? 'request' : null}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {data && <Figures figures={data.figures} />}
      <Helpers caseId={c.id} />
    </div>
  );
}
