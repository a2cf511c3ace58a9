import { useEffect, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Text for the document title; defaults to the heading when it is a string. */
  title?: string;
}

/** The single <h1> of a page. Also sets the document title. */
export function PageHeading({ children, title }: Props) {
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} – ${t('app.name')}` : t('app.name');
  }, [text, t]);
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
