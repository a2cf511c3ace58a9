import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCurrentMe } from '../../api/me';
import { INFORMATION_CATEGORIES, type CaseEvent, type HiddenCaseEvent, type InformationCategory, type VisibleCaseEvent } from '../../api/types';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { requiredText } from '../children/validation';
import { addEvent, caseKeys, correctEvent, todaySv, useCaseEvents } from './api';
import { focusLater, useCaseContext } from './caseContext';
import { useCaseLabels } from './labels';
import { IdentifyingDataWarning } from './NewConsultationPage';

const ADD_BUTTON_ID = 'add-event';
const ADD_SHOWN = fieldMatcher(['category', 'occurredOn', 'text']);
const CORRECT_SHOWN = fieldMatcher(['text', 'reason']);

const isHidden = (e: CaseEvent): e is HiddenCaseEvent => e.hidden === true;

interface EventValues {
  category: InformationCategory | '';
  occurredOn: string;
  text: string;
}

function AddEventForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const [error, setError] = useState<unknown>(null);
  const today = todaySv();
  const { register, handleSubmit, formState } = useForm<EventValues>({ defaultValues: { category: '', occurredOn: today, text: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const onSubmit = async (v: EventValues) => {
    setError(null);
    try {
      await addEvent(c.id, { category: v.category as InformationCategory, occurredOn: v.occurredOn, text: v.text.trim() });
      await qc.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      announce(t('chronology.saved'));
      onDone(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card className="editor-panel">
      <Heading level={3} data-size="xs">
        {t('chronology.addTitle')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, ADD_SHOWN)} level={4} />
        {c.child === null && <IdentifyingDataWarning level={4} />}
        <SelectField label={t('chronology.category')} error={errorFor('category')} {...register('category', { required: 'validation.choose' })}>
          <option value="">{t('common.choose')}</option>
          {INFORMATION_CATEGORIES.map((cat) => (
            <option key={cat} value={cat}>
              {labels.category(cat)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t('chronology.occurredOn')}
          type="date"
          max={today}
          error={errorFor('occurredOn')}
          {...register('occurredOn', { required: 'consent.form.errors.dateRequired' })}
        />
        <Textfield
          multiline
          rows={4}
          label={t('chronology.text')}
          description={t('chronology.textHelp')}
          error={errorFor('text')}
          {...register('text', requiredText)}
        />
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('chronology.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CorrectionForm({ event, onDone }: { event: VisibleCaseEvent; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { c, announce } = useCaseContext();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ text: string; reason: string }>({ defaultValues: { text: event.text, reason: '' } });
  const errorFor = useFieldErrors(formState.errors, error);

  const onSubmit = async (v: { text: string; reason: string }) => {
    setError(null);
    try {
      await correctEvent(c.id, event.id, { text: v.text.trim(), reason: v.reason.trim() });
      await qc.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      announce(t('chronology.correctSaved'));
      onDone(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="form event-correction"
      noValidate
      aria-label={t('chronology.correctTitle', { date: event.occurredOn })}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, CORRECT_SHOWN)} level={4} />
      <Textfield multiline rows={4} label={t('chronology.correctText')} error={errorFor('text')} {...register('text', requiredText)} />
      <Textfield label={t('chronology.correctReason')} autoComplete="off" error={errorFor('reason')} {...register('reason', requiredText)} />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('chronology.correctSave')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function EventItem({ event, original, canCorrect }: { event: CaseEvent; original?: CaseEvent; canCorrect: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useCaseLabels();
  const { announce } = useCaseContext();
  const [correcting, setCorrecting] = useState(false);
  const correctButtonId = `correct-${event.id}`;

  if (isHidden(event)) {
    return (
      <li className="event event--hidden" id={`event-${event.id}`}>
        <div className="event__meta">
          <span className="event__date">{event.occurredOn}</span>
          <span>{event.owningUnit.name}</span>
        </div>
        <Paragraph className="muted">{t('chronology.hidden', { reason: localize(event.reasonSv, event.reasonEn) })}</Paragraph>
      </li>
    );
  }

  const author = event.authorName ?? '';
  return (
    <li className={event.correctedBy ? 'event event--corrected' : 'event'} id={`event-${event.id}`}>
      <div className="event__meta">
        <span className="event__date">{event.occurredOn}</span>
        <span>{author ? t('chronology.by', { unit: event.owningUnit.name, author }) : event.owningUnit.name}</span>
        <Tag data-size="sm" data-color="neutral">
          {labels.eventKind(event.kind)}
        </Tag>
        {event.category && (
          <Tag data-size="sm" data-color="info">
            {labels.category(event.category)}
          </Tag>
        )}
        {event.anonymousPhase && (
          <Tag data-size="sm" data-color="accent">
            {t('chronology.anonymous')}
          </Tag>
        )}
        {event.correctedBy && (
          <Tag data-size="sm" data-color="warning">
            {t('chronology.corrected')}
          </Tag>
        )}
      </div>
      {event.correctsId && (
        <Paragraph data-size="sm" className="muted">
          {t('chronology.correctionOf', {
            date: original ? original.occurredOn : event.occurredOn,
            reason: event.correctionReason ?? '',
          })}
        </Paragraph>
      )}
      <Paragraph className={event.correctedBy ? 'pre-wrap event__text--old' : 'pre-wrap'}>{event.text}</Paragraph>
      {event.correctedBy && (
        <Paragraph data-size="sm" className="muted">
          {t('chronology.correctedNote')}
        </Paragraph>
      )}
      {canCorrect && (
        <div className="page-actions">
          <Button
            id={correctButtonId}
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-expanded={correcting}
            aria-label={t('chronology.correctLabel', { date: event.occurredOn })}
            onClick={() => {
              announce(null);
              setCorrecting(!correcting);
            }}
          >
            {t('chronology.correct')}
          </Button>
        </div>
      )}
      {correcting && (
        <CorrectionForm
          event={event}
          onDone={() => {
            setCorrecting(false);
            focusLater(correctButtonId);
          }}
        />
      )}
    </li>
  );
}

/** The "Kronologi" tab: the case's events, oldest first, with add and correct. */
export function Chronology() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { c, announce } = useCaseContext();
  const events = useCaseEvents(c.id);
  const [adding, setAdding] = useState(false);
  const items = events.data?.items ?? [];
  const byId = new Map(items.map((e) => [e.id, e]));
  const canAdd = c.access.abilities.addEvent;

  return (
    <div className="tab-content">
      <section className="section">
        <Heading level={2} data-size="md" id="chronology-heading">
          {t('chronology.heading')}
        </Heading>
        <Paragraph>{t('chronology.intro')}</Paragraph>
        {canAdd && (
          <div className="page-actions">
            <Button
              id={ADD_BUTTON_ID}
              type="button"
              variant="secondary"
              aria-expanded={adding}
              onClick={() => {
                announce(null);
                setAdding(!adding);
              }}
            >
              {t('chronology.add')}
            </Button>
          </div>
        )}
        {adding && (
          <AddEventForm
            onDone={() => {
              setAdding(false);
              focusLater(ADD_BUTTON_ID);
            }}
          />
        )}
        {events.isPending && <Loading />}
        {events.isError && <FormAlert error={events.error} level={3} />}
        {events.isSuccess && items.length === 0 && <Paragraph>{t('chronology.none')}</Paragraph>}
        {items.length > 0 && (
          <ol className="event-list" aria-label={t('chronology.listLabel')}>
            {items.map((e) => (
              <EventItem
                key={e.id}
                event={e}
                original={!isHidden(e) && e.correctsId ? byId.get(e.correctsId) : undefined}
                canCorrect={
                  canAdd && !isHidden(e) && e.kind === 'manual' && e.owningUnit.id === me.actingUnit.id && !e.correctedBy && c.state !== 'avslutad'
                }
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
