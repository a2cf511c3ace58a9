import PersonnummerImport from 'personnummer';

/** The library ships CommonJS whose typings NodeNext misreads; this is the part we use. */
interface PersonnummerInstance {
  fullYear: string;
  month: string;
  day: string;
  format(longFormat?: boolean): string;
  isCoordinationNumber(): boolean;
}
const Personnummer = PersonnummerImport as unknown as {
  parse(pin: string, options?: { allowCoordinationNumber: boolean; allowInterimNumber: boolean }): PersonnummerInstance;
};

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

export interface ParsedIdentityNumber {
  /** 12 digits, YYYYMMDDNNNC: the canonical form we encrypt and hash. */
  canonical: string;
  kind: IdentityNumberKind;
  birthDate: string; // YYYY-MM-DD
}

/**
 * Validates a Swedish personnummer or samordningsnummer (day + 60) with the
 * `personnummer` library and returns its canonical 12-digit form, or null.
 */
export function parseIdentityNumber(input: string): ParsedIdentityNumber | null {
  const trimmed = input.trim();
  if (!/^(\d{6}|\d{8})[-+]?\d{4}$/.test(trimmed)) return null;
  let pnr: PersonnummerInstance;
  try {
    pnr = Personnummer.parse(trimmed, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    // The library signals "invalid" by throwing; we turn that into a plain null result.
    return null;
  }
  const canonical = pnr.format(true).replace(/\D/g, '');
  const coordination = pnr.isCoordinationNumber();
  const day = coordination ? String(Number(pnr.day) - 60).padStart(2, '0') : pnr.day;
  return {
    canonical,
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    birthDate: `${pnr.fullYear}-${pnr.month}-${day}`,
  };
}

/** Luhn check digit over the 9 digits YYMMDDNNN. Used to build fictitious demo numbers. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Builds a valid, clearly fictitious identity number for demo data: birth numbers
 * 980–999 are the range Skatteverket uses for its published test numbers.
 */
export function fictitiousIdentityNumber(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  if (!y || !m || !d) throw new Error(`bad birth date ${birthDate}`);
  const birthNo = String(980 + (serial % 20)).padStart(3, '0');
  const nine = `${y.slice(2)}${m}${d}${birthNo}`;
  return `${y}${m}${d}${birthNo}${luhnCheckDigit(nine)}`;
}
