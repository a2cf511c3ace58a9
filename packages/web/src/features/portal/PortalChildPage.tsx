import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Link as RouterLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import { useLocalize } from '../../i18n/localize';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { FormAlert } from '../../ui/FormAlert';
import { unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import {
  conflictingWords,
  MAX_WORDS,
  portalKeys,
  savePortalWords,
  usePortalConsents,
  usePortalHelpers,
  usePortalNextMeeting,
  usePortalReadLog,
  type PortalChild,
  type PortalNextMeeting,
  type PortalRelation,
} from './api';
import { CalendarIcon, EyeIcon, PeopleIcon } from './icons';
import { useSignedInPortalMe } from './PortalLayout';
import { Section, useDate } from './parts';
import { PortalWheelSection } from './PortalWheelSection';
import { PortalPlanSection } from './PortalPlanSection';
import { PortalFeedbackSection } from './PortalFeedbackSection';
import { PortalConsentsSection } from './PortalConsentsSection';

/** How many "Vem har läst om oss?" rows are shown at first and per "Visa fler". */
const READ_LOG_PAGE = 20;

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

function Contact({ email, phone }: { email: string | null; phone?: string | null }) {
  return (
    <span className="portal-contact">
      {email && <Link href={`mailto:${email}`}>{email}</Link>}
      {phone && <Link href={telHref(phone)}>{phone}</Link>}
    </span>
  );
}

/** "Det här vill jag säga": the person's own words before the meeting, saved on its agenda. */
function MyWords({
  child,
  relation,
  meeting,
  canKeepPrivate,
}: {
  child: string;
  relation: PortalRelation;
  meeting: PortalNextMeeting;
  canKeepPrivate: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState(meeting.myWords ?? '');
  const [version, setVersion] = useState(meeting.version);
  // The child's choice to keep their words from their guardians (only offered when allowed).
  const mayHide = relation === 'self' && canKeepPrivate;
  const [keepPrivate, setKeepPrivate] = useState(meeting.wordsPrivate);
  const [error, setError] = useState<unknown>(null);
  const [tooLong, setTooLong] = useState(false);
  const [conflict, setConflict] = useState<PortalNextMeeting | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);
  const errorFor = useFieldErrors({}, error);
  const fieldError = tooLong ? t('portal.words.tooLong', { max: MAX_WORDS }) : errorFor('words');
  const privateError = errorFor('private');

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const save = async () => {
    setError(null);
    setStatus('');
    if (text.trim().length > MAX_WORDS) {
      setTooLong(true);
      return;
    }
    setTooLong(false);
    setSaving(true);
    try {
      const saved = await savePortalWords(child, { words: text, version, ...(mayHide ? { private: keepPrivate } : {}) });
      setVersion(saved.meeting.version);
      setText(saved.meeting.myWords ?? '');
      setKeepPrivate(saved.meeting.wordsPrivate);
      setConflict(null);
      qc.setQueryData(portalKeys.nextMeeting(child), { meeting: saved.meeting, canKeepPrivate: saved.canKeepPrivate });
      setStatus(t(saved.meeting.wordsPrivate ? 'portal.words.savedPrivate' : 'portal.words.saved'));
    } catch (e) {
      const current = conflictingWords(e);
      if (current) {
        // The person's text stays in the box; the next save starts from the saved version.
        setConflict(current);
        setVersion(current.version);
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="portal-form portal-words"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, (f) => f === 'words' || f === 'private')} level={3} />
      {conflict && (
        <Alert data-color="warning" ref={conflictRef} tabIndex={-1} className="form-alert">
          <Heading level={3} data-size="xs">
            {t('portal.words.conflictTitle')}
          </Heading>
          <Paragraph>{t('portal.words.conflictText')}</Paragraph>
          <Heading level={4} data-size="2xs" id="portal-words-saved">
            {t('portal.words.savedText')}
          </Heading>
          {conflict.myWords ? (
            <blockquote className="portal-quote" aria-labelledby="portal-words-saved">
              {conflict.myWords}
            </blockquote>
          ) : (
            <Paragraph>{t('portal.words.savedEmpty')}</Paragraph>
          )}
        </Alert>
      )}
      <Textfield
        id="portal-words"
        multiline
        rows={5}
        label={t(`portal.words.label.${relation}`)}
        description={t(`portal.words.description.${relation}`)}
        value={text}
        error={fieldError}
        counter={{ limit: MAX_WORDS, under: t('portal.words.counterUnder'), over: t('portal.words.counterOver') }}
        onChange={(e) => {
          setText(e.target.value);
          setStatus('');
        }}
      />
      {mayHide && (
        <Checkbox
          className="portal-words-private"
          label={t('portal.words.private')}
          description={t('portal.words.privateHelp')}
          checked={keepPrivate}
          error={privateError}
          onChange={(e) => {
            setKeepPrivate(e.target.checked);
            setStatus('');
          }}
        />
      )}
      <div>
        <Button type="submit" className="portal-touch" loading={saving}>
          {t('portal.words.save')}
        </Button>
      </div>
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </form>
  );
}

function NextMeeting({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const date = useDate();
  const next = usePortalNextMeeting(child);
  const meeting = next.data?.meeting ?? null;
  const canKeepPrivate = next.data?.canKeepPrivate === true;
  return (
    <Section id="portal-next-meeting" icon={<CalendarIcon />} title={t('portal.meeting.title')}>
      {next.isPending && <Loading text={t('portal.loading')} />}
      {next.isError && <FormAlert error={next.error} level={3} />}
      {next.data && !meeting && <Paragraph>{t('portal.meeting.none')}</Paragraph>}
      {meeting && (
        <>
          <DefinitionList
            items={[
              { term: t('portal.meeting.date'), value: date(meeting.date) },
              { term: t('portal.meeting.time'), value: t('portal.meeting.at', { time: meeting.startTime }) },
              { term: t('portal.meeting.place'), value: meeting.location || t('portal.meeting.noPlace') },
            ]}
          />
          <Paragraph>{t(`portal.meeting.${meeting.invited ? 'invited' : 'notInvited'}.${relation}`)}</Paragraph>
          {relation === 'guardian' && meeting.childWords && (
            <>
              <Heading level={3} data-size="xs" id="portal-child-words">
                {t('portal.words.childWordsTitle')}
              </Heading>
              <blockquote className="portal-quote" aria-labelledby="portal-child-words">
                {meeting.childWords}
              </blockquote>
            </>
          )}
          <MyWords key={`${meeting.date}|${meeting.startTime}`} child={child} relation={relation} meeting={meeting} canKeepPrivate={canKeepPrivate} />
        </>
      )}
    </Section>
  );
}

function Helpers({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const localize = useLocalize();
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
                  { term: t('portal.helpers.role'), value: localize(p.role, p.roleEn) },
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
                  { term: t('portal.helpers.status'), value: localize(s.statusLabel, s.statusLabelEn) },
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

function ReadLog({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const localize = useLocalize();
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
              { term: t('portal.readLog.role'), value: localize(r.role, r.roleEn) || t('portal.readLog.unknownRole') },
            ];
            if (r.name) rows.push({ term: t('portal.readLog.name'), value: r.name });
            rows.push(
              { term: t('portal.readLog.purpose'), value: localize(r.purpose, r.purposeEn) },
              { term: t('portal.readLog.consent'), value: localize(r.consent, r.consentEn) },
            );
            return (
              <li key={i} className="portal-item" ref={i === focusIndex ? firstNew : undefined} tabIndex={i === focusIndex ? -1 : undefined}>
                <p className="portal-item__title">{t('portal.readLog.when', { date: date(r.date), what: localize(r.what, r.whatEn) })}</p>
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
  const next = usePortalNextMeeting(child);
  return [next.error, helpers.error, consents.error, readLog.error].find((e) => isApiError(e) && [401, 403, 404].includes(e.status)) ?? null;
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
      <NextMeeting child={child.id} relation={child.relation} />
      <PortalWheelSection child={child.id} relation={child.relation} />
      <PortalPlanSection child={child.id} relation={child.relation} />
      <PortalFeedbackSection child={child.id} relation={child.relation} />
      <Helpers child={child.id} relation={child.relation} />
      <PortalConsentsSection child={child.id} relation={child.relation} />
      <ReadLog child={child.id} relation={child.relation} />
    </>
  );
}

/**
 * /portal/barn/:child: "Nästa möte" (with "Det här vill jag säga"), "Vilka hjälper oss?",
 * "Samtycken" (a consent the person gave can be withdrawn here) and "Vem har läst om oss?" for one
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
