import type { FieldError } from './errors.ts';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns schema-validation issues into field errors with Swedish and English text. */
export function toFieldErrors(items: ValidationItem[], context: string | undefined): FieldError[] {
  return items.map((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const p = v.params;
    let field = path || context || 'body';
    let [sv, en] = describe(v.keyword, p, v.message ?? '');
    if (v.keyword === 'unrecognized_keys' && Array.isArray(p.keys)) {
      const keys = (p.keys as unknown[]).map(String);
      field = [path, keys[0]].filter(Boolean).join('.') || context || 'body';
      sv = `Okänt fält: ${keys.join(', ')}`;
      en = `Unknown field: ${keys.join(', ')}`;
    }
    return { field, message: sv, messageEn: en };
  });
}

function describe(code: string, p: Record<string, unknown>, message: string): [string, string] {
  switch (code) {
    case 'invalid_type':
      return String(message).includes('received undefined')
        ? ['Fältet måste fyllas i', 'This field is required']
        : [`Fel typ: ska vara ${typeSv(String(p.expected))}`, `Wrong type: expected ${String(p.expected)}`];
    case 'too_small':
      if (p.origin === 'string') return [`Minst ${String(p.minimum)} tecken`, `At least ${String(p.minimum)} characters`];
      if (p.origin === 'array') return [`Minst ${String(p.minimum)} rader`, `At least ${String(p.minimum)} items`];
      return [`Måste vara minst ${String(p.minimum)}`, `Must be at least ${String(p.minimum)}`];
    case 'too_big':
      if (p.origin === 'string') return [`Högst ${String(p.maximum)} tecken`, `At most ${String(p.maximum)} characters`];
      if (p.origin === 'array') return [`Högst ${String(p.maximum)} rader`, `At most ${String(p.maximum)} items`];
      return [`Får vara högst ${String(p.maximum)}`, `Must be at most ${String(p.maximum)}`];
    case 'invalid_format':
      if (p.format === 'email') return ['Ogiltig e-postadress', 'Invalid e-mail address'];
      if (p.format === 'uuid') return ['Ogiltigt id', 'Invalid id'];
      if (p.format === 'date') return ['Ange ett giltigt datum (ÅÅÅÅ-MM-DD)', 'Enter a valid date (YYYY-MM-DD)'];
      return ['Ogiltigt format', 'Invalid format'];
    case 'invalid_value':
      return ['Ogiltigt värde', 'Invalid value'];
    case 'unrecognized_keys':
      return ['Okänt fält', 'Unknown field'];
    case 'custom': {
      // Our refinements put { sv, en } in the params.
      const texts = (p.params ?? p) as { sv?: unknown; en?: unknown };
      return [String(texts.sv ?? 'Ogiltigt värde'), String(texts.en ?? 'Invalid value')];
    }
    default:
      return ['Ogiltigt värde', 'Invalid value'];
  }
}

function typeSv(t: string): string {
  const map: Record<string, string> = {
    string: 'text',
    number: 'ett tal',
    int: 'ett heltal',
    boolean: 'sant eller falskt',
    object: 'ett objekt',
    array: 'en lista',
  };
  return map[t] ?? t;
}
