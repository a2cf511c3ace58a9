import { expect } from 'vitest';
import type { TestServer } from './harness.ts';

/** A signed-in portal person: the portal cookie, its CSRF token and the first linked child's handle. */
export interface PortalSession {
  cookie: string;
  csrf: string;
  /** The handle ("tenant.child") of the first child the person is linked to, '' when none. */
  child: string;
}

/** Signs a portal account in (demo password by default), as the portal's log-in page does. */
export async function portalSignIn(server: TestServer, username: string, password = 'Samsyn-demo-2026'): Promise<PortalSession> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const me = (await server.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } })).json();
  return { cookie, csrf: me.csrfToken, child: me.children[0]?.id ?? '' };
}
