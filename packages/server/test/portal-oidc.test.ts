import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fictitiousIdentityNumber } from '@samsyn/domain';
import { loginCookieKey, openLoginSecrets } from '../src/portal/oidc.ts';
import { startTestServer, testConfig, type TestServer } from './harness.ts';
import { caller, yearsAgo } from './cases-helpers.ts';

/**
 * Issue 7 §1: the family portal's sign-in with e-legitimation through an OpenID Connect broker,
 * against a real OpenID provider (oidc-provider, on 127.0.0.1 over http) that plays the broker.
 * Its development interactions (a login form taking any account id, then consent) are driven
 * with fetch and a small cookie jar; the app is driven with inject, carrying the login cookie.
 */
const REDIRECT_URI = 'http://samsyn.test/api/v1/portal/oidc/callback';
const CLIENT_ID = 'samsyn-portal';
const CLIENT_SECRET = 'en-hemlighet-bara-for-testet-0123456789';
const LOGIN_COOKIE = '__Secure-samsyn_portal_oidc';
const PORTAL_COOKIE = '__Host-samsyn_portal';
const FAILED = '/portal/logga-in?fel=oidc';

const guardianNumber = fictitiousIdentityNumber('1979-04-17', 7); // known to the app after beforeAll
const unknownNumber = fictitiousIdentityNumber('1981-09-02', 3); // nobody's guardian, no child

/** Accounts at the provider: the claims a Swedish e-ID broker returns. */
const PEOPLE: Record<string, Record<string, string>> = {
  vardnadshavare: {
    given_name: 'Vera',
    family_name: 'Oidcsson',
    // Short form with a dash: the app canonicalises it.
    personal_identity_number: `${guardianNumber.slice(2, 8)}-${guardianNumber.slice(8)}`,
  },
  okand: { given_name: 'Okänd', family_name: 'Person', personal_identity_number: unknownNumber },
  ogiltig: { name: 'Ogiltig', personal_identity_number: '19790417-0000' },
  utan: { given_name: 'Utan', family_name: 'Nummer' },
};

let httpServer: Server;
let issuer: string;
let server: TestServer;

beforeAll(async () => {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  httpServer = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'name', 'personal_identity_number'] },
    findAccount: (_ctx, sub) => (PEOPLE[sub] ? { accountId: sub, claims: () => ({ sub, ...PEOPLE[sub] }) } : undefined),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
  });
  handler = provider.callback();

  server = await startTestServer({
    config: testConfig({
      SEED_DEMO: 'true',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: REDIRECT_URI,
    }),
  });
  const call = caller(server);
  const kurator = await server.login('kurator.bjork');
  const res = await call(kurator, 'POST', '/api/v1/children', {
    givenName: 'Oidc',
    familyName: 'Oidcsson',
    identityNumber: fictitiousIdentityNumber(yearsAgo(new Date(), 9), 11),
    protectedIdentity: false,
    guardians: [{ name: 'Vera Oidcsson', custody: 'vardnadshavare', identityNumber: guardianNumber }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => httpServer?.close(resolve));
});

afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------
// Helpers

function setCookies(headers: Record<string, unknown>): string[] {
  const raw = headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
}
const cookieValue = (headers: Record<string, unknown>, name: string) =>
  setCookies(headers)
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]!
    .slice(name.length + 1);

/** GET start: the provider's authorization URL and the sealed login cookie. */
async function start(): Promise<{ authUrl: URL; loginCookie: string; raw: string }> {
  const res = await server.app.inject({ method: 'GET', url: '/api/v1/portal/oidc/start' });
  expect(res.statusCode, res.body).toBe(302);
  const raw = setCookies(res.headers).find((c) => c.startsWith(`${LOGIN_COOKIE}=`));
  expect(raw).toBeDefined();
  return { authUrl: new URL(String(res.headers.location)), loginCookie: cookieValue(res.headers, LOGIN_COOKIE)!, raw: raw! };
}

/** Signs in at the provider as `account` (login form, then consent); returns the callback URL it redirects to. */
async function atProvider(authUrl: URL, account: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    init = {};
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      await res.body?.cancel();
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const form = new URLSearchParams({ prompt: prompt ?? '' });
    if (prompt === 'login') {
      form.set('login', account);
      form.set('password', 'valfritt');
    } else if (prompt !== 'consent') throw new Error(`unexpected page at the provider: ${html.slice(0, 300)}`);
    init = { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider did not redirect back');
}

/** The callback as the browser would make it: path and query of the provider's redirect, with the login cookie. */
async function callback(target: URL | string, loginCookie: string | null) {
  const u = typeof target === 'string' ? new URL(target, REDIRECT_URI) : target;
  return server.app.inject({
    method: 'GET',
    url: `${u.pathname}${u.search}`,
    headers: { host: 'samsyn.test', ...(loginCookie !== null ? { cookie: `${LOGIN_COOKIE}=${loginCookie}` } : {}) },
  });
}

function expectRefused(res: Awaited<ReturnType<typeof callback>>) {
  expect(res.statusCode, res.body).toBe(302);
  expect(res.headers.location).toBe(FAILED);
  expect(cookieValue(res.headers, PORTAL_COOKIE) ?? '', 'no portal session cookie').toBe('');
  expectLoginCookieCleared(res);
}

function expectLoginCookieCleared(res: Awaited<ReturnType<typeof callback>>) {
  const cleared = setCookies(res.headers).find((c) => c.startsWith(`${LOGIN_COOKIE}=`));
  expect(cleared, 'login cookie cleared').toBeDefined();
  expect(cleared).toMatch(/^[^=]+=;/);
  expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/i);
}

// ---------------------------------------------------------------------------

describe('portal sign-in with e-legitimation (OIDC)', () => {
  it('start redirects to the provider with the code flow, PKCE S256, state and nonce, and seals the secrets in a short-lived cookie', async () => {
    const { authUrl, loginCookie, raw } = await start();
    expect(authUrl.origin).toBe(issuer);
    const p = authUrl.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(CLIENT_ID);
    expect(p.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(p.get('scope')).toBe('openid profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(p.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    expect(raw).toMatch(/; Max-Age=600(;|$)/);
    expect(raw).toMatch(/; Path=\/api\/v1\/portal\/oidc(;|$)/);
    expect(raw).toMatch(/; HttpOnly/);
    expect(raw).toMatch(/; Secure/);
    expect(raw).toMatch(/; SameSite=Lax/);
    // Encrypted: neither the state, the nonce nor the verifier can be read from the cookie.
    const plain = Buffer.from(loginCookie.split('.')[1]!, 'base64url').toString('latin1');
    expect(plain).not.toContain(p.get('state')!);
    expect(plain).not.toContain(p.get('nonce')!);
    const secrets = openLoginSecrets(loginCookieKey(server.deps.config.sessionSecret), decodeURIComponent(loginCookie));
    expect(secrets).toMatchObject({ state: p.get('state'), nonce: p.get('nonce') });
  });

  it('signs a guardian in: session cookie, redirect to /portal, the child listed, no login cookie left', async () => {
    const { authUrl, loginCookie } = await start();
    const back = await atProvider(authUrl, 'vardnadshavare');
    expect(back.searchParams.get('code')).toBeTruthy();
    const res = await callback(back, loginCookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/portal');
    expectLoginCookieCleared(res);
    const token = cookieValue(res.headers, PORTAL_COOKIE);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie: `${PORTAL_COOKIE}=${token}` } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ displayName: 'Vera Oidcsson', method: 'oidc' });
    expect(me.json().children).toEqual([expect.objectContaining({ relation: 'guardian', givenName: 'Oidc', adult: false })]);

    // The same code cannot be used twice (the login cookie is spent too, but even with it).
    expectRefused(await callback(back, loginCookie));
  });

  it('a person with no case gets a session that shows nothing, and is sent to /portal/inget-arende', async () => {
    const { authUrl, loginCookie } = await start();
    const res = await callback(await atProvider(authUrl, 'okand'), loginCookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/portal/inget-arende');
    const token = cookieValue(res.headers, PORTAL_COOKIE);
    expect(token).toBeTruthy();
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie: `${PORTAL_COOKIE}=${token}` } });
    expect(me.json()).toMatchObject({ displayName: 'Okänd Person', children: [] });
  });

  it('refuses a forged state', async () => {
    const { authUrl, loginCookie } = await start();
    const back = await atProvider(authUrl, 'vardnadshavare');
    const forged = new URL(back);
    forged.searchParams.set('state', 'forfalskat-state-forfalskat-state');
    expectRefused(await callback(forged, loginCookie));
    const missing = new URL(back);
    missing.searchParams.delete('state');
    expectRefused(await callback(missing, loginCookie));
  });

  it('refuses crossed logins: one login’s answer with another login’s cookie', async () => {
    const a = await start();
    const b = await start();
    const backB = await atProvider(b.authUrl, 'vardnadshavare');
    expectRefused(await callback(backB, a.loginCookie));
  });

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    // An attacker swaps the nonce in the authorization request: state and PKCE still match the
    // cookie, so only the nonce check can stop it.
    const { authUrl, loginCookie } = await start();
    authUrl.searchParams.set('nonce', 'en-annan-nonce-an-den-i-kakan');
    expectRefused(await callback(await atProvider(authUrl, 'vardnadshavare'), loginCookie));
  });

  it('refuses a callback without the login cookie, or with a tampered one', async () => {
    const { authUrl, loginCookie } = await start();
    const back = await atProvider(authUrl, 'vardnadshavare');
    expectRefused(await callback(back, null));
    const tampered = loginCookie.slice(0, -2) + (loginCookie.endsWith('AA') ? 'BB' : 'AA');
    expectRefused(await callback(back, tampered));
    // Refused before the code was spent: with its own cookie the same answer still signs in.
    expect((await callback(back, loginCookie)).headers.location).toBe('/portal');
  });

  it('refuses an expired login (older than 10 minutes)', async () => {
    const { authUrl, loginCookie } = await start();
    const back = await atProvider(authUrl, 'vardnadshavare');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    expectRefused(await callback(back, loginCookie));
    // It was the age of the login that was refused, before the code reached the provider
    // (whose own clock would have expired the code): back in time, the same answer signs in.
    vi.useRealTimers();
    expect((await callback(back, loginCookie)).headers.location).toBe('/portal');
  });

  it('refuses an error from the provider (the person cancelled)', async () => {
    const { authUrl, loginCookie } = await start();
    const state = authUrl.searchParams.get('state')!;
    expectRefused(await callback(`${REDIRECT_URI}?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer)}`, loginCookie));
  });

  it('refuses a missing or invalid personnummer claim', async () => {
    for (const account of ['utan', 'ogiltig']) {
      const { authUrl, loginCookie } = await start();
      expectRefused(await callback(await atProvider(authUrl, account), loginCookie));
    }
  });

  it('without OIDC configuration both routes answer 404 problem+json, also without any session', async () => {
    const plain = await startTestServer({ seed: false });
    try {
      for (const url of ['/api/v1/portal/oidc/start', '/api/v1/portal/oidc/callback?code=x&state=y']) {
        const res = await plain.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().detail).toBe('Inloggning med e-legitimation är inte konfigurerad här.');
      }
    } finally {
      await plain.stop();
    }
  }, 60_000);
});
