import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import type { ListResponse } from '../../api/types';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { focusLater } from '../cases/caseContext';
import { agendaKeys, conflictingVoice, FAMILY_STATUSES, saveVoice, type AgendaItem, type FamilyStatus, type Voice } from './api';

const SHOWN = fieldMatcher(['childWords', 'guardianWords', 'familyStatus']);

/** The child's words are private (family portal): the team sees them, the guardians do not. */
function PrivateWordsTag() {
  const { t } = useTranslation();
  return (
    <span className="block">
      <Tag data-size="sm" data-color="info">
        {t('meetings.voice.childWordsPrivate')}
      </Tag>
    </span>
  );
}

/** The saved voice, read-only: the child's words, the guardians' words and the family's part. */
function VoiceFacts({ voice }: { voice: Voice }) {
  const { t } = useTranslation();
  return (
    <dl className="voice__facts">
      <div>
        <dt>{t('meetings.voice.childWords')}</dt>
        <dd className="pre-wrap">
          {voice.childWords ?? t('meetings.voice.nothingWritten')}
          {voice.childWords && voice.childWordsPrivate && <PrivateWordsTag />}
        </dd>
      </div>
      <div>
        <dt>{t('meetings.voice.guardianWords')}</dt>
        <dd className="pre-wrap">{voice.guardianWords ?? t('meetings.voice.nothingWritten')}</dd>
      </div>
      <div>
        <dt>{t('meetings.voice.familyStatus')}</dt>
        <dd>{t(`meetings.voice.statuses.${voice.familyStatus}`)}</dd>
      </div>
    </dl>
  );
}

/**
 * The voice form, saved with the version the user started from. On a conflict (409) the user's
 * text stays in the fields, the saved text is shown beside it, and the next save is made on top
 * of the saved version (a conscious merge); nothing is overwritten without the user seeing it.
 */
function VoiceForm({
  item,
  meetingId,
  voice,
  onSaved,
  onCancel,
}: {
  item: AgendaItem;
  meetingId: string;
  voice: Voice | undefined;
  onSaved: (saved: Voice) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const qc = useQueryClient();
  const [childWords, setChildWords] = useState(voice?.childWords ?? '');
  const [guardianWords, setGuardianWords] = useState(voice?.guardianWords ?? '');
  const [familyStatus, setFamilyStatus] = useState<FamilyStatus>(voice?.familyStatus ?? 'not_invited');
  const [version] = useState(voice?.version ?? 0);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ current: Voice; title: string; detail: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  const errorFor = useFieldErrors({}, error);
  const refused = isApiError(error) && error.status === 404;

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  useEffect(() => {
    if (refused) refusedRef.current?.focus();
  }, [refused]);

  const save = async (fromVersion: number) => {
    setError(null);
    setSaving(true);
    try {
      const saved = await saveVoice(item.id, {
        version: fromVersion,
        childWords: childWords.trim() === '' ? null : childWords,
        guardianWords: guardianWords.trim() === '' ? null : guardianWords,
        familyStatus,
      });
      setConflict(null);
      qc.setQueryData<ListResponse<Voice>>(agendaKeys.voices(meetingId), (old) =>
        old ? { items: [...old.items.filter((v) => v.agendaItemId !== saved.agendaItemId), saved] } : old,
      );
      onSaved(saved);
    } catch (e) {
      const current = conflictingVoice(e);
      if (current && isApiError(e)) {
        setConflict({ current, title: localize(e.title, e.titleEn), detail: localize(e.detail, e.detailEn) });
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-label={t('meetings.voice.formLabel', { title: item.title })}
      onSubmit={(e) => {
        e.preventDefault();
        // After a conflict the user has seen the saved text: the next save goes on top of it.
        void save(conflict?.current.version ?? version);
      }}
    >
      {refused ? (
        <Alert data-color="warning" ref={refusedRef} tabIndex={-1} className="form-alert">
          <Heading level={5} data-size="xs">
            {t('meetings.voice.notCovered')}
          </Heading>
          <Paragraph>{t('meetings.voice.notCoveredText')}</Paragraph>
        </Alert>
      ) : (
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={5} />
      )}
      {conflict && (
        <Alert data-color="warning" ref={conflictRef} tabIndex={-1} className="form-alert">
          <Heading level={5} data-size="xs">
            {conflict.title}
          </Heading>
          <Paragraph>{conflict.detail}</Paragraph>
          <Heading level={6} data-size="2xs">
            {t('meetings.voice.savedText')}
          </Heading>
          <blockquote className="note-quote" aria-label={t('meetings.voice.savedTextFrom', { name: conflict.current.updatedByName })}>
            <VoiceFacts voice={conflict.current} />
          </blockquote>
          <Button type="button" variant="secondary" loading={saving} onClick={() => void save(conflict.current.version)}>
            {t('meetings.voice.useMine')}
          </Button>
        </Alert>
      )}
      <Textfield
        id={`voice-child-${item.id}`}
        multiline
        rows={3}
        label={t('meetings.voice.childWords')}
        description={
          voice?.childWordsPrivate ? `${t('meetings.voice.wordsHelp')} ${t('meetings.voice.childWordsPrivate')}.` : t('meetings.voice.wordsHelp')
        }
        value={childWords}
        error={errorFor('childWords')}
        onChange={(e) => setChildWords(e.target.value)}
      />
      <Textfield
        multiline
        rows={3}
        label={t('meetings.voice.guardianWords')}
        value={guardianWords}
        error={errorFor('guardianWords')}
        onChange={(e) => setGuardianWords(e.target.value)}
      />
      <SelectField
        label={t('meetings.voice.familyStatus')}
        value={familyStatus}
        error={errorFor('familyStatus')}
        onChange={(e) => setFamilyStatus(e.target.value as FamilyStatus)}
      >
        {FAMILY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`meetings.voice.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <Button type="submit" loading={saving && !conflict}>
          {t('meetings.voice.submit')}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/**
 * "Barnets och vårdnadshavarnas röst", first under a case item. Units that own the case or are
 * covered by its consent read and write it, invited or not (canSpeak, from readerCovered); others
 * are told why they do not see it: an invited unit that the consent does not cover gets a warning.
 */
export function ItemVoice({
  item,
  meetingId,
  voice,
  loaded,
  canSpeak,
  invited,
}: {
  item: AgendaItem;
  meetingId: string;
  voice: Voice | undefined;
  loaded: boolean;
  canSpeak: boolean;
  invited: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const toggleId = `voice-edit-${item.id}`;

  let body;
  if (!loaded) body = <Loading />;
  else if (!canSpeak)
    body = invited ? (
      <Alert data-color="info">
        <Heading level={5} data-size="xs">
          {t('meetings.voice.notCovered')}
        </Heading>
        <Paragraph>{t('meetings.voice.notCoveredText')}</Paragraph>
      </Alert>
    ) : (
      <Paragraph data-size="sm">{t('meetings.voice.notInvited')}</Paragraph>
    );
  else if (voice && !editing)
    body = (
      <>
        <VoiceFacts voice={voice} />
        <Paragraph data-size="sm">{t('meetings.voice.updatedBy', { name: voice.updatedByName, unit: voice.unit.name })}</Paragraph>
        <Button
          id={toggleId}
          type="button"
          variant="secondary"
          data-size="sm"
          aria-label={t('meetings.voice.editLabel', { title: item.title })}
          onClick={() => {
            setStatus('');
            setEditing(true);
            focusLater(`voice-child-${item.id}`);
          }}
        >
          {t('meetings.voice.edit')}
        </Button>
      </>
    );
  else
    body = (
      <VoiceForm
        item={item}
        meetingId={meetingId}
        voice={voice}
        onSaved={() => {
          setEditing(false);
          setStatus(t('meetings.voice.saved'));
          focusLater(toggleId);
        }}
        onCancel={
          voice
            ? () => {
                setEditing(false);
                focusLater(toggleId);
              }
            : undefined
        }
      />
    );

  return (
    <div className="item-voice">
      <Heading level={4} data-size="xs">
        {t('meetings.voice.heading')}
      </Heading>
      {canSpeak && <Paragraph data-size="sm">{t('meetings.voice.intro')}</Paragraph>}
      {body}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </div>
  );
}
