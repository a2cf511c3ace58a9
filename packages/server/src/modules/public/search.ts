import { SUPPORT_LEVELS, type SupportLevel } from '@samsyn/domain';
import type { PublicOffer } from './read.ts';

/** What the visitor typed, as typed (to fill the form in again). */
export interface SearchInput {
  omrade: string;
  alder: string;
  niva: string;
  q: string;
}

export interface SearchFilter {
  area?: string;
  age?: number;
  level?: SupportLevel;
  q?: string;
}

export interface SearchError {
  sv: string;
  en: string;
}

export const QUERY_MAX = 100;
const FIELDS = ['omrade', 'alder', 'niva', 'q'] as const;
// Same rule as the API's single-line text: no control characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Reads the GET form (omrade, alder, niva, q). Empty fields mean "any". Anything else that is
 * wrong is a message for the visitor, in Swedish with English second; the search is then not run.
 */
export function parseSearch(query: unknown, activeAreaKeys: readonly string[]): { input: SearchInput; filter: SearchFilter; errors: SearchError[] } {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const errors: SearchError[] = [];
  const input: SearchInput = { omrade: '', alder: '', niva: '', q: '' };
  for (const field of FIELDS) {
    const v = raw[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') {
      errors.push({ sv: 'Varje sökfält får bara finnas en gång i adressen.', en: 'Each search field may be given only once.' });
      continue;
    }
    input[field] = v;
  }
  const filter: SearchFilter = {};

  const area = input.omrade.trim();
  if (area) {
    if (activeAreaKeys.includes(area)) filter.area = area;
    else errors.push({ sv: 'Området finns inte. Välj ett område i listan.', en: 'Unknown area. Choose an area from the list.' });
  }

  const age = input.alder.trim();
  if (age) {
    if (/^\d{1,2}$/.test(age) && Number(age) <= 25) filter.age = Number(age);
    else errors.push({ sv: 'Skriv åldern i hela år, från 0 till 25.', en: 'Give the age in whole years, from 0 to 25.' });
  }

  const level = input.niva.trim();
  if (level) {
    if ((SUPPORT_LEVELS as readonly string[]).includes(level)) filter.level = level as SupportLevel;
    else errors.push({ sv: 'Nivån finns inte. Välj en nivå i listan.', en: 'Unknown level. Choose a level from the list.' });
  }

  const q = input.q.trim();
  if (input.q.length > QUERY_MAX)
    errors.push({
      sv: `Sökordet är för långt: högst ${QUERY_MAX} tecken, du skrev ${input.q.length}.`,
      en: `The search text is too long: at most ${QUERY_MAX} characters, you wrote ${input.q.length}.`,
    });
  else if (CONTROL.test(input.q))
    errors.push({ sv: 'Sökordet innehåller tecken som inte är tillåtna.', en: 'The search text contains characters that are not allowed.' });
  else if (q) filter.q = q;

  return { input, filter, errors };
}

const fold = (s: string) => s.toLocaleLowerCase('sv-SE');

/** The entries that match every given filter; free text looks in the name, the description and the unit's name. */
export function filterOffers(offers: readonly PublicOffer[], f: SearchFilter): PublicOffer[] {
  const q = f.q ? fold(f.q) : null;
  return offers.filter(
    (o) =>
      (f.area === undefined || o.areaKeys.includes(f.area)) &&
      (f.age === undefined || (o.ageMin <= f.age && f.age <= o.ageMax)) &&
      (f.level === undefined || o.level === f.level) &&
      (q === null || [o.name, o.description, o.unitName].some((text) => fold(text).includes(q))),
  );
}
