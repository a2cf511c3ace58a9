import { Fragment } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { useCoordinatorOverview } from '../cases/api';
import { CaseTable } from '../cases/CaseTable';
import { useDateFormat } from '../cases/labels';
import { useMyTeams } from '../meetings/api';
import { FollowUpSection } from './TeamFollowUp';
import { StatisticsSection } from './TeamStatistics';
import { OverdueFollowUpTable } from '../plans/OverdueFollowUps';
import { InterventionWarningsSection } from '../interventions/WarningsSection';

const caseLink = (id: string) => `/arenden/${encodeURIComponent(id)}`;

/**
 * "Samordnaröversikt": cases awaiting consent, consents about to expire, acknowledgements not yet
 * made, plans of the unit whose follow-up is overdue, warnings about interventions, and per team
 * the user is samordnare of: the follow-up of decisions and the team's statistics.
 */
export function CoordinationPage() {
  const { t } = useTranslation();
  const date = useDateFormat();
  const overview = useCoordinatorOverview();
  const data = overview.data;
  const teams = (useMyTeams().data?.items ?? []).filter((team) => team.isSamordnare);

  return (
    <>
      <PageHeading>{t('coordination.title')}</PageHeading>
      <Paragraph>{t('coordination.intro')}</Paragraph>
      {overview.isPending && <Loading />}
      {overview.isError && <FormAlert error={overview.error} />}
      {data && (
        <>
          <section aria-labelledby="awaiting-heading" className="section">
            <Heading level={2} data-size="md" id="awaiting-heading">
              {t('coordination.awaiting')}
            </Heading>
            {data.awaitingConsent.length === 0 ? (
              <Paragraph>{t('coordination.awaitingNone')}</Paragraph>
            ) : (
              <CaseTable items={data.awaitingConsent} caption={t('coordination.awaiting')} />
            )}
          </section>
          <section aria-labelledby="expiring-heading" className="section">
            <Heading level={2} data-size="md" id="expiring-heading">
              {t('coordination.expiring')}
            </Heading>
            {data.expiringConsents.length === 0 ? (
              <Paragraph>{t('coordination.expiringNone')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table zebra>
                  <caption className="ds-sr-only">{t('coordination.expiring')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('coordination.pseudonym')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('coordination.validUntil')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.expiringConsents.map((e) => (
                      <Table.Row key={e.consentId}>
                        <Table.Cell>
                          <Link asChild>
                            <RouterLink to={caseLink(e.caseId)}>{e.pseudonym}</RouterLink>
                          </Link>
                        </Table.Cell>
                        <Table.Cell>{e.validUntil}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>
          <section aria-labelledby="notices-heading" className="section">
            <Heading level={2} data-size="md" id="notices-heading">
              {t('coordination.notices')}
            </Heading>
            {data.openNotices.length === 0 ? (
              <Paragraph>{t('coordination.noticesNone')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table zebra>
                  <caption className="ds-sr-only">{t('coordination.notices')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('coordination.pseudonym')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('coordination.unit')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('coordination.date')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.openNotices.map((n) => (
                      <Table.Row key={n.id}>
                        <Table.Cell>
                          <Link asChild>
                            <RouterLink to={caseLink(n.caseId)}>{n.pseudonym}</RouterLink>
                          </Link>
                        </Table.Cell>
                        <Table.Cell>{n.unit.name}</Table.Cell>
                        <Table.Cell>{date(n.createdAt)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>
          <section aria-labelledby="plan-follow-ups-heading" className="section">
            <Heading level={2} data-size="md" id="plan-follow-ups-heading">
              {t('coordination.planFollowUps')}
            </Heading>
            {(data.overdueFollowUps ?? []).length === 0 ? (
              <Paragraph>{t('coordination.planFollowUpsNone')}</Paragraph>
            ) : (
              <OverdueFollowUpTable items={data.overdueFollowUps ?? []} caption={t('coordination.planFollowUps')} />
            )}
          </section>
          <InterventionWarningsSection />
        </>
      )}
      {teams.map((team) => (
        <Fragment key={team.id}>
          <FollowUpSection team={team} />
          <StatisticsSection team={team} />
        </Fragment>
      ))}
    </>
  );
}
