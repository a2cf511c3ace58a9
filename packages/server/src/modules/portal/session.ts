import { hash, verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseIdentityNumber } from '@samsyn/domain';
import type { Config } from '../../config.ts';
import { queryRows, type Db, type Tx } from '../../db/driver.ts';
import { newId } from '../../db/ids.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken, newToken, tokensEqual } from '../../http/session.ts';
import { portalLinks, type PortalPerson } from '../../access/portal.ts';

/**
 * The family portal's sessions (issue 7 §1). A portal person is the keyed hash of their
 * personnummer; the session stores that hash and a display name, never the number. Cookie and
 * CSRF follow the staff session's rules (HMAC-stored token, __Host- cookie when secure,
 * SameSite=Lax, X-CSRF-Token on state-changing requests) under a cookie of its own, so a staff
 * session and a portal session never stand in for each other.
 */
export function portalCookieName(config: Pick<Config, 'cookieSecure'>): string {
  return config.cookieSecure ? '__Host-samsyn_portal' : 'samsyn_portal';
}

/** Portal sessions are shorter than staff sessions: families sign in for one errand. */
export const PORTAL_SESSION_HOURS = 2;
export const PORTAL_IDLE_MINUTES = 30;

export interface PortalSession extends PortalPerson {
  csrfToken: string;
}

interface SessionRow {
  id: string;
  csrf_token: string;
  identity_hash: string;
  display_name: string;
  method: 'local' | 'oidc';
  last_seen_at: Date | string;
  expires_at: Date | string;
}

function setCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(portalCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    maxAge: PORTAL_SESSION_HOURS * 3600,
  });
}

export function clearPortalCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(portalCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
}

/**
 * Starts a portal session for a person identified by personnummer (after e-ID or a demo
 * log-in) and sets the cookie. `linked` says whether any case is found for them: a person with
 * none is told "vi hittar inget ärende" and sees nothing.
 */
export async function startPortalSession(
  deps: AppDeps,
  reply: FastifyReply,
  input: { identityNumber: string; displayName: string; method: 'local' | 'oidc' },
): Promise<{ linked: boolean }> {
  const parsed = parseIdentityNumber(input.identityNumber);
  if (!parsed) throw new AppError('validation', { internal: 'identity number from the sign-in is not a personnummer' });
  return startForHash(deps, reply, deps.crypto.keyedHash(parsed.canonical), input.displayName, input.method);
}

async function startForHash(deps: AppDeps, reply: FastifyReply, identityHash: string, displayName: string, method: 'local' | 'oidc') {
  const token = newToken();
  const id = newId();
  const name = displayName.trim().slice(0, 200) || 'Du';
  await deps.database.db.execute(
    sql`select portal_start_session(${id}, ${hashToken(deps.config.sessionSecret, token)}, ${newToken()}, ${identityHash}, ${name}, ${method}, ${PORTAL_SESSION_HOURS})`,
  );
  setCookie(reply, deps.config, token);
  const links = await portalLinks(deps.database.db, identityHash);
  return { linked: links.length > 0 };
}

let decoy: Promise<string> | null = null;
const decoyHash = () => (decoy ??= hash('samsyn-portal-decoy'));

/** The demo's local portal accounts: same lockout as staff accounts. */
export async function portalLocalLogin(deps: AppDeps, reply: FastifyReply, username: string, password: string): Promise<{ linked: boolean }> {
  const [found] = await queryRows<{
    id: string;
    password_hash: string;
    identity_hash: string;
    display_name: string;
    locked_until: Date | string | null;
  }>(deps.database.db, sql`select * from portal_find_account(${username.trim()})`);
  if (!found) {
    await verify(await decoyHash(), password);
    throw new AppError('invalid_credentials');
  }
  const lockedUntil = found.locked_until ? new Date(found.locked_until).getTime() : 0;
  if (lockedUntil > Date.now()) {
    const minutes = Math.ceil((lockedUntil - Date.now()) / 60_000);
    throw new AppError('locked', {
      detail: `För många misslyckade inloggningar. Försök igen om ${minutes} minut${minutes === 1 ? '' : 'er'}.`,
      detailEn: `Too many failed log-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      retryAfterSeconds: minutes * 60,
    });
  }
  if (!(await verify(found.password_hash, password))) {
    await deps.database.db.execute(sql`select portal_login_failed(${found.id}, ${deps.config.lockoutThreshold}, ${deps.config.lockoutMinutes})`);
    throw new AppError('invalid_credentials');
  }
  await deps.database.db.execute(sql`select portal_login_ok(${found.id})`);
  return startForHash(deps, reply, found.identity_hash, found.display_name, 'local');
}

export function readPortalToken(request: FastifyRequest, config: Config): string | null {
  const v = request.cookies[portalCookieName(config)];
  return v && /^[A-Za-z0-9_-]{43}$/.test(v) ? v : null;
}

/** The signed-in portal person, or 401. State-changing requests must carry the portal CSRF token. */
export async function requirePortalSession(deps: AppDeps, request: FastifyRequest): Promise<PortalSession> {
  const token = readPortalToken(request, deps.config);
  if (!token) throw new AppError('unauthenticated');
  const [row] = await queryRows<SessionRow>(deps.database.db, sql`select * from portal_session(${hashToken(deps.config.sessionSecret, token)})`);
  if (!row) throw new AppError('unauthenticated');
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now > new Date(row.expires_at).getTime() || now - lastSeen > PORTAL_IDLE_MINUTES * 60_000) {
    await deps.database.db.execute(sql`select portal_end_session(${row.id})`);
    throw new AppError('unauthenticated');
  }
  if (now - lastSeen > 60_000) await deps.database.db.execute(sql`select portal_touch_session(${row.id})`);
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !tokensEqual(header, row.csrf_token)) throw new AppError('csrf');
  }
  return { sessionId: row.id, identityHash: row.identity_hash, displayName: row.display_name, method: row.method, csrfToken: row.csrf_token };
}

export async function endPortalSession(deps: AppDeps, session: PortalSession): Promise<void> {
  await deps.database.db.execute(sql`select portal_end_session(${session.sessionId})`);
}

/** Seeds a demo portal account (fictitious people only). */
export async function createPortalAccount(
  db: Db | Tx,
  input: { username: string; password: string | { hash: string }; identityHash: string; displayName: string },
): Promise<void> {
  const passwordHash = typeof input.password === 'string' ? await hash(input.password) : input.password.hash;
  await db.execute(sql`select portal_create_account(${newId()}, ${input.username}, ${passwordHash}, ${input.identityHash}, ${input.displayName})`);
}
