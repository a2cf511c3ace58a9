import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { AgeBand } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { SavedStatus } from '../admin/Editor';
import { useCaseLabels } from '../cases/labels';
import { interventionsTabLink, useHandoverInbox, type InboxItem } from './api';
import { InterventionItem } from './InterventionItem';
import './interventions.css';

const OPEN_HEADING_ID = 'handovers-open-heading';
const ANSWERED_HEADING_ID = 'handovers-answered-heading';

function InboxEntry({ item, announce }: { item: InboxItem; announce: (message: string | null) => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const subject = t('interventions.inbox.subject', { name: item.name, pseudonym: item.case.pseudonym });
  return (
    <InterventionItem item={item} subject={subject} headingLevel={3} announce={announce}>
      <dl className="intervention__facts">
        <div>
          <dt>{t('interventions.inbox.case')}</dt>
          <dd>
            {item.case.childName
              ? t('interventions.inbox.caseWithChild', { pseudonym: item.case.pseudonym, child: item.case.childName })
              : item.case.pseudonym}{' '}
            ({labels.ageBand(item.case.ageBand as AgeBand)})
          </dd>
        </div>
      </dl>
      <Paragraph>
        <Link asChild>
          <RouterLink to={interventionsTabLink(item.case.id)} aria-label={t('interventions.inbox.openLabel', { pseudonym: item.case.pseudonym })}>
            {t('interventions.inbox.open')}
          </RouterLink>
        </Link>
      </Paragraph>
    </InterventionItem>
  );
}

/** "Överlämningar till oss": hand-overs addressed to the acting unit, unanswered first, with the answer-by date. */
export function HandoverInboxPage() {
  const { t } = useTranslation();
  const inbox = useHandoverInbox();
  const [status, setStatus] = useState<string | null>(null);
  const items = inbox.data?.items ?? [];
  const open = items.filter((i) => i.handover?.status === 'requested');
  const answered = items.filter((i) => i.handover?.status !== 'requested');

  return (
    <>
      <PageHeading>{t('interventions.inbox.title')}</PageHeading>
      <Paragraph>{t('interventions.inbox.intro')}</Paragraph>
      <SavedStatus message={status} />
      {inbox.isPending && <Loading />}
      {inbox.isError && <FormAlert error={inbox.error} />}
      {inbox.isSuccess && (
        <>
          <section aria-labelledby={OPEN_HEADING_ID} className="section">
            <Heading level={2} data-size="md" id={OPEN_HEADING_ID}>
              {t('interventions.inbox.openHeading')}
            </Heading>
            {open.length === 0 ? (
              <Paragraph>{t('interventions.inbox.noneOpen')}</Paragraph>
            ) : (
              <ul className="intervention-list" aria-label={t('interventions.inbox.openHeading')}>
                {open.map((item) => (
                  <InboxEntry key={item.id} item={item} announce={setStatus} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby={ANSWERED_HEADING_ID} className="section">
            <Heading level={2} data-size="md" id={ANSWERED_HEADING_ID}>
              {t('interventions.inbox.answeredHeading')}
            </Heading>
            {answered.length === 0 ? (
              <Paragraph>{t('interventions.inbox.noneAnswered')}</Paragraph>
            ) : (
              <ul className="intervention-list" aria-label={t('interventions.inbox.answeredHeading')}>
                {answered.map((item) => (
                  <InboxEntry key={item.id} item={item} announce={setStatus} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
