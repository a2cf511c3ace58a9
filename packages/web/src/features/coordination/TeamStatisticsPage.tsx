import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { useStatisticsAccess } from '../meetings/api';
import { StatisticsSection } from './TeamStatistics';

/**
 * "Teamstatistik": per term, the counts for every team whose statistics the user may see – as the
 * team's samordnare, or as chef of a unit in the team. Counts only; small ones are shown as "<5".
 */
export function TeamStatisticsPage() {
  const { t } = useTranslation();
  const access = useStatisticsAccess();
  const teams = access.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('teamStatistics.title')}</PageHeading>
      <Paragraph>{t('teamStatistics.intro')}</Paragraph>
      {access.isPending && <Loading />}
      {access.isError && <FormAlert error={access.error} />}
      {access.isSuccess && teams.length === 0 && <Paragraph>{t('teamStatistics.none')}</Paragraph>}
      {teams.map((team) => (
        <StatisticsSection key={team.id} team={team} />
      ))}
    </>
  );
}
