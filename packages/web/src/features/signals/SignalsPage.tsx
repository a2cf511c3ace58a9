import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Signal } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { SavedStatus } from '../admin/Editor';
import { useCaseLabels, useDateFormat } from '../cases/labels';
import { useSignals, type SignalBox } from './api';
import type { SentSignalState } from './SignalFormPage';

function SignalTable({ box, items }: { box: SignalBox; items: Signal[] }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const date = useDateFormat();
  const caption = box === 'sent' ? t('signals.sent') : t('signals.received');
  return (
    <div className="table-wrap">
      <Table zebra>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('signals.date')}</Table.HeaderCell>
            <Table.HeaderCell>{box === 'sent' ? t('signals.to') : t('signals.from')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.raisedBy')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.child')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.noticed')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.kinds')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.urgency')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.reportOfConcern')}</Table.HeaderCell>
            <Table.HeaderCell>{t('signals.case')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell className="nowrap">{date(s.createdAt)}</Table.Cell>
              <Table.Cell>{box === 'sent' ? s.recipientUnit.name : s.owningUnit.name}</Table.Cell>
              <Table.Cell>{s.raisedByName}</Table.Cell>
              <Table.Cell>{s.child ? s.child.name : <span className="muted">{t('signals.anonymous')}</span>}</Table.Cell>
              <Table.Cell className="text-cell">{s.noticed}</Table.Cell>
              <Table.Cell>{s.signalKinds.map(labels.signalKind).join(', ')}</Table.Cell>
              <Table.Cell>
                <Tag data-size="sm" data-color={s.urgency === 'akut' || s.urgency === 'hog' ? 'danger' : 'neutral'}>
                  {labels.urgency(s.urgency)}
                </Tag>
              </Table.Cell>
              <Table.Cell>{labels.reportOfConcern(s.reportOfConcern)}</Table.Cell>
              <Table.Cell>
                {s.caseId ? (
                  <Link asChild>
                    <RouterLink to={`/arenden/${encodeURIComponent(s.caseId)}`}>{t('signals.openCase')}</RouterLink>
                  </Link>
                ) : box === 'received' ? (
                  <Link asChild>
                    <RouterLink to={`/konsultation/ny?signal=${encodeURIComponent(s.id)}`}>{t('signals.openConsultation')}</RouterLink>
                  </Link>
                ) : (
                  <span className="muted">{t('signals.noCase')}</span>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function SignalSection({ box }: { box: SignalBox }) {
  const { t } = useTranslation();
  const signals = useSignals(box);
  const headingId = `signals-${box}-heading`;
  const items = signals.data?.items;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {box === 'sent' ? t('signals.sent') : t('signals.received')}
      </Heading>
      {signals.isPending && <Loading />}
      {signals.isError && <FormAlert error={signals.error} />}
      {items && items.length === 0 && <Paragraph>{box === 'sent' ? t('signals.noneSent') : t('signals.noneReceived')}</Paragraph>}
      {items && items.length > 0 && <SignalTable box={box} items={items} />}
    </section>
  );
}

/** "Signaler": the signals the acting unit has sent and received. */
export function SignalsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<string | null>(null);

  // After sending, the form page announces "Signalen är skickad till …" once.
  const sentTo = (location.state as SentSignalState | null)?.sentTo;
  useEffect(() => {
    if (!sentTo) return;
    setSaved(t('signalForm.sent', { unit: sentTo }));
    navigate(location.pathname, { replace: true, state: null });
  }, [sentTo, navigate, location.pathname, t]);

  return (
    <>
      <PageHeading>{t('signals.title')}</PageHeading>
      <SavedStatus message={saved} />
      <Paragraph>{t('signals.intro')}</Paragraph>
      <SignalSection box="sent" />
      <SignalSection box="received" />
    </>
  );
}
