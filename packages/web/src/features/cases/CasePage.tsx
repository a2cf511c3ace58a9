import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Link, Paragraph, Tabs, Tag } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import type { CaseDetail, ConsentNotice } from '../../api/types';
import { useLocalize } from '../../i18n/localize';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { SavedStatus } from '../admin/Editor';
import { acknowledgeNotice, useCase } from './api';
import { CASE_TABS, CaseContext, caseTabId, focusLater, useCaseContext, useStoreCase, type CaseContextValue, type CaseTab } from './caseContext';
import { CaseOverview } from './CaseOverview';
import { ConsentTab } from './ConsentTab';
import { Chronology } from './Chronology';
import { WheelTab } from '../plans/WheelTab';
import { PlanTab } from '../plans/PlanTab';
import { InterventionsTab } from '../interventions/InterventionsTab';
import { stateColor, useCaseLabels, useDateFormat } from './labels';
import type { SavedCaseState } from './NewConsultationPage';

type TabValue = CaseTab;
const TABS = CASE_TABS;
/** `?flik=plan` opens a tab directly (e.g. "Öppna planen" in Mina uppgifter, `?flik=insatser` from a warning). */
const TAB_PARAM = 'flik';
const isTab = (value: string | null): value is TabValue => value !== null && (TABS as readonly string[]).includes(value);
const TAB_KEYS: Record<TabValue, string> = {
  oversikt: 'case.tabs.overview',
  samtycke: 'case.tabs.consent',
  hjulet: 'case.tabs.wheel',
  plan: 'case.tabs.plan',
  insatser: 'case.tabs.interventions',
  kronologi: 'case.tabs.chronology',
};

function CaseFacts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const date = useDateFormat();
  const items: DefinitionItem[] = [
    {
      term: t('case.state'),
      value: (
        <Tag data-size="sm" data-color={stateColor(c.state)}>
          {labels.state(c.state)}
        </Tag>
      ),
    },
    { term: t('case.owningUnit'), value: c.owningUnit.name },
    { term: t('case.ageBand'), value: labels.ageBand(c.ageBand) },
  ];
  if (c.closing) {
    items.push({
      term: t('case.closedOn', { date: date(c.closing.closedAt) }),
      value: [labels.closingReason(c.closing.reason), c.closing.text].filter(Boolean).join(': '),
    });
  }
  return <DefinitionList items={items} />;
}

/** Why the acting unit may see the case, in the server's words (owner, consent or role). */
function AccessReason({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <Alert data-color="info" className="access-reason">
      <Heading level={2} data-size="xs">
        {t('case.accessHeading')}
      </Heading>
      <Paragraph>{localize(c.access.reasonSv, c.access.reasonEn)}</Paragraph>
    </Alert>
  );
}

/** A withdrawn consent the acting unit must acknowledge. */
function NoticeAlert({ notice }: { notice: ConsentNotice }) {
  const { t } = useTranslation();
  const date = useDateFormat();
  const { reload, announce } = useCaseContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onAcknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await acknowledgeNotice(notice.id);
      await reload();
      announce(t('case.acknowledged'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert data-color="warning">
      <Heading level={2} data-size="xs">
        {t('case.noticeTitle')}
      </Heading>
      <Paragraph>{t('case.noticeText', { unit: notice.unit.name, date: date(notice.createdAt) })}</Paragraph>
      <FormAlert error={error} level={3} />
      <Button type="button" variant="secondary" loading={busy} onClick={() => void onAcknowledge()}>
        {t('case.acknowledge')}
      </Button>
    </Alert>
  );
}

function CaseView({ c, reload }: { c: CaseDetail; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const storeCase = useStoreCase();
  const [saved, setSaved] = useState<string | null>(null);
  const [searchParams] = useSearchParams();
  const requested = searchParams.get(TAB_PARAM);
  const [tab, setTab] = useState<TabValue>(isTab(requested) ? requested : 'oversikt');

  // After creating a consultation, the new page announces "Konsultationen är sparad." once.
  const savedMessage = (location.state as SavedCaseState | null)?.savedMessage;
  useEffect(() => {
    if (!savedMessage) return;
    setSaved(savedMessage);
    navigate(location.pathname, { replace: true, state: null });
  }, [savedMessage, navigate, location.pathname]);

  const context = useMemo<CaseContextValue>(
    () => ({
      c,
      store: (fresh, message) => {
        storeCase(fresh);
        setSaved(message ?? null);
      },
      announce: setSaved,
      reload,
      openTab: (value) => {
        setTab(value);
        focusLater(caseTabId(value));
      },
    }),
    [c, storeCase, reload],
  );

  return (
    <CaseContext.Provider value={context}>
      <PageHeading title={t('case.documentTitle', { pseudonym: c.pseudonym })}>{c.pseudonym}</PageHeading>
      <SavedStatus message={saved} />
      <CaseFacts c={c} />
      <AccessReason c={c} />
      {c.openNotices.map((n) => (
        <NoticeAlert key={n.id} notice={n} />
      ))}
      <Tabs value={tab} onChange={(value) => setTab(value as TabValue)} className="case-tabs">
        <Tabs.List aria-label={t('case.tabs.label')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} id={caseTabId(value)}>
              {t(TAB_KEYS[value])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="oversikt">{tab === 'oversikt' && <CaseOverview />}</Tabs.Panel>
        <Tabs.Panel value="samtycke">{tab === 'samtycke' && <ConsentTab />}</Tabs.Panel>
        <Tabs.Panel value="hjulet">{tab === 'hjulet' && <WheelTab />}</Tabs.Panel>
        <Tabs.Panel value="plan">{tab === 'plan' && <PlanTab />}</Tabs.Panel>
        <Tabs.Panel value="insatser">{tab === 'insatser' && <InterventionsTab />}</Tabs.Panel>
        <Tabs.Panel value="kronologi">{tab === 'kronologi' && <Chronology />}</Tabs.Panel>
      </Tabs>
    </CaseContext.Provider>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCase(id);

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/arenden">{t('case.back')}</RouterLink>
      </Link>
    </Paragraph>
  );

  if (query.isPending) {
    return (
      <>
        <PageHeading>{t('case.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t('case.notFound') : t('case.title')}</PageHeading>
        {notFound ? <Paragraph>{t('case.notFoundText')}</Paragraph> : <FormAlert error={query.error} />}
        {back}
      </>
    );
  }
  return (
    <>
      {back}
      <CaseView key={query.data.id} c={query.data} reload={query.refetch} />
    </>
  );
}
