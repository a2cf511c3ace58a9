import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import type { ListResponse, VisibleCaseEvent } from '../../api/types';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { useCaseEvents, useCases } from '../cases/api';
import { focusLater } from '../cases/caseContext';
import { addAttachment, agendaKeys, removeAttachment, type AgendaItem, type Attachment } from './api';
import { useLongDate } from './dates';
import './attachments.css';

const LINK_SHOWN = fieldMatcher(['label', 'url']);
const EVENT_SHOWN = fieldMatcher(['caseEventId']);
/** How much of a chronology entry's text the choice shows. */
const EXCERPT = 60;

const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT).trimEnd()}…` : flat;
};

/** Appends a saved attachment to the meeting's list in the cache. */
function useAppend(meetingId: string) {
  const qc = useQueryClient();
  return (saved: Attachment) =>
    qc.setQueryData<ListResponse<Attachment>>(agendaKeys.attachments(meetingId), (old) =>
      old ? { items: [...old.items.filter((a) => a.id !== saved.id), saved] } : old,
    );
}

/**
 * The link itself: an https address opens in a new tab (said in a visually hidden text), a page
 * in Samsyn opens in the app; the server only stores https:// and in-app paths.
 */
function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const url = attachment.url ?? '';
  if (url.startsWith('https://'))
    return (
      <Link href={url} target="_blank" rel="noopener noreferrer">
        {attachment.label}
        <span aria-hidden="true"> ↗</span>
        <span className="ds-sr-only"> {t('meetings.attachments.newTab')}</span>
      </Link>
    );
  if (url.startsWith('/api/')) return <Link href={url}>{attachment.label}</Link>;
  return (
    <Link asChild>
      <RouterLink to={url}>{attachment.label}</RouterLink>
    </Link>
  );
}

/** "Lägg till länk": what the link leads to and its address; the server's errors at the fields. */
function AddLinkForm({ item, meetingId, onAdded }: { item: AgendaItem; meetingId: string; onAdded: (saved: Attachment) => void }) {
  const { t } = useTranslation();
  const append = useAppend(meetingId);
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ label: string; url: string }>({ defaultValues: { label: '', url: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const onSubmit = async (v: { label: string; url: string }) => {
    setError(null);
    try {
      const saved = await addAttachment(item.id, { kind: 'link', label: v.label.trim(), url: v.url.trim() });
      append(saved);
      onAdded(saved);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.attachments.link.formLabel', { title: item.title })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, LINK_SHOWN)} level={5} />
      <Textfield
        id={`attachment-label-${item.id}`}
        label={t('meetings.attachments.link.label')}
        description={t(item.kind === 'case' ? 'meetings.attachments.link.labelHelp' : 'meetings.attachments.link.labelHelpTopic')}
        autoComplete="off"
        error={errorFor('label')}
        {...register('label', requiredText)}
      />
      <Textfield
        label={t('meetings.attachments.link.url')}
        description={t('meetings.attachments.link.urlHelp')}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        error={errorFor('url')}
        {...register('url', requiredText)}
      />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.attachments.link.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * "Lägg till från kronologin": a reference to an entry in the case's chronology that the reader's
 * unit may read. The chronology is fetched (and its reading logged) only when the form is opened.
 */
function AddEventForm({
  item,
  caseId,
  meetingId,
  onAdded,
}: {
  item: AgendaItem;
  caseId: string;
  meetingId: string;
  onAdded: (saved: Attachment) => void;
}) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const append = useAppend(meetingId);
  const events = useCaseEvents(caseId);
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ caseEventId: string }>({ defaultValues: { caseEventId: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const all = events.data?.items ?? [];
  // A corrected entry is replaced by its correction: only the newest version can be referred to.
  const corrected = new Set(all.flatMap((e) => (!e.hidden && e.correctsId ? [e.correctsId] : [])));
  const choices = all.filter((e): e is VisibleCaseEvent => !e.hidden && !corrected.has(e.id));

  const onSubmit = async (v: { caseEventId: string }) => {
    setError(null);
    try {
      const saved = await addAttachment(item.id, { kind: 'case_event', caseEventId: v.caseEventId });
      append(saved);
      onAdded(saved);
    } catch (e) {
      setError(e);
    }
  };

  if (events.isPending) return <Loading />;
  if (events.isError) return <FormAlert error={events.error} level={5} />;
  if (choices.length === 0) return <Paragraph data-size="sm">{t('meetings.attachments.event.none')}</Paragraph>;

  return (
    <form
      className="form meeting-form"
      noValidate
      aria-label={t('meetings.attachments.event.formLabel', { title: item.title })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, EVENT_SHOWN)} level={5} />
      <SelectField
        id={`attachment-event-${item.id}`}
        label={t('meetings.attachments.event.field')}
        description={t('meetings.attachments.event.fieldHelp')}
        error={errorFor('caseEventId')}
        {...register('caseEventId', { required: 'validation.choose' })}
      >
        <option value="">{t('common.choose')}</option>
        {choices.map((e) => (
          <option key={e.id} value={e.id}>
            {t('meetings.attachments.event.option', { date: longDate(e.occurredOn), text: excerpt(e.text) })}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('meetings.attachments.event.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Renders its children only when the acting unit owns the item's case (from the user's case list). */
function IfOwnsCase({ caseId, children }: { caseId: string; children: ReactNode }) {
  const me = useCurrentMe();
  const cases = useCases({});
  const owns = (cases.data?.items ?? []).some((c) => c.id === caseId && c.owningUnit.id === me.actingUnit.id);
  return owns ? <>{children}</> : null;
}

type Open = 'none' | 'link' | 'event';

/** The toggles "Lägg till länk" and, on a case item, "Lägg till från kronologin", and their forms. */
function AddAttachment({ item, meetingId, announce }: { item: AgendaItem; meetingId: string; announce: (m: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>('none');
  const linkToggleId = `attachment-link-toggle-${item.id}`;
  const eventToggleId = `attachment-event-toggle-${item.id}`;
  const toggle = (which: Exclude<Open, 'none'>, focusId: string) => {
    announce('');
    const next = open === which ? 'none' : which;
    setOpen(next);
    if (next !== 'none') focusLater(focusId);
  };
  return (
    <>
      <div className="attachments__toggles">
        <Button
          id={linkToggleId}
          type="button"
          variant="secondary"
          data-size="sm"
          aria-expanded={open === 'link'}
          aria-label={t('meetings.attachments.link.toggleLabel', { title: item.title })}
          onClick={() => toggle('link', `attachment-label-${item.id}`)}
        >
          {t('meetings.attachments.link.toggle')}
        </Button>
        {item.kind === 'case' && item.caseId && (
          <Button
            id={eventToggleId}
            type="button"
            variant="secondary"
            data-size="sm"
            aria-expanded={open === 'event'}
            aria-label={t('meetings.attachments.event.toggleLabel', { title: item.title })}
            onClick={() => toggle('event', `attachment-event-${item.id}`)}
          >
            {t('meetings.attachments.event.toggle')}
          </Button>
        )}
      </div>
      {open === 'link' && (
        <AddLinkForm
          item={item}
          meetingId={meetingId}
          onAdded={(saved) => {
            setOpen('none');
            announce(t('meetings.attachments.link.saved', { label: saved.label }));
            focusLater(linkToggleId);
          }}
        />
      )}
      {open === 'event' && item.caseId && (
        <AddEventForm
          item={item}
          caseId={item.caseId}
          meetingId={meetingId}
          onAdded={() => {
            setOpen('none');
            announce(t('meetings.attachments.event.saved'));
            focusLater(eventToggleId);
          }}
        />
      )}
    </>
  );
}

/**
 * "Dokument och länkar" under an agenda item: links and references to the case's chronology. The
 * samordnare and the case's own unit add them; whoever added one (or the samordnare) removes it.
 * Not shown at all on a case item whose case the reader's unit may not see.
 */
export function ItemAttachments({
  item,
  meetingId,
  attachments,
  loaded,
  isSamordnare,
  meetingOpen,
}: {
  item: AgendaItem;
  meetingId: string;
  attachments: Attachment[];
  loaded: boolean;
  isSamordnare: boolean;
  meetingOpen: boolean;
}) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const headingId = `attachments-${item.id}`;

  if (item.kind === 'case' && item.readerCovered === false) return null;

  const remove = async (a: Attachment) => {
    setError(null);
    setStatus('');
    setRemoving(a.id);
    try {
      await removeAttachment(a.id);
      qc.setQueryData<ListResponse<Attachment>>(agendaKeys.attachments(meetingId), (old) =>
        old ? { items: old.items.filter((x) => x.id !== a.id) } : old,
      );
      setStatus(a.kind === 'link' ? t('meetings.attachments.removedLink', { label: a.label }) : t('meetings.attachments.removedEvent'));
      focusLater(headingId);
    } catch (e) {
      setError(e);
    } finally {
      setRemoving(null);
    }
  };

  const removeLabel = (a: Attachment) =>
    a.kind === 'link'
      ? t('meetings.attachments.removeLinkLabel', { label: a.label })
      : t('meetings.attachments.removeEventLabel', { date: longDate(a.caseEvent?.occurredOn) });

  const add = <AddAttachment item={item} meetingId={meetingId} announce={setStatus} />;

  return (
    <div className="item-attachments">
      <Heading level={4} data-size="xs" id={headingId} tabIndex={-1}>
        {t('meetings.attachments.heading')}
      </Heading>
      {!loaded && <Loading />}
      <FormAlert error={error} level={5} />
      {loaded && attachments.length === 0 && <Paragraph data-size="sm">{t('meetings.attachments.none')}</Paragraph>}
      {attachments.length > 0 && (
        <ul className="attachment-list" aria-label={t('meetings.attachments.listLabel', { title: item.title })}>
          {attachments.map((a) => (
            <li key={a.id} className="attachment">
              {a.kind === 'link' ? (
                <AttachmentLink attachment={a} />
              ) : (
                <p className="attachment__event pre-wrap">
                  {a.caseEvent && !a.caseEvent.hidden && a.caseEvent.text !== null
                    ? t('meetings.attachments.fromChronology', { date: longDate(a.caseEvent.occurredOn), text: a.caseEvent.text })
                    : t('meetings.attachments.hiddenEvent')}
                </p>
              )}
              <span className="attachment__meta">{t('meetings.attachments.addedBy', { name: a.createdByName, unit: a.unit.name })}</span>
              {(isSamordnare || a.unit.id === me.actingUnit.id) && (
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  loading={removing === a.id}
                  aria-label={removeLabel(a)}
                  onClick={() => void remove(a)}
                >
                  {t('meetings.attachments.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {meetingOpen && (isSamordnare ? add : item.caseId ? <IfOwnsCase caseId={item.caseId}>{add}</IfOwnsCase> : null)}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </div>
  );
}
