/**
 * Case generation for the bad-input fuzz test (bad-input.fuzz.test.ts): from one
 * operation and a valid-ish request built from its schema, the requests that each
 * carry exactly one fault – systematic ones per category, then random ones drawn
 * from the seeded Rng so that FUZZ_SEED reproduces a run.
 */
import {
  FORBIDDEN_CONTROL_CHARS,
  deleteAt,
  fillPath,
  garbleJson,
  invalidValues,
  isFreeText,
  nonNull,
  pathKey,
  properties,
  Rng,
  setAt,
  typesOf,
  validValue,
  wrongTypeValues,
  type Hint,
  type Operation,
  type Path,
} from './fuzz-helpers.ts';
import type { Session } from './harness.ts';

/** Random cases drawn per operation on top of the systematic ones, and more until there are at least MIN in all. */
const RANDOM_CASES_PER_OPERATION = 25;
export const MIN_CASES_PER_OPERATION = 30;

export interface Case {
  category: string;
  label: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The error must name one of these fields (or a sub-field of one). */
  fields: string[];
}

const BAD_JSON = [
  '{',
  '}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}}',
  '{"a":1}{"b":2}',
  '{"a":"\\x"}',
  '{"a":"unterminated}',
  '{"a":01}',
  '// comment\n{}',
  'NaN',
  'undefined',
  '{a:1}',
  '\u0000',
];
const NON_OBJECT_JSON = ['[]', '[{}]', '42', '-1.5', '"text"', 'true', 'false', 'null'];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'text/html',
  'application/xml',
  'multipart/form-data; boundary=fuzz',
  'text/json',
];
const EXTRA_FIELD_NAMES = ['isAdmin', 'tenantId', 'id', 'role', 'createdAt', 'fuzz', '', ' ', 'a.b', 'åäö', '\u0000', '__proto__', 'constructor'];
const EXTRA_VALUES: unknown[] = ['x', 1, true, null, {}, [], { prototype: { polluted: true } }];
const CONTROL_SAMPLES = ['\u0000', '\u0007', '\u001b'];
const isPassword = (path: Path) => /password/i.test(String(path[path.length - 1]));

function badIds(rng: Rng): { label: string; value: string; raw?: boolean; router?: boolean }[] {
  const u = crypto.randomUUID();
  const list: { label: string; value: string; raw?: boolean; router?: boolean }[] = [
    ...['not-a-uuid', '1', '0', '-1', 'null', 'undefined', 'true', '{id}', 'ÅÄÖ', '😀', "' OR '1'='1", '<script>', ' ', '\u0000'].map((v) => ({
      label: JSON.stringify(v),
      value: v,
    })),
    { label: 'uuid + extra char', value: u + '0' },
    { label: 'uuid minus last char', value: u.slice(0, -1) },
    { label: 'uuid with non-hex g', value: 'g' + u.slice(1) },
    { label: 'uuid with version digit 9', value: u.slice(0, 14) + '9' + u.slice(15) },
    { label: 'uuid with variant c', value: u.slice(0, 19) + 'c' + u.slice(20) },
    { label: 'uuid without hyphens', value: u.replace(/-/g, '') },
    { label: 'uuid in braces', value: `{${u}}` },
    { label: 'urn:uuid: prefix', value: `urn:uuid:${u}` },
    { label: 'uuid with trailing space', value: `${u} ` },
    { label: 'overlong id (300 chars)', value: 'a'.repeat(300), router: true },
    { label: 'malformed percent-encoding "%"', value: '%', raw: true, router: true },
    { label: 'malformed percent-encoding "%E0%A4%A"', value: '%E0%A4%A', raw: true, router: true },
  ];
  const random = rng.string(rng.int(1, 60), 'abcdefXYZ0123456789-_.~!$&()*+,;=:@ åäö');
  // "." and ".." are dot-segments: URL resolution removes them, so the request reaches another
  // route (or none) and the value is never a parameter. Keep the random value a real segment.
  list.push({ label: 'random string', value: /^\.{1,2}$/.test(random) ? `x${random}` : random });
  return list;
}

function hasPath(value: unknown, path: Path): boolean {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(seg in cur)) return false;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return true;
}

function randomKey(rng: Rng): string {
  return (
    rng.string(1, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_') +
    rng.string(rng.int(0, 15), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
  );
}

/** The cases for one operation; `admin` supplies the session headers (cookie, CSRF token) every case carries. */
export function generateCases(
  admin: Pick<Session, 'headers'>,
  op: Operation,
  baseline: unknown,
  params: Record<string, string>,
  hint: Hint,
  rng: Rng,
): Case[] {
  const cases: Case[] = [];
  const url = fillPath(op.path, params);
  const jsonHeaders = (extra: Record<string, string> = {}) => admin.headers(op.body ? { 'content-type': 'application/json', ...extra } : extra);
  const body = (category: string, label: string, payload: string | Buffer, fields: string[], headers = jsonHeaders()) =>
    cases.push({ category, label, url, headers, payload, fields });
  const baseText = JSON.stringify(baseline);

  if (op.body) {
    const root = op.body;
    const props = properties(root);
    const declared = new Set(Object.keys(nonNull(root).properties ?? {}));
    const mutate = (path: Path, value: unknown) => JSON.stringify(setAt(root, baseline, path, value, hint, rng));

    for (const text of BAD_JSON) body('malformed JSON', JSON.stringify(text), text, ['body']);
    body('malformed JSON', 'truncated valid body', baseText.slice(0, -1), ['body']);
    body('malformed JSON', 'empty body', '', ['body']);
    for (const text of NON_OBJECT_JSON) body('not an object', text, text, ['body']);
    body('not an object', 'valid body wrapped in an array', `[${baseText}]`, ['body']);
    body('not an object', 'valid body as a JSON string', JSON.stringify(baseText), ['body']);

    for (const name of EXTRA_FIELD_NAMES.filter((n) => !declared.has(n))) {
      // secure-json-parse refuses __proto__/constructor outright; naming "body" is then fine.
      // An empty key cannot be named, so the error should then name the whole body.
      const fields = name === '__proto__' || name === 'constructor' ? ['body', name] : name === '' ? ['body'] : [name];
      const value = rng.pick(EXTRA_VALUES);
      const text = baseText.replace(/}$/, `${baseText === '{}' ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(value)}}`);
      body('unknown field', `${JSON.stringify(name)}: ${JSON.stringify(value)}`, text, fields);
    }
    const upper = [...declared][0]?.toUpperCase();
    if (upper && !declared.has(upper)) body('unknown field', `declared name in upper case ${upper}`, mutate([upper], 'x'), [upper]);
    // Unknown fields inside nested objects (e.g. array items).
    for (const p of props.filter((p) => p.path.length > 0 && nonNull(p.schema).properties)) {
      body('unknown field', `nested ${pathKey([...p.path, 'fuzzExtra'])}`, mutate([...p.path, 'fuzzExtra'], 1), [pathKey([...p.path, 'fuzzExtra'])]);
    }

    // Missing required properties (only those present in the baseline).
    for (const p of props.filter((p) => p.required && typeof p.path[p.path.length - 1] === 'string' && hasPath(baseline, p.path))) {
      body('missing required', pathKey(p.path), JSON.stringify(deleteAt(baseline, p.path)), [pathKey(p.path)]);
    }

    for (const p of props) {
      const key = pathKey(p.path);
      for (const v of wrongTypeValues(p.schema)) body('wrong type', `${key} = ${JSON.stringify(v)}`, mutate(p.path, v), [key]);
      const item = () => validValue(nonNull(p.schema).items ?? {}, hint, rng, [...p.path, 0]);
      for (const { label, value } of invalidValues(p.schema, item)) body('invalid value', `${key}: ${label}`, mutate(p.path, value), [key]);
      if (typesOf(nonNull(p.schema)).has('string')) {
        const ch = rng.pick(['a', 'å', '€', '𝄞']);
        const huge = ch.repeat(100_000);
        // Such a body is over 64 KiB, so "body" is an acceptable name too.
        body('huge string', `${key} = ${JSON.stringify(ch)} × 100 000`, mutate(p.path, huge), [key, 'body']);
        if (isFreeText(p.schema) && !isPassword(p.path)) {
          for (const c of CONTROL_SAMPLES) body('control character', `${key} contains ${JSON.stringify(c)}`, mutate(p.path, `Fuzz${c}text`), [key]);
        }
      }
    }

    body(
      'body too large',
      'valid body + 70 000-character extra field',
      baseText.replace(/}$/, `${baseText === '{}' ? '' : ','}"fuzzPadding":"${'x'.repeat(70_000)}"}`),
      ['body'],
    );
    body(
      'body too large',
      'valid body padded with whitespace to 64 KiB + 1 byte',
      baseText + ' '.repeat(64 * 1024 + 1 - Buffer.byteLength(baseText)),
      ['body'],
    );
    body('body too large', '1 MiB of JSON', JSON.stringify({ fuzz: 'x'.repeat(1024 * 1024) }), ['body']);

    for (const ct of WRONG_CONTENT_TYPES) {
      const payload =
        ct === 'application/x-www-form-urlencoded'
          ? new URLSearchParams(Object.entries(baseline as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString()
          : baseText;
      body('wrong content-type', ct, payload, ['content-type'], admin.headers({ 'content-type': ct }));
    }
    body('wrong content-type', 'no content-type', Buffer.from(baseText), ['content-type'], admin.headers());
  }

  for (const param of op.pathParams) {
    const numeric = param.schema.type === 'integer' || param.schema.type === 'number';
    // '1' is a bad id but a good version number.
    for (const bad of badIds(rng).filter((b) => !(numeric && /^[1-9]\d{0,3}$/.test(b.value)))) {
      const badUrl = fillPath(op.path, { ...params, [param.name]: bad.value }, false);
      const finalUrl = bad.raw ? badUrl.replace(encodeURIComponent(bad.value), bad.value) : badUrl;
      cases.push({
        category: 'path parameter',
        label: `${param.name} = ${bad.label}`,
        url: finalUrl,
        headers: jsonHeaders(),
        payload: op.body ? baseText : undefined,
        // Rejected by the router before any schema runs: it cannot know the parameter's name, so "url"/"path" will do.
        fields: bad.router ? [param.name, 'url', 'path'] : [param.name],
      });
    }
  }

  for (const q of op.queryParams) {
    const schema = nonNull(q.schema);
    const values = typesOf(schema).has('string')
      ? ['', 'x'.repeat(10_000), schema.format === 'uuid' || schema.enum ? 'not-valid' : '\u0000']
      : ['abc', '1.5', 'true', ''];
    for (const v of values) {
      const sep = url.includes('?') ? '&' : '?';
      cases.push({
        category: 'query parameter',
        label: `${q.name} = ${JSON.stringify(v).slice(0, 40)}`,
        url: `${url}${sep}${encodeURIComponent(q.name)}=${encodeURIComponent(v)}`,
        headers: jsonHeaders(),
        payload: op.body ? baseText : undefined,
        fields: [q.name],
      });
    }
  }

  // Random cases on top of the systematic ones.
  const root = op.body;
  const props = root ? properties(root) : [];
  const freeText = props.filter((p) => isFreeText(p.schema) && !isPassword(p.path));
  const generators: (() => void)[] = [];
  if (root) {
    generators.push(() => body('malformed JSON', 'random garbling', garbleJson(baseText, rng), ['body']));
    generators.push(() => {
      const name = randomKey(rng);
      if (nonNull(root).properties?.[name]) return;
      body('unknown field', `random ${name}`, JSON.stringify(setAt(root, baseline, [name], rng.pick(EXTRA_VALUES), hint, rng)), [name]);
    });
    if (props.length) {
      generators.push(() => {
        const p = rng.pick(props);
        const wrong = wrongTypeValues(p.schema);
        if (wrong.length)
          body('wrong type', `random ${pathKey(p.path)}`, JSON.stringify(setAt(root, baseline, p.path, rng.pick(wrong), hint, rng)), [
            pathKey(p.path),
          ]);
      });
    }
    if (freeText.length) {
      generators.push(() => {
        const p = rng.pick(freeText);
        const c = rng.pick(FORBIDDEN_CONTROL_CHARS);
        const text = rng.string(rng.int(0, 20), 'abc åäö') + c + rng.string(rng.int(0, 20), 'xyz ÅÄÖ');
        body(
          'control character',
          `random U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in ${pathKey(p.path)}`,
          JSON.stringify(setAt(root, baseline, p.path, text, hint, rng)),
          [pathKey(p.path)],
        );
      });
    }
  }
  for (const param of op.pathParams) {
    generators.push(() => {
      const raw = rng.string(rng.int(1, 80), 'abcdefghijklmnopqrstuvwxyz0123456789-_.~ åäö{}[]<>"\'\\|^`');
      // A number parameter: a random string of digits could be a real version number. And "." or
      // ".." is a dot-segment that URL resolution removes: keep the value a real segment.
      const v =
        ((param.schema.type === 'integer' || param.schema.type === 'number') && /^\s*\d+\s*$/.test(raw)) || /^\.{1,2}$/.test(raw) ? `x${raw}` : raw;
      cases.push({
        category: 'path parameter',
        label: `random ${param.name} = ${JSON.stringify(v)}`,
        url: fillPath(op.path, { ...params, [param.name]: v }),
        headers: jsonHeaders(),
        payload: op.body ? baseText : undefined,
        fields: [param.name],
      });
    });
  }
  for (const q of op.queryParams) {
    generators.push(() => {
      const schema = nonNull(q.schema);
      // A number parameter gets a letter first, so a random digit string cannot be a valid value.
      const prefix = typesOf(schema).has('string') ? '' : 'x';
      const v = prefix + rng.string(rng.int(0, 300), 'abc-_.~ åäö0123456789\u0000\u0007\u001b');
      // Random text can happen to be a valid value of a free-text parameter; only clearly bad shapes count.
      const valid =
        typesOf(schema).has('string') &&
        !schema.format &&
        !schema.enum &&
        !schema.pattern &&
        v.length > 0 &&
        v.length <= (schema.maxLength ?? Infinity) &&
        ![...v].some((ch) => ch.charCodeAt(0) < 0x20);
      if (valid) return;
      const sep = url.includes('?') ? '&' : '?';
      cases.push({
        category: 'query parameter',
        label: `random ${q.name} = ${JSON.stringify(v).slice(0, 40)}`,
        url: `${url}${sep}${encodeURIComponent(q.name)}=${encodeURIComponent(v)}`,
        headers: jsonHeaders(),
        payload: op.body ? baseText : undefined,
        fields: [q.name],
      });
    });
  }
  for (let i = 0; i < RANDOM_CASES_PER_OPERATION || cases.length < MIN_CASES_PER_OPERATION; i++) rng.pick(generators)();
  return cases;
}
