import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { portalPlanKeys, sendPortalFeedback, usePortalFeedback, type PortalFeedbackAnswer, type PortalRelation } from './api';
import { FeedbackIcon } from './icons';
import { Section, useDate } from './parts';

const OPTIONS: { value: PortalFeedbackAnswer; key: 'yes' | 'partly' | 'no' }[] = [
  { value: 1, key: 'yes' },
  { value: 2, key: 'partly' },
  { value: 3, key: 'no' },
];

type Question = 'listened' | 'understood';

function Choice({
  question,
  value,
  error,
  onChange,
}: {
  question: Question;
  value: PortalFeedbackAnswer | null;
  error: string | null;
  onChange: (v: PortalFeedbackAnswer) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset className="portal-feedback__question">
      <Fieldset.Legend>{t(`portal.feedback.${question}`)}</Fieldset.Legend>
      <div className="portal-feedback__options">
        {OPTIONS.map((o) => (
          <Radio
            key={o.key}
            className="portal-feedback__option"
            name={`portal-feedback-${question}`}
            label={t(`portal.feedback.answers.${o.key}`)}
            value={String(o.value)}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/**
 * "Blev du lyssnad på?" and "Förstod du vad som bestämdes?" after a meeting about the child: shown
 * only when the server asks (a meeting held lately, not answered yet). The answer is anonymous.
 */
export function PortalFeedbackSection({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const date = useDate();
  const qc = useQueryClient();
  const feedback = usePortalFeedback(child);
  const [listened, setListened] = useState<PortalFeedbackAnswer | null>(null);
  const [understood, setUnderstood] = useState<PortalFeedbackAnswer | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const ask = feedback.data?.ask ?? null;
  if (!sent && !ask) return null;

  const missing = t('portal.feedback.missing');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (listened === null || understood === null) return;
    setBusy(true);
    setError(null);
    try {
      await sendPortalFeedback(child, { listened, understood });
      setSent(true);
      void qc.invalidateQueries({ queryKey: portalPlanKeys.feedback(child) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="portal-feedback" icon={<FeedbackIcon />} title={t('portal.feedback.title')}>
      {sent ? (
        <div role="status">
          <Paragraph ref={thanks} tabIndex={-1} className="portal-feedback__thanks">
            {t('portal.feedback.thanks')}
          </Paragraph>
        </div>
      ) : (
        <form className="portal-feedback" noValidate onSubmit={(e) => void submit(e)}>
          <Paragraph>{t(`portal.feedback.intro.${relation}`, { date: date(ask!.meetingDate) })}</Paragraph>
          <Paragraph>{t('portal.feedback.anonymous')}</Paragraph>
          <Choice question="listened" value={listened} error={tried && listened === null ? missing : null} onChange={setListened} />
          <Choice question="understood" value={understood} error={tried && understood === null ? missing : null} onChange={setUnderstood} />
          <FormAlert error={error} level={3} />
          <div className="portal-actions">
            <Button type="submit" className="portal-touch" loading={busy}>
              {t('portal.feedback.send')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
