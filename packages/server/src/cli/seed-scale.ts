import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  activeWindow,
  addDays,
  addMonths,
  ageOn,
  DEFAULT_CONSENT_POLICY,
  fictitiousIdentityNumber,
  INFORMATION_CATEGORIES,
  lastDayOfPeriod,
  toSwedishDate,
  type Consent,
  type ConsentPolicy,
  type GuardianInfo,
  type InformationCategory,
} from '@samsyn/domain';
import { appendAudit, createFieldCrypto, withTenantTx, type FieldCrypto } from '../access/index.ts';
import type { StoredGiver } from '../access/consent-ledger.ts';
import { openConfiguredDatabase } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { DatabaseHandle, OwnerQuery } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import { isEmpty, seedDemo } from '../seed/demo.ts';
import { DEMO_UNITS, FAMILY_NAMES, GIVEN_NAMES, GUARDIAN_GIVEN } from '../seed/demo-org.ts';

/**
 * `npm run seed:scale -- --children 100000 [--cases 30000] [--database-url URL] [--force] [--seed N]`
 *
 * Adds a municipality-sized, entirely fictitious data set to the demo tenant "Samverkan
 * Exempellän" so that the case list, the consent rules and their indexes can be measured at
 * a realistic size (bench/scale.ts does exactly that). Children with guardians spread over
 * ~40 units, cases with roles, signals, chronology and a consent ledger whose stored active
 * windows are computed with the domain rule (activeWindow), as the server would.
 *
 * This is a system tool for fictitious data, like the demo seed: it writes with the database
 * owner's connection in bulk (multi-row INSERT … SELECT FROM unnest), encrypts and hashes the
 * identity numbers exactly as insertChildRecord does, and records one system audit row.
 * Never run it against a database with real people in it (it refuses NODE_ENV=production).
 */

export const SCALE_TENANT_NAME = 'Samverkan Exempellän';
/** Without --force the seed refuses a tenant that already holds more children than this. */
export const FORCE_THRESHOLD = 10_000;
const BATCH = 2000;
const EXTRA_SCHOOL_HEALTH_UNITS = 20;

export interface ScaleOptions {
  children: number;
  /** Default: 30 % of children. */
  cases?: number;
  force?: boolean;
  /** PRNG seed; the same seed gives the same data shape (ids and ciphertexts still differ). */
  seed?: number;
  log?: (msg: string) => void;
  /** The calendar date the data is built around; default today in Sweden. */
  today?: string;
}

export interface ScaleResult {
  tenantId: string;
  today: string;
  unitsCreated: number;
  usersCreated: number;
  units: number;
  children: number;
  guardians: number;
  cases: number;
  anonymousCases: number;
  closedCases: number;
  consents: number;
  consentsActiveToday: number;
  consentsWithdrawn: number;
  consentsPending: number;
  consentNotices: number;
  caseRoles: number;
  signals: number;
  caseEvents: number;
  /** Cases owned by Elevhälsan Björkskolan (kurator.bjork's unit). */
  casesOwnedByElevhalsanBjorkskolan: number;
  /** Cases soc.oppen's unit may know of because it is named in a consent that has been active. */
  casesVisibleToSocOppenThroughConsent: number;
  /** Of those, with a consent active today (full access to the covered categories). */
  casesWithActiveConsentForSocOppen: number;
  totalChildrenInTenant: number;
  totalCasesInTenant: number;
  elapsedMs: number;
}

export class ScaleSeedRefused extends Error {
  override name = 'ScaleSeedRefused';
}

// ---------------------------------------------------------------- deterministic randomness

function prng(seed: number) {
  let a = seed >>> 0 || 1;
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T>(items: readonly { item: T; weight: number }[]): T | null => {
    const total = items.reduce((s, i) => s + i.weight, 0);
    if (total <= 0) return null;
    let r = next() * total;
    for (const i of items) {
      r -= i.weight;
      if (r < 0) return i.item;
    }
    return items[items.length - 1]!.item;
  };
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, chance, weighted, sample };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------- bulk insert

interface Column {
  name: string;
  /** The column's SQL type. */
  type: string;
  /** Arrays and JSON are sent as text and cast per row (unnest would flatten a 2-D array). */
  viaText?: boolean;
}

/** Column-wise rows for one table, written in batches of INSERT … SELECT FROM unnest($1::t[], …). */
class Bulk {
  readonly data: unknown[][];
  constructor(
    readonly table: string,
    readonly columns: Column[],
  ) {
    this.data = columns.map(() => []);
  }
  add(...values: unknown[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    for (let i = 0; i < values.length; i++) this.data[i]!.push(values[i]);
  }
  get length(): number {
    return this.data[0]!.length;
  }
  async write(q: OwnerQuery): Promise<void> {
    const names = this.columns.map((c) => c.name).join(', ');
    const params = this.columns.map((c, i) => `$${i + 1}::${c.viaText ? 'text' : c.type}[]`).join(', ');
    const aliases = this.columns.map((_, i) => `c${i}`);
    const select = this.columns.map((c, i) => (c.viaText ? `c${i}::${c.type}` : `c${i}`)).join(', ');
    const text = `insert into ${this.table} (${names}) select ${select} from unnest(${params}) as t(${aliases.join(', ')})`;
    for (let start = 0; start < this.length; start += BATCH) {
      await q(
        text,
        this.data.map((col) => col.slice(start, start + BATCH)),
      );
    }
  }
}

const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

// ---------------------------------------------------------------- the organisation

interface OwnerSpec {
  /** Demo unit key, or `skola<N>` for the extra school-health units. */
  key: string;
  weight: number;
  minAge: number;
  maxAge: number;
  /** Demo key of the school the child attends, when the unit is a school's health team. */
  school: string | null;
  pseudonym: 'Elev' | 'Barn';
}

/** Who owns child records, mirroring demo.ts's owners; the weights sum to 1. */
function ownerSpecs(): OwnerSpec[] {
  const extra = Array.from({ length: EXTRA_SCHOOL_HEALTH_UNITS }, (_, i) => ({
    key: `skola${i + 1}`,
    weight: 0.55 / EXTRA_SCHOOL_HEALTH_UNITS,
    minAge: 6,
    maxAge: 15,
    school: null,
    pseudonym: 'Elev' as const,
  }));
  return [
    { key: 'eh-bjork', weight: 0.07, minAge: 6, maxAge: 12, school: 'bjork', pseudonym: 'Elev' },
    { key: 'eh-ek', weight: 0.04, minAge: 6, maxAge: 12, school: 'ek', pseudonym: 'Elev' },
    { key: 'eh-lind', weight: 0.04, minAge: 13, maxAge: 15, school: 'lind', pseudonym: 'Elev' },
    { key: 'eh-gy', weight: 0.04, minAge: 16, maxAge: 17, school: 'gy', pseudonym: 'Elev' },
    ...extra,
    { key: 'soc-oppen', weight: 0.06, minAge: 0, maxAge: 17, school: null, pseudonym: 'Barn' },
    { key: 'soc-falt', weight: 0.03, minAge: 12, maxAge: 17, school: null, pseudonym: 'Barn' },
    { key: 'bvc', weight: 0.06, minAge: 0, maxAge: 5, school: null, pseudonym: 'Barn' },
    { key: 'vc', weight: 0.03, minAge: 0, maxAge: 17, school: null, pseudonym: 'Barn' },
    { key: 'umo', weight: 0.02, minAge: 13, maxAge: 17, school: null, pseudonym: 'Barn' },
    { key: 'bup', weight: 0.04, minAge: 4, maxAge: 17, school: null, pseudonym: 'Barn' },
    { key: 'hab', weight: 0.02, minAge: 0, maxAge: 17, school: null, pseudonym: 'Barn' },
  ];
}

interface UnitRef {
  id: string;
  key: string;
  name: string;
  principalKind: string;
}
interface Person {
  id: string;
  name: string;
}

interface Org {
  tenantId: string;
  unitsByKey: Map<string, UnitRef>;
  staff: Map<string, Person[]>;
  unitsCreated: number;
  usersCreated: number;
  policy: ConsentPolicy;
}

async function loadOrg(q: OwnerQuery, tenantId: string, log: (m: string) => void): Promise<Org> {
  const unitRows = async () =>
    (
      await q(
        `select u.id, u.name, p.kind as principal_kind from units u join principals p on p.id = u.principal_id where u.tenant_id = $1 and u.active`,
        [tenantId],
      )
    ).rows as { id: string; name: string; principal_kind: string }[];
  let rows = await unitRows();
  const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r]));

  // Extra fictitious school-health units so the tenant has ~40 units, as a municipality would.
  const [kommun] = (await q(`select id from principals where tenant_id = $1 and kind = 'kommun' order by name limit 1`, [tenantId])).rows as {
    id: string;
  }[];
  if (!kommun) throw new ScaleSeedRefused('Kommunens huvudman saknas i demotenanten / the tenant has no kommun principal');
  let unitsCreated = 0;
  for (let n = 1; n <= EXTRA_SCHOOL_HEALTH_UNITS; n++) {
    const name = `Elevhälsan Skola ${n}`;
    if (byName.has(name.toLowerCase())) continue;
    await q(`insert into units (id, tenant_id, principal_id, name, type) values ($1, $2, $3, $4, 'elevhalsa')`, [newId(), tenantId, kommun.id, name]);
    unitsCreated++;
  }
  if (unitsCreated) rows = await unitRows();

  const unitsByKey = new Map<string, UnitRef>();
  const named = new Map(rows.map((r) => [r.name.toLowerCase(), r]));
  for (const d of DEMO_UNITS) {
    const r = named.get(d.name.toLowerCase());
    if (r) unitsByKey.set(d.key, { id: r.id, key: d.key, name: r.name, principalKind: r.principal_kind });
    else log(`varning/warning: demo unit "${d.name}" is missing; its share goes to the others`);
  }
  for (let n = 1; n <= EXTRA_SCHOOL_HEALTH_UNITS; n++) {
    const r = named.get(`elevhälsan skola ${n}`)!;
    unitsByKey.set(`skola${n}`, { id: r.id, key: `skola${n}`, name: r.name, principalKind: r.principal_kind });
  }

  // Two fictitious staff per extra unit; they share the demo password (same hash as kurator.bjork).
  const [hashRow] = (
    await q(`select password_hash from users where tenant_id = $1 and password_hash is not null order by (username = 'kurator.bjork') desc limit 1`, [
      tenantId,
    ])
  ).rows as { password_hash: string }[];
  let usersCreated = 0;
  for (let n = 1; n <= EXTRA_SCHOOL_HEALTH_UNITS; n++) {
    const unit = unitsByKey.get(`skola${n}`)!;
    for (const [suffix, title] of [
      ['kurator', 'Kurator'],
      ['skolskoterska', 'Skolsköterska'],
    ] as const) {
      const username = `skola${n}.${suffix}`;
      const exists = (await q(`select 1 from users where lower(username) = $1`, [username])).rows.length > 0;
      if (exists) continue;
      const userId = newId();
      await q(`insert into users (id, tenant_id, username, display_name, email, password_hash) values ($1, $2, $3, $4, $5, $6)`, [
        userId,
        tenantId,
        username,
        `${title} Skola ${n}`,
        `${username}@exempelby.example`,
        hashRow!.password_hash,
      ]);
      await q(`insert into memberships (id, tenant_id, user_id, unit_id, role) values ($1, $2, $3, $4, 'professional')`, [
        newId(),
        tenantId,
        userId,
        unit.id,
      ]);
      usersCreated++;
    }
  }

  const staffRows = (
    await q(
      `select distinct m.unit_id, u.id, u.display_name from memberships m join users u on u.id = m.user_id
        where m.tenant_id = $1 and m.role in ('samordnare', 'professional') and u.active order by m.unit_id, u.display_name`,
      [tenantId],
    )
  ).rows as { unit_id: string; id: string; display_name: string }[];
  const staff = new Map<string, Person[]>();
  for (const r of staffRows) staff.set(r.unit_id, [...(staff.get(r.unit_id) ?? []), { id: r.id, name: r.display_name }]);

  const [policyRow] = (await q(`select settings->'consentPolicy' as policy from tenants where id = $1`, [tenantId])).rows as {
    policy: Partial<ConsentPolicy> | null;
  }[];
  const policy = { ...DEFAULT_CONSENT_POLICY, ...(policyRow?.policy ?? {}) };
  return { tenantId, unitsByKey, staff, unitsCreated, usersCreated, policy };
}

// ---------------------------------------------------------------- texts (fictitious, de-identified)

const DESCRIPTIONS = [
  'Eleven har ökande frånvaro sedan terminsstart och verkar trött under lektionerna.',
  'Mentor beskriver att eleven drar sig undan kamrater på rasterna och sällan deltar i grupparbeten.',
  'Barnet har svårt med koncentrationen och behöver mycket stöd för att komma igång med uppgifter.',
  'Vårdnadshavare har uttryckt oro för barnets sömn och humör hemma.',
  'Eleven har vid flera tillfällen varit inblandad i konflikter på skolgården.',
  'Barnet har ofta ont i magen på morgnarna och har missat flera skoldagar.',
  'Eleven har sjunkande resultat i flera ämnen och uttrycker att skolan känns meningslös.',
  'Personalen har uppmärksammat att barnet ofta saknar frukost och ibland kläder efter väder.',
  'Eleven har börjat vara ute sent på kvällarna och umgås med äldre ungdomar.',
  'Barnet har en diagnos och behöver samordnat stöd mellan skola och vård.',
];
const SUFFIXES = [
  'Familjen är positiv till samarbete.',
  'Frågan lyfts i TSI-teamet för gemensam planering.',
  'Behov av samordnade insatser bedöms finnas.',
  'Uppföljning planeras inom fyra veckor.',
];
const NOTICED = [
  'Hög frånvaro under de senaste veckorna.',
  'Eleven verkar nedstämd och har slutat delta på idrotten.',
  'Återkommande konflikter med kamrater.',
  'Barnet berättar att det är stökigt hemma.',
  'Svårigheter att komma i tid till skolan.',
  'Oro för att barnet är ute sent på kvällar.',
];
const EVENT_TEXTS: Record<InformationCategory, string[]> = {
  skolsituation: ['Möte med mentor om studiesituationen.', 'Anpassat schema införs under fyra veckor.', 'Frånvaron har minskat sedan förra mötet.'],
  halsa: ['Hälsosamtal med skolsköterskan om sömn och ork.', 'Remiss skickad för bedömning.', 'Uppföljande hälsosamtal genomfört.'],
  familj_och_hem: ['Samtal med vårdnadshavare om situationen hemma.', 'Föräldrastöd har erbjudits.', 'Familjen har fått information om stöd.'],
  fritid: ['Barnet har börjat på en fritidsaktivitet en gång i veckan.', 'Kontakt med fritidsgården om meningsfull fritid.'],
  insatser: ['Kontaktperson har utsetts.', 'Samtalsstöd i öppenvården har påbörjats.', 'Insatsen följdes upp och fortsätter.'],
  bedomningar_och_planer: ['Gemensam plan upprättad i TSI-teamet.', 'Planen följdes upp, nästa uppföljning om sex veckor.'],
};
const SIGNAL_KINDS = ['skolfranvaro', 'maende', 'beteende', 'hemsituation', 'larande', 'halsa', 'fritid', 'annat'] as const;
const CLOSING = ['behov_tillgodosett', 'flyttat', 'avbojt_stod', 'annat'] as const;

function ageBand(age: number): string {
  if (age <= 5) return '0-5';
  if (age <= 9) return '6-9';
  if (age <= 12) return '10-12';
  if (age <= 15) return '13-15';
  if (age <= 17) return '16-17';
  return '18-20';
}

/** A timestamp on a calendar date, in office hours (UTC 07–15, i.e. 08/09–16/17 Swedish time). */
function at(date: string, rng: Rng): string {
  return `${date}T${String(rng.int(7, 15)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}Z`;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

// ---------------------------------------------------------------- the seed

interface ChildGen {
  id: string;
  unitKey: string;
  birthDate: string;
  guardians: { id: string; hasCustody: boolean }[];
}

export async function seedScale(database: DatabaseHandle, crypto: FieldCrypto, opts: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const log = opts.log ?? ((m: string) => console.log(`[seed:scale] ${m}`));
  const q = database.ownerQuery;
  const rng = prng(opts.seed ?? 20261123);
  const today = opts.today ?? toSwedishDate(new Date());
  const nChildren = opts.children;
  const nCases = opts.cases ?? Math.round(nChildren * 0.3);

  const [tenant] = (await q(`select id from tenants where name = $1`, [SCALE_TENANT_NAME])).rows as { id: string }[];
  if (!tenant) {
    throw new ScaleSeedRefused(
      `Demotenanten "${SCALE_TENANT_NAME}" finns inte. Kör demo:reset först. / The demo tenant "${SCALE_TENANT_NAME}" does not exist; run demo:reset first.`,
    );
  }
  const tenantId = tenant.id;
  const [{ n: existing } = { n: 0 }] = (await q(`select count(*)::int as n from children where tenant_id = $1`, [tenantId])).rows as { n: number }[];
  if (existing > FORCE_THRESHOLD && !opts.force) {
    throw new ScaleSeedRefused(
      `Tenanten har redan ${existing} barn (mer än ${FORCE_THRESHOLD}); storskalig testdata verkar redan finnas. Använd --force för att lägga till mer. / ` +
        `The tenant already has ${existing} children (more than ${FORCE_THRESHOLD}); scale data seems to be there already. Use --force to add more.`,
    );
  }

  const inTx = database.kind === 'postgres';
  if (inTx) await q('BEGIN');
  try {
    const org = await loadOrg(q, tenantId, log);
    const specs = ownerSpecs().filter((s) => org.unitsByKey.has(s.key));
    const totalWeight = specs.reduce((s, x) => s + x.weight, 0);
    const unitId = (key: string) => org.unitsByKey.get(key)!.id;
    const staffOf = (key: string) => org.staff.get(org.unitsByKey.get(key)?.id ?? '') ?? [];
    log(`tenant ${tenantId}: ${org.unitsByKey.size} units used (${org.unitsCreated} created, ${org.usersCreated} users created), today ${today}`);

    // ------------------------------------------------ children and guardians
    const taken = new Set(
      (
        (await q(`select owning_unit_id, identity_number_hash from children where tenant_id = $1`, [tenantId])).rows as {
          owning_unit_id: string;
          identity_number_hash: string | null;
        }[]
      ).map((r) => `${r.owning_unit_id}:${r.identity_number_hash}`),
    );
    const childrenBulk = new Bulk('children', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'owning_unit_id', type: 'uuid' },
      { name: 'given_name', type: 'text' },
      { name: 'family_name', type: 'text' },
      { name: 'identity_number_enc', type: 'text' },
      { name: 'identity_number_hash', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'protected_identity', type: 'boolean' },
      { name: 'address', type: 'text' },
      { name: 'school_unit_id', type: 'uuid' },
    ]);
    const guardiansBulk = new Bulk('guardians', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'child_id', type: 'uuid' },
      { name: 'name', type: 'text' },
      { name: 'custody', type: 'text' },
      { name: 'identity_number_enc', type: 'text' },
      { name: 'identity_number_hash', type: 'text' },
      { name: 'phone', type: 'text' },
      { name: 'email', type: 'text' },
      { name: 'address', type: 'text' },
    ]);
    const childrenByUnit = new Map<string, ChildGen[]>();
    const counts = specs.map((s) => Math.floor((nChildren * s.weight) / totalWeight));
    for (let i = 0; counts.reduce((a, b) => a + b, 0) < nChildren; i++) counts[i % counts.length]!++;
    for (const [si, spec] of specs.entries()) {
      const owner = unitId(spec.key);
      const list: ChildGen[] = [];
      for (let k = 0; k < counts[si]!; k++) {
        // A fictitious personnummer (serials 980–999: 20 per birth date) unique in this unit.
        const age = rng.int(spec.minAge, spec.maxAge);
        const base = addDays(addMonths(today, -12 * age), -rng.int(0, 360));
        let identity = '';
        let hash = '';
        let birthDate = base;
        search: for (let shift = 0; shift < 4000; shift++) {
          const candidate = addDays(base, shift % 2 === 0 ? shift / 2 : -(shift + 1) / 2);
          const a = ageOn(candidate, today);
          if (a === null || a > 17) continue;
          const first = rng.int(0, 19);
          for (let s = 0; s < 20; s++) {
            const id = fictitiousIdentityNumber(candidate, first + s);
            const h = crypto.keyedHash(id);
            if (taken.has(`${owner}:${h}`)) continue;
            identity = id;
            hash = h;
            birthDate = candidate;
            break search;
          }
        }
        if (!identity) throw new Error(`no free fictitious identity number left in ${spec.key}`);
        taken.add(`${owner}:${hash}`);
        const n = childrenBulk.length;
        const family = rng.pick(FAMILY_NAMES);
        const address = `Påhittade vägen ${rng.int(1, 250)}, 999 ${String(rng.int(10, 99))} Exempelby`;
        const child: ChildGen = { id: newId(), unitKey: spec.key, birthDate, guardians: [] };
        const schoolKey = spec.school ?? (age < 6 ? null : age <= 12 ? (rng.chance(0.5) ? 'bjork' : 'ek') : age <= 15 ? 'lind' : 'gy');
        const school = schoolKey && spec.key.startsWith('skola') ? null : schoolKey ? org.unitsByKey.get(schoolKey)?.id : null;
        childrenBulk.add(
          child.id,
          tenantId,
          owner,
          rng.pick(GIVEN_NAMES),
          family,
          crypto.encrypt(identity),
          hash,
          birthDate,
          rng.chance(0.004),
          address,
          school ?? null,
        );
        const guardianCount = rng.chance(0.7) ? 2 : 1;
        for (let g = 0; g < guardianCount; g++) {
          const custody = g === 1 && rng.chance(0.08) ? 'annan' : rng.chance(0.01) ? 'sarskilt_forordnad' : 'vardnadshavare';
          const gid = newId();
          const gBirth = addDays(birthDate, -rng.int(20 * 365, 45 * 365));
          const gIdentity = fictitiousIdentityNumber(gBirth, rng.int(0, 19));
          guardiansBulk.add(
            gid,
            tenantId,
            child.id,
            `${rng.pick(GUARDIAN_GIVEN)} ${family}`,
            custody,
            crypto.encrypt(gIdentity),
            crypto.keyedHash(gIdentity),
            `070-${String(rng.int(0, 999)).padStart(3, '0')} ${String(n % 10000).padStart(4, '0')}`,
            rng.chance(0.6) ? `vh${n}.${g}@exempel.example` : null,
            g === 0 ? address : null,
          );
          child.guardians.push({ id: gid, hasCustody: custody !== 'annan' });
        }
        list.push(child);
      }
      childrenByUnit.set(spec.key, list);
    }
    log(`writing ${childrenBulk.length} children and ${guardiansBulk.length} guardians`);
    await childrenBulk.write(q);
    await guardiansBulk.write(q);

    // ------------------------------------------------ cases, consents, roles, signals, chronology
    const casesBulk = new Bulk('cases', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'owning_unit_id', type: 'uuid' },
      { name: 'child_id', type: 'uuid' },
      { name: 'pseudonym', type: 'text' },
      { name: 'age_band', type: 'text' },
      { name: 'description', type: 'text' },
      { name: 'created_by', type: 'uuid' },
      { name: 'linked_at', type: 'timestamptz' },
      { name: 'closed_at', type: 'timestamptz' },
      { name: 'closing_reason', type: 'text' },
      { name: 'closing_text', type: 'text' },
      { name: 'version', type: 'int4' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ]);
    const consentsBulk = new Bulk('consents', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'case_id', type: 'uuid' },
      { name: 'child_id', type: 'uuid' },
      { name: 'recorded_by_unit_id', type: 'uuid' },
      { name: 'purpose_category', type: 'text' },
      { name: 'purpose_text', type: 'text' },
      { name: 'unit_ids', type: 'uuid[]', viaText: true },
      { name: 'categories', type: 'text[]', viaText: true },
      { name: 'valid_from', type: 'date' },
      { name: 'valid_until', type: 'date' },
      { name: 'givers', type: 'jsonb', viaText: true },
      { name: 'maturity', type: 'jsonb', viaText: true },
      { name: 'active_from', type: 'date' },
      { name: 'active_until', type: 'date' },
      { name: 'activated_at', type: 'timestamptz' },
      { name: 'version', type: 'int4' },
      { name: 'created_by', type: 'uuid' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ]);
    const noticesBulk = new Bulk('consent_notices', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'consent_id', type: 'uuid' },
      { name: 'case_id', type: 'uuid' },
      { name: 'unit_id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'acknowledged_by', type: 'uuid' },
      { name: 'acknowledged_at', type: 'timestamptz' },
    ]);
    const rolesBulk = new Bulk('case_roles', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'case_id', type: 'uuid' },
      { name: 'user_id', type: 'uuid' },
      { name: 'unit_id', type: 'uuid' },
      { name: 'role', type: 'text' },
      { name: 'assigned_by', type: 'uuid' },
      { name: 'assigned_at', type: 'timestamptz' },
    ]);
    const signalsBulk = new Bulk('signals', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'owning_unit_id', type: 'uuid' },
      { name: 'recipient_unit_id', type: 'uuid' },
      { name: 'raised_by', type: 'uuid' },
      { name: 'child_id', type: 'uuid' },
      { name: 'case_id', type: 'uuid' },
      { name: 'category', type: 'text' },
      { name: 'noticed', type: 'text' },
      { name: 'signal_kinds', type: 'text[]', viaText: true },
      { name: 'urgency', type: 'text' },
      { name: 'report_of_concern', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ]);
    const eventsBulk = new Bulk('case_events', [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'case_id', type: 'uuid' },
      { name: 'owning_unit_id', type: 'uuid' },
      { name: 'author_user_id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'anonymous_phase', type: 'boolean' },
      { name: 'occurred_on', type: 'date' },
      { name: 'text', type: 'text' },
      { name: 'details', type: 'jsonb', viaText: true },
      { name: 'created_at', type: 'timestamptz' },
    ]);

    const stats = {
      anonymous: 0,
      closed: 0,
      activeToday: 0,
      withdrawn: 0,
      pending: 0,
      bjorkOwned: 0,
      socThroughConsent: 0,
      socActive: 0,
    };
    const caseCounts = specs.map((s) => Math.floor((nCases * s.weight) / totalWeight));
    for (let i = 0; caseCounts.reduce((a, b) => a + b, 0) < nCases; i++) caseCounts[i % caseCounts.length]!++;
    const soc = org.unitsByKey.get('soc-oppen')?.id;
    const partnerKeys = [...org.unitsByKey.keys()].filter((k) => k !== 'it' && k !== 'ek' && k !== 'gy');
    let pseudonymNo = 10000 + rng.int(0, 999);

    for (const [si, spec] of specs.entries()) {
      const owner = unitId(spec.key);
      const ownerStaff = staffOf(spec.key);
      if (ownerStaff.length === 0) {
        log(`varning/warning: ${spec.key} has no staff; its cases are skipped`);
        continue;
      }
      const pool = rng.sample(childrenByUnit.get(spec.key) ?? [], Number.MAX_SAFE_INTEGER);
      let cursor = 0;
      for (let k = 0; k < caseCounts[si]!; k++) {
        const caseId = newId();
        const child = pool.length > 0 && rng.chance(0.9) ? pool[cursor++ % pool.length]! : null;
        const creator = rng.pick(ownerStaff);
        const createdOn = addDays(today, -rng.int(0, 334));
        const createdAt = at(createdOn, rng);
        const age = child ? ageOn(child.birthDate, createdOn) : null;
        const band = ageBand(age ?? rng.int(spec.minAge, spec.maxAge));
        if (spec.key === 'eh-bjork') stats.bjorkOwned++;

        type Ev = {
          at: string;
          unit: string;
          author: string | null;
          kind: string;
          category: string | null;
          anonymous: boolean;
          text: string;
          details: object;
        };
        const events: Ev[] = [];
        const ev = (e: Omit<Ev, 'unit' | 'author' | 'details'> & { unit?: string; author?: string | null; details?: object }) =>
          events.push({ unit: owner, author: creator.id, details: {}, ...e });

        // Signals (0–2), raised before the case was opened; a signal makes the case known to its raising unit.
        const nSignals = rng.weighted([
          { item: 0, weight: 45 },
          { item: 1, weight: 40 },
          { item: 2, weight: 15 },
        ])!;
        for (let s = 0; s < nSignals; s++) {
          const raiserKey =
            spec.key === 'eh-bjork' && rng.chance(0.7) && staffOf('bjork').length
              ? 'bjork'
              : spec.key === 'eh-lind' && rng.chance(0.6)
                ? rng.weighted([
                    { item: 'lind', weight: 4 },
                    { item: 'fritid', weight: 1 },
                    { item: 'polis', weight: 1 },
                  ])!
                : spec.key;
          const raiserStaff = staffOf(raiserKey).length ? staffOf(raiserKey) : ownerStaff;
          const raiser = staffOf(raiserKey).length ? unitId(raiserKey) : owner;
          const signalId = newId();
          const signalAt = at(addDays(createdOn, -rng.int(0, 14)), rng);
          signalsBulk.add(
            signalId,
            tenantId,
            raiser,
            owner,
            rng.pick(raiserStaff).id,
            raiser === owner && child ? child.id : null,
            caseId,
            rng.pick(INFORMATION_CATEGORIES),
            rng.pick(NOTICED),
            pgArray(rng.sample(SIGNAL_KINDS, rng.int(1, 3))),
            rng.weighted([
              { item: 'lag', weight: 3 },
              { item: 'medel', weight: 5 },
              { item: 'hog', weight: 2 },
              { item: 'akut', weight: 0.3 },
            ])!,
            rng.weighted([
              { item: 'nej', weight: 8 },
              { item: 'ja', weight: 1 },
              { item: 'vet_ej', weight: 1 },
            ])!,
            signalAt,
          );
          // The case was opened from the first signal (createCase links one); later ones only point at the case.
          if (s === 0)
            ev({
              at: createdAt,
              kind: 'signal',
              category: null,
              anonymous: true,
              text: 'En signal om oro kopplades till ärendet.',
              details: { signalId },
            });
        }
        ev({ at: createdAt, kind: 'consultation_opened', category: null, anonymous: true, text: 'Avidentifierad konsultation öppnades.' });

        let linkedOn: string | null = null;
        let linkedAt: string | null = null;
        let consentUnits: string[] = [owner];
        let consentCategories: InformationCategory[] = [];
        let withdrawnOn: string | null = null;
        let activeNow = false;
        if (!child) stats.anonymous++;
        else {
          // The case was linked to the child within a month of opening.
          linkedOn = addDays(createdOn, Math.min(rng.int(0, 30), daysBetween(createdOn, today)));
          linkedAt = at(linkedOn, rng);
          ev({
            at: linkedAt,
            kind: 'child_linked',
            category: null,
            anonymous: false,
            text: 'Ärendet kopplades till ett identifierat barn. Det som skrevs före kopplingen är markerat som avidentifierat.',
          });

          if (rng.chance(2 / 3)) {
            // A consent for coordination in the TSI team: owner + 1–3 others, 2–4 categories, 12 months.
            const consentId = newId();
            const validFrom = addDays(linkedOn, Math.min(rng.int(0, 14), daysBetween(linkedOn, today)));
            const validUntil = lastDayOfPeriod(validFrom, 12);
            const childAge = ageOn(child.birthDate, validFrom) ?? 0;
            const partners = new Set<string>();
            const socChance = spec.key === 'eh-bjork' || spec.key === 'eh-ek' ? 0.15 : spec.key === 'soc-oppen' ? 0 : 0.02;
            if (soc && rng.chance(socChance)) partners.add(soc);
            const wanted = rng.int(1, 3);
            const candidates = partnerKeys
              .filter((key) => key !== spec.key && key !== 'soc-oppen')
              .map((key) => ({ item: unitId(key), weight: partnerWeight(key, spec, childAge) }));
            for (let tries = 0; partners.size < wanted && tries < 20; tries++) {
              const p = rng.weighted(candidates);
              if (p) partners.add(p);
            }
            consentUnits = [owner, ...partners];
            consentCategories = rng.sample(INFORMATION_CATEGORIES, rng.int(2, 4));
            const recorder = rng.pick(ownerStaff);
            const documented = { documentedBy: recorder.id, documentedAt: validFrom, documentedByName: recorder.name };
            const custodial = child.guardians.filter((g) => g.hasCustody);
            const givers: StoredGiver[] = custodial.map((g) => ({
              kind: 'guardian',
              guardianId: g.id,
              hasCustody: true,
              answer: 'given',
              method: 'written',
              ...documented,
            }));
            const maturity =
              childAge >= 11
                ? {
                    isMature: true,
                    reasoning: 'Barnet förstår vad samtycket innebär och har själv tagit ställning i samtalet.',
                    assessedAt: validFrom,
                    assessedBy: recorder.id,
                    assessedByName: recorder.name,
                  }
                : null;
            if (maturity) givers.push({ kind: 'child', answer: 'given', method: 'oral', ...documented });
            const roll = rng.next();
            const pending = roll < 0.04 && givers.length >= 2;
            if (pending) givers.pop();
            const guardians: GuardianInfo[] = child.guardians.map((g) => ({ guardianId: g.id, hasCustody: g.hasCustody }));
            const consent: Consent = {
              id: consentId,
              childBirthDate: child.birthDate,
              givers,
              scope: { unitIds: consentUnits, categories: consentCategories, purposeCategory: 'samordning_tsi_team', purposeText: '' },
              validFrom,
              validUntil,
              maturity,
            };
            // Activated on its first active day, as the server's storeWindow would have marked it.
            const wasActive = activeWindow(consent, guardians, validFrom, org.policy) !== null;
            const withdraw = !pending && wasActive && roll >= 0.04 && roll < 0.14 && daysBetween(validFrom, today) >= 7;
            if (withdraw) {
              withdrawnOn = addDays(validFrom, rng.int(7, daysBetween(validFrom, today)));
              const who = givers.findIndex((g) => g.kind === 'guardian');
              givers[who] = { ...givers[who]!, answer: 'withdrawn', method: 'written', documentedAt: withdrawnOn };
            }
            const window = activeWindow(consent, guardians, today, org.policy);
            const activatedAt = wasActive ? at(validFrom, rng) : null;
            activeNow = window !== null && window.from <= today;
            if (activeNow) stats.activeToday++;
            if (withdraw) stats.withdrawn++;
            if (!wasActive) stats.pending++;
            if (soc && partners.has(soc) && activatedAt) stats.socThroughConsent++;
            if (soc && partners.has(soc) && activeNow) stats.socActive++;
            consentsBulk.add(
              consentId,
              tenantId,
              caseId,
              child.id,
              owner,
              'samordning_tsi_team',
              'Samordning av stöd i TSI-teamet kring barnets situation.',
              pgArray(consentUnits),
              pgArray(consentCategories),
              validFrom,
              validUntil,
              JSON.stringify(givers),
              maturity ? JSON.stringify(maturity) : null,
              window?.from ?? null,
              window?.until ?? null,
              activatedAt,
              withdraw ? 2 : 1,
              recorder.id,
              activatedAt ?? at(validFrom, rng),
              withdrawnOn ? at(withdrawnOn, rng) : (activatedAt ?? at(validFrom, rng)),
            );
            ev({
              at: activatedAt ?? at(validFrom, rng),
              author: recorder.id,
              kind: 'consent_recorded',
              category: null,
              anonymous: false,
              text: `Samtycke registrerat (${wasActive ? 'gäller' : 'inväntar svar'}): ${consentUnits.length} verksamheter; ${consentCategories.length} kategorier; ${validFrom}–${validUntil}.`,
              details: { consentId, status: wasActive ? 'active' : 'pending' },
            });
            if (withdrawnOn) {
              const withdrawnAt = at(withdrawnOn, rng);
              ev({
                at: withdrawnAt,
                kind: 'consent_withdrawn',
                category: null,
                anonymous: false,
                text: 'En vårdnadshavare återkallade samtycket (skriftligt). Det gäller inte längre, från och med nu.',
                details: { consentId },
              });
              for (const u of consentUnits.filter((x) => x !== owner)) {
                const ack = rng.chance(0.6);
                const ackBy = ack ? rng.pick(org.staff.get(u) ?? [{ id: '', name: '' }]).id || null : null;
                noticesBulk.add(newId(), tenantId, consentId, caseId, u, 'withdrawn', withdrawnAt, ackBy, ackBy ? at(withdrawnOn, rng) : null);
              }
            }
          }
        }

        // Roles (0–3): trygghetsperson and barnkoordinator in the owning unit, involved staff of consent units.
        const nRoles = rng.weighted([
          { item: 0, weight: 2 },
          { item: 1, weight: 4 },
          { item: 2, weight: 3 },
          { item: 3, weight: 2 },
        ])!;
        const roleAt = linkedAt ?? createdAt;
        const kurator = spec.key === 'eh-bjork' ? ownerStaff.find((s) => s.name === 'Karin Berg') : undefined;
        const involved = new Set<string>();
        for (let r = 0; r < nRoles; r++) {
          let role: string;
          let unit = owner;
          let person: Person | undefined;
          if (r === 0) {
            role = 'trygghetsperson';
            person = kurator && rng.chance(0.5) ? kurator : rng.pick(ownerStaff);
          } else if (r === 1 && consentUnits.length === 1) {
            role = 'barnkoordinator';
            person = rng.pick(ownerStaff);
          } else {
            role = 'involverad';
            const others = consentUnits.filter((u) => u !== owner && (org.staff.get(u)?.length ?? 0) > 0);
            if (others.length === 0 || withdrawnOn) continue;
            unit = rng.pick(others);
            person = rng.pick(org.staff.get(unit)!);
            if (involved.has(`${person.id}:${unit}`)) continue;
            involved.add(`${person.id}:${unit}`);
          }
          rolesBulk.add(newId(), tenantId, caseId, person.id, unit, role, creator.id, roleAt);
          ev({
            at: roleAt,
            unit,
            kind: 'role_changed',
            category: 'insatser',
            anonymous: !child,
            text: `${person.name} blev ${role}.`,
          });
        }

        // Hand-written chronology entries up to 2–6 events in all.
        const target = Math.max(events.length, rng.int(2, 6));
        for (let e = events.length; e < target; e++) {
          const identified = child !== null && linkedOn !== null;
          const on = identified
            ? addDays(linkedOn!, rng.int(0, daysBetween(linkedOn!, today)))
            : addDays(createdOn, rng.int(0, daysBetween(createdOn, today)));
          const partner = consentUnits.length > 1 && rng.chance(0.3) ? rng.pick(consentUnits.slice(1)) : null;
          const unit = partner && (org.staff.get(partner)?.length ?? 0) > 0 ? partner : owner;
          const category =
            unit === owner ? rng.pick(INFORMATION_CATEGORIES) : rng.pick(consentCategories.length ? consentCategories : INFORMATION_CATEGORIES);
          ev({
            at: at(on, rng),
            unit,
            author: unit === owner ? rng.pick(ownerStaff).id : rng.pick(org.staff.get(unit)!).id,
            kind: 'manual',
            category,
            anonymous: !identified,
            text: rng.pick(EVENT_TEXTS[category]),
          });
        }

        // Some cases are closed.
        let closedAt: string | null = null;
        let closingReason: string | null = null;
        if (rng.chance(withdrawnOn ? 0.5 : 0.12)) {
          const last = events.reduce((m, e) => (e.at > m ? e.at : m), createdAt).slice(0, 10);
          closedAt = at(addDays(last, Math.min(rng.int(0, 20), daysBetween(last, today))), rng);
          closingReason = withdrawnOn ? 'samtycke_aterkallat' : rng.pick(CLOSING);
          ev({ at: closedAt, kind: 'closed', category: null, anonymous: !child, text: 'Ärendet avslutades.' });
          stats.closed++;
        }

        events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        for (const e of events) {
          eventsBulk.add(
            newId(),
            tenantId,
            caseId,
            e.unit,
            e.author,
            e.kind,
            e.category,
            e.anonymous,
            e.at.slice(0, 10),
            e.text,
            JSON.stringify(e.details),
            e.at,
          );
        }
        const updatedAt = events[events.length - 1]!.at;
        casesBulk.add(
          caseId,
          tenantId,
          owner,
          child?.id ?? null,
          `${spec.pseudonym} ${pseudonymNo++}`,
          band,
          `${rng.pick(DESCRIPTIONS)} ${rng.pick(SUFFIXES)}`,
          creator.id,
          linkedAt,
          closedAt,
          closingReason,
          closingReason === 'annat' ? 'Ärendet fördes över till en annan verksamhet.' : null,
          events.length,
          createdAt,
          updatedAt,
        );
      }
    }

    log(
      `writing ${casesBulk.length} cases, ${consentsBulk.length} consents, ${noticesBulk.length} notices, ${rolesBulk.length} roles, ` +
        `${signalsBulk.length} signals, ${eventsBulk.length} events`,
    );
    await casesBulk.write(q);
    await signalsBulk.write(q);
    await consentsBulk.write(q);
    await noticesBulk.write(q);
    await rolesBulk.write(q);
    await eventsBulk.write(q);
    if (inTx) await q('COMMIT');

    log('ANALYZE');
    for (const t of [
      'units',
      'users',
      'memberships',
      'children',
      'guardians',
      'cases',
      'signals',
      'consents',
      'consent_notices',
      'case_roles',
      'case_events',
    ]) {
      await q(`ANALYZE ${t}`);
    }

    const [totals] = (
      await q(
        `select (select count(*)::int from children where tenant_id = $1) as children, (select count(*)::int from cases where tenant_id = $1) as cases`,
        [tenantId],
      )
    ).rows as { children: number; cases: number }[];
    const result: ScaleResult = {
      tenantId,
      today,
      unitsCreated: org.unitsCreated,
      usersCreated: org.usersCreated,
      units: org.unitsByKey.size,
      children: childrenBulk.length,
      guardians: guardiansBulk.length,
      cases: casesBulk.length,
      anonymousCases: stats.anonymous,
      closedCases: stats.closed,
      consents: consentsBulk.length,
      consentsActiveToday: stats.activeToday,
      consentsWithdrawn: stats.withdrawn,
      consentsPending: stats.pending,
      consentNotices: noticesBulk.length,
      caseRoles: rolesBulk.length,
      signals: signalsBulk.length,
      caseEvents: eventsBulk.length,
      casesOwnedByElevhalsanBjorkskolan: stats.bjorkOwned,
      casesVisibleToSocOppenThroughConsent: stats.socThroughConsent,
      casesWithActiveConsentForSocOppen: stats.socActive,
      totalChildrenInTenant: totals!.children,
      totalCasesInTenant: totals!.cases,
      elapsedMs: Math.round(performance.now() - started),
    };
    const { elapsedMs: _elapsed, tenantId: _tenant, ...details } = result;
    await withTenantTx(database.db, tenantId, (tx) =>
      appendAudit(tx, { tenantId }, { action: 'system_insert', resourceType: 'scale_seed', outcome: 'allowed', details }),
    );
    return result;
  } catch (err) {
    if (inTx) await q('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** How likely a unit is to be named in a consent next to the owner (the team around the child). */
function partnerWeight(key: string, owner: OwnerSpec, age: number): number {
  const school = owner.key.startsWith('eh-') || owner.key.startsWith('skola');
  if (key.startsWith('skola')) return school ? 0 : 0.1;
  switch (key) {
    // The school health team of the child's school, when another service owns the case.
    case 'eh-bjork':
    case 'eh-ek':
      return !school && age >= 6 && age <= 12 ? 1.5 : 0;
    case 'eh-lind':
      return !school && age >= 13 && age <= 15 ? 1.5 : 0;
    case 'eh-gy':
      return !school && age >= 16 ? 1.5 : 0;
    case 'bjork':
    case 'lind':
      return school ? 1 : 0.3;
    case 'soc-falt':
      return age >= 12 ? 1.5 : 0;
    case 'fritid':
      return age >= 10 ? 1 : 0;
    case 'polis':
      return age >= 13 ? 0.5 : 0;
    case 'bvc':
      return age <= 5 ? 3 : 0;
    case 'vc':
      return 2;
    case 'umo':
      return age >= 13 ? 1.5 : 0;
    case 'bup':
      return age >= 4 ? 2 : 0;
    case 'hab':
      return 0.7;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------- the CLI

function positiveInt(name: string, raw: string | undefined, fallback: number | undefined, max: number): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new ConfigError(`--${name} måste vara ett heltal 1–${max} / must be an integer 1–${max} (fick/got "${raw}")`);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string' },
      cases: { type: 'string' },
      'database-url': { type: 'string' },
      force: { type: 'boolean', default: false },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'npm run seed:scale -- [--children 100000] [--cases 30000] [--database-url postgres://…] [--force] [--seed N]\n' +
        'Lägger till påhittad storskalig data i demotenanten / adds fictitious municipality-sized data to the demo tenant.',
    );
    return;
  }
  const children = positiveInt('children', values.children, 100_000, 2_000_000)!;
  const cases = positiveInt('cases', values.cases, undefined, 2_000_000);
  const seed = positiveInt('seed', values.seed, undefined, 2 ** 31);
  const config = loadConfig(values['database-url'] ? { ...process.env, DATABASE_URL: values['database-url'] } : process.env);
  if (config.env === 'production') {
    throw new ScaleSeedRefused('seed:scale vägrar köra när NODE_ENV=production / refuses to run in production');
  }
  const crypto = createFieldCrypto(config.dataKey);
  const database = await openConfiguredDatabase(config);
  try {
    if (await isEmpty(database.db)) {
      console.log('[seed:scale] tom databas: lägger in demodata först / empty database: seeding the demo first');
      await seedDemo(database.db, crypto);
    }
    const where = config.databaseUrl ? new URL(config.databaseUrl).host + new URL(config.databaseUrl).pathname : `PGlite i ${config.dataDir}`;
    console.log(`[seed:scale] ${children} barn/children, ${cases ?? Math.round(children * 0.3)} ärenden/cases → ${where}`);
    const r = await seedScale(database, crypto, { children, cases, force: values.force, seed });
    console.log(`[seed:scale] klart / done in ${(r.elapsedMs / 1000).toFixed(1)} s`);
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof ScaleSeedRefused ? err.message : err);
    process.exit(2);
  }
}
