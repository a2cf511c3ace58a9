import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { portalKeys, usePortalConsents, withdrawPortalConsent, type PortalConsent, type PortalConsentStatus, type PortalRelation } from './api';
import { ConsentIcon } from './icons';
import { Section, useDate } from './parts';

const STATUS_COLOR: Record<PortalConsentStatus, 'success' | 'warning' | 'neutral' | 'danger'> = {
  active: 'success',
  pending: 'warning',
  expired: 'neutral',
  withdrawn: 'danger',
};

const canWithdraw = (c: PortalConsent) => c.myAnswer === 'given' && (c.status === 'active' || c.status === 'pending');

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
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const titleId = `portal-withdraw-${consent.id}`;

  useEffect(() => {
    if (open) confirmHeading.current?.focus();
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
      const list = await withdrawPortalConsent(child, consent.id);
      qc.setQueryData(portalKeys.consents(child), list);
      void qc.invalidateQueries({ queryKey: portalKeys.consents(child) });
      onWithdrawn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <div>
        <Button ref={openButton} type="button" variant="secondary" className="portal-touch" onClick={() => setOpen(true)}>
          {t('portal.consents.withdraw.button')}
        </Button>
      </div>
    );
  return (
    <div className="portal-confirm" role="group" aria-labelledby={titleId}>
      <Heading level={4} data-size="xs" id={titleId} ref={confirmHeading} tabIndex={-1}>
        {t('portal.consents.withdraw.confirmTitle')}
      </Heading>
      <ul className="portal-plain-list">
        <li>{t('portal.consents.withdraw.stops')}</li>
        <li>{t('portal.consents.withdraw.noUndo')}</li>
        <li>{t(`portal.consents.withdraw.later.${relation}`)}</li>
      </ul>
      <FormAlert error={error} level={5} />
      <div className="portal-actions">
        <Button type="button" data-color="danger" className="portal-touch" loading={busy} onClick={() => void confirm()}>
          {t('portal.consents.withdraw.yes')}
        </Button>
        <Button type="button" variant="secondary" className="portal-touch" disabled={busy} onClick={cancel}>
          {t('portal.consents.withdraw.cancel')}
        </Button>
      </div>
    </div>
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
  onWithdrawn: () => void;
}) {
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
        <Heading level={3} data-size="sm" id={headingId} tabIndex={-1}>
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
        {canWithdraw(consent) && <Withdraw child={child} relation={relation} consent={consent} onWithdrawn={onWithdrawn} />}
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
                  onWithdrawn={() => {
                    setWithdrawnId(c.id);
                    setStatus(t('portal.consents.withdraw.done'));
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
