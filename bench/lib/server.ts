/**
 * Everything about the system under test: the throw-away database on the PostgreSQL
 * server, the real server started as a child process against it, and logging in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';
import { PASSWORD, ROOT, SESSION_COOKIE, STARTUP_TIMEOUT_MS, USERNAME } from './settings.ts';
import { BenchError, log, sleep } from './util.ts';

// ---------------------------------------------------------------- the database

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Hides a password in a connection string before it is printed. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Connects to the server's maintenance database: `postgres`, else `test`, else the one in the URL. */
export async function adminClient(serverUrl: string): Promise<pg.Client> {
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

/** The PostgreSQL version and the settings that bear on commit cost, for the report. */
export async function postgresInfo(admin: pg.Client): Promise<{ postgres: string; postgresSettings: Record<string, string> }> {
  const postgres = (await admin.query<{ version: string }>('select version()')).rows[0]!.version;
  const settingsRes = await admin.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings where name in ('synchronous_commit','fsync','shared_buffers','max_connections') order by name`,
  );
  const postgresSettings = Object.fromEntries(settingsRes.rows.map((s) => [s.name, s.unit ? `${s.setting} (${s.unit})` : s.setting]));
  return { postgres, postgresSettings };
}

export async function createDatabase(admin: pg.Client, dbName: string): Promise<void> {
  await admin.query(`CREATE DATABASE "${dbName}"`);
}

/** WITH (FORCE) ends connections still open to it, e.g. from a server that did not stop cleanly. */
export async function dropDatabase(admin: pg.Client, dbName: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

// ---------------------------------------------------------------- the server under test

export async function freePort(): Promise<number> {
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

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** The last lines the server printed, for error messages. */
  tail(): string;
}

export function startServer(databaseUrl: string, port: number, dataDir: string): ServerProcess {
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

export async function waitForHealth(server: ServerProcess): Promise<void> {
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

export async function stopServer(server: ServerProcess): Promise<void> {
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

export async function login(baseUrl: string): Promise<string> {
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

export async function getJson(url: string, cookie: string): Promise<{ status: number; body: unknown }> {
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
