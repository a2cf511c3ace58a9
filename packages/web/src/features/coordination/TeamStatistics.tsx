import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { todaySv } from '../cases/api';
import { useTeamStatistics, type Count } from '../meetings/api';

/** A school term: VT = January–June, HT = July–December. */
export function termOf(date: string): string {
  return `${Number(date.slice(5, 7)) <= 6 ? 'VT' : 'HT'}${date.slice(0, 4)}`;
}

/** The term before (step -1) or after (step 1) a term: VT2027 ↔ HT2026. */
export function shiftTerm(term: string, step: -1 | 1): string {
  const half = term.slice(0, 2);
  const year = Number(term.slice(2));
  if (step === -1) return half === 'VT' ? `HT${year - 1}` : `VT${year}`;
  return half === 'VT' ? `HT${year}` : `VT${year + 1}`;
}

/** The next term (planned meetings), the current one and the two before it, newest first. */
export function termChoices(today: string): { choices: string[]; current: string } {
  const current = termOf(today);
  const previous = shiftTerm(current, -1);
  return { choices: [shiftTerm(current, 1), current, previous, shiftTerm(previous, -1)], current };
}

type Row = [key: string, count: Count];

/** "Teamets statistik" for a term: counts only, small ones shown as "<5" by the server. */
export function StatisticsSection({ team }: { team: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [{ choices, current }] = useState(() => termChoices(todaySv()));
  const [term, setTerm] = useState(current);
  const stats = useTeamStatistics(team.id, term);
  const headingId = `statistics-${team.id}`;
  const s = stats.data;
  const termLabel = (v: string) =>
    t(v.startsWith('HT') ? 'coordination.statistics.termHT' : 'coordination.statistics.termVT', { year: v.slice(2), term: v });
  const rows: Row[] = s
    ? [
        ['meetingsHeld', s.meetings.held],
        ['meetingsCancelled', s.meetings.cancelled],
        ['meetingsUpcoming', s.meetings.upcoming],
        ['itemsAnonymous', s.items.anonymous],
        ['itemsCase', s.items.case],
        ['itemsTopic', s.items.topic],
        ['decisionsDue', s.decisions.due],
        ['decisionsOnTime', s.decisions.onTime],
        ['decisionsLate', s.decisions.late],
        ['decisionsNobodysJob', s.decisions.nobodysJob],
        ['feedbackDue', s.feedback.due],
        ['feedbackOnTime', s.feedback.onTime],
        ['feedbackLate', s.feedback.late],
      ]
    : [];
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('coordination.statistics.heading', { team: team.name })}
      </Heading>
      <Paragraph>{t('coordination.statistics.intro')}</Paragraph>
      <SelectField label={t('coordination.statistics.term')} value={term} width="auto" onChange={(e) => setTerm(e.target.value)}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {termLabel(c)}
          </option>
        ))}
      </SelectField>
      {stats.isPending && <Loading />}
      {stats.isError && <FormAlert error={stats.error} level={3} />}
      {s && (
        <div className="table-wrap" aria-busy={stats.isFetching}>
          <Table zebra>
            <caption>{t('coordination.statistics.caption', { term: s.term })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('coordination.statistics.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.statistics.count')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map(([key, count]) => (
                <Table.Row key={key}>
                  <Table.HeaderCell scope="row">{t(`coordination.statistics.${key}`)}</Table.HeaderCell>
                  <Table.Cell className="nowrap">{count.display}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
