import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AuditVerification } from '../../api/types';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { useAuditLabels, useDateTimeFormat } from './labels';
import { useAuditVerification } from './api';

function ChainMessage({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const formatTime = useDateTimeFormat();

  let message: string;
  if (result.intact) {
    const unsealed = result.unsealed > 0 ? t('auditLog.chain.unsealed', { count: result.unsealed }) : '';
    message = t('auditLog.chain.intact', { count: result.links, unsealed });
  } else if (result.firstBreak) {
    message = t('auditLog.chain.broken', {
      linkNo: result.firstBreak.linkNo,
      auditId: result.firstBreak.auditId,
      reason: labels.breakReason(result.firstBreak.reason),
    });
  } else {
    message = t('auditLog.chain.brokenUnknown');
  }

  return (
    <Alert data-color={result.intact ? 'success' : 'danger'}>
      <Paragraph>{message}</Paragraph>
      <Paragraph data-size="sm">{t('auditLog.chain.checkedAt', { time: formatTime(result.checkedAt) })}</Paragraph>
    </Alert>
  );
}

/** Result of the hash-chain check, with "Kontrollera igen". */
export function ChainStatus() {
  const { t } = useTranslation();
  const verification = useAuditVerification();

  return (
    <section aria-labelledby="chain-heading" className="section">
      <Heading level={2} data-size="md" id="chain-heading">
        {t('auditLog.chain.heading')}
      </Heading>
      {verification.isPending && <Loading text={t('auditLog.chain.checking')} />}
      {verification.isError && <FormAlert error={verification.error} />}
      {/* The checked-at time changes on every check, so a new result is always announced. */}
      <div aria-live="polite">{verification.data && <ChainMessage result={verification.data} />}</div>
      <div className="page-actions">
        <Button type="button" variant="secondary" loading={verification.isFetching} onClick={() => void verification.refetch()}>
          {t('auditLog.chain.recheck')}
        </Button>
      </div>
    </section>
  );
}
