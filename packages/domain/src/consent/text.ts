/** Small helpers for plain Swedish (and English) sentences about consents. */
import type { ConsentGiver } from './types.ts';

/** 'a', 'a och b', 'a, b och c': Swedish lists take no comma before "och". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NUMBERS_SV = ['', 'en', 'två', 'tre', 'fyra'];
const NUMBERS_EN = ['', 'one', 'two', 'three', 'four'];

/** Counts people: "en vårdnadshavare och barnet" (used for what is missing or refused). */
export function countGivers(givers: readonly ConsentGiver[]): { sv: string; en: string } {
  const guardians = givers.filter((g) => g.kind === 'guardian').length;
  const sv: string[] = [];
  const en: string[] = [];
  if (guardians > 0) {
    sv.push(`${NUMBERS_SV[guardians] ?? guardians} vårdnadshavare`);
    en.push(`${NUMBERS_EN[guardians] ?? guardians} guardian${guardians > 1 ? 's' : ''}`);
  }
  if (givers.some((g) => g.kind === 'child')) {
    sv.push('barnet');
    en.push('the child');
  }
  if (givers.some((g) => g.kind === 'young_adult')) {
    sv.push('den unga personen');
    en.push('the young person');
  }
  return { sv: joinSv(sv), en: joinEn(en) };
}

/** Names everyone a consent rests on: "båda vårdnadshavarna och barnet". */
export function describeBasis(givers: readonly ConsentGiver[]): { sv: string; en: string } {
  const guardians = givers.filter((g) => g.kind === 'guardian').length;
  const sv: string[] = [];
  const en: string[] = [];
  const add = (svText: string, enText: string) => {
    sv.push(svText);
    en.push(enText);
  };
  if (guardians === 1) add('vårdnadshavaren', 'the guardian');
  if (guardians === 2) add('båda vårdnadshavarna', 'both guardians');
  if (guardians > 2) add('alla vårdnadshavare', 'all guardians');
  if (givers.some((g) => g.kind === 'child')) add('barnet', 'the child');
  if (givers.some((g) => g.kind === 'young_adult')) add('den unga personen själv', 'the young person themself');
  return { sv: joinSv(sv), en: joinEn(en) };
}
