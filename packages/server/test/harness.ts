import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrap, type Running } from '../src/bootstrap.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/driver.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

/**
 * Real database for every test: in-memory PGlite by default, or a fresh database
 * on the PostgreSQL server named by TEST_DATABASE_URL (created and dropped here).
 */
export interface TestDatabase {
  url: string | null;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    return { url: null, open: () => openDatabase({ databaseUrl: null, pgliteDir: null }), drop: async () => undefined };
  }
  const name = `samsyn_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), pgliteDir: null, poolSize: 5 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'samsyn-test-'));
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    // The demo meetings fill the demo team's calendar; tests that plan meetings start empty.
    DEMO_MEETINGS: 'false',
    ...overrides,
  });
}

export interface TestServer extends Running {
  testDb: TestDatabase;
  database: DatabaseHandle;
  login(username: string, password?: string): Promise<Session>;
  /** Moves the clock consent decisions use (not session expiry) by whole days. */
  setClockOffsetDays(days: number): void;
}

export interface Session {
  cookie: string;
  csrf: string;
  me: { id: string; actingUnit: { id: string }; memberships: { unitId: string; unitName: string; role: string }[]; tenant: { id: string } };
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function startTestServer(
  opts: { config?: Config; seed?: boolean; testDb?: TestDatabase; benchBareRoute?: boolean } = {},
): Promise<TestServer> {
  const testDb = opts.testDb ?? (await createTestDatabase());
  const database = await testDb.open();
  const config = opts.config ?? testConfig(opts.seed === false ? { SEED_DEMO: 'false' } : { SEED_DEMO: 'true' });
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const running = await bootstrap(config, { database, webDist: null, sealIntervalMs: 60_000, benchBareRoute: opts.benchBareRoute ?? false, clock });
  const server: TestServer = {
    ...running,
    setClockOffsetDays(days: number) {
      offsetMs = days * 24 * 60 * 60 * 1000;
    },
    testDb,
    database,
    async stop() {
      await running.stop();
      await database.close();
      if (!opts.testDb) await testDb.drop();
    },
    async login(username, password = DEMO_PASSWORD) {
      const res = await running.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
      const cookie = raw.split(';')[0]!;
      const me = res.json();
      return {
        cookie,
        csrf: me.csrfToken,
        me,
        headers: (extra = {}) => ({ cookie, 'x-csrf-token': me.csrfToken, ...extra }),
      };
    },
  };
  return server;
}
