/** Types for the de-identification check (see find.ts for why it exists). */

export type IdentifierKind = 'personnummer' | 'name' | 'phone' | 'email' | 'address';

/** In the order summaries list them. */
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['personnummer', 'name', 'phone', 'email', 'address'];

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** The offending substring, exactly as in the text, for highlighting. */
  match: string;
  /** Start offset of `match` in the text (UTF-16 code units, as String#slice counts). */
  index: number;
  /** Plain Swedish: what was found and what to do about it. */
  message: string;
  messageEn: string;
}

export interface DeidentifyOptions {
  /**
   * Names of the child and the guardians, e.g. "Ella Johansson". The full name and each part
   * of at least two letters ("Ella", "Johansson") are looked for, whole words, ignoring case.
   */
  knownNames?: readonly string[];
}
