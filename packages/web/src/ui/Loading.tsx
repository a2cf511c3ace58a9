import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function Loading({ text }: { text?: string }) {
  const { t } = useTranslation();
  const label = text ?? t('common.loading');
  return (
    <div role="status" className="loading">
      <Spinner aria-hidden="true" data-size="sm" />
      <Paragraph>{label}</Paragraph>
    </div>
  );
}
