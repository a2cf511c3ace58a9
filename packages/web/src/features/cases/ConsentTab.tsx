import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Fieldset, Heading, List, Paragraph, Radio, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { CONSENT_METHODS, type Consent, type ConsentGiverLine, type ConsentMethod } from '../../api/types';
import { useLocalize } from '../../i18n/localize';
import { DefinitionList } from '../../ui/DefinitionList';
import { FormAlert } from '../../ui/FormAlert';
import { Missing } from '../../ui/Missing';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { giverKey, recordAnswer, todaySv, withdrawConsent } from './api';
import { focusLater, useCaseContext } from './caseContext';
import { ConsentForm } from './ConsentForm';
import { consentStatusColor, useCaseLabels, useDateFormat } from './labels';

const DOC_SHOWN = fieldMatcher(['answer', 'method', 'documentedAt']);

/** "Hur?" select and "Datum" input, shared by the answer and withdrawal forms. */
export function MethodAndDate({
  idPrefix,
  method,
  date,
  onMethod,
  onDate,
  methodError,
  dateError,
}: {
  idPrefix: string;
  method: ConsentMethod | '';
  date: string;
  onMethod: (m: ConsentMethod | '') => void;
  onDate: (d: string) => void;
  methodError?: string;
  dateError?: string;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return (
    <div className="form__inline">
      <SelectField
        id={`${idPrefix}-method`}
        label={t('consent.howQuestion')}
        value={method}
        error={methodError}
        onChange={(e) => onMethod(e.target.value as ConsentMethod | '')}
      >
        <option value="">{t('common.choose')}</option>
        {CONSENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {labels.method(m)}
          </option>
        ))}
      </SelectField>
      <Textfield
        id={`${idPrefix}-date`}
        label={t('consent.dateLabel')}
        type="date"
        max={todaySv()}
        value={date}
        error={dateError}
        onChange={(e) => onDate(e.target.value)}
      />
    </div>
  );
}

interface GiverFormProps {
  consent: Consent;
  giver: ConsentGiverLine;
  onClose: () => void;
}

/** "Registrera svar": the answer of a giver who was not asked when the consent was recorded. */
function AnswerForm({ consent, giver, onClose }: GiverFormProps) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { c, store, reload } = useCaseContext();
  const [answer, setAnswer] = useState<'given' | 'refused' | ''>('');
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  const [date, setDate] = useState(todaySv());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = useFieldErrors({}, error, clientErrors);
  const idPrefix = `answer-${consent.id}-${giverKey(giver.giver)}`;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!answer) errors.answer = 'consent.form.errors.choose';
    if (!method) errors.method = 'consent.form.errors.methodRequired';
    if (!date) errors.documentedAt = 'consent.form.errors.dateRequired';
    setClientErrors(errors);
    setError(null);
    if (!answer || !method || !date) {
      focusLater(!answer ? `${idPrefix}-given` : !method ? `${idPrefix}-method` : `${idPrefix}-date`);
      return;
    }
    setSaving(true);
    try {
      const fresh = await recordAnswer(c.id, consent.id, { version: consent.version, giver: giver.giver, answer, method, documentedAt: date });
      store(fresh, t('consent.answerSaved', { label: giver.label }));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const answerError = errorFor('answer');
  return (
    <form className="form giver-form" noValidate aria-label={t('consent.answerFormName', { label: giver.label })} onSubmit={(e) => void onSubmit(e)}>
      <Heading level={5} data-size="2xs">
        {t('consent.answerFormName', { label: giver.label })}
      </Heading>
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, DOC_SHOWN)} onReload={() => void reload()} level={5} />
      <Fieldset>
        <Fieldset.Legend>{t('consent.answerLegend')}</Fieldset.Legend>
        {(['given', 'refused'] as const).map((a) => (
          <Radio
            key={a}
            id={`${idPrefix}-${a}`}
            name={`${idPrefix}-answer`}
            label={labels.answer(a)}
            value={a}
            checked={answer === a}
            aria-invalid={answerError ? true : undefined}
            onChange={() => setAnswer(a)}
          />
        ))}
        {answerError && <ValidationMessage>{answerError}</ValidationMessage>}
      </Fieldset>
      <MethodAndDate
        idPrefix={idPrefix}
        method={method}
        date={date}
        onMethod={setMethod}
        onDate={setDate}
        methodError={errorFor('method')}
        dateError={errorFor('documentedAt')}
      />
      <div className="form__actions">
        <Button type="submit" loading={saving}>
          {t('consent.answerSubmit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Withdrawal by one giver: method and date; the server refuses when it is not allowed. */
function WithdrawForm({ consent, giver, onClose }: GiverFormProps) {
  const { t } = useTranslation();
  const { c, store, reload } = useCaseContext();
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  const [date, setDate] = useState(todaySv());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = useFieldErrors({}, error, clientErrors);
  const idPrefix = `withdraw-${consent.id}-${giverKey(giver.giver)}`;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!method) errors.method = 'consent.form.errors.methodRequired';
    if (!date) errors.documentedAt = 'consent.form.errors.dateRequired';
    setClientErrors(errors);
    setError(null);
    if (!method || !date) {
      focusLater(!method ? `${idPrefix}-method` : `${idPrefix}-date`);
      return;
    }
    setSaving(true);
    try {
      const fresh = await withdrawConsent(c.id, consent.id, { version: consent.version, giver: giver.giver, method, documentedAt: date });
      store(fresh, t('consent.withdrawn', { label: giver.label }));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form giver-form"
      noValidate
      aria-label={t('consent.withdrawFormName', { label: giver.label })}
      onSubmit={(e) => void onSubmit(e)}
    >
      <Heading level={5} data-size="2xs">
        {t('consent.withdrawFormName', { label: giver.label })}
      </Heading>
      <Paragraph>{t('consent.withdrawIntro')}</Paragraph>
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, DOC_SHOWN)} onReload={() => void reload()} level={5} />
      <MethodAndDate
        idPrefix={idPrefix}
        method={method}
        date={date}
        onMethod={setMethod}
        onDate={setDate}
        methodError={errorFor('method')}
        dateError={errorFor('documentedAt')}
      />
      <div className="form__actions">
        <Button type="submit" data-color="danger" loading={saving}>
          {t('consent.withdrawSubmit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

const ENDED = new Set(['withdrawn', 'expired', 'lapsed_at_18']);

type OpenForm = { kind: 'answer' | 'withdraw'; key: string } | null;

function ConsentCard({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useCaseLabels();
  const date = useDateFormat();
  const { c, announce } = useCaseContext();
  const [open, setOpen] = useState<OpenForm>(null);
  const headingId = `consent-${consent.id}-heading`;
  const canRecord = c.access.abilities.recordConsent;
  const toggleId = (kind: 'answer' | 'withdraw', key: string) => `${kind}-toggle-${consent.id}-${key}`;

  const toggle = (kind: 'answer' | 'withdraw', key: string) => {
    announce(null);
    setOpen((current) => (current?.kind === kind && current.key === key ? null : { kind, key }));
  };
  const close = () => {
    const current = open;
    setOpen(null);
    if (current) focusLater(toggleId(current.kind, current.key));
  };
  const openGiver = open ? consent.givers.find((g) => giverKey(g.giver) === open.key) : undefined;

  return (
    <Card className="consent-card" data-color="neutral" data-consent-id={consent.id}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('consent.cardTitle', { purpose: labels.purpose(consent.purposeCategory) })}
      </Heading>
      <div className="consent-card__status">
        <Tag data-color={consentStatusColor(consent.status)}>{labels.consentStatus(consent.status)}</Tag>
        {consent.expiresWithin30Days && !ENDED.has(consent.status) && <Tag data-color="warning">{t('consent.expiresSoon')}</Tag>}
      </div>
      <Paragraph>{localize(consent.reasonSv, consent.reasonEn)}</Paragraph>
      <DefinitionList
        items={[
          { term: t('consent.validity'), value: t('consent.validityValue', { from: consent.validFrom, until: consent.validUntil }) },
          { term: t('consent.units'), value: consent.units.map((u) => u.name).join(', ') },
          ...(consent.unitWithdrawals.length > 0
            ? [
                {
                  term: t('consent.unitWithdrawals'),
                  value: consent.unitWithdrawals
                    .map((w) => t('consent.unitWithdrawal', { unit: w.unit.name, date: date(w.on), by: w.byLabel }))
                    .join(' '),
                },
              ]
            : []),
          { term: t('consent.categories'), value: consent.categories.map(labels.category).join(', ') },
          ...(consent.purposeText ? [{ term: t('consent.purposeText'), value: consent.purposeText }] : []),
        ]}
      />
      <Heading level={4} data-size="xs">
        {t('consent.summary')}
      </Heading>
      <Paragraph lang="sv">{consent.summarySv}</Paragraph>
      <Heading level={4} data-size="xs">
        {t('consent.giversCaption')}
      </Heading>
      <div className="table-wrap">
        <Table zebra data-size="sm">
          <caption className="ds-sr-only">{t('consent.giversCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('consent.giver')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.required')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.answer')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.method')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.documentedBy')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.date')}</Table.HeaderCell>
              <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {consent.givers.map((g) => {
              const key = giverKey(g.giver);
              const canAnswer = canRecord && g.answer === 'not_asked' && !ENDED.has(consent.status);
              const canWithdraw = g.answer === 'given' && !ENDED.has(consent.status);
              return (
                <Table.Row key={key}>
                  <Table.HeaderCell scope="row">{g.label}</Table.HeaderCell>
                  <Table.Cell>{g.required ? t('common.yes') : t('common.no')}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={g.answer === 'given' ? 'success' : g.answer === 'not_asked' ? 'neutral' : 'danger'}>
                      {labels.answer(g.answer)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{g.method ? labels.method(g.method) : <Missing />}</Table.Cell>
                  <Table.Cell>{g.documentedByName ?? <Missing />}</Table.Cell>
                  <Table.Cell className="nowrap">{g.documentedAt ? date(g.documentedAt) : <Missing />}</Table.Cell>
                  <Table.Cell>
                    <div className="cell-actions">
                      {canAnswer && (
                        <Button
                          id={toggleId('answer', key)}
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          aria-expanded={open?.kind === 'answer' && open.key === key}
                          onClick={() => toggle('answer', key)}
                        >
                          {t('consent.answerToggle', { label: g.label })}
                        </Button>
                      )}
                      {canWithdraw && (
                        <Button
                          id={toggleId('withdraw', key)}
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          aria-expanded={open?.kind === 'withdraw' && open.key === key}
                          onClick={() => toggle('withdraw', key)}
                        >
                          {t('consent.withdrawToggle', { label: g.label })}
                        </Button>
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {open?.kind === 'answer' && openGiver && <AnswerForm key={open.key} consent={consent} giver={openGiver} onClose={close} />}
      {open?.kind === 'withdraw' && openGiver && <WithdrawForm key={open.key} consent={consent} giver={openGiver} onClose={close} />}
      {consent.issues.length > 0 && (
        <>
          <Heading level={4} data-size="xs">
            {t('consent.issues')}
          </Heading>
          <List.Unordered>
            {consent.issues.map((issue) => (
              <List.Item key={issue.code}>{localize(issue.sv, issue.en)}</List.Item>
            ))}
          </List.Unordered>
        </>
      )}
      {consent.maturity && (
        <>
          <Heading level={4} data-size="xs">
            {t('consent.maturity')}
          </Heading>
          <Paragraph>
            {consent.maturity.isMature ? t('consent.maturityMature') : t('consent.maturityNotMature')}{' '}
            {consent.maturity.assessedByName
              ? t('consent.maturityBy', { date: date(consent.maturity.assessedAt), name: consent.maturity.assessedByName })
              : t('consent.maturityOn', { date: date(consent.maturity.assessedAt) })}
          </Paragraph>
          {consent.maturity.reasoning && <Paragraph className="pre-wrap">{consent.maturity.reasoning}</Paragraph>}
        </>
      )}
    </Card>
  );
}

/** The "Samtycke" tab: the consent ledger of the case and the form to record a new consent. */
export function ConsentTab() {
  const { t } = useTranslation();
  const { c } = useCaseContext();
  const canRecord = c.access.abilities.recordConsent && c.child !== null && c.child.visible;
  return (
    <div className="tab-content">
      <section className="section">
        <Heading level={2} data-size="md" id="consents-heading">
          {t('consent.heading')}
        </Heading>
        {c.child === null && <Paragraph>{t('consent.noChild')}</Paragraph>}
        {c.consents.length === 0 ? (
          <Paragraph>{t('consent.none')}</Paragraph>
        ) : (
          c.consents.map((consent) => <ConsentCard key={consent.id} consent={consent} />)
        )}
      </section>
      {canRecord && <ConsentForm key={c.consents.length} />}
    </div>
  );
}
