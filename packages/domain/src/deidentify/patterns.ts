/** Small regular-expression helpers shared by the de-identification detectors. */

/**
 * Word boundaries. JavaScript's \b only knows ASCII letters, so "Ella" would count as a whole
 * word inside "Ellaå" and not after "ö". These lookarounds (with the u flag) treat every letter,
 * combining mark and digit as part of a word.
 */
export const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{M}\p{N}])`;
export const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{M}\p{N}])`;

/** A space inside a number or an address: ordinary or non-breaking, never a line break. */
export const SPACE = String.raw`[ \u00a0]`;

/** Escapes the characters that are special in a u-flag regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

export function startsWithCapital(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}
