import type { FieldError } from '../consent/types.ts';

/**
 * The "vem gör vad" directory (issue 6 §1): what support (insats) each unit offers. A contact is
 * always a function mailbox or a phone number, never a private person.
 */
export const SUPPORT_LEVELS = ['universal', 'selective', 'indicated'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];
export const SUPPORT_LEVEL_LABELS: Record<SupportLevel, { sv: string; en: string }> = {
  universal: { sv: 'För alla', en: 'Universal' },
  selective: { sv: 'För grupper med risk', en: 'Selective' },
  indicated: { sv: 'För enskilda med behov', en: 'Indicated' },
};

export const SUPPORT_KINDS = ['service', 'bistand', 'health_care', 'school_support'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, { sv: string; en: string }> = {
  service: { sv: 'Service utan beslut', en: 'Service without a decision' },
  bistand: { sv: 'Bistånd – ansökan och beslut', en: 'Assistance – application and decision' },
  health_care: { sv: 'Hälso- och sjukvård', en: 'Health care' },
  school_support: { sv: 'Stöd i skolan', en: 'School support' },
};

export interface SupportOfferInput {
  name: string;
  description: string;
  level: SupportLevel;
  ageMin: number;
  ageMax: number;
  areaKeys: string[];
  kind: SupportKind;
  howToGet: string;
  contactEmail: string | null;
  contactPhone: string | null;
  typicalWait: string;
  evidenceNote: string;
}

const error = (field: string, message: string, messageEn: string): FieldError => ({ field, message, messageEn });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/**
 * Field errors for a directory entry; empty means it can be saved. `personalEmails` are the
 * tenant's users' own addresses: a contact may not be one of them (a function mailbox only).
 */
export function validateSupportOffer(
  o: SupportOfferInput,
  context: { activeAreaKeys: readonly string[]; personalEmails: readonly string[] },
): FieldError[] {
  const errors: FieldError[] = [];
  if (!o.name.trim()) errors.push(error('name', 'Skriv vad insatsen heter.', 'Give the support a name.'));
  if (!o.description.trim()) errors.push(error('description', 'Beskriv insatsen med enkla ord.', 'Describe the support in plain words.'));
  if (!Number.isInteger(o.ageMin) || !Number.isInteger(o.ageMax) || o.ageMin < 0 || o.ageMax > 25)
    errors.push(error('ageMin', 'Åldern ska vara hela år mellan 0 och 25.', 'Ages are whole years from 0 to 25.'));
  else if (o.ageMin > o.ageMax)
    errors.push(
      error(
        'ageMax',
        `Åldersspannet är bakvänt: från ${o.ageMin} till ${o.ageMax} år.`,
        `The age range is backwards: from ${o.ageMin} to ${o.ageMax}.`,
      ),
    );
  const unknown = o.areaKeys.filter((k) => !context.activeAreaKeys.includes(k));
  if (unknown.length > 0) errors.push(error('areaKeys', 'Ett område finns inte i välbefinnandehjulet.', 'An area is not in the wellbeing wheel.'));
  if (new Set(o.areaKeys).size !== o.areaKeys.length) errors.push(error('areaKeys', 'Ett område finns med två gånger.', 'An area is listed twice.'));
  const email = o.contactEmail?.trim() || null;
  const phone = o.contactPhone?.trim() || null;
  if (!email && !phone)
    errors.push(
      error(
        'contactEmail',
        'Ange en funktionsbrevlåda eller ett telefonnummer till verksamheten.',
        "Give the unit's function mailbox or phone number.",
      ),
    );
  if (email && !EMAIL.test(email))
    errors.push(error('contactEmail', 'E-postadressen ser inte giltig ut.', 'The e-mail address does not look valid.'));
  else if (email && context.personalEmails.map((e) => e.toLowerCase()).includes(email.toLowerCase()))
    errors.push(
      error(
        'contactEmail',
        'Det är en persons egen e-postadress. Ange verksamhetens funktionsbrevlåda.',
        "That is a person's own address. Give the unit's function mailbox.",
      ),
    );
  if (phone && !PHONE.test(phone)) errors.push(error('contactPhone', 'Telefonnumret ser inte giltigt ut.', 'The phone number does not look valid.'));
  if (!o.howToGet.trim()) errors.push(error('howToGet', 'Skriv hur man får insatsen.', 'Say how to get the support.'));
  return errors;
}
