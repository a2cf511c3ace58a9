/**
 * `npm run bench` — what the access choke point costs.
 *
 *  (a) GET /api/v1/children/:id            authenticated read through runScoped: rule check + audit row, one transaction
 *  (b) GET /api/bench/bare/children/:id    the same SQL reads behind the same session check, no rule and no audit
 *
 * Creates a throw-away database on the PostgreSQL server (DATABASE_URL, else
 * postgres://root@127.0.0.1:5432/), starts the real server against it with demo
 * data, logs in, warms up, then measures a→b→a→b with autocannon and reports the
 * means. Writes bench/results/<date>-choke-point.md and bench/results/latest.json.
 *
 * Exit code: 0 when the bench ran (even if a target is missed — the output says so),
 * 1 when the bench itself failed (server did not start, a non-2xx or socket error, …).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';

// ---------------------------------------------------------------- settings

const CONNECTIONS = 32;
/** The server's audit sealer interval: the server's default unless AUDIT_SEAL_INTERVAL_MS is set for the run. */
const SEAL_INTERVAL_MS = Number(process.env.AUDIT_SEAL_INTERVAL_MS || 200);
const WARMUP_SECONDS = 3;
const DURATION_SECONDS = 15;
const ROUNDS = 2;
const DEFAULT_SERVER_URL = 'postgres://root@127.0.0.1:5432/';
const USERNAME = 'kurator.bjork';
const PASSWORD = 'Samsyn-demo-2026';
const SESSION_COOKIE = '__Host-samsyn_session';
const STARTUP_TIMEOUT_MS = 120_000;

const TARGETS = { aReqPerSec: 1000, aP99Ms: 50, ratio: 0.4 } as const;
/** A run counts as contended when other programs used more than this share of all cores. */
const CONTENDED_SHARE = 0.1;

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const RESULTS_DIR = join(BENCH_DIR, 'results');

// ---------------------------------------------------------------- types

type Side = 'a' | 'b';

interface Measurement {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** CPU used during one run, in cores (1.0 = one core busy for the whole run). Linux only. */
interface CpuUse {
  serverCores: number;
  postgresCores: number;
  loadGeneratorCores: number;
  /** Everything else on the machine: other programs competing for the same cores. */
  otherCores: number;
  /** Time the hypervisor gave to other virtual machines (0 on bare metal). */
  stealCores: number;
  serverMsPerRequest: number;
  postgresMsPerRequest: number;
  loadGeneratorMsPerRequest: number;
  /**
   * req/s this route could reach if server, PostgreSQL and autocannon had all cores to
   * themselves: cores ÷ CPU ms per request. An estimate that ignores waits (fsync, locks).
   */
  cpuCeilingReqPerSec: number;
}

interface RoundResult extends Measurement {
  side: Side;
  round: number;
  requests: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  cpu: CpuUse | null;
}

interface Target {
  target: number;
  value: number;
  met: boolean;
}

interface Report {
  date: string;
  machine: {
    cpuModel: string;
    cpuCount: number;
    totalMemoryGiB: number;
    os: string;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  postgres: string;
  postgresSettings: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  roundsPerSide: number;
  a: Measurement;
  b: Measurement;
  ratio: number;
  targets: { aReqPerSec: Target; aP99Ms: Target; ratio: Target };
  rounds: RoundResult[];
  /** Mean CPU per route over its runs (null where /proc is not available). */
  cpu: { a: CpuUse | null; b: CpuUse | null };
  /** True when other programs used a noticeable share of the cores during the runs. */
  contended: boolean;
  audit: {
    readRowsWritten: number;
    /** (a) requests autocannon saw complete, plus the verification read. */
    aRequests: number;
    /** Requests in flight when autocannon stops still complete (and are audited) on the server: at most connections × (a) runs. */
    inFlightAllowance: number;
    /** aRequests ≤ readRowsWritten ≤ aRequests + inFlightAllowance: one audit row per read, none missing. */
    consistent: boolean;
    sealedRows: number;
    totalAuditRows: number;
  };
}

class BenchError extends Error {
  override name = 'BenchError';
}

// ---------------------------------------------------------------- helpers

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Hides a password in a connection string before it is printed. */
function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new BenchError('no free port'))));
    });
  });
}

/** Connects to the server's maintenance database: `postgres`, else `test`, else the one in the URL. */
async function adminClient(serverUrl: string): Promise<pg.Client> {
  const tried: string[] = [];
  const candidates = ['postgres', 'test', new URL(serverUrl).pathname.replace(/^\//, '')].filter((d, i, all) => d && all.indexOf(d) === i);
  for (const db of candidates) {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, db) });
    try {
      await client.connect();
      return client;
    } catch (err) {
      tried.push(`${db}: ${(err as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }
  throw new BenchError(`cannot connect to PostgreSQL at ${redact(serverUrl)} (${tried.join('; ')})`);
}

// ---------------------------------------------------------------- CPU accounting (Linux /proc)

/**
 * Who used the CPU during a run: the server process, the local PostgreSQL processes
 * serving the bench database (plus WAL writer, checkpointer and background writer),
 * this process (autocannon runs in it) and everything else. "Everything else" shows
 * whether other programs competed for the cores; ms per request for server and
 * PostgreSQL are a measure of cost that such competition hardly changes.
 */
const HAS_PROC = existsSync('/proc/stat');
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const PG_BACKGROUND = /: (walwriter|checkpointer|background writer)\s*$/;

interface CpuSnapshot {
  wallMs: number;
  machineBusyMs: number;
  stealMs: number;
  serverMs: number;
  postgresMs: number;
  selfMs: number;
}

/** utime + stime of a process in ms, or 0 if it is gone or unreadable. */
function processCpuMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

function postgresCpuMs(dbName: string): number {
  let ms = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue;
    }
    if (!cmd.startsWith('postgres')) continue;
    if (cmd.includes(` ${dbName} `) || PG_BACKGROUND.test(cmd)) ms += processCpuMs(pid);
  }
  return ms;
}

/** CPU time the whole machine spent busy, and time the hypervisor took away (steal), in ms. */
function machineCpuMs(): { busy: number; steal: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …; irq/softirq ticks are also charged to the process they interrupted
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return { busy: ((user + nice + system + irq + softirq) * 1000) / CLK_TCK, steal: (steal * 1000) / CLK_TCK };
}

function cpuSnapshot(serverPid: number, dbName: string): CpuSnapshot | null {
  if (!HAS_PROC) return null;
  const self = process.cpuUsage();
  const machine = machineCpuMs();
  return {
    wallMs: performance.now(),
    machineBusyMs: machine.busy,
    stealMs: machine.steal,
    serverMs: processCpuMs(serverPid),
    postgresMs: postgresCpuMs(dbName),
    selfMs: (self.user + self.system) / 1000,
  };
}

function cpuUse(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number): CpuUse | null {
  if (!before || !after) return null;
  const wall = after.wallMs - before.wallMs;
  const server = after.serverMs - before.serverMs;
  const postgres = after.postgresMs - before.postgresMs;
  const self = after.selfMs - before.selfMs;
  const other = Math.max(0, after.machineBusyMs - before.machineBusyMs - server - postgres - self);
  return {
    serverCores: round2(server / wall),
    postgresCores: round2(postgres / wall),
    loadGeneratorCores: round2(self / wall),
    otherCores: round2(other / wall),
    stealCores: round2((after.stealMs - before.stealMs) / wall),
    serverMsPerRequest: round2(server / requests),
    postgresMsPerRequest: round2(postgres / requests),
    loadGeneratorMsPerRequest: round2(self / requests),
    cpuCeilingReqPerSec: Math.round((os.cpus().length * 1000 * requests) / (server + postgres + self)),
  };
}

/** Cores taken by anything but the bench: other programs plus hypervisor steal. */
function competing(c: CpuUse | null): number {
  return c ? round2(c.otherCores + c.stealCores) : 0;
}

function meanCpu(xs: (CpuUse | null)[]): CpuUse | null {
  if (xs.length === 0 || xs.some((x) => x === null)) return null;
  const ys = xs as CpuUse[];
  const m = (k: keyof CpuUse) => round2(mean(ys.map((y) => y[k])));
  return {
    serverCores: m('serverCores'),
    postgresCores: m('postgresCores'),
    loadGeneratorCores: m('loadGeneratorCores'),
    otherCores: m('otherCores'),
    stealCores: m('stealCores'),
    serverMsPerRequest: m('serverMsPerRequest'),
    postgresMsPerRequest: m('postgresMsPerRequest'),
    loadGeneratorMsPerRequest: m('loadGeneratorMsPerRequest'),
    cpuCeilingReqPerSec: Math.round(mean(ys.map((y) => y.cpuCeilingReqPerSec))),
  };
}

// ---------------------------------------------------------------- the server under test

interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** The last lines the server printed, for error messages. */
  tail(): string;
}

function startServer(databaseUrl: string, port: number, dataDir: string): ServerProcess {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      BENCH_BARE_ROUTE: 'true',
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      COOKIE_SECURE: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      DATABASE_POOL_SIZE: '16',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, baseUrl: `http://127.0.0.1:${port}`, tail: () => lines.join('\n') };
}

async function waitForHealth(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new BenchError(`server exited during start-up (code ${server.child.exitCode ?? server.child.signalCode}):\n${server.tail()}`);
    }
    try {
      const res = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new BenchError(`server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${server.tail()}`);
}

async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    log('server did not stop within 10 s after SIGTERM; sending SIGKILL');
    child.kill('SIGKILL');
    await exited;
  }
}

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (!res.ok) throw new BenchError(`login failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new BenchError(`login answered ${res.status} but set no ${SESSION_COOKIE} cookie`);
  return cookie;
}

async function getJson(url: string, cookie: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

// ---------------------------------------------------------------- measuring

function measurement(results: RoundResult[]): Measurement {
  return {
    reqPerSec: round1(mean(results.map((r) => r.reqPerSec))),
    p50Ms: round2(mean(results.map((r) => r.p50Ms))),
    p99Ms: round2(mean(results.map((r) => r.p99Ms))),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
  };
}

async function auditCounts(client: pg.Client): Promise<{ reads: number; sealed: number; total: number }> {
  // The bench connects as the database owner/superuser, so row-level security does not hide rows here.
  const res = await client.query<{ reads: string; sealed: string; total: string }>(
    `select (select count(*) from audit_log where action = 'read' and resource_type = 'child') as reads,
            (select count(*) from audit_chain) as sealed,
            (select count(*) from audit_log) as total`,
  );
  const row = res.rows[0]!;
  return { reads: Number(row.reads), sealed: Number(row.sealed), total: Number(row.total) };
}

// ---------------------------------------------------------------- reporting

function verdict(t: Target): string {
  return t.met ? 'PASS' : 'MISS';
}

function markdown(r: Report, dbUrlShown: string): string {
  const t = r.targets;
  const row = (name: string, m: Measurement) => `| ${name} | ${m.reqPerSec} | ${m.p50Ms} | ${m.p99Ms} | ${m.non2xx} |`;
  const cpuRow = (name: string, c: CpuUse | null) =>
    c
      ? `| ${name} | ${c.serverMsPerRequest} | ${c.postgresMsPerRequest} | ${c.loadGeneratorMsPerRequest} | ${c.cpuCeilingReqPerSec} | ${c.serverCores} | ${c.postgresCores} | ${c.loadGeneratorCores} | ${c.otherCores} | ${c.stealCores} |`
      : `| ${name} | – | – | – | – | – | – | – | – | – |`;
  const maxOther = round2(Math.max(0, ...r.rounds.map((x) => competing(x.cpu))));
  const lines = [
    `# Benchmark: the access choke point — ${r.date.slice(0, 10)}`,
    '',
    '## What this measures',
    '',
    'Request (a) is `GET /api/v1/children/:id`: an authenticated read of one child through the access choke point ' +
      '(`runScoped`): session lookup, then one transaction in the tenant that reads the child and its guardians under the ' +
      'access rule and inserts an audit row before committing. Request (b) is `GET /api/bench/bare/children/:id`: the same ' +
      'session check and the same SQL reads in a tenant transaction, but with no access rule and no audit row (registered ' +
      'only with `BENCH_BARE_ROUTE=true`). The ratio a/b is therefore what the rule check and the audit write cost on this ' +
      `machine, including the audit sealer that runs inside the server every ${SEAL_INTERVAL_MS} ms.`,
    '',
    '## Results',
    '',
    `autocannon, ${r.connections} connections, ${r.warmupSeconds} s warm-up per route, then a→b→a→b, ` +
      `${r.durationSeconds} s per run, ${r.roundsPerSide} runs per route; the table shows the mean of the runs.`,
    '',
    '| route | req/s | p50 (ms) | p99 (ms) | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('(a) choke point `/api/v1/children/:id`', r.a),
    row('(b) bare `/api/bench/bare/children/:id`', r.b),
    '',
    `Ratio a/b (req/s): **${r.ratio}**`,
    '',
    '### Targets',
    '',
    '| target | required | measured | result |',
    '| --- | ---: | ---: | --- |',
    `| (a) throughput | ≥ ${t.aReqPerSec.target} req/s | ${t.aReqPerSec.value} req/s | ${verdict(t.aReqPerSec)} |`,
    `| (a) p99 latency | < ${t.aP99Ms.target} ms | ${t.aP99Ms.value} ms | ${verdict(t.aP99Ms)} |`,
    `| ratio a/b | ≥ ${t.ratio.target} | ${t.ratio.value} | ${verdict(t.ratio)} |`,
    '',
    ...(r.contended
      ? [
          `> **Contended run.** Other programs on the machine (and hypervisor steal) used up to ${maxOther} of ${r.machine.cpuCount} cores during ` +
            'the runs (see "other" below), so req/s and latency are lower than the machine can do. The CPU cost per request ' +
            'changes much less; compare that (and the CPU ceiling), or rerun on a quiet machine.',
          '',
        ]
      : []),
    '### CPU per request',
    '',
    'Measured from /proc (Linux) over each run; cores = CPU time ÷ wall time, so 1.0 is one core busy for the whole run. ' +
      '"postgres" counts the local PostgreSQL processes serving the bench database plus its WAL writer, checkpointer and ' +
      'background writer; "autocannon" is the bench process itself. "CPU ceiling" = cores ÷ (server + postgres + ' +
      'autocannon ms per request): roughly the req/s this machine could reach with nothing else running, ignoring waits.',
    '',
    '| route | server ms/req | postgres ms/req | autocannon ms/req | CPU ceiling (req/s) | server cores | postgres cores | autocannon cores | other programs (cores) | steal (cores) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    cpuRow('(a) choke point', r.cpu.a),
    cpuRow('(b) bare', r.cpu.b),
    '',
    '### Individual runs',
    '',
    '| order | route | req/s | p50 (ms) | p99 (ms) | requests | non-2xx | server ms/req | postgres ms/req | other programs + steal (cores) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rounds.map(
      (x, i) =>
        `| ${i + 1} | (${x.side}) | ${x.reqPerSec} | ${x.p50Ms} | ${x.p99Ms} | ${x.requests} | ${x.non2xx} | ` +
        `${x.cpu?.serverMsPerRequest ?? '–'} | ${x.cpu?.postgresMsPerRequest ?? '–'} | ${x.cpu ? competing(x.cpu) : '–'} |`,
    ),
    '',
    `Audit check: ${r.audit.readRowsWritten} child-read audit rows were written for ${r.audit.aRequests} (a) requests that autocannon ` +
      `saw complete (warm-up and verification included; requests still in flight when autocannon stops a run are completed and ` +
      `audited by the server, up to ${r.audit.inFlightAllowance} in all) — ${r.audit.consistent ? 'consistent' : '**INCONSISTENT**'}. ` +
      `${r.audit.sealedRows} of ${r.audit.totalAuditRows} audit rows were sealed into the chain when the runs ended.`,
    '',
    '## Machine',
    '',
    `- Date: ${r.date}`,
    `- CPU: ${r.machine.cpuModel} × ${r.machine.cpuCount}`,
    `- Memory: ${r.machine.totalMemoryGiB} GiB`,
    `- OS: ${r.machine.os}`,
    `- Node: ${r.machine.node}`,
    `- Load average (1/5/15 min) at start: ${r.machine.loadAverageAtStart.join(' / ')}; at end: ${r.machine.loadAverageAtEnd.join(' / ')}`,
    `- PostgreSQL: ${r.postgres}`,
    `- PostgreSQL settings: ${Object.entries(r.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    `- Database: ${dbUrlShown} (created for the run and dropped afterwards)`,
    `- Server: \`node --import tsx packages/server/src/main.ts\`, DATABASE_POOL_SIZE=16, LOG_LEVEL=warn, audit sealer every ${SEAL_INTERVAL_MS} ms (AUDIT_SEAL_INTERVAL_MS)`,
    '',
    `Load generator, server and PostgreSQL share the same ${r.machine.cpuCount} CPU cores, so the numbers are a ` +
      'lower bound for a server with its own cores and a relative measure between (a) and (b) more than an absolute one.',
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  const dbName = `samsyn_bench_${randomBytes(6).toString('hex')}`;
  const benchDbUrl = withDatabase(serverUrl, dbName);
  const dataDir = mkdtempSync(join(os.tmpdir(), 'samsyn-bench-'));
  const loadAverageAtStart = os.loadavg().map(round2);

  let admin: pg.Client | null = null;
  let benchDb: pg.Client | null = null;
  let server: ServerProcess | null = null;
  let dbCreated = false;
  let cleaned = false;
  let interrupted = false;
  let active: { stop(): void } | null = null;

  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    active?.stop();
    if (server) {
      log('stopping the server');
      await stopServer(server).catch((err: unknown) => log(`could not stop the server: ${String(err)}`));
    }
    if (benchDb) await benchDb.end().catch(() => undefined);
    if (admin && dbCreated) {
      log(`dropping database ${dbName}`);
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((err: unknown) => log(`could not drop ${dbName}: ${String(err)}`));
    }
    if (admin) await admin.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    admin = await adminClient(serverUrl);
    const postgres = (await admin.query<{ version: string }>('select version()')).rows[0]!.version;
    const settingsRes = await admin.query<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings where name in ('synchronous_commit','fsync','shared_buffers','max_connections') order by name`,
    );
    const postgresSettings = Object.fromEntries(settingsRes.rows.map((s) => [s.name, s.unit ? `${s.setting} (${s.unit})` : s.setting]));

    log(`creating database ${dbName} on ${redact(serverUrl)}`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    dbCreated = true;

    const port = await freePort();
    log(`starting the server on port ${port} (migrations + demo seed)`);
    server = startServer(benchDbUrl, port, dataDir);
    await waitForHealth(server);
    const base = server.baseUrl;

    const cookie = await login(base);
    const list = await getJson(`${base}/api/v1/children`, cookie);
    const items = (list.body as { items?: { id: string }[] }).items;
    if (list.status !== 200 || !items?.[0]) {
      throw new BenchError(`GET /api/v1/children: HTTP ${list.status}, no child to read: ${JSON.stringify(list.body)}`);
    }
    const childId = items[0].id;
    const urls: Record<Side, string> = {
      a: `${base}/api/v1/children/${childId}`,
      b: `${base}/api/bench/bare/children/${childId}`,
    };
    for (const side of ['a', 'b'] as const) {
      const res = await getJson(urls[side], cookie);
      if (res.status !== 200 || (res.body as { id?: string }).id !== childId) {
        throw new BenchError(`(${side}) ${urls[side]} answered HTTP ${res.status}: ${JSON.stringify(res.body)}`);
      }
    }
    log(`child ${childId}: (a) and (b) both answer 200`);

    benchDb = new pg.Client({ connectionString: benchDbUrl });
    await benchDb.connect();
    const auditBefore = await auditCounts(benchDb);

    let aRequests = 1; // the verification read above
    const serverPid = server.child.pid!;
    const run = async (side: Side, seconds: number, title: string) => {
      const instance = autocannon({ url: urls[side], connections: CONNECTIONS, duration: seconds, headers: { cookie }, title });
      active = instance;
      const before = cpuSnapshot(serverPid, dbName);
      try {
        const result = await checked(instance, title);
        return { result, cpu: cpuUse(before, cpuSnapshot(serverPid, dbName), result.requests.total) };
      } finally {
        active = null;
      }
    };
    const checked = async (p: PromiseLike<Result>, title: string) => {
      const result = await p;
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) {
        throw new BenchError(
          `${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts ` +
            `(status codes: ${JSON.stringify(result.statusCodeStats)}) — the bench is invalid`,
        );
      }
      if (result.requests.total === 0) throw new BenchError(`${title}: no request completed`);
      return result;
    };

    for (const side of ['a', 'b'] as const) {
      log(`warm-up (${side}) ${WARMUP_SECONDS} s`);
      const w = await run(side, WARMUP_SECONDS, `warm-up ${side}`);
      if (side === 'a') aRequests += w.result.requests.total;
    }

    const rounds: RoundResult[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      for (const side of ['a', 'b'] as const) {
        log(`run ${rounds.length + 1}/${ROUNDS * 2}: (${side}) ${DURATION_SECONDS} s, ${CONNECTIONS} connections`);
        const { result: r, cpu } = await run(side, DURATION_SECONDS, `${side} round ${i}`);
        if (side === 'a') aRequests += r.requests.total;
        const rr: RoundResult = {
          side,
          round: i,
          reqPerSec: round1(r.requests.average),
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          non2xx: r.non2xx,
          requests: r.requests.total,
          errors: r.errors,
          timeouts: r.timeouts,
          durationSeconds: r.duration,
          cpu,
        };
        rounds.push(rr);
        log(`  ${rr.reqPerSec} req/s, p50 ${rr.p50Ms} ms, p99 ${rr.p99Ms} ms, ${rr.requests} requests, non-2xx ${rr.non2xx}`);
        if (cpu) {
          log(
            `  CPU (cores): server ${cpu.serverCores}, postgres ${cpu.postgresCores}, autocannon ${cpu.loadGeneratorCores}, other programs ${cpu.otherCores}, steal ${cpu.stealCores}` +
              ` | per request: server ${cpu.serverMsPerRequest} ms, postgres ${cpu.postgresMsPerRequest} ms`,
          );
        }
      }
    }

    const auditAfter = await auditCounts(benchDb);
    const a = measurement(rounds.filter((r) => r.side === 'a'));
    const b = measurement(rounds.filter((r) => r.side === 'b'));
    const ratio = Math.round((a.reqPerSec / b.reqPerSec) * 1000) / 1000;
    const cpus = os.cpus();
    const readRowsWritten = auditAfter.reads - auditBefore.reads + 1; // + the verification read, written before "before"
    const inFlightAllowance = CONNECTIONS * (ROUNDS + 1); // the (a) runs plus the (a) warm-up
    const cpuA = meanCpu(rounds.filter((r) => r.side === 'a').map((r) => r.cpu));
    const cpuB = meanCpu(rounds.filter((r) => r.side === 'b').map((r) => r.cpu));
    const otherCores = rounds.map((r) => competing(r.cpu));
    const contended = Math.max(...otherCores) > CONTENDED_SHARE * cpus.length;
    const report: Report = {
      date: new Date().toISOString(),
      machine: {
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        cpuCount: cpus.length,
        totalMemoryGiB: round1(os.totalmem() / 1024 ** 3),
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map(round2),
      },
      postgres,
      postgresSettings,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      roundsPerSide: ROUNDS,
      a,
      b,
      ratio,
      targets: {
        aReqPerSec: { target: TARGETS.aReqPerSec, value: a.reqPerSec, met: a.reqPerSec >= TARGETS.aReqPerSec },
        aP99Ms: { target: TARGETS.aP99Ms, value: a.p99Ms, met: a.p99Ms < TARGETS.aP99Ms },
        ratio: { target: TARGETS.ratio, value: ratio, met: ratio >= TARGETS.ratio },
      },
      rounds,
      cpu: { a: cpuA, b: cpuB },
      contended,
      audit: {
        readRowsWritten,
        aRequests,
        inFlightAllowance,
        consistent: readRowsWritten >= aRequests && readRowsWritten <= aRequests + inFlightAllowance,
        sealedRows: auditAfter.sealed,
        totalAuditRows: auditAfter.total,
      },
    };

    mkdirSync(RESULTS_DIR, { recursive: true });
    const mdPath = join(RESULTS_DIR, `${report.date.slice(0, 10)}-choke-point.md`);
    const jsonPath = join(RESULTS_DIR, 'latest.json');
    writeFileSync(mdPath, markdown(report, redact(benchDbUrl)));
    writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');

    console.log('');
    console.log(`                 req/s     p50 ms    p99 ms   non-2xx`);
    for (const [name, m] of [
      ['(a) choke point', a],
      ['(b) bare       ', b],
    ] as const) {
      console.log(
        `${name}  ${String(m.reqPerSec).padStart(8)}  ${String(m.p50Ms).padStart(8)}  ${String(m.p99Ms).padStart(8)}  ${String(m.non2xx).padStart(8)}`,
      );
    }
    console.log(`ratio a/b        ${ratio}`);
    if (cpuA && cpuB) {
      console.log(
        `CPU per request: (a) server ${cpuA.serverMsPerRequest} ms + postgres ${cpuA.postgresMsPerRequest} ms; ` +
          `(b) server ${cpuB.serverMsPerRequest} ms + postgres ${cpuB.postgresMsPerRequest} ms; ` +
          `CPU ceiling on ${cpus.length} idle cores ≈ (a) ${cpuA.cpuCeilingReqPerSec} req/s, (b) ${cpuB.cpuCeilingReqPerSec} req/s`,
      );
    }
    if (!report.audit.consistent) {
      console.log(
        `WARNING: ${report.audit.readRowsWritten} child-read audit rows for ${report.audit.aRequests} completed (a) requests ` +
          `(allowed: up to ${report.audit.inFlightAllowance} more) — check the audit path.`,
      );
    }
    if (contended) {
      console.log(
        `WARNING: other programs (and steal) used up to ${round2(Math.max(...otherCores))} of ${cpus.length} cores during the runs; ` +
          'req/s and latency are depressed. Rerun on a quiet machine for numbers to compare with earlier results.',
      );
    }
    console.log('');
    const t = report.targets;
    console.log(`target (a) ≥ ${t.aReqPerSec.target} req/s:  ${verdict(t.aReqPerSec)} (${t.aReqPerSec.value})`);
    console.log(`target (a) p99 < ${t.aP99Ms.target} ms:    ${verdict(t.aP99Ms)} (${t.aP99Ms.value})`);
    console.log(`target a/b ≥ ${t.ratio.target}:          ${verdict(t.ratio)} (${t.ratio.value})`);
    const missed = Object.values(t).filter((x) => !x.met).length;
    console.log(missed === 0 ? 'All targets met.' : `${missed} of 3 targets MISSED (the bench itself ran fine; exit code 0).`);
    console.log(`\nwrote ${relative(ROOT, mdPath)} and ${relative(ROOT, jsonPath)}`);
    return 0;
  } catch (err) {
    if (interrupted) return 130;
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof BenchError) && err instanceof Error && err.stack) console.error(err.stack);
    return 1;
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

process.exitCode = await main();
