/**
 * Small helpers for the OpenAPI-driven tests (api-auth, bad-input fuzz):
 * operation enumeration, a seeded PRNG, and JSON-schema walking to build
 * valid-ish bodies and one-fault mutations of them. No dependencies.
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

export interface JsonSchema {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface Operation {
  /** "PATCH /api/v1/admin/units/{id}" */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /** OpenAPI path template, e.g. /api/v1/admin/units/{id} */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every operation (path × method) in the document, with $refs resolved. */
export function listOperations(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      // Path params the document forgot to declare are still path params.
      const declared = new Set(params.filter((p) => p.in === 'path').map((p) => p.name));
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!);
      ops.push({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase() as Operation['method'],
        path,
        pathParams: [
          ...params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: resolve(doc, p.schema ?? {}) })),
          ...templated.filter((n) => !declared.has(n)).map((name) => ({ name, schema: {} as JsonSchema })),
        ],
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: resolve(doc, p.schema ?? {}) })),
        body: body ? resolve(doc, body) : null,
      });
    }
  }
  return ops;
}

/** Inlines local $refs (#/components/schemas/X) so the walkers below see plain schemas. */
function resolve(doc: OpenApiDoc, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    return target ? resolve(doc, target, depth + 1) : schema;
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
  if (schema.items) out.items = resolve(doc, schema.items, depth + 1);
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolve(doc, s, depth + 1));
  if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => resolve(doc, s, depth + 1));
  return out;
}

/** Fills {name} placeholders; values are percent-encoded unless raw is set. */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for path parameter ${name} in ${path}`);
    return raw ? v : encodeURIComponent(v);
  });
}

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32) – reproducible with FUZZ_SEED.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from empty list');
    return xs[this.int(0, xs.length - 1)]!;
  }
  string(len: number, alphabet = 'abcdefghijklmnopqrstuvwxyz'): string {
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}

/** FNV-1a, to derive a per-operation seed that does not depend on test order. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------
// Schema walking

export type Path = (string | number)[];
export const pathKey = (p: Path): string => p.join('.');

/** The JSON types a schema admits (anyOf/oneOf unioned; enum/const inferred). */
export function typesOf(schema: JsonSchema): Set<JsonType> {
  const out = new Set<JsonType>();
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) for (const b of branches) for (const t of typesOf(b)) out.add(t);
  if (schema.type) for (const t of Array.isArray(schema.type) ? schema.type : [schema.type]) out.add(t);
  const vals = schema.enum ?? (schema.const !== undefined ? [schema.const] : []);
  for (const v of vals) out.add(jsonTypeOf(v));
  return out;
}

export function jsonTypeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** Does a value of JSON type t satisfy one of the allowed types (integer ⊂ number)? */
export function typeAllowed(allowed: Set<JsonType>, t: JsonType): boolean {
  return allowed.has(t) || (t === 'integer' && allowed.has('number'));
}

/** The non-null branch of a nullable schema (anyOf [X, null]); otherwise the schema itself. */
export function nonNull(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  return branches.find((b) => !(typesOf(b).size === 1 && typesOf(b).has('null'))) ?? schema;
}

export interface PropInfo {
  path: Path;
  schema: JsonSchema;
  /** Required in its parent object. */
  required: boolean;
}

/** Every property (and array item) reachable in the schema; arrays are entered at index 0. */
export function properties(schema: JsonSchema, base: Path = []): PropInfo[] {
  const s = nonNull(schema);
  const out: PropInfo[] = [];
  if (s.properties) {
    const req = new Set(s.required ?? []);
    for (const [k, sub] of Object.entries(s.properties)) {
      out.push({ path: [...base, k], schema: sub, required: req.has(k) });
      out.push(...properties(sub, [...base, k]));
    }
  }
  if (s.items) {
    out.push({ path: [...base, 0], schema: s.items, required: true });
    out.push(...properties(s.items, [...base, 0]));
  }
  return out;
}

/** Looks up a sub-schema by path (index 0 / any number = array items). */
export function schemaAt(root: JsonSchema, path: Path): JsonSchema | null {
  let s: JsonSchema | undefined = root;
  for (const seg of path) {
    if (!s) return null;
    const n: JsonSchema = nonNull(s);
    s = typeof seg === 'number' ? n.items : n.properties?.[seg];
  }
  return s ?? null;
}

/** Hint for a value at a path (real ids, current versions); undefined = generate. */
export type Hint = (path: Path, schema: JsonSchema) => unknown;

/**
 * A value satisfying the schema: required properties only (unless withOptional),
 * strings long enough for any plausible minimum (12) and within maxLength,
 * lower-case letters so that simple patterns such as ^[a-z0-9._-]+$ match.
 */
export function validValue(schema: JsonSchema, hint: Hint, rng: Rng, path: Path = []): unknown {
  const hinted = hint(path, schema);
  if (hinted !== undefined) return hinted;
  const s = nonNull(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length) return s.enum[0];
  const types = typesOf(s);
  if (types.has('object') || s.properties) {
    const obj: Record<string, unknown> = {};
    for (const k of s.required ?? []) obj[k] = validValue(s.properties?.[k] ?? {}, hint, rng, [...path, k]);
    return obj;
  }
  if (types.has('array')) {
    const n = Math.max(1, s.minItems ?? 0);
    return Array.from({ length: n }, () => validValue(s.items ?? {}, hint, rng, [...path, 0]));
  }
  if (types.has('string')) {
    if (s.format === 'uuid') return crypto.randomUUID();
    if (s.format === 'email') return `fuzz.${rng.string(6)}@example.org`;
    if (s.format === 'date') return '2015-06-01';
    if (s.format === 'date-time') return '2025-01-01T00:00:00.000Z';
    const len = Math.min(s.maxLength ?? 64, Math.max(s.minLength ?? 0, 16));
    return ('fuzz' + rng.string(len)).slice(0, len);
  }
  if (types.has('integer') || types.has('number')) return Math.max(s.minimum ?? 1, 1);
  if (types.has('boolean')) return true;
  if (types.has('null')) return null;
  return 'fuzz';
}

/** Deep clone with the value at path replaced; missing ancestors are filled with valid values. */
export function setAt(root: JsonSchema, body: unknown, path: Path, value: unknown, hint: Hint, rng: Rng): unknown {
  const clone = structuredClone(body) as Record<string | number, unknown>;
  let cur = clone;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    if (cur[seg] === undefined || cur[seg] === null)
      cur[seg] = validValue(schemaAt(root, path.slice(0, i + 1)) ?? {}, hint, rng, path.slice(0, i + 1));
    cur = cur[seg] as Record<string | number, unknown>;
  }
  cur[path[path.length - 1]!] = value;
  return clone;
}

/** Deep clone with the value at path removed. */
export function deleteAt(body: unknown, path: Path): unknown {
  const clone = structuredClone(body) as Record<string | number, unknown>;
  let cur = clone;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]!] as Record<string | number, unknown>;
  delete cur[path[path.length - 1]!];
  return clone;
}

/** One representative value per JSON type; those the schema does not admit are wrong types. */
const TYPE_SAMPLES: [JsonType, unknown][] = [
  ['string', 'fuzz'],
  ['string', '1'],
  ['string', 'true'],
  ['integer', 42],
  ['number', 1.5],
  ['boolean', true],
  ['boolean', false],
  ['null', null],
  ['array', []],
  ['array', ['fuzz']],
  ['object', {}],
  ['object', { fuzz: 1 }],
];

export function wrongTypeValues(schema: JsonSchema): unknown[] {
  const allowed = typesOf(schema);
  if (allowed.size === 0) return [];
  return TYPE_SAMPLES.filter(([t]) => !typeAllowed(allowed, t)).map(([, v]) => v);
}

/** Type-correct values outside the schema's constraints (format, enum, pattern, bounds). */
export function invalidValues(schema: JsonSchema, validItem: () => unknown): { label: string; value: unknown }[] {
  const s = nonNull(schema);
  const types = typesOf(s);
  const out: { label: string; value: unknown }[] = [];
  if (types.has('string')) {
    if (s.format === 'uuid') {
      out.push({ label: 'not a uuid', value: 'not-a-uuid' });
      out.push({ label: 'uuid with version digit 9', value: '01890000-0000-9000-8000-000000000000' });
      out.push({ label: 'uuid without hyphens', value: '018900000000700080000000000000000' });
      out.push({ label: 'empty string as uuid', value: '' });
    }
    if (s.format === 'email') {
      out.push({ label: 'not an e-mail', value: 'not-an-email' });
      out.push({ label: 'e-mail without domain', value: 'fuzz@' });
    }
    if (s.enum) {
      out.push({ label: 'value not in enum', value: 'not-in-enum' });
      const first = String(s.enum[0]);
      if (first.toUpperCase() !== first) out.push({ label: 'enum value in upper case', value: first.toUpperCase() });
    }
    if (s.pattern && !s.format) out.push({ label: 'string not matching pattern', value: 'Has Spaces & ÅÄÖ!' });
    if (s.maxLength !== undefined) out.push({ label: `string of maxLength+1 (${s.maxLength + 1})`, value: 'a'.repeat(s.maxLength + 1) });
    if (s.minLength !== undefined && s.minLength > 0)
      out.push({ label: `string of minLength-1 (${s.minLength - 1})`, value: 'a'.repeat(s.minLength - 1) });
  }
  if (types.has('integer') || types.has('number')) {
    if (s.minimum !== undefined) out.push({ label: `minimum-1 (${s.minimum - 1})`, value: s.minimum - 1 });
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) out.push({ label: `maximum+1 (${s.maximum + 1})`, value: s.maximum + 1 });
    // PostgreSQL integer columns stop at 2^31-1; an API integer without a bound that small must still answer 400, not 500.
    if (types.has('integer') && (s.maximum === undefined || s.maximum >= 2 ** 31)) {
      out.push({ label: 'integer 2^31 (beyond a PostgreSQL integer column)', value: 2 ** 31 });
      out.push({ label: 'integer 2^53 (beyond a safe integer)', value: 2 ** 53 });
    }
    if (types.has('integer')) out.push({ label: 'fraction for integer', value: 1.5 });
    out.push({ label: 'huge number 1e308', value: 1e308 });
  }
  if (types.has('array')) {
    if (s.minItems !== undefined && s.minItems > 0) out.push({ label: 'empty array below minItems', value: [] });
    if (s.maxItems !== undefined)
      out.push({ label: `maxItems+1 (${s.maxItems + 1}) items`, value: Array.from({ length: s.maxItems + 1 }, validItem) });
  }
  return out;
}

/** Code points a text field must never accept (C0 except TAB/LF/CR, DEL, C1). */
export const FORBIDDEN_CONTROL_CHARS: string[] = [
  ...Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 0x09 && i !== 0x0a && i !== 0x0d),
  0x7f,
  ...Array.from({ length: 32 }, (_, i) => 0x80 + i),
].map((c) => String.fromCharCode(c));

/** A string type without format, enum or const: the kind a person types. */
export function isFreeText(schema: JsonSchema): boolean {
  const s = nonNull(schema);
  return typesOf(s).has('string') && !s.format && !s.enum && s.const === undefined;
}

/** Random JSON-ish garbage derived from a valid text that is guaranteed not to parse. */
export function garbleJson(text: string, rng: Rng): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pos = rng.int(0, Math.max(0, text.length - 1));
    const kind = rng.int(0, 5);
    let out: string;
    if (kind === 0) out = text.slice(0, pos);
    else if (kind === 1) out = text.slice(0, pos) + rng.pick(['{', '}', '[', ']', ',', ':', '"', '\\', "'"]) + text.slice(pos);
    else if (kind === 2) out = text.replace(/"/g, "'");
    else if (kind === 3) out = text.replace(/}$/, ',}');
    else if (kind === 4) out = text.slice(0, pos) + rng.pick(['NaN', 'undefined', 'Infinity', '/*x*/', '\u0000']) + text.slice(pos);
    else out = text + rng.pick(['x', '}', ']', '{}', ',']);
    try {
      JSON.parse(out);
    } catch {
      return out;
    }
  }
  return '{';
}
