import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '@digdir/designsystemet-react';

/** An ISO date (YYYY-MM-DD) in words, e.g. "23 november 2026". */
export function useDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
  return (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : format.format(d);
  };
}

/** A section with a heading and a decorative icon; the heading carries the meaning. */
export function Section({ id, icon, title, children }: { id: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <section className="portal-section" aria-labelledby={id}>
      <div className="portal-section__head">
        {icon}
        <Heading level={2} data-size="md" id={id}>
          {title}
        </Heading>
      </div>
      {children}
    </section>
  );
}
