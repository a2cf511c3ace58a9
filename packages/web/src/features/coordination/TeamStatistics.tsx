import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { todaySv } from '../cases/api';
import { useTeamStatistics, type Count, type FamilyFeedbackMonth } from '../meetings/api';

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

/**
 * The family portal's "Blev du lyssnad på?" and "Förstod du vad som bestämdes?" per month. The
 * answers are anonymous, and a count under 5 is never shown (the server does not send it).
 */
function FamilyFeedbackTable({ term, months }: { term: string; months: FamilyFeedbackMonth[] }) {
  const { t, i18n } = useTranslation();
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shown = (c: Count) => (c.value === null ? t('coordination.statistics.family.fewerThanFive') : c.display);
  const headingId = `statistics-family-${term}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('coordination.statistics.family.heading')}
      </Heading>
      <Paragraph>{t('coordination.statistics.family.intro')}</Paragraph>
      {months.length === 0 ? (
        <Paragraph>{t('coordination.statistics.family.none')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra>
            <caption>{t('coordination.statistics.family.caption', { term })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('coordination.statistics.family.month')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.statistics.family.question')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.statistics.family.yes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.statistics.family.partly')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coordination.statistics.family.no')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {months.flatMap((m) =>
                (['listened', 'understood'] as const).map((q) => (
                  <Table.Row key={`${m.period}-${q}`}>
                    <Table.HeaderCell scope="row">{monthName.format(new Date(`${m.period}T00:00:00Z`))}</Table.HeaderCell>
                    <Table.HeaderCell scope="row">{t(`coordination.statistics.family.${q}`)}</Table.HeaderCell>
                    <Table.Cell className="nowrap">{shown(m[q].yes)}</Table.Cell>
                    <Table.Cell className="nowrap">{shown(m[q].partly)}</Table.Cell>
                    <Table.Cell className="nowrap">{shown(m[q].no)}</Table.Cell>
                  </Table.Row>
                )),
              )}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

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
      {s && <FamilyFeedbackTable term={s.term} months={s.familyFeedback ?? []} />}
    </section>
  );
}
