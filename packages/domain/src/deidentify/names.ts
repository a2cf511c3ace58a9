/** Finding the known names of the child and the guardians in free text. */
import { escapeRegExp, NOT_AFTER_WORD, NOT_BEFORE_WORD, startsWithCapital } from './patterns.ts';

export interface NameMatch {
  index: number;
  match: string;
}

/** Å, Ä and Ö are letters of their own in Swedish: "Åsa" is not "Asa". */
const OWN_LETTERS = new Set(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']);
/** What separates the pieces of a name: spaces, hyphens ("Anna-Karin"), dots and brackets ("J.", "(Dani)"). */
const NAME_SEPARATORS = /[^\p{L}\p{M}'’]+/u;
/** How pieces of a full name may be joined in the text: "Anna-Karin", "Anna Karin", "J. Ek". */
const JOINER_PATTERN = String.raw`\.?[\s\-‐–]+`;
/** Possessive endings: "Ellas", "Ella's", "Ella’s", "Ella:s". */
const POSSESSIVE = String.raw`(?:s|['’:]s)?`;
/** Parts this short are also everyday words ("Bo", "Per", "Dag", "Liv", "Max"), see nameVariants. */
const SHORT_PART_LETTERS = 3;

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/**
 * One character of a name: also matches the decomposed form (a + combining ring), and an
 * accented letter other than å, ä, ö may be written without its accent ("Zoé" as "Zoe").
 */
function charPattern(ch: string): string {
  const decomposed = ch.normalize('NFD');
  if (decomposed === ch) return escapeRegExp(ch);
  const forms = new Set([ch, decomposed]);
  if (!OWN_LETTERS.has(ch)) forms.add(decomposed.replace(/\p{M}/gu, ''));
  return `(?:${[...forms].map(escapeRegExp).join('|')})`;
}

function tokensPattern(tokens: readonly string[]): string {
  return tokens.map((token) => Array.from(token, charPattern).join('')).join(JOINER_PATTERN);
}

interface NameVariant {
  pattern: RegExp;
  /** Short parts count only when written with a capital initial. */
  needsCapital: boolean;
}

/**
 * The forms to look for: each full name, each space-separated part ("Anna-Karin") and each piece of
 * a double name ("Anna", "Karin"), ignoring pieces of fewer than two letters ("J."). Matching ignores
 * case, except that a part of at most three letters must start with a capital letter: "Bo", "Per",
 * "Dag" and "Max" are names, but "bo", "per", "dag" and "max" are ordinary words in a note.
 */
function nameVariants(knownNames: readonly string[]): NameVariant[] {
  const byKey = new Map<string, string[]>();
  const add = (tokens: string[]) => {
    if (tokens.length === 0 || letterCount(tokens.join('')) < 2) return;
    const key = tokens.join(' ').toLowerCase();
    if (!byKey.has(key)) byKey.set(key, tokens);
  };
  for (const raw of knownNames) {
    const name = raw.normalize('NFC');
    const pieces = (text: string) => text.split(NAME_SEPARATORS).filter(Boolean);
    add(pieces(name));
    for (const part of name.split(/\s+/u)) {
      add(pieces(part));
      for (const piece of pieces(part)) add([piece]);
    }
  }
  return [...byKey.values()].map((tokens) => ({
    pattern: new RegExp(`${NOT_AFTER_WORD}(?:${tokensPattern(tokens)})${POSSESSIVE}${NOT_BEFORE_WORD}`, 'giu'),
    needsCapital: tokens.length === 1 && letterCount(tokens[0]!) <= SHORT_PART_LETTERS,
  }));
}

/** Every whole-word occurrence of a known name (overlaps between variants are left to the caller). */
export function findKnownNames(text: string, knownNames: readonly string[]): NameMatch[] {
  const matches: NameMatch[] = [];
  for (const variant of nameVariants(knownNames)) {
    for (const m of text.matchAll(variant.pattern)) {
      if (variant.needsCapital && !startsWithCapital(m[0])) continue;
      matches.push({ index: m.index, match: m[0] });
    }
  }
  return matches;
}
