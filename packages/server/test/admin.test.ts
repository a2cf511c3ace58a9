import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from './harness.ts';

let s: TestServer;
let admin: Session;
let principalId: string;
beforeAll(async () => {
  s = await startTestServer();
  admin = await s.login('admin');
  principalId = (await s.app.inject({ method: 'GET', url: '/api/v1/admin/principals', headers: admin.headers() })).json().items[0].id;
});
afterAll(async () => {
  await s?.stop();
});

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, sess = admin) {
  return s.app.inject({ method, url, headers: sess.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
}

describe('administration of units, users and teams', () => {
  let unitId: string;
  let userId: string;

  it('creates a unit, and refuses a duplicate name at the field', async () => {
    const res = await call('POST', '/api/v1/admin/units', { name: 'Familjecentralen Exempelby', type: 'socialtjanst', principalId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Familjecentralen Exempelby', type: 'socialtjanst', active: true, version: 1 });
    unitId = res.json().id;
    // DESIGN: ids are UUIDv7 (time-ordered).
    expect(unitId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const dup = await call('POST', '/api/v1/admin/units', { name: 'familjecentralen exempelby', type: 'socialtjanst', principalId });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ field: 'name', message: 'Det finns redan en verksamhet med det namnet' });
  });

  it('edits with optimistic concurrency: a stale version gets 409 and changes nothing', async () => {
    const ok = await call('PATCH', `/api/v1/admin/units/${unitId}`, { version: 1, name: 'Familjecentralen Exempelby centrum' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await call('PATCH', `/api/v1/admin/units/${unitId}`, { version: 1, name: 'Skriver över' });
    expect(stale.statusCode).toBe(409);
    const list = (await call('GET', '/api/v1/admin/units')).json().items as { id: string; name: string }[];
    expect(list.find((u) => u.id === unitId)!.name).toBe('Familjecentralen Exempelby centrum');
  });

  it('creates a user with two memberships who can then log in and switch unit', async () => {
    const units = (await call('GET', '/api/v1/admin/units')).json().items as { id: string; name: string }[];
    const bvc = units.find((u) => u.name === 'BVC Exempelby')!;
    const res = await call('POST', '/api/v1/admin/users', {
      username: 'nora.ny',
      displayName: 'Nora Nyanställd',
      email: 'nora.ny@exempelby.example',
      password: 'Nora-har-ett-langt-losen',
      memberships: [
        { unitId, role: 'professional' },
        { unitId: bvc.id, role: 'samordnare' },
      ],
    });
    expect(res.statusCode).toBe(201);
    userId = res.json().id;
    expect(res.json().memberships).toHaveLength(2);
    const nora = await s.login('nora.ny', 'Nora-har-ett-langt-losen');
    expect(nora.me.memberships).toHaveLength(2);
    const target = nora.me.memberships.find((m) => m.unitId !== nora.me.actingUnit.id)!;
    const sw = await call('PUT', '/api/v1/me/acting-unit', { unitId: target.unitId }, nora);
    expect(sw.statusCode).toBe(200);
  });

  it('reports membership errors at the field, and a taken username', async () => {
    const bad = await call('POST', '/api/v1/admin/users', {
      username: 'nora.ny',
      displayName: 'X',
      password: 'kort',
      memberships: [{ unitId: '01890000-0000-7000-8000-000000000001', role: 'kung' }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['password', 'memberships.0.role']));
    const unknownUnit = await call('POST', '/api/v1/admin/users', {
      username: 'ny.person',
      displayName: 'Ny Person',
      password: 'Ett-tillrackligt-langt',
      memberships: [{ unitId: '01890000-0000-7000-8000-000000000001', role: 'professional' }],
    });
    expect(unknownUnit.json().errors[0].field).toBe('memberships.0.unitId');
    const taken = await call('POST', '/api/v1/admin/users', {
      username: 'nora.ny',
      displayName: 'Nora Två',
      password: 'Ett-tillrackligt-langt',
      memberships: [{ unitId, role: 'professional' }],
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0].field).toBe('username');
  });

  it('resets a forgotten password: old sessions end, the old password stops working, the lock is lifted', async () => {
    const before = await s.login('nora.ny', 'Nora-har-ett-langt-losen');
    for (let i = 0; i < 5; i++) {
      await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nora.ny', password: `fel-${i}-xxxxxxxxxx` } });
    }
    const users = (await call('GET', '/api/v1/admin/users')).json().items as { id: string; version: number }[];
    const v = users.find((u) => u.id === userId)!.version;
    const short = await call('PATCH', `/api/v1/admin/users/${userId}`, { version: v, newPassword: 'kort' });
    expect(short.json().errors[0].field).toBe('newPassword');
    const res = await call('PATCH', `/api/v1/admin/users/${userId}`, { version: v, newPassword: 'Helt-nytt-losenord-1' });
    expect(res.statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: before.headers() })).statusCode).toBe(401);
    await expect(s.login('nora.ny', 'Nora-har-ett-langt-losen')).rejects.toThrow(/401/);
    await s.login('nora.ny', 'Helt-nytt-losenord-1');
    const audit = await s.database.ownerQuery(
      `select details::text as d from audit_log where resource_id = $1 and action = 'update' order by id desc limit 1`,
      [userId],
    );
    expect(String(audit.rows[0]!.d)).toContain('"passwordReset": true');
    expect(String(audit.rows[0]!.d)).not.toContain('Helt-nytt');
  });

  it('deactivating a user ends their sessions at once and blocks log-in', async () => {
    const nora = await s.login('nora.ny', 'Helt-nytt-losenord-1');
    const users = (await call('GET', '/api/v1/admin/users')).json().items as { id: string; version: number }[];
    const v = users.find((u) => u.id === userId)!.version;
    const res = await call('PATCH', `/api/v1/admin/users/${userId}`, { version: v, active: false });
    expect(res.statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: nora.headers() })).statusCode).toBe(401);
    await expect(s.login('nora.ny', 'Helt-nytt-losenord-1')).rejects.toThrow(/401/);
  });

  it('creates a team with members from several units and requires a samordnare', async () => {
    const users = (await call('GET', '/api/v1/admin/users')).json().items as { id: string; username: string; memberships: { unitId: string }[] }[];
    const sam = users.find((u) => u.username === 'samordnare.79')!;
    const pol = users.find((u) => u.username === 'polis')!;
    const noLead = await call('POST', '/api/v1/admin/teams', {
      name: 'Team utan samordnare',
      members: [{ userId: pol.id, unitId: pol.memberships[0]!.unitId, isSamordnare: false }],
    });
    expect(noLead.statusCode).toBe(400);
    expect(noLead.json().errors[0].field).toBe('members');
    const wrongUnit = await call('POST', '/api/v1/admin/teams', {
      name: 'Team med fel enhet',
      members: [{ userId: sam.id, unitId: pol.memberships[0]!.unitId, isSamordnare: true }],
    });
    expect(wrongUnit.json().errors[0].field).toBe('members.0.unitId');
    const ok = await call('POST', '/api/v1/admin/teams', {
      name: 'Team gymnasiet',
      ageMin: 16,
      ageMax: 19,
      targetDescription: 'Elever på Exempelby gymnasium',
      theme: 'Närvaro',
      members: [
        { userId: sam.id, unitId: sam.memberships[0]!.unitId, isSamordnare: true },
        { userId: pol.id, unitId: pol.memberships[0]!.unitId, isSamordnare: false },
      ],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().members).toHaveLength(2);
    const ages = await call('PATCH', `/api/v1/admin/teams/${ok.json().id}`, { version: 1, ageMin: 18, ageMax: 10 });
    expect(ages.statusCode).toBe(400);
    expect(ages.json().errors[0].field).toBe('ageMax');
  });

  it('audits administrative changes', async () => {
    const rows = await s.database.ownerQuery(
      `select action, resource_type from audit_log where actor_user_id = $1 and action in ('create','update')`,
      [admin.me.id],
    );
    const kinds = new Set(rows.rows.map((r) => `${String(r.action)}:${String(r.resource_type)}`));
    expect(kinds).toEqual(new Set(['create:unit', 'update:unit', 'create:user', 'update:user', 'create:team']));
  });
});
