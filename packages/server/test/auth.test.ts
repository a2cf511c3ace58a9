import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
});

describe('log-in and sessions', () => {
  it('logs in, sets a __Host- httpOnly SameSite cookie and returns me', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kurator.bjork', password: 'Samsyn-demo-2026' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-samsyn_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(res.json().roles).toEqual(['professional']);
  });

  it('refuses a wrong password with 401 problem+json in Swedish and English', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kurator.bjork', password: 'fel-losenord-123' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ title: 'Fel användarnamn eller lösenord', titleEn: 'Wrong username or password' });
  });

  it('explains a control character in the username, in Swedish and English', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kurator\u0007bjork', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({
      field: 'username',
      message: 'Texten innehåller otillåtna tecken',
      messageEn: 'The text contains control characters',
    });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'finns.inte', password: 'whatever-123456' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toMatch(/invalid-credentials/);
  });

  it('locks the account after five failures, with a clear message, and logs only the first failure and the lock', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hab', password: `wrong-${i}-xxxxxxxx` } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hab', password: 'wrong-5-xxxxxxxx' } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().detail).toMatch(/Försök igen om 15 minuter/);
    // Even the right password is refused while locked.
    const right = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hab', password: 'Samsyn-demo-2026' } });
    expect(right.statusCode).toBe(423);
    expect(right.headers['retry-after']).toBeDefined();
    const rows = await s.database.ownerQuery(
      `select action from audit_log a join users u on u.id::text = a.resource_id where u.username = 'hab' and action like 'login%' order by a.id`,
    );
    expect(rows.rows.map((r) => r.action)).toEqual(['login_failed', 'login_locked']);
  });

  it('logout ends the session at once', async () => {
    const sess = await s.login('bvc');
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: sess.headers() })).statusCode).toBe(200);
    const out = await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: sess.headers() });
    expect(out.statusCode).toBe(204);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: sess.headers() })).statusCode).toBe(401);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const sess = await s.login('vc');
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: sess.cookie } });
    expect(res.statusCode).toBe(403);
    const cross = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { username: 'vc', password: 'Samsyn-demo-2026' },
    });
    expect(cross.statusCode).toBe(403);
  });

  it('expires idle sessions', async () => {
    const sess = await s.login('umo');
    await s.database.ownerQuery(`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = $1`, [sess.me.id]);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: sess.headers() })).statusCode).toBe(401);
  });

  it('expires sessions at the absolute limit even when active', async () => {
    const sess = await s.login('bup');
    await s.database.ownerQuery(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [sess.me.id]);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: sess.headers() })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const a = await s.login('fritid');
    const b = await s.login('fritid');
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers(),
      payload: { currentPassword: 'inte-ratt-123', newPassword: 'Ett-nytt-langt-losen' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers(),
      payload: { currentPassword: 'Samsyn-demo-2026', newPassword: 'Ett-nytt-langt-losen' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: a.headers() })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: b.headers() })).statusCode).toBe(401);
    await expect(s.login('fritid')).rejects.toThrow(/401/);
    await s.login('fritid', 'Ett-nytt-langt-losen');
  });

  it('switches acting unit only to a unit the user belongs to, and every decision follows it', async () => {
    const sess = await s.login('maja.flerroll');
    expect(sess.me.memberships.length).toBe(2);
    const other = sess.me.memberships.find((m) => m.unitId !== sess.me.actingUnit.id)!;
    const before = (await s.app.inject({ method: 'GET', url: '/api/v1/children', headers: sess.headers() })).json().items as {
      owningUnitId: string;
    }[];
    expect(before.every((c) => c.owningUnitId === sess.me.actingUnit.id)).toBe(true);
    const sw = await s.app.inject({ method: 'PUT', url: '/api/v1/me/acting-unit', headers: sess.headers(), payload: { unitId: other.unitId } });
    expect(sw.statusCode).toBe(200);
    expect(sw.json().actingUnit.id).toBe(other.unitId);
    const after = (await s.app.inject({ method: 'GET', url: '/api/v1/children', headers: sess.headers() })).json().items as {
      owningUnitId: string;
    }[];
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.owningUnitId === other.unitId)).toBe(true);
    const bad = await s.app.inject({
      method: 'PUT',
      url: '/api/v1/me/acting-unit',
      headers: sess.headers(),
      payload: { unitId: '01890000-0000-7000-8000-000000000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('unitId');
  });
});
