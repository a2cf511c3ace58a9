import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, type Running } from '../src/bootstrap.ts';
import { createTestDatabase, testConfig, type TestDatabase } from './harness.ts';
import type { DatabaseHandle } from '../src/db/driver.ts';

/**
 * Sessions live in the database, never in process memory, so a log-in on one app
 * instance works on another. Against PostgreSQL (TEST_DATABASE_URL) the instances
 * have separate connection pools, exactly like two processes behind a proxy; on
 * PGlite (one connection per database) they share the handle.
 */
let testDb: TestDatabase;
const handles: DatabaseHandle[] = [];
const instances: Running[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const config = testConfig({ SEED_DEMO: 'true' });
  const first = await testDb.open();
  handles.push(first);
  const second = testDb.url ? await testDb.open() : first;
  if (second !== first) handles.push(second);
  instances.push(await bootstrap(config, { database: first, webDist: null, sealIntervalMs: 60_000 }));
  instances.push(await bootstrap(config, { database: second, webDist: null, sealIntervalMs: 60_000 }));
});

afterAll(async () => {
  for (const i of instances) await i.stop();
  for (const h of handles) await h.close();
  await testDb?.drop();
});

describe('two app instances on one database', () => {
  it('share sessions: log in on A, use and log out on B', async () => {
    const [a, b] = instances as [Running, Running];
    const login = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'samordnare.79', password: 'Samsyn-demo-2026' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const csrf = login.json().csrfToken as string;
    const meOnB = await b.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(meOnB.statusCode).toBe(200);
    expect(meOnB.json().username).toBe('samordnare.79');
    const out = await b.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect((await a.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('share the lockout counter across instances', async () => {
    const [a, b] = instances as [Running, Running];
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? a.app : b.app;
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'polis', password: `fel-${i}-xxxxxxxxx` } });
    }
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'polis', password: 'Samsyn-demo-2026' } });
    expect(res.statusCode).toBe(423);
  });
});
