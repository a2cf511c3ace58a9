import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { interventionsTabLink, useMyInterventionWarnings } from './api';
import './interventions.css';

const HEADING_ID = 'my-intervention-warnings-heading';

/**
 * "Varningar om insatser" on Mina uppgifter and the samordnare's overview: where the acting unit
 * should act (parallel interventions, unanswered hand-overs, not started, plan actions nobody owns).
 */
export function InterventionWarningsSection() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const warnings = useMyInterventionWarnings();
  const items = warnings.data?.items ?? [];
  return (
    <section aria-labelledby={HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={HEADING_ID}>
        {t('interventions.myWarnings.heading')}
      </Heading>
      <Paragraph>{t('interventions.myWarnings.intro')}</Paragraph>
      {warnings.isPending && <Loading />}
      {warnings.isError && <FormAlert error={warnings.error} level={3} />}
      {warnings.isSuccess && items.length === 0 && <Paragraph>{t('interventions.myWarnings.none')}</Paragraph>}
      {items.length > 0 && (
        <ul className="decision-list" aria-label={t('interventions.myWarnings.heading')}>
          {items.map((w, i) => (
            <li key={`${w.caseId}-${w.warning.kind}-${i}`} className="decision intervention-warning">
              <Paragraph>
                <strong>{w.pseudonym}:</strong> {localize(w.warning.message, w.warning.messageEn)}
              </Paragraph>
              <Paragraph>
                <Link asChild>
                  <RouterLink to={interventionsTabLink(w.caseId)} aria-label={t('interventions.myWarnings.openLabel', { pseudonym: w.pseudonym })}>
                    {t('interventions.myWarnings.open')}
                  </RouterLink>
                </Link>
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
