import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Card, Heading, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import {
  answerPortalConsent,
  portalKeys,
  usePortalConsents,
  withdrawPortalConsent,
  withdrawPortalConsentUnit,
  type PortalConsent,
  type PortalConsentStatus,
  type PortalRelation,
} from './api';
import { ConsentIcon } from './icons';
import { Section, useDate } from './parts';

const STATUS_COLOR: Record<PortalConsentStatus, 'success' | 'warning' | 'neutral' | 'danger'> = {
  active: 'success',
  pending: 'warning',
  expired: 'neutral',
  withdrawn: 'danger',
};

const canWithdraw = (c: PortalConsent) => c.myAnswer === 'given' && (c.status === 'active' || c.status === 'pending');

/**
 * A withdrawal in two steps: a button opens a confirmation (its heading takes focus) that says
 * plainly what happens; "Avbryt" closes it and gives focus back to the button. `onConfirm` sends;
 * an error is shown in the confirmation and nothing else changes.
 */
function ConfirmStep({
  id,
  openLabel,
  openVariant,
  title,
  confirmLabel,
  onConfirm,
  children,
}: {
  id: string;
  openLabel: string;
  openVariant: 'secondary' | 'tertiary';
  title: string;
  confirmLabel: string;
  /** Returns false when nothing was sent (e.g. nothing chosen yet): the confirmation stays open. */
  onConfirm: () => Promise<boolean | void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const cancel = () => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => openButton.current?.focus());
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <div>
        <Button ref={openButton} type="button" variant={openVariant} className="portal-touch" onClick={() => setOpen(true)}>
          {openLabel}
        </Button>
      </div>
    );
  return (
    <div className="portal-confirm" role="group" aria-labelledby={id}>
      <Heading level={4} data-size="xs" id={id} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {children}
      <FormAlert error={error} level={5} />
      <div className="portal-actions">
        <Button type="button" data-color="danger" className="portal-touch" loading={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" className="portal-touch" disabled={busy} onClick={cancel}>
          {t('portal.consents.withdraw.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** "Återkalla mitt samtycke" with a plain confirmation of what happens. */
function Withdraw({
  child,
  relation,
  consent,
  onWithdrawn,
}: {
  child: string;
  relation: PortalRelation;
  consent: PortalConsent;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <ConfirmStep
      id={`portal-withdraw-${consent.id}`}
      openLabel={t('portal.consents.withdraw.button')}
      openVariant="secondary"
      title={t('portal.consents.withdraw.confirmTitle')}
      confirmLabel={t('portal.consents.withdraw.yes')}
      onConfirm={async () => {
        const list = await withdrawPortalConsent(child, consent.id);
        qc.setQueryData(portalKeys.consents(child), list);
        void qc.invalidateQueries({ queryKey: portalKeys.consents(child) });
        onWithdrawn();
      }}
    >
      <ul className="portal-plain-list">
        <li>{t('portal.consents.withdraw.stops')}</li>
        <li>{t('portal.consents.withdraw.noUndo')}</li>
        <li>{t(`portal.consents.withdraw.later.${relation}`)}</li>
      </ul>
    </ConfirmStep>
  );
}

/** A consent request waiting for this person's answer: "ja" or "nej", with the card above as what it means. */
function Answer({ child, consent, onAnswered }: { child: string; consent: PortalConsent; onAnswered: (answer: 'given' | 'refused') => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<'given' | 'refused' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const titleId = `portal-answer-${consent.id}`;
  const send = async (answer: 'given' | 'refused') => {
    setBusy(answer);
    setError(null);
    try {
      const list = await answerPortalConsent(child, consent.id, answer);
      qc.setQueryData(portalKeys.consents(child), list);
      onAnswered(answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="portal-confirm" role="group" aria-labelledby={titleId}>
      <Heading level={4} data-size="xs" id={titleId}>
        {t('portal.consents.answer.title')}
      </Heading>
      <Paragraph>{t('portal.consents.answer.text')}</Paragraph>
      <FormAlert error={error} level={5} />
      <div className="portal-actions">
        <Button type="button" className="portal-touch" loading={busy === 'given'} disabled={busy !== null} onClick={() => void send('given')}>
          {t('portal.consents.answer.yes')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="portal-touch"
          loading={busy === 'refused'}
          disabled={busy !== null}
          onClick={() => void send('refused')}
        >
          {t('portal.consents.answer.no')}
        </Button>
      </div>
    </div>
  );
}

/** "Återkalla för en verksamhet": choose one unit, then confirm. The rest of the consent still holds. */
function WithdrawUnit({ child, consent, onWithdrawn }: { child: string; consent: PortalConsent; onWithdrawn: (unit: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const choices = consent.unitChoices.filter((u) => u.canWithdraw);
  const [unitId, setUnitId] = useState('');
  const [choiceError, setChoiceError] = useState('');
  const titleId = `portal-withdraw-unit-${consent.id}`;
  if (choices.length === 0 || consent.unitChoices.length < 3) return null;
  const chosen = choices.find((u) => u.id === unitId);
  return (
    <ConfirmStep
      id={titleId}
      openLabel={t('portal.consents.unit.button')}
      openVariant="tertiary"
      title={t('portal.consents.unit.title')}
      confirmLabel={chosen ? t('portal.consents.unit.yes', { unit: chosen.name }) : t('portal.consents.unit.yesNone')}
      onConfirm={async () => {
        if (!chosen) {
          setChoiceError(t('portal.consents.unit.choose'));
          return false;
        }
        const list = await withdrawPortalConsentUnit(child, consent.id, chosen.id);
        qc.setQueryData(portalKeys.consents(child), list);
        onWithdrawn(chosen.name);
        return true;
      }}
    >
      <Paragraph>{t('portal.consents.unit.text')}</Paragraph>
      <fieldset className="portal-unit-choices" aria-describedby={choiceError ? `${titleId}-error` : undefined}>
        <legend>{t('portal.consents.unit.legend')}</legend>
        {choices.map((u) => (
          <label key={u.id} className="portal-unit-choice">
            <input
              type="radio"
              name={`unit-${consent.id}`}
              value={u.id}
              checked={unitId === u.id}
              onChange={() => {
                setUnitId(u.id);
                setChoiceError('');
              }}
            />
            <span>{u.name}</span>
          </label>
        ))}
        {choiceError && (
          <ValidationMessage id={`${titleId}-error`} role="alert">
            {choiceError}
          </ValidationMessage>
        )}
      </fieldset>
    </ConfirmStep>
  );
}

function ConsentCard({
  child,
  relation,
  consent,
  onWithdrawn,
}: {
  child: string;
  relation: PortalRelation;
  consent: PortalConsent;
  onWithdrawn: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
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
    { term: t('portal.consents.about'), value: list(i18n.language === 'en' ? consent.aboutEn : consent.about) },
    ...(consent.withdrawnUnits.length > 0
      ? [
          {
            term: t('portal.consents.unit.withdrawnTerm'),
            value: list(consent.withdrawnUnits.map((w) => t('portal.consents.unit.withdrawnValue', { unit: w.name, date: date(w.on) }))),
          },
        ]
      : []),
    { term: t('portal.consents.until'), value: date(consent.validUntil) },
  ];
  return (
    <Card asChild className="portal-card">
      <article aria-labelledby={headingId}>
        <Heading level={3} data-size="sm" id={headingId} tabIndex={-1}>
          {t('portal.consents.heading', { date: date(consent.validFrom) })}
        </Heading>
        <div className="portal-status">
          <Tag data-size="sm" data-color={STATUS_COLOR[consent.status]}>
            {t(`portal.consents.status.${consent.status}`)}
          </Tag>
          <Paragraph>{localize(consent.statusText, consent.statusTextEn)}</Paragraph>
        </div>
        <DefinitionList items={items} />
        {consent.myAnswer && (
          <Paragraph>
            {t('portal.consents.myAnswer', {
              answer: t(`portal.consents.answers.${consent.myAnswer}`, { defaultValue: consent.myAnswer }),
            })}
          </Paragraph>
        )}
        {consent.canAnswer && (
          <Answer
            child={child}
            consent={consent}
            onAnswered={(answer) => onWithdrawn(t(answer === 'given' ? 'portal.consents.answer.doneYes' : 'portal.consents.answer.doneNo'))}
          />
        )}
        {canWithdraw(consent) && (
          <Withdraw child={child} relation={relation} consent={consent} onWithdrawn={() => onWithdrawn(t('portal.consents.withdraw.done'))} />
        )}
        {canWithdraw(consent) && (
          <WithdrawUnit child={child} consent={consent} onWithdrawn={(unit) => onWithdrawn(t('portal.consents.unit.done', { unit }))} />
        )}
      </article>
    </Card>
  );
}

export function PortalConsentsSection({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const consents = usePortalConsents(child);
  const [status, setStatus] = useState('');
  const [withdrawnId, setWithdrawnId] = useState<string | null>(null);

  // After a withdrawal the button is gone: focus moves to the consent's heading.
  useEffect(() => {
    if (withdrawnId) document.getElementById(`portal-consent-${withdrawnId}`)?.focus();
  }, [withdrawnId]);

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
                <ConsentCard
                  child={child}
                  relation={relation}
                  consent={c}
                  onWithdrawn={(message) => {
                    setWithdrawnId(c.id);
                    setStatus(message);
                  }}
                />
              </li>
            ))}
          </ul>
        ))}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
      <Paragraph>{t(`portal.consents.change.${relation}`)}</Paragraph>
    </Section>
  );
}
