import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { editButtonId } from '../admin/Editor';
import type { SupportOffer } from './api';
import { useDirectoryLabels } from './labels';

interface Props {
  offer: SupportOffer;
  /** Area key → the wheel's label in the current language. */
  areaLabel: (key: string) => string;
  onEdit: (offer: SupportOffer) => void;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/** One entry of the directory, with every field; "Ändra" only when the server says `mayEdit`. */
export function OfferCard({ offer, areaLabel, onEdit }: Props) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const headingId = `offer-${offer.id}`;
  const items: DefinitionItem[] = [
    { term: t('directory.fields.level'), value: labels.level(offer.level) },
    { term: t('directory.fields.ages'), value: labels.ages(offer.ageMin, offer.ageMax) },
    { term: t('directory.fields.areas'), value: offer.areaKeys.length ? offer.areaKeys.map(areaLabel).join(', ') : t('common.notGiven') },
    { term: t('directory.fields.kind'), value: labels.kind(offer.kind) },
    { term: t('directory.fields.howToGet'), value: <span className="directory-text">{offer.howToGet}</span> },
    {
      term: t('directory.fields.contact'),
      value: (
        <span className="directory-contact">
          {offer.contactEmail && <Link href={`mailto:${offer.contactEmail}`}>{offer.contactEmail}</Link>}
          {offer.contactPhone && <Link href={telHref(offer.contactPhone)}>{offer.contactPhone}</Link>}
        </span>
      ),
    },
  ];
  if (offer.typicalWait) items.push({ term: t('directory.fields.typicalWait'), value: offer.typicalWait });
  if (offer.evidenceNote)
    items.push({ term: t('directory.fields.evidenceNote'), value: <span className="directory-text">{offer.evidenceNote}</span> });

  return (
    <Card asChild className="directory-card">
      <article aria-labelledby={headingId}>
        <Heading level={3} data-size="xs" id={headingId}>
          {offer.name}
        </Heading>
        <Paragraph className="directory-card__unit">{offer.unit.name}</Paragraph>
        <Paragraph className="directory-text">{offer.description}</Paragraph>
        <DefinitionList items={items} />
        {offer.mayEdit && (
          <div className="form__actions">
            <Button id={editButtonId(offer.id)} type="button" variant="secondary" data-size="sm" onClick={() => onEdit(offer)}>
              {t('common.edit')}
              <span className="ds-sr-only"> {offer.name}</span>
            </Button>
          </div>
        )}
      </article>
    </Card>
  );
}
