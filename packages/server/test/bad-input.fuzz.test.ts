import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORBIDDEN_CONTROL_CHARS,
  deleteAt,
  fillPath,
  garbleJson,
  hashString,
  invalidValues,
  isFreeText,
  listOperations,
  nonNull,
  pathKey,
  properties,
  Rng,
  setAt,
  typesOf,
  validValue,
  wrongTypeValues,
  type Hint,
  type OpenApiDoc,
  type Operation,
  type Path,
} from './fuzz-helpers.ts';
import { startTestServer, type Session, type TestServer } from './harness.ts';

/**
 * Property/fuzz test of input handling over every documented operation that
 * takes a body, path parameters or a query string. Each generated case carries
 * exactly one fault on top of a valid-ish request built from the operation's
 * schema, and must be answered 400 application/problem+json naming the field
 * (Swedish message, English messageEn) – never 500, never 2xx. Nothing may change.
 *
 * Reproduce a run with FUZZ_SEED=<seed> (printed on failure).
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : randomBytes(4).readUInt32LE(0);
const RANDOM_CASES_PER_OPERATION = 25;
const MIN_CASES_PER_OPERATION = 30;

const s: TestServer = await startTestServer();
const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
const fuzzed: Operation[] = listOperations(doc).filter((op) => op.body || op.pathParams.length || op.queryParams.length);

afterAll(async () => {
  await s?.stop();
});

let admin: Session;
let principalId: string;
let before: unknown;
/** Per operation: the valid-ish request the faults were injected into (checked at the end). */
const baselines = new Map<string, { url: string; body: unknown }>();

const DATA_URLS = ['/api/v1/admin/units', '/api/v1/admin/users', '/api/v1/admin/teams'];
async function snapshot(): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const url of DATA_URLS) {
    const res = await s.app.inject({ method: 'GET', url, headers: admin.headers() });
    expect(res.statusCode, url).toBe(200);
    out[url] = res.json();
  }
  return out;
}

beforeAll(async () => {
  admin = await s.login('admin');
  const principals = await s.app.inject({ method: 'GET', url: '/api/v1/admin/principals', headers: admin.headers() });
  principalId = principals.json().items[0].id;
  before = await snapshot();
});

// ---------------------------------------------------------------------------
// Case generation

interface Case {
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
  list.push({ label: 'random string', value: rng.string(rng.int(1, 60), 'abcdefXYZ0123456789-_.~!$&()*+,;=:@ åäö') });
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

function generateCases(op: Operation, baseline: unknown, params: Record<string, string>, hint: Hint, rng: Rng): Case[] {
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
    for (const bad of badIds(rng)) {
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
      const v = rng.string(rng.int(1, 80), 'abcdefghijklmnopqrstuvwxyz0123456789-_.~ åäö{}[]<>"\'\\|^`');
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

// ---------------------------------------------------------------------------
// Checking

const trunc = (v: unknown, n = 200) => {
  const str = Buffer.isBuffer(v) ? `<buffer ${v.toString().slice(0, n)}>` : typeof v === 'string' ? v : String(v);
  // JSON.stringify leaves DEL and C1 controls raw; show them as \\uXXXX too.
  const shown = JSON.stringify(str.length > n ? str.slice(0, n) : str).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return str.length > n ? `${shown}…(${str.length} chars)` : shown;
};

function check(op: Operation, c: Case, res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | null {
  const problems: string[] = [];
  if (res.statusCode !== 400) problems.push(`status ${res.statusCode} (expected 400)`);
  const ct = String(res.headers['content-type'] ?? '');
  if (!/^application\/problem\+json/.test(ct)) problems.push(`content-type ${ct || '(none)'} (expected application/problem+json)`);
  let parsed: { title?: unknown; titleEn?: unknown; errors?: unknown } | null = null;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    problems.push('response is not JSON');
  }
  if (parsed) {
    if (res.statusCode === 400 && (parsed.title !== 'Ogiltiga uppgifter' || parsed.titleEn !== 'Invalid input'))
      problems.push(`title ${String(parsed.title)} / ${String(parsed.titleEn)}`);
    const errors = Array.isArray(parsed.errors) ? (parsed.errors as { field?: unknown; message?: unknown; messageEn?: unknown }[]) : [];
    if (errors.length === 0) problems.push('no errors[]');
    for (const e of errors) {
      if (typeof e.field !== 'string' || e.field === '') problems.push(`error without a named field: ${JSON.stringify(e)}`);
      if (typeof e.message !== 'string' || e.message.trim() === '') problems.push(`error without a Swedish message: ${JSON.stringify(e)}`);
      if (typeof e.messageEn !== 'string' || e.messageEn.trim() === '') problems.push(`error without an English messageEn: ${JSON.stringify(e)}`);
      if (typeof e.message === 'string' && e.message === e.messageEn) problems.push(`message and messageEn are identical: ${JSON.stringify(e)}`);
    }
    if (
      errors.length &&
      !errors.some((e) => typeof e.field === 'string' && c.fields.some((f) => e.field === f || (e.field as string).startsWith(`${f}.`)))
    ) {
      problems.push(
        `no error names ${c.fields.map((f) => JSON.stringify(f)).join(' or ')} (fields: ${errors.map((e) => JSON.stringify(e.field)).join(', ')})`,
      );
    }
  }
  if (problems.length === 0) return null;
  return `${op.method} ${trunc(c.url, 120)} [${c.category}: ${trunc(c.label, 80)}] content-type=${c.headers['content-type'] ?? '(none)'} body=${c.payload === undefined ? '(none)' : trunc(c.payload, 160)}\n    → ${res.statusCode} ${ct} ${trunc(res.body, 300)}\n    ✗ ${problems.join('; ')}`;
}

/** A real row behind a path with an {id}, so that a fault slipping through would really change data. */
async function realTarget(op: Operation): Promise<{ id: string; version?: number } | null> {
  if (!op.pathParams.length) return null;
  const collection = op.path.replace(/\/\{[^}]+\}$/, '');
  const res = await s.app.inject({ method: 'GET', url: collection, headers: admin.headers() });
  if (res.statusCode !== 200) return null;
  const items = (res.json().items ?? []) as { id: string; version?: number }[];
  return items.find((x) => x.id !== admin.me.id && x.id !== admin.me.actingUnit.id) ?? null;
}

describe('bad input is answered 400 problem+json with named fields', () => {
  it('finds operations to fuzz', () => {
    expect(fuzzed.length).toBeGreaterThanOrEqual(8);
    expect(fuzzed.filter((op) => op.body).length).toBeGreaterThanOrEqual(6);
  });

  it.each(fuzzed.map((op) => [op.key, op] as const))('%s', async (key, op) => {
    const rng = new Rng((SEED ^ hashString(key)) >>> 0);
    const target = await realTarget(op);
    const hint: Hint = (path) => {
      const last = path[path.length - 1];
      if (last === 'version' && target?.version !== undefined) return target.version;
      if (last === 'principalId') return principalId;
      if (last === 'unitId') return admin.me.actingUnit.id;
      if (last === 'userId') return admin.me.id;
      return undefined;
    };
    const baseline = op.body ? validValue(op.body, hint, rng) : undefined;
    const params = Object.fromEntries(op.pathParams.map((p) => [p.name, target?.id ?? crypto.randomUUID()]));
    baselines.set(key, { url: fillPath(op.path, params), body: baseline });
    const cases = generateCases(op, baseline, params, hint, rng);
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES_PER_OPERATION);

    const failures: string[] = [];
    for (const c of cases) {
      const res = await s.app.inject({
        method: op.method,
        url: c.url,
        headers: c.headers,
        ...(c.payload !== undefined ? { payload: c.payload } : {}),
      });
      const failure = check(op, c, res);
      if (failure) failures.push(failure);
    }
    if (failures.length)
      console.error(`\n${key}: ${failures.length} of ${cases.length} cases failed (FUZZ_SEED=${SEED})\n  ${failures.join('\n  ')}`);
    expect(failures, `${failures.length} of ${cases.length} cases failed; reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
  });

  it('changed no data: units, users and teams are exactly as before the fuzz run', async () => {
    expect(await snapshot()).toEqual(before);
  });

  it('the valid-ish requests the faults were injected into pass validation (so each case held exactly one fault)', async () => {
    // Known outcomes for a schema-valid baseline that still fails later, on purpose.
    const expected: Record<string, (status: number, body: { errors?: { field: string }[] }) => boolean> = {
      'POST /api/v1/auth/login': (st) => st === 401, // unknown user
      'POST /api/v1/me/password': (st, b) => st === 400 && (b.errors ?? []).every((e) => e.field === 'currentPassword'), // wrong current password
    };
    const problems: string[] = [];
    for (const op of fuzzed) {
      const base = baselines.get(op.key);
      if (!base) continue;
      let payload = base.body;
      // A stale version: validation passes, the row is left alone (409).
      if (payload && typeof payload === 'object' && 'version' in payload)
        payload = { ...payload, version: (payload as { version: number }).version + 1_000_000 };
      const res = await s.app.inject({
        method: op.method,
        url: base.url,
        headers: admin.headers(op.body ? { 'content-type': 'application/json' } : {}),
        ...(op.body ? { payload: JSON.stringify(payload) } : {}),
      });
      const ok = expected[op.key] ? expected[op.key]!(res.statusCode, JSON.parse(res.body || '{}')) : res.statusCode !== 400 && res.statusCode < 500;
      if (!ok) problems.push(`${op.method} ${base.url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  });
});
