/** Plain-language messages (Swedish first, English second) for what the de-identification check finds. */
import { joinEn, joinSv } from '../consent/text.ts';
import { IDENTIFIER_KINDS, type IdentifierFinding, type IdentifierKind } from './types.ts';

interface KindText {
  /** "något som liknar ett personnummer": what was found, with its article. */
  found: { sv: string; en: string };
  /** Pronoun for "ta bort det/den", by the Swedish noun's gender. */
  pronounSv: 'det' | 'den';
  /** What a de-identified consultation must not contain, in the plural. */
  forbidden: { sv: string; en: string };
  /** For the summary: singular and plural. */
  label: { sv: [string, string]; en: [string, string] };
}

const KIND_TEXT: Record<IdentifierKind, KindText> = {
  personnummer: {
    found: { sv: 'något som liknar ett personnummer', en: 'something that looks like a personal identity number' },
    pronounSv: 'det',
    forbidden: { sv: 'personnummer', en: 'personal identity numbers' },
    label: { sv: ['personnummer', 'personnummer'], en: ['personal identity number', 'personal identity numbers'] },
  },
  name: {
    found: { sv: 'namnet', en: 'the name' },
    pronounSv: 'det',
    forbidden: { sv: 'namn', en: 'names' },
    label: { sv: ['namn', 'namn'], en: ['name', 'names'] },
  },
  phone: {
    found: { sv: 'något som liknar ett telefonnummer', en: 'something that looks like a phone number' },
    pronounSv: 'det',
    forbidden: { sv: 'telefonnummer', en: 'phone numbers' },
    label: { sv: ['telefonnummer', 'telefonnummer'], en: ['phone number', 'phone numbers'] },
  },
  email: {
    found: { sv: 'något som liknar en e-postadress', en: 'something that looks like an email address' },
    pronounSv: 'den',
    forbidden: { sv: 'e-postadresser', en: 'email addresses' },
    label: { sv: ['e-postadress', 'e-postadresser'], en: ['email address', 'email addresses'] },
  },
  address: {
    found: { sv: 'något som liknar en adress', en: 'something that looks like a street address' },
    pronounSv: 'den',
    forbidden: { sv: 'adresser', en: 'addresses' },
    label: { sv: ['adress', 'adresser'], en: ['address', 'addresses'] },
  },
};

const COORDINATION_FOUND = { sv: 'något som liknar ett samordningsnummer', en: 'something that looks like a coordination number' };

/**
 * The message for one finding. `coordinationNumber` words a personnummer-shaped match with
 * day + 60 as a samordningsnummer (it is still reported as kind 'personnummer').
 */
export function findingMessages(kind: IdentifierKind, match: string, coordinationNumber = false): { message: string; messageEn: string } {
  const text = KIND_TEXT[kind];
  const found = coordinationNumber ? COORDINATION_FOUND : text.found;
  if (kind === 'name') {
    return {
      message: `Texten innehåller namnet "${match}", som hör till barnet eller en vårdnadshavare. Ta bort det – en avidentifierad konsultation får inte innehålla namn.`,
      messageEn: `The text contains the name "${match}", which belongs to the child or a guardian. Remove it – a de-identified consultation must not contain names.`,
    };
  }
  return {
    message: `Texten innehåller ${found.sv} ("${match}"). Ta bort ${text.pronounSv} – en avidentifierad konsultation får inte innehålla ${text.forbidden.sv}.`,
    messageEn: `The text contains ${found.en} ("${match}"). Remove it – a de-identified consultation must not contain ${text.forbidden.en}.`,
  };
}

/**
 * One sentence summing up the findings by kind, for the refusal shown next to the form, e.g.
 * "Texten innehåller uppgifter som kan identifiera barnet: personnummer och telefonnummer. Ta bort dem innan du sparar."
 */
export function describeFindings(findings: readonly IdentifierFinding[]): { sv: string; en: string } {
  const counts = new Map<IdentifierKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  if (counts.size === 0) {
    return {
      sv: 'Inga personnummer, namn, telefonnummer, e-postadresser eller adresser hittades i texten.',
      en: 'No personal identity numbers, names, phone numbers, email addresses or addresses were found in the text.',
    };
  }
  const kinds = IDENTIFIER_KINDS.filter((k) => counts.has(k));
  const label = (k: IdentifierKind, lang: 'sv' | 'en') => KIND_TEXT[k].label[lang][(counts.get(k) ?? 0) > 1 ? 1 : 0];
  return {
    sv: `Texten innehåller uppgifter som kan identifiera barnet: ${joinSv(kinds.map((k) => label(k, 'sv')))}. Ta bort dem innan du sparar.`,
    en: `The text contains details that could identify the child: ${joinEn(kinds.map((k) => label(k, 'en')))}. Remove them before saving.`,
  };
}
