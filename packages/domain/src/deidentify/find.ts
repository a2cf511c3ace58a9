/**
 * The check behind an anonymous ("avidentifierad") consultation.
 *
 * Before the guardians have consented, a TSI team may discuss a child only without anything that
 * identifies the child (TSI-boken): the details are confidential (OSL 26:1 in social services,
 * 23:2 in school and elevhälsa, 25:1 in health care), and without consent they may not pass
 * between the organisations. A professional can slip, so before de-identified free text is saved
 * the server runs findIdentifiers and refuses with the findings' messages if any are found.
 *
 * The check is a pure heuristic: it looks for personnummer and samordningsnummer, phone
 * numbers, e-mail addresses, street addresses and the known names of the child and guardians.
 * It leans towards flagging (a typo'd personnummer is still identifying) while letting ordinary
 * professional notes through ("åk 5", "13:00", "40 %", "v. 38", "2024-05-12", "klass 7B").
 * It cannot catch everything – a nickname, a rare diagnosis or "the girl whose father runs the
 * pizzeria" – so it supports the professional's judgement and does not replace it.
 */
import { luhnCheckDigit } from '../identity-number.ts';
import { findingMessages } from './messages.ts';
import { findKnownNames } from './names.ts';
import { NOT_AFTER_WORD, NOT_BEFORE_WORD, SPACE, startsWithCapital } from './patterns.ts';
import type { DeidentifyOptions, IdentifierFinding, IdentifierKind } from './types.ts';

interface Candidate {
  kind: IdentifierKind;
  index: number;
  match: string;
  /** Wins over lower priorities where spans overlap. */
  priority: number;
  coordinationNumber?: boolean;
}

const PRIORITY: Record<IdentifierKind, number> = { personnummer: 50, email: 40, phone: 30, address: 20, name: 10 };
/** Below phone: see findPersonnummer. */
const AMBIGUOUS_PERSONNUMMER_PRIORITY = 25;

// ---------------------------------------------------------------------------------------------
// Personnummer and samordningsnummer

/**
 * YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN and YYMMDDNNNN, with a space allowed
 * instead of the dash. Not part of a longer digit run.
 */
const PERSONNUMMER = /(?<!\p{N})((?:19|20)\d{2}|\d{2})(\d{2})(\d{2})([-+ \u00a0]?)(\d{4})(?!\p{N})/gu;

function findPersonnummer(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(PERSONNUMMER)) {
    const [match, year = '', month = '', day = '', separator = '', serial = ''] = m;
    const mm = Number(month);
    const dd = Number(day);
    // The checksum is not required (a typo'd number still identifies), but the date must be plausible,
    // so that an invoice number like 9999999999 passes. Samordningsnummer have day + 60.
    if (mm < 1 || mm > 12) continue;
    const coordinationNumber = dd >= 61 && dd <= 91;
    if (!coordinationNumber && (dd < 1 || dd > 31)) continue;
    // Ten bare digits starting with 0 may just as well be a phone number (0701234567 is both
    // 070-123 45 67 and someone born 23 January 2007). Let the checksum decide: a valid one is
    // reported as a personnummer; otherwise a phone match of the same digits wins.
    const tenDigits = `${year.slice(-2)}${month}${day}${serial}`;
    const ambiguous = year.length === 2 && separator === '' && year.startsWith('0') && luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9]);
    found.push({
      kind: 'personnummer',
      index: m.index,
      match,
      priority: ambiguous ? AMBIGUOUS_PERSONNUMMER_PRIORITY : PRIORITY.personnummer,
      coordinationNumber,
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

const GAP = String.raw`${SPACE}?[\-–]${SPACE}?|${SPACE}`;
const AREA_GAP = String.raw`${SPACE}?[\-–/]${SPACE}?|${SPACE}`;
/**
 * Swedish numbers with a leading 0, +46 or 0046: 070-123 45 67, 08-123 456 78, (08) 123 45 67,
 * +46 (0)70 123 45 67, 0046 70 1234567. Not inside a word or a longer number, and not right after
 * "2024-" or "12/" (the tail of a date).
 */
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}+]|\p{N}[\-–/.:,])` +
    String.raw`(?:(?:\+|00)46(?:${GAP})?(?:\(0\)(?:${GAP})?|0)?[1-9]\d{0,2}|\(0[1-9]\d{0,2}\)|0[1-9]\d{0,2})` +
    String.raw`(?:${AREA_GAP})?\d{1,4}(?:(?:${GAP})?\d{1,4}){0,4}(?!\p{N})`,
  'gu',
);
/** Digits of the national form, counting the leading 0: 070-123 45 67 has 10. */
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 10;
/** "05-12-2024": a date that happens to start with 0. */
const DATE_LIKE = /^(?:0[1-9]|[12]\d|3[01])[ \-–/.](?:0[1-9]|1[0-2])[ \-–/.](?:19|20)\d{2}$/u;

function nationalDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = phone.startsWith('+') ? digits.slice(2) : phone.startsWith('00') ? digits.slice(4) : digits;
  return national.startsWith('0') ? national : `0${national}`;
}

/** Drops trailing digit groups that cannot belong to the number ("ring 070-123 45 67 12 gånger"). */
function trimPhone(raw: string): string | null {
  let phone = raw;
  while (nationalDigits(phone).length > MAX_PHONE_DIGITS) {
    const shorter = phone.replace(/(?:[ \u00a0]?[-–][ \u00a0]?|[ \u00a0])?\d+$/u, '');
    if (shorter === phone || !/\d$/.test(shorter)) return null;
    phone = shorter;
  }
  return nationalDigits(phone).length >= MIN_PHONE_DIGITS && !DATE_LIKE.test(phone) ? phone : null;
}

function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(PHONE)) {
    const phone = trimPhone(m[0]);
    if (phone) found.push({ kind: 'phone', index: m.index, match: phone, priority: PRIORITY.phone });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses

const DOMAIN_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
/** name@example.com, also "name @ example.com" and the disguised "name(at)example.com" / "name [at] example.com". */
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}._%+\-])[\p{L}\p{N}_%+\-](?:[\p{L}\p{N}._%+\-]*[\p{L}\p{N}_%+\-])?` +
    String.raw`(?:${SPACE}?@${SPACE}?|${SPACE}?[([]at[)\]]${SPACE}?)` +
    String.raw`${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})*\.\p{L}{2,}${NOT_BEFORE_WORD}`,
  'giu',
);

function findEmails(text: string): Candidate[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email', index: m.index, match: m[0], priority: PRIORITY.email }));
}

// ---------------------------------------------------------------------------------------------
// Street addresses

const STREET_SUFFIXES = [
  'gatan',
  'gata',
  'vägen',
  'väg',
  'gränden',
  'gränd',
  'stigen',
  'backen',
  'torget',
  'allén',
  'allé',
  'plan',
  'leden',
  'platsen',
  'slingan',
];
/** Also ordinary words (handlingsplan, arbetsplatsen, skidbacken): only a capitalised name counts. */
const PROPER_NOUN_SUFFIXES = ['plan', 'platsen', 'leden', 'backen', 'stigen'];
/** Plans a note talks about, not places ("Handlingsplan 2", "Läroplan 2011"). */
const DOCUMENT_PLAN =
  /(?:handlings|åtgärds|vård|behandlings|genomförande|studie|elev|läro|lär|arbets|samordnings|kris|utvecklings|skol|insats|stöd|mål)plan$/iu;
/** Words that make the street word a description rather than a name: "Lilla Nygatan", "Stora torget". */
const QUALIFIERS = ['Lilla', 'Stora', 'Norra', 'Södra', 'Östra', 'Västra', 'Gamla', 'Nya', 'Övre', 'Nedre', 'Sankt', 'S:t'];
/** "Gustav Adolfs torg 1", "Karl Johans gata 5": a genitive name before a separate street word. */
const NAMED_STREET_WORDS = ['väg', 'gata', 'torg', 'gränd', 'allé', 'backe', 'stig'];
const MIN_STREET_WORD = 5;

/** A number right after "vägen" is no house number if a unit follows: "halva vägen 2 veckor", "arbetsplatsen 3 dagar". */
const QUANTITY_UNITS = [
  ...['procent', 'dagar', 'dag', 'dygn', 'gånger', 'gång', 'ggr', 'veckor', 'vecka', 'v', 'timmar', 'timme', 'tim', 'h', 'minuter', 'min'],
  ...['månader', 'mån', 'år', 'st', 'stycken', 'kr', 'kronor', 'elever', 'elev', 'barn', 'personer', 'pers', 'km', 'meter', 'm'],
];
const NOT_A_QUANTITY = String.raw`(?!${SPACE}*(?:%|(?:${QUANTITY_UNITS.join('|')})(?![\p{L}\p{M}])))`;
/** 12, 12B, 12 B, and an apartment number: "5 lgh 1101", "5, lgh. 1101". */
const HOUSE_NUMBER = String.raw`(\d{1,4})${NOT_A_QUANTITY}(?:[a-z]|${SPACE}[a-h])?(?:,?${SPACE}*(?:lgh|lägenhet)\.?${SPACE}*\d{4})?${NOT_BEFORE_WORD}`;

const STREET = new RegExp(
  `${NOT_AFTER_WORD}(?:(${QUALIFIERS.join('|')})${SPACE}+)?(\\p{L}*(?:${STREET_SUFFIXES.join('|')}))${SPACE}+${HOUSE_NUMBER}`,
  'dgiu',
);
const NAMED_STREET = new RegExp(
  `${NOT_AFTER_WORD}(?:(\\p{L}+)${SPACE}+)?(\\p{L}+s)${SPACE}+(?:${NAMED_STREET_WORDS.join('|')})${SPACE}+${HOUSE_NUMBER}`,
  'dgiu',
);
/** Postal box: "Box 123" (capital B, so that "i box 3" in a storage note passes). */
const POST_BOX = new RegExp(`${NOT_AFTER_WORD}B(?:ox|OX)${SPACE}+\\d{1,6}${NOT_BEFORE_WORD}`, 'gu');

/** 1900–2099 is a year ("Vägen 2030"), not a house number. */
const isYear = (houseNumber: string) => /^(?:19|20)\d{2}$/.test(houseNumber);

function addressCandidate(text: string, start: number, end: number): Candidate {
  return { kind: 'address', index: start, match: text.slice(start, end), priority: PRIORITY.address };
}

function findAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(STREET)) {
    const [, qualifier, word = '', houseNumber = ''] = m;
    const lower = word.toLowerCase();
    const suffix = STREET_SUFFIXES.find((s) => lower.endsWith(s))!;
    const qualified = qualifier !== undefined && startsWithCapital(qualifier);
    if (isYear(houseNumber)) continue;
    // "gatan 3" or "plan 2" alone is no street; "Stora torget 3" is.
    if (lower === suffix ? !qualified : word.length < MIN_STREET_WORD) continue;
    if (PROPER_NOUN_SUFFIXES.includes(suffix) && !startsWithCapital(qualified ? qualifier : word)) continue;
    if (suffix === 'plan' && DOCUMENT_PLAN.test(word)) continue;
    const start = qualified ? m.index : m.indices![2]![0];
    found.push(addressCandidate(text, start, m.index + m[0].length));
  }
  for (const m of text.matchAll(NAMED_STREET)) {
    const [, first, genitive = '', houseNumber = ''] = m;
    if (isYear(houseNumber) || !startsWithCapital(genitive)) continue;
    const start = first !== undefined && startsWithCapital(first) ? m.index : m.indices![2]![0];
    found.push(addressCandidate(text, start, m.index + m[0].length));
  }
  for (const m of text.matchAll(POST_BOX)) found.push(addressCandidate(text, m.index, m.index + m[0].length));
  return found;
}

// ---------------------------------------------------------------------------------------------

/**
 * Keeps the strongest of overlapping candidates: higher priority first (a personnummer over the
 * phone number made of the same digits), then the longer span ("Ella Johansson" over "Ella").
 */
function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.priority - a.priority || b.match.length - a.match.length || a.index - b.index);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    const end = c.index + c.match.length;
    if (!kept.some((k) => c.index < k.index + k.match.length && k.index < end)) kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * Finds what could identify a child in text meant to be de-identified: personnummer and
 * samordningsnummer, phone numbers, e-mail addresses, street addresses and the known names
 * of the child and the guardians. Sorted by position, without overlaps. Pure: no I/O, no clock.
 */
export function findIdentifiers(text: string, options: DeidentifyOptions = {}): IdentifierFinding[] {
  const names: Candidate[] = findKnownNames(text, options.knownNames ?? []).map((n) => ({ kind: 'name', ...n, priority: PRIORITY.name }));
  const candidates = [...findPersonnummer(text), ...findEmails(text), ...findPhones(text), ...findAddresses(text), ...names];
  return resolveOverlaps(candidates).map(({ kind, index, match, coordinationNumber }) => ({
    kind,
    match,
    index,
    ...findingMessages(kind, match, coordinationNumber),
  }));
}
