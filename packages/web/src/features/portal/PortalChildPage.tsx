import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, Link as RouterLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import { useLocalize } from '../../i18n/localize';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import {
  usePortalConsents,
  usePortalHelpers,
  usePortalReadLog,
  type PortalChild,
  type PortalConsent,
  type PortalConsentStatus,
  type PortalRelation,
} from './api';
import { ConsentIcon, EyeIcon, PeopleIcon } from './icons';
import { useSignedInPortalMe } from './PortalLayout';

/** How many "Vem har läst om oss?" rows are shown at first and per "Visa fler". */
const READ_LOG_PAGE = 20;

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/** An ISO date (YYYY-MM-DD) in words, e.g. "23 november 2026". */
function useDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
  return (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : format.format(d);
  };
}

const STATUS_COLOR: Record<PortalConsentStatus, 'success' | 'warning' | 'neutral' | 'danger'> = {
  active: 'success',
  pending: 'warning',
  expired: 'neutral',
  withdrawn: 'danger',
};

/** A section with a heading and a decorative icon; the heading carries the meaning. */
function Section({ id, icon, title, children }: { id: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <section className="portal-section" aria-labelledby={id}>
      <div className="portal-section__head">
        {icon}
        <Heading level={2} data-size="md" id={id}>
          {title}
        </Heading>
      </div>
      {children}
    </section>
  );
}

function Contact({ email, phone }: { email: string | null; phone?: string | null }) {
  return (
    <span className="portal-contact">
      {email && <Link href={`mailto:${email}`}>{email}</Link>}
      {phone && <Link href={telHref(phone)}>{phone}</Link>}
    </span>
  );
}

function Helpers({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const helpers = usePortalHelpers(child);
  return (
    <Section id="portal-helpers" icon={<PeopleIcon />} title={t(`portal.helpers.title.${relation}`)}>
      {helpers.isPending && <Loading text={t('portal.loading')} />}
      {helpers.isError && <FormAlert error={helpers.error} level={3} />}
      {helpers.data && (
        <>
          <Heading level={3} data-size="sm">
            {t('portal.helpers.peopleTitle')}
          </Heading>
          {helpers.data.people.length === 0 ? (
            <Paragraph>{t('portal.helpers.noPeople')}</Paragraph>
          ) : (
            <ul className="portal-list">
              {helpers.data.people.map((p) => {
                const items: DefinitionItem[] = [
                  { term: t('portal.helpers.role'), value: p.role },
                  { term: t('portal.helpers.unit'), value: p.unit },
                ];
                if (p.email) items.push({ term: t('portal.helpers.email'), value: <Contact email={p.email} /> });
                return (
                  <li key={`${p.name}|${p.role}|${p.unit}`} className="portal-item">
                    <p className="portal-item__title">{p.name}</p>
                    <DefinitionList items={items} />
                  </li>
                );
              })}
            </ul>
          )}
          <Heading level={3} data-size="sm">
            {t('portal.helpers.supportTitle')}
          </Heading>
          {helpers.data.support.length === 0 ? (
            <Paragraph>{t('portal.helpers.noSupport')}</Paragraph>
          ) : (
            <ul className="portal-list">
              {helpers.data.support.map((s, i) => {
                const items: DefinitionItem[] = [
                  { term: t('portal.helpers.supportUnit'), value: s.unit },
                  { term: t('portal.helpers.status'), value: s.statusLabel },
                ];
                if (s.email || s.phone) items.push({ term: t('portal.helpers.contact'), value: <Contact email={s.email} phone={s.phone} /> });
                return (
                  <li key={`${s.name}|${s.unit}|${i}`} className="portal-item">
                    <p className="portal-item__title">{s.name}</p>
                    <DefinitionList items={items} />
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function ConsentCard({ consent }: { consent: PortalConsent }) {
  const { t } = useTranslation();
  const date = useDate();
  const headingId = `portal-consent-${consent.id}`;
  const list = (values: string[]) =>
    values.length === 0 ? (
      t('portal.consents.nothing')
    ) : (
      <ul className="portal-plain-list">
        {values.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
    );
  const items: DefinitionItem[] = [
    { term: t('portal.consents.purpose'), value: consent.purpose },
    { term: t('portal.consents.units'), value: list(consent.units) },
    { term: t('portal.consents.about'), value: list(consent.about) },
    { term: t('portal.consents.until'), value: date(consent.validUntil) },
  ];
  return (
    <Card asChild className="portal-card">
      <article aria-labelledby={headingId}>
        <Heading level={3} data-size="sm" id={headingId}>
          {t('portal.consents.heading', { date: date(consent.validFrom) })}
        </Heading>
        <div className="portal-status">
          <Tag data-size="sm" data-color={STATUS_COLOR[consent.status]}>
            {t(`portal.consents.status.${consent.status}`)}
          </Tag>
          <Paragraph>{consent.statusText}</Paragraph>
        </div>
        <DefinitionList items={items} />
        {consent.myAnswer && (
          <Paragraph>
            {t('portal.consents.myAnswer', {
              answer: t(`portal.consents.answers.${consent.myAnswer}`, { defaultValue: consent.myAnswer }),
            })}
          </Paragraph>
        )}
      </article>
    </Card>
  );
}

function Consents({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const consents = usePortalConsents(child);
  return (
    <Section id="portal-consents" icon={<ConsentIcon />} title={t('portal.consents.title')}>
      <Paragraph>{t(`portal.consents.intro.${relation}`)}</Paragraph>
      {consents.isPending && <Loading text={t('portal.loading')} />}
      {consents.isError && <FormAlert error={consents.error} level={3} />}
      {consents.data &&
        (consents.data.length === 0 ? (
          <Paragraph>{t('portal.consents.none')}</Paragraph>
        ) : (
          <ul className="portal-list">
            {consents.data.map((c) => (
              <li key={c.id}>
                <ConsentCard consent={c} />
              </li>
            ))}
          </ul>
        ))}
      <Paragraph>{t(`portal.consents.change.${relation}`)}</Paragraph>
    </Section>
  );
}

function ReadLog({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const date = useDate();
  const log = usePortalReadLog(child);
  const [shown, setShown] = useState(READ_LOG_PAGE);
  const [status, setStatus] = useState('');
  const firstNew = useRef<HTMLLIElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const items = log.data?.items ?? [];

  useEffect(() => {
    if (focusIndex !== null) firstNew.current?.focus();
  }, [focusIndex]);

  const showMore = () => {
    const next = Math.min(shown + READ_LOG_PAGE, items.length);
    setFocusIndex(shown);
    setShown(next);
    setStatus(t('portal.readLog.showing', { shown: next, total: items.length }));
  };

  return (
    <Section id="portal-read-log" icon={<EyeIcon />} title={t(`portal.readLog.title.${relation}`)}>
      <Paragraph>{t(`portal.readLog.intro.${relation}`)}</Paragraph>
      {log.isPending && <Loading text={t('portal.loading')} />}
      {log.isError && <FormAlert error={log.error} level={3} />}
      {log.data && !log.data.staffNamesShown && <Paragraph>{t('portal.readLog.namesHidden')}</Paragraph>}
      {log.data && items.length === 0 && <Paragraph>{t(`portal.readLog.none.${relation}`)}</Paragraph>}
      {items.length > 0 && (
        <ul className="portal-list" aria-labelledby="portal-read-log">
          {items.slice(0, shown).map((r, i) => {
            const rows: DefinitionItem[] = [
              { term: t('portal.readLog.unit'), value: r.unit },
              { term: t('portal.readLog.role'), value: r.role || t('portal.readLog.unknownRole') },
            ];
            if (r.name) rows.push({ term: t('portal.readLog.name'), value: r.name });
            rows.push({ term: t('portal.readLog.purpose'), value: r.purpose }, { term: t('portal.readLog.consent'), value: r.consent });
            return (
              <li key={i} className="portal-item" ref={i === focusIndex ? firstNew : undefined} tabIndex={i === focusIndex ? -1 : undefined}>
                <p className="portal-item__title">{t('portal.readLog.when', { date: date(r.date), what: r.what })}</p>
                <DefinitionList items={rows} />
              </li>
            );
          })}
        </ul>
      )}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
      {items.length > shown && (
        <div>
          <Button type="button" variant="secondary" className="portal-touch" onClick={showMore}>
            {t('portal.readLog.showMore')}
          </Button>
        </div>
      )}
    </Section>
  );
}

/** The reason none of the child's information is shown (an 18-year-old, an unknown child). */
function Refused({ title, text }: { title: string; text: string }) {
  return (
    <Alert data-color="info">
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

/** 403/404/401 from any of the child's reads decide the whole page. */
function useBlockingError(child: string) {
  const helpers = usePortalHelpers(child);
  const consents = usePortalConsents(child);
  const readLog = usePortalReadLog(child);
  return [helpers.error, consents.error, readLog.error].find((e) => isApiError(e) && [401, 403, 404].includes(e.status)) ?? null;
}

function ChildContent({ child }: { child: PortalChild }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const blocking = useBlockingError(child.id);
  if (isApiError(blocking) && blocking.status === 401) return <Navigate to="/portal/logga-in" replace />;
  if (isApiError(blocking) && blocking.status === 403)
    return (
      <Refused
        title={t('portal.child.adultTitle')}
        text={localize(blocking.detail, blocking.detailEn) || t('portal.home.adult', { name: child.givenName })}
      />
    );
  if (blocking) return <Refused title={t('portal.child.notFoundTitle')} text={t('portal.child.notFoundText')} />;
  return (
    <>
      <Helpers child={child.id} relation={child.relation} />
      <Consents child={child.id} relation={child.relation} />
      <ReadLog child={child.id} relation={child.relation} />
    </>
  );
}

/**
 * /portal/barn/:child: "Vilka hjälper oss?", "Samtycken" and "Vem har läst om oss?" for one
 * linked child, in plain Swedish. For the child themselves: "mig" instead of "oss".
 */
export function PortalChildPage() {
  const { t } = useTranslation();
  const me = useSignedInPortalMe();
  const { child: handle = '' } = useParams();
  const child = me.children.find((c) => c.id === handle);
  const onlySelf = me.children.length === 1 && me.children[0]?.relation === 'self';
  const back = !onlySelf && (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/portal">{t('portal.child.back')}</RouterLink>
      </Link>
    </Paragraph>
  );

  if (!child)
    return (
      <>
        <PageHeading>{t('portal.child.notFoundTitle')}</PageHeading>
        <Paragraph>{t('portal.child.notFoundText')}</Paragraph>
        {back}
      </>
    );

  const self = child.relation === 'self';
  return (
    <>
      <PageHeading>{self ? t('portal.home.greeting', { name: child.givenName }) : child.givenName}</PageHeading>
      <Paragraph>{self ? t('portal.child.introSelf') : t('portal.child.intro', { name: child.givenName })}</Paragraph>
      {back}
      {child.adult ? (
        <Refused title={t('portal.child.adultTitle')} text={t('portal.home.adult', { name: child.givenName })} />
      ) : (
        <ChildContent child={child} />
      )}
    </>
  );
}
