/**
 * The scale bench's parts: seeding the throw-away database with `seed:scale`, waiting for the
 * server's start-up consent job, logging in as a given demo user, choosing the cases to read,
 * and running one scenario with autocannon while recording every request's latency (autocannon
 * reports p97.5/p99 but no p95, so the percentiles are computed here from all latencies).
 */
import { spawn } from 'node:child_process';
import autocannon, { type Result } from 'autocannon';
import type pg from 'pg';
import { cpuSnapshot, cpuUse } from './cpu.ts';
import { getJson } from './server.ts';
import { PASSWORD, ROOT, SESSION_COOKIE } from './settings.ts';
import {
  QUIET_POLL_INTERVAL_MS,
  QUIET_POLLS,
  QUIET_TIMEOUT_MS,
  QUIET_TRANSACTION_MS,
  READ_CASES,
  SCALE_CONNECTIONS,
  SEED_TIMEOUT_MS,
} from './scale-settings.ts';
import type { CpuUse } from './types.ts';
import { BenchError, log, round1, round2, sleep } from './util.ts';

// autocannon's typings (bench/autocannon.d.ts) cover one URL and the result only; the scale bench
// also cycles through several paths and listens to every response.
declare module 'autocannon' {
  interface Options {
    requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
  }
  interface Instance {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void): this;
  }
}

// ---------------------------------------------------------------- seeding

/** What `seed:scale` printed as its result (the fields the report uses; the CLI prints more). */
export interface SeedSummary {
  /** The Swedish calendar date the data was built around. */
  today: string;
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
  units: number;
  casesOwnedByElevhalsanBjorkskolan: number;
  casesVisibleToSocOppenThroughConsent: number;
  casesWithActiveConsentForSocOppen: number;
  elapsedMs: number;
}

/**
 * Runs the real CLI against the bench database with the same DATA_DIR as the server, so both
 * use the same data key (identity numbers are encrypted and hashed with it). The CLI migrates
 * and seeds the demo first, since the database is empty.
 */
export async function runSeedScale(
  databaseUrl: string,
  dataDir: string,
  children: number,
  cases: number,
): Promise<{ summary: SeedSummary; wallSeconds: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/cli/seed-scale.ts', '--children', String(children), '--cases', String(cases)],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    const text = c.toString('utf8');
    out += text;
    for (const line of text.split('\n')) if (line.startsWith('[seed:scale]')) log(line);
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), SEED_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (code !== 0) throw new BenchError(`seed:scale exited with ${code}:\n${err.slice(-3000) || out.slice(-3000)}`);
  const json = out.slice(out.indexOf('\n{') + 1);
  try {
    return { summary: JSON.parse(json) as SeedSummary, wallSeconds: round1((performance.now() - started) / 1000) };
  } catch {
    throw new BenchError(`seed:scale printed no result:\n${out.slice(-2000)}`);
  }
}

// ---------------------------------------------------------------- after the server started

/**
 * At start-up the server re-evaluates every consent (the daily job, issue 3 §5) in one
 * transaction. Measuring while it runs would measure the job; this waits until no transaction
 * in the bench database has been open longer than QUIET_TRANSACTION_MS for QUIET_POLLS polls in
 * a row (the audit sealer's transactions last milliseconds), and returns how long that took.
 */
export async function waitForQuiet(client: pg.Client, dbName: string): Promise<number> {
  const started = performance.now();
  let quietPolls = 0;
  while (performance.now() - started < QUIET_TIMEOUT_MS) {
    const res = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and xact_start is not null
         and now() - xact_start > make_interval(secs => $2)`,
      [dbName, QUIET_TRANSACTION_MS / 1000],
    );
    quietPolls = Number(res.rows[0]!.n) === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= QUIET_POLLS) return round1((performance.now() - started) / 1000);
    await sleep(QUIET_POLL_INTERVAL_MS);
  }
  throw new BenchError(`the server's start-up consent job was still running after ${QUIET_TIMEOUT_MS / 1000} s`);
}

export async function loginAs(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new BenchError(`login as ${username} failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new BenchError(`login as ${username} set no ${SESSION_COOKIE} cookie`);
  return cookie;
}

interface CaseSummary {
  id: string;
  state: string;
  access: { level: string };
}

/**
 * Cases for the single-case scenario: from the user's own case list, active cases the user sees
 * at `level` (owner for kurator.bjork, consent for soc.oppen), each checked to answer 200 with
 * an active consent — so every read evaluates a consent.
 */
export async function pickCases(
  baseUrl: string,
  cookie: string,
  username: string,
  level: 'owner' | 'consent',
): Promise<{ ids: string[]; listed: number }> {
  const list = await getJson(`${baseUrl}/api/v1/cases`, cookie);
  const items = (list.body as { items?: CaseSummary[] }).items;
  if (list.status !== 200 || !items) throw new BenchError(`${username}: GET /api/v1/cases answered HTTP ${list.status}`);
  const ids: string[] = [];
  for (const item of items.filter((i) => i.state === 'aktiv' && i.access.level === level)) {
    if (ids.length >= READ_CASES) break;
    const res = await getJson(`${baseUrl}/api/v1/cases/${item.id}`, cookie);
    const body = res.body as { access?: { level?: string }; consents?: { status: string }[] };
    if (res.status !== 200) throw new BenchError(`${username}: GET /api/v1/cases/${item.id} answered HTTP ${res.status}`);
    if (body.access?.level === level && body.consents?.some((k) => k.status === 'active')) ids.push(item.id);
  }
  if (ids.length === 0) throw new BenchError(`${username}: no active case at level ${level} among the ${items.length} listed`);
  return { ids, listed: items.length };
}

// ---------------------------------------------------------------- one scenario run

export interface Latencies {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Nearest-rank percentiles over all recorded latencies. */
export function percentiles(samples: number[]): Latencies {
  if (samples.length === 0) throw new BenchError('no latencies recorded');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    p50Ms: round2(at(50)),
    p95Ms: round2(at(95)),
    p99Ms: round2(at(99)),
    maxMs: round2(sorted[sorted.length - 1]!),
    meanMs: round2(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
}

export interface RunOutcome {
  latenciesMs: number[];
  requests: number;
  reqPerSec: number;
  durationSeconds: number;
  cpu: CpuUse | null;
}

let active: { stop(): void } | null = null;

/** Stops the autocannon run in progress, if any (Ctrl-C). */
export function stopActiveRun(): void {
  active?.stop();
}

/**
 * Loads the given paths (cycled per connection) for `seconds` with SCALE_CONNECTIONS keep-alive
 * connections and records every response's latency. Any non-2xx, error or timeout makes the run
 * invalid: the bench fails rather than report it.
 */
export async function runLoad(opts: {
  baseUrl: string;
  paths: string[];
  cookie: string;
  seconds: number;
  title: string;
  serverPid: number;
  dbName: string;
}): Promise<RunOutcome> {
  const headers = { cookie: opts.cookie };
  const instance = autocannon({
    url: opts.baseUrl,
    connections: SCALE_CONNECTIONS,
    duration: opts.seconds,
    headers,
    title: opts.title,
    requests: opts.paths.map((path) => ({ method: 'GET', path, headers })),
  });
  active = instance;
  const latencies: number[] = [];
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const before = cpuSnapshot(opts.serverPid, opts.dbName);
  let result: Result;
  try {
    result = await instance;
  } finally {
    active = null;
  }
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) {
    throw new BenchError(
      `${opts.title}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `(status codes: ${JSON.stringify(result.statusCodeStats)}) — the bench is invalid`,
    );
  }
  if (latencies.length === 0) throw new BenchError(`${opts.title}: no request completed`);
  return {
    latenciesMs: latencies,
    requests: latencies.length,
    reqPerSec: round1(latencies.length / result.duration),
    durationSeconds: result.duration,
    cpu: cpuUse(before, cpuSnapshot(opts.serverPid, opts.dbName), latencies.length),
  };
}

// ---------------------------------------------------------------- the data set as the database holds it

export interface DataSet {
  units: number;
  children: number;
  guardians: number;
  cases: number;
  consents: number;
  consentsActiveToday: number;
  caseEvents: number;
  caseRoles: number;
  signals: number;
  consentNotices: number;
  /** Per user: cases in the unit's list (owned, role, named in a consent that has been active, raised a signal) and by level. */
  visible: Record<string, { unit: string; visibleCases: number; owned: number; withActiveConsentToday: number }>;
}

/** The demo tenant seed:scale fills (SCALE_TENANT_NAME in packages/server/src/cli/seed-scale.ts). */
const SCALE_TENANT = 'Samverkan Exempellän';

/**
 * Counts in the bench database's demo tenant (the bench connects as owner, so RLS does not apply). The
 * visibility count mirrors visibleCaseIdsSql in packages/server/src/access/rules.ts.
 */
export async function dataSet(client: pg.Client, usernames: readonly string[], today: string): Promise<DataSet> {
  const counts = (
    await client.query<Record<string, string>>(
      `with t as (select id from tenants where name = $2)
       select (select count(*) from units, t where tenant_id = t.id) as units, (select count(*) from children, t where tenant_id = t.id) as children,
        (select count(*) from guardians, t where tenant_id = t.id) as guardians, (select count(*) from cases, t where tenant_id = t.id) as cases,
        (select count(*) from consents, t where tenant_id = t.id) as consents,
        (select count(*) from consents, t where tenant_id = t.id and active_from <= $1::date and $1::date <= active_until) as consents_active_today,
        (select count(*) from case_events, t where tenant_id = t.id) as case_events, (select count(*) from case_roles, t where tenant_id = t.id) as case_roles,
        (select count(*) from signals, t where tenant_id = t.id) as signals, (select count(*) from consent_notices, t where tenant_id = t.id) as consent_notices`,
      [today, SCALE_TENANT],
    )
  ).rows[0]!;
  const visible: DataSet['visible'] = {};
  for (const username of usernames) {
    const row = (
      await client.query<{ unit: string; visible: string; owned: string; consent: string }>(
        `with me as (select m.unit_id, u.tenant_id from users u join memberships m on m.user_id = u.id where u.username = $1 limit 1),
           v as (select c0.id from cases c0, me where c0.owning_unit_id = me.unit_id
             union select r0.case_id from case_roles r0, me where r0.unit_id = me.unit_id and r0.ended_at is null and r0.tenant_id = me.tenant_id
             union select k0.case_id from consents k0, me where k0.unit_ids @> array[me.unit_id] and k0.activated_at is not null
             union select s0.case_id from signals s0, me where s0.owning_unit_id = me.unit_id and s0.case_id is not null)
         select (select name from units where id = (select unit_id from me)) as unit, (select count(*) from v) as visible,
           (select count(*) from cases c, me where c.owning_unit_id = me.unit_id) as owned,
           (select count(distinct c.id) from cases c join consents k on k.case_id = c.id, me
              where c.owning_unit_id <> me.unit_id and k.unit_ids @> array[me.unit_id, c.owning_unit_id]
                and k.active_from <= $2::date and $2::date <= k.active_until and k.purpose_category = 'samordning_tsi_team') as consent`,
        [username, today],
      )
    ).rows[0]!;
    visible[username] = { unit: row.unit, visibleCases: Number(row.visible), owned: Number(row.owned), withActiveConsentToday: Number(row.consent) };
  }
  const n = (k: string) => Number(counts[k]);
  return {
    units: n('units'),
    children: n('children'),
    guardians: n('guardians'),
    cases: n('cases'),
    consents: n('consents'),
    consentsActiveToday: n('consents_active_today'),
    caseEvents: n('case_events'),
    caseRoles: n('case_roles'),
    signals: n('signals'),
    consentNotices: n('consent_notices'),
    visible,
  };
}
