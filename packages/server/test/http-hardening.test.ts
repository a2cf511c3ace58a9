import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testConfig, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '3' }) });
});
afterAll(async () => {
  await s?.stop();
});

describe('HTTP hardening', () => {
  it('sends security headers and no-store on API responses', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers the fourth log-in attempt in a minute from one address with 429 in Swedish and English', async () => {
    const attempt = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.8.7',
        payload: { username: 'vc', password: 'fel-losenord-123' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.json()).toMatchObject({ title: 'För många försök', titleEn: 'Too many attempts' });
    // Another address is not affected.
    const other = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.8.6',
      payload: { username: 'vc', password: 'Samsyn-demo-2026' },
    });
    expect(other.statusCode).toBe(200);
  });
});

describe('plain-HTTP demo (COOKIE_SECURE=false)', () => {
  it('uses a non-prefixed cookie without Secure, and no HSTS or upgrade-insecure-requests', async () => {
    const plain = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', COOKIE_SECURE: 'false' }) });
    try {
      const res = await plain.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'vc', password: 'Samsyn-demo-2026' } });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^samsyn_session=/);
      expect(cookie).not.toMatch(/Secure/i);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
      const me = await plain.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookie.split(';')[0]! } });
      expect(me.statusCode).toBe(200);
    } finally {
      await plain.stop();
    }
  });
});
