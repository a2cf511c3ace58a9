import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPath, listOperations, Rng, validValue, WRITE_METHODS, type Hint, type OpenApiDoc, type Operation } from './fuzz-helpers.ts';
import { startTestServer, type Session, type TestServer } from './harness.ts';

/**
 * Authentication and authorisation over the whole documented API, driven by
 * GET /api/openapi.json so that a new route is covered without editing this file.
 *
 * PUBLIC_OPERATIONS is deliberately explicit: a route that becomes reachable
 * without a session fails here until someone adds it below on purpose.
 */
const PUBLIC_OPERATIONS = new Set(['GET /api/health', 'POST /api/v1/auth/login', 'POST /api/v1/portal/login', 'GET /api/v1/portal/sign-in-options']);
/** The family portal's routes need the portal session (its own cookie and CSRF token), never a staff one. */
const isPortal = (op: Operation) => op.path.startsWith('/api/v1/portal/');

// Top-level await: the operations must be known when the tests are collected.
const s: TestServer = await startTestServer();
const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
const operations: Operation[] = listOperations(doc);
const protectedOps = operations.filter((op) => !PUBLIC_OPERATIONS.has(op.key));
const adminOps = operations.filter((op) => op.path.startsWith('/api/v1/admin/'));

afterAll(async () => {
  await s?.stop();
});

const uuid = () => crypto.randomUUID();
const randomPathFor = (op: Operation) => fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, uuid()])));

async function call(op: Operation, url: string, headers: Record<string, string>, payload?: unknown) {
  const write = op.method !== 'GET' && op.method !== 'HEAD';
  return s.app.inject({
    method: op.method,
    url,
    headers: write ? { 'content-type': 'application/json', ...headers } : headers,
    ...(write ? { payload: JSON.stringify(payload ?? {}) } : {}),
  });
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, label: string) {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBe(status);
  expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body) as { status: number; title: string; titleEn: string; type: string };
  expect(body.status, label).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(typeof body.titleEn).toBe('string');
  return body;
}

describe('the OpenAPI document', () => {
  it('lists enough operations that the checks below cannot pass vacuously', () => {
    expect(operations.length).toBeGreaterThan(10);
    expect(protectedOps.length).toBeGreaterThan(10);
    expect(adminOps.length).toBeGreaterThan(3);
  });

  it('contains every operation on the public allow-list (the list is kept accurate)', () => {
    const keys = new Set(operations.map((op) => op.key));
    for (const key of PUBLIC_OPERATIONS) expect(keys, key).toContain(key);
  });

  it('the public operations really answer without a session', async () => {
    const health = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const login = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(login.statusCode).toBe(400); // validation, not 401: it is reachable without a session
  });
});

describe('every non-public operation requires a session', () => {
  let loggedOut: Session;
  let cookieName: string;
  beforeAll(async () => {
    loggedOut = await s.login('bvc');
    cookieName = loggedOut.cookie.split('=')[0]!;
    const out = await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: loggedOut.headers() });
    expect(out.statusCode).toBe(204);
  });

  it.each(protectedOps.map((op) => [op.key, op] as const))(
    '%s → 401 without a cookie, with a forged cookie and with a logged-out session',
    async (_key, op) => {
      const variants: [string, Record<string, string>][] = [
        ['no cookie', {}],
        ['forged cookie', { cookie: `${cookieName}=${randomBytes(32).toString('base64url')}`, 'x-csrf-token': randomBytes(16).toString('hex') }],
        ['empty cookie', { cookie: `${cookieName}=` }],
        ['logged-out session', loggedOut.headers()],
      ];
      for (const [label, headers] of variants) {
        const url = randomPathFor(op);
        const res = await call(op, url, headers, {});
        const body = expectProblem(res, 401, `${op.method} ${url} (${label})`);
        expect(body.title).toBe('Du är inte inloggad');
        expect(body.titleEn).toBe('You are not logged in');
        // Nothing about the resource leaks into a 401.
        expect(body).not.toHaveProperty('errors');
      }
    },
  );
});

describe('every state-changing operation needs the CSRF token as well as the session', () => {
  const writeOps = protectedOps.filter((op) => WRITE_METHODS.has(op.method));
  let sess: Session;
  let staff: Session;
  let portal: Session;
  beforeAll(async () => {
    staff = await s.login('kurator.bjork');
    // A portal session for the portal's routes: same checks, its own cookie and token.
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/portal/login',
      payload: { username: 'portal.barn', password: 'Samsyn-demo-2026' },
    });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const me = (await s.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } })).json() as { csrfToken: string };
    portal = { cookie, csrf: me.csrfToken, me: staff.me, headers: (extra = {}) => ({ cookie, 'x-csrf-token': me.csrfToken, ...extra }) };
  });

  it('finds state-changing operations', () => {
    expect(writeOps.length).toBeGreaterThan(5);
  });

  it.each(writeOps.map((op) => [op.key, op] as const))('%s → 403 without the token, with a wrong token or cross-site', async (_key, op) => {
    sess = isPortal(op) ? portal : staff;
    const variants: [string, Record<string, string>][] = [
      ['no token', { cookie: sess.cookie }],
      ['wrong token', { cookie: sess.cookie, 'x-csrf-token': randomBytes(16).toString('hex') }],
      ['cross-site', sess.headers({ 'sec-fetch-site': 'cross-site' })],
      ['foreign Origin', sess.headers({ origin: 'https://evil.example', host: 'localhost' })],
    ];
    for (const [label, headers] of variants) {
      const url = randomPathFor(op);
      const body = expectProblem(await call(op, url, headers, {}), 403, `${op.method} ${url} (${label})`);
      expect(body.title).toBe('Förfrågan saknar giltig säkerhetstoken');
    }
    // The session survived all of that.
    expect((await s.app.inject({ method: 'GET', url: isPortal(op) ? '/api/v1/portal/me' : '/api/v1/me', headers: sess.headers() })).statusCode).toBe(
      200,
    );
  });
});

describe('tenant isolation', () => {
  let adminA: Session;
  let adminB: Session;
  const get = async (sess: Session, url: string) => {
    const res = await s.app.inject({ method: 'GET', url, headers: sess.headers() });
    expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).toBe(200);
    return res.json() as { items: { id: string; version?: number; name?: string; memberships?: { unitId: string }[] }[] };
  };
  const snapshotA = async () => ({
    units: await get(adminA, '/api/v1/admin/units'),
    users: await get(adminA, '/api/v1/admin/users'),
    teams: await get(adminA, '/api/v1/admin/teams'),
    principals: await get(adminA, '/api/v1/admin/principals'),
  });

  beforeAll(async () => {
    adminA = await s.login('admin');
    adminB = await s.login('testkoping.admin');
    expect(adminA.me.tenant.id).not.toBe(adminB.me.tenant.id);
  });

  it("B's administrator sees none of A's principals, units, users or teams", async () => {
    const a = await snapshotA();
    const aIds = new Set(Object.values(a).flatMap((list) => list.items.map((x) => x.id)));
    expect(a.units.items.length).toBeGreaterThan(0);
    expect(a.users.items.length).toBeGreaterThan(0);
    for (const url of ['/api/v1/admin/units', '/api/v1/admin/users', '/api/v1/admin/teams', '/api/v1/admin/principals']) {
      const b = await get(adminB, url);
      const leaked = b.items.filter((x) => aIds.has(x.id));
      expect(leaked, url).toEqual([]);
      // Nor are A's ids referenced inside B's rows (memberships).
      expect(
        JSON.stringify(b.items)
          .match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)
          ?.filter((id) => aIds.has(id)) ?? [],
        url,
      ).toEqual([]);
    }
    // B does see its own data, so the emptiness above is not vacuous.
    expect((await get(adminB, '/api/v1/admin/units')).items.map((u) => u.name)).toContain('Elevhälsan Testköping');
    expect((await get(adminB, '/api/v1/admin/users')).items.length).toBeGreaterThanOrEqual(2);
  });

  it("B's administrator cannot change A's units, users or teams (404) and nothing changes", async () => {
    const before = await snapshotA();
    const unit = before.units.items[0]!;
    const user = before.users.items.find((u) => u.id !== adminA.me.id)!;
    const team = before.teams.items[0];
    const attempts: [string, unknown][] = [
      [`/api/v1/admin/units/${unit.id}`, { version: 1, name: 'Hackad' }],
      [`/api/v1/admin/units/${unit.id}`, { version: unit.version, name: 'Hackad', active: false }],
      [`/api/v1/admin/users/${user.id}`, { version: user.version, displayName: 'Hackad', active: false }],
    ];
    if (team) attempts.push([`/api/v1/admin/teams/${team.id}`, { version: team.version, name: 'Hackad', active: false }]);
    for (const [url, payload] of attempts) {
      const res = await s.app.inject({ method: 'PATCH', url, headers: adminB.headers(), payload: payload as Record<string, unknown> });
      expectProblem(res, 404, `PATCH ${url} as B`);
    }
    expect(await snapshotA()).toEqual(before);
  });

  it("B's administrator cannot attach A's units or people to B's users and teams", async () => {
    const before = await snapshotA();
    const aUnit = adminA.me.actingUnit.id;
    const users = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: adminB.headers(),
      payload: {
        username: `fuzz.${randomBytes(4).toString('hex')}`,
        displayName: 'Korsad',
        password: 'Ett-langt-losenord-1',
        memberships: [{ unitId: aUnit, role: 'professional' }],
      },
    });
    expectProblem(users, 400, 'POST /api/v1/admin/users as B with A unit');
    expect(users.json().errors.map((e: { field: string }) => e.field)).toContain('memberships.0.unitId');
    const teams = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/teams',
      headers: adminB.headers(),
      payload: { name: 'Korsat team', members: [{ userId: adminA.me.id, unitId: aUnit, isSamordnare: true }] },
    });
    expectProblem(teams, 400, 'POST /api/v1/admin/teams as B with A member');
    const acting = await s.app.inject({ method: 'PUT', url: '/api/v1/me/acting-unit', headers: adminB.headers(), payload: { unitId: aUnit } });
    expectProblem(acting, 400, 'PUT /api/v1/me/acting-unit as B to an A unit');
    expect(acting.json().errors[0].field).toBe('unitId');
    expect(await snapshotA()).toEqual(before);
    expect((await get(adminB, '/api/v1/admin/teams')).items.map((t) => t.name)).not.toContain('Korsat team');
  });

  it("a professional never reads the other tenant's children (404 both ways)", async () => {
    const kuratorA = await s.login('kurator.bjork');
    const kuratorB = await s.login('testkoping.kurator');
    const childrenA = (await get(kuratorA, '/api/v1/children')).items.map((c) => c.id);
    const childrenB = (await get(kuratorB, '/api/v1/children')).items.map((c) => c.id);
    expect(childrenA.length).toBeGreaterThan(0);
    expect(childrenB.length).toBeGreaterThan(0);
    expect(childrenA.filter((id) => childrenB.includes(id))).toEqual([]);
    // Sanity: each can read their own child.
    expect((await s.app.inject({ method: 'GET', url: `/api/v1/children/${childrenA[0]}`, headers: kuratorA.headers() })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: `/api/v1/children/${childrenB[0]}`, headers: kuratorB.headers() })).statusCode).toBe(200);
    for (const id of childrenA) {
      const res = await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: kuratorB.headers() });
      const body = expectProblem(res, 404, `B reads A child ${id}`);
      expect(body.title).toBe('Hittades inte');
    }
    for (const id of childrenB) {
      const res = await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: kuratorA.headers() });
      expectProblem(res, 404, `A reads B child ${id}`);
    }
    // The other tenant's administrator is no better placed.
    const res = await s.app.inject({ method: 'GET', url: `/api/v1/children/${childrenA[0]}`, headers: adminB.headers() });
    expectProblem(res, 404, 'B admin reads A child');
  });
});

describe('administration is invisible to a non-administrator', () => {
  it('kurator.bjork gets 404 from every /api/v1/admin/* operation, reads and writes alike, and nothing changes', async () => {
    const admin = await s.login('admin');
    const kurator = await s.login('kurator.bjork');
    expect(kurator.me.memberships.some((m) => m.role === 'systemadministrator')).toBe(false);
    const snapshot = async () =>
      Promise.all(
        ['/api/v1/admin/units', '/api/v1/admin/users', '/api/v1/admin/teams'].map(async (url) =>
          (await s.app.inject({ method: 'GET', url, headers: admin.headers() })).json(),
        ),
      );
    const before = await snapshot();

    // Real ids and current versions, so that a missing guard would really change something.
    const realTarget = async (op: Operation) => {
      const collection = op.path.replace(/\/\{[^}]+\}$/, '');
      const res = await s.app.inject({ method: 'GET', url: collection, headers: admin.headers() });
      const items = (res.statusCode === 200 ? res.json().items : []) as { id: string; version?: number }[];
      return items.find((x) => x.id !== admin.me.id && x.id !== admin.me.actingUnit.id) ?? null;
    };
    const rng = new Rng(1);
    let writes = 0;
    for (const op of adminOps) {
      const target = op.pathParams.length ? await realTarget(op) : null;
      const hint: Hint = (path) => {
        const last = path[path.length - 1];
        if (last === 'version') return target?.version ?? 1;
        if (last === 'unitId') return kurator.me.actingUnit.id;
        if (last === 'userId') return kurator.me.id;
        if (last === 'principalId') return before[0].items[0]?.principalId;
        return undefined;
      };
      const url = fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, target?.id ?? crypto.randomUUID()])));
      const write = WRITE_METHODS.has(op.method);
      // A schema-valid body, so that the guard, not validation, decides.
      const payload = op.body ? validValue(op.body, hint, rng) : undefined;
      if (op.method === 'PATCH' && payload && typeof payload === 'object' && op.body?.properties?.active) Object.assign(payload, { active: false });
      const res = await s.app.inject({
        method: op.method,
        url,
        headers: kurator.headers(write ? { 'content-type': 'application/json' } : {}),
        ...(write ? { payload: JSON.stringify(payload ?? {}) } : {}),
      });
      const body = expectProblem(res, 404, `${op.method} ${url} as kurator.bjork, body ${JSON.stringify(payload)}`);
      expect(body.title).toBe('Hittades inte');
      if (write) writes++;
    }
    expect(writes).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
