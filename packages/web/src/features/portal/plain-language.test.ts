import { describe, expect, it } from 'vitest';
import sv from '../../i18n/sv.json';
import en from '../../i18n/en.json';

/*
 * Lättläst svenska (issue 7): every text in the family portal uses short sentences and common
 * words. A sentence has at most 15 words and no word is longer than 20 letters.
 */
const MAX_WORDS = 15;
const MAX_LETTERS = 20;

type Texts = { [key: string]: string | Texts };

function strings(node: Texts, path: string): [string, string][] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${path}.${key}`, value] as [string, string]] : strings(value, `${path}.${key}`),
  );
}

/** Sentences end with . ! ? or … (followed by a space or the end of the text). */
const sentences = (text: string) =>
  text
    .split(/[.!?…]+(?=\s|$)/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Words are separated by spaces; dashes and other marks on their own are not words. */
const words = (sentence: string) => sentence.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
const letters = (word: string) => (word.match(/\p{L}/gu) ?? []).length;

const portalSv = strings((sv as unknown as { portal: Texts }).portal, 'portal');
const portalEn = strings((en as unknown as { portal: Texts }).portal, 'portal');

describe('the family portal in plain Swedish', () => {
  it('has texts to check', () => {
    expect(portalSv.length).toBeGreaterThan(50);
  });

  it(`has no sentence longer than ${MAX_WORDS} words`, () => {
    const tooLong = portalSv.flatMap(([key, text]) =>
      sentences(text)
        .filter((s) => words(s).length > MAX_WORDS)
        .map((s) => `${key}: "${s}" (${words(s).length} ord)`),
    );
    expect(tooLong).toEqual([]);
  });

  it(`has no word longer than ${MAX_LETTERS} letters`, () => {
    const tooLong = portalSv.flatMap(([key, text]) =>
      words(text)
        .filter((w) => letters(w) > MAX_LETTERS)
        .map((w) => `${key}: "${w}" (${letters(w)} bokstäver)`),
    );
    expect(tooLong).toEqual([]);
  });

  it('has every text in English too, and nothing more', () => {
    expect(portalEn.map(([key]) => key).sort()).toEqual(portalSv.map(([key]) => key).sort());
  });

  it('the checks themselves catch a long sentence and a long word', () => {
    expect(words('Det här är en mening med många ord som är alldeles för lång för att läsa lätt')).toHaveLength(17);
    expect(letters('Samverkansöverenskommelsen')).toBeGreaterThan(MAX_LETTERS);
    expect(sentences('Hej! Vill du? Ja. Nej …')).toEqual(['Hej', 'Vill du', 'Ja', 'Nej']);
  });
});
