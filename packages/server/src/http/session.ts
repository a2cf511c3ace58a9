import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@samsyn/domain';
import type { Actor } from '../access/index.ts';
import type { Config } from '../config.ts';
import { queryPrepared, type Db } from '../db/driver.ts';

export function sessionCookieName(config: Pick<Config, 'cookieSecure'>): string {
  // The __Host- prefix requires Secure and Path=/ and forbids Domain: the browser
  // then refuses the cookie from any other host or over plain HTTP.
  return config.cookieSecure ? '__Host-samsyn_session' : 'samsyn_session';
}

/**
 * Sessions are stored by a keyed hash of the cookie value (HMAC with SESSION_SECRET):
 * a copy of the sessions table is useless without the secret, and the cookie value
 * itself is never stored.
 */
export function hashToken(sessionSecret: Buffer, token: string): string {
  return createHmac('sha256', sessionSecret).update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
}

interface SessionRow {
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  acting_unit_id: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  user_active: boolean;
  roles: Role[] | string | null;
}

function parseRoles(v: SessionRow['roles']): Role[] {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  // node-postgres may hand back a text[] literal such as {samordnare,chef}
  return v
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean) as Role[];
}

/**
 * Resolves the session cookie to an actor with one round trip (a SECURITY DEFINER
 * function, since the tenant is not yet known). Enforces idle and absolute expiry.
 */
export async function loadSession(db: Db, config: Config, token: string): Promise<SessionInfo | null> {
  const [row] = await queryPrepared<SessionRow>(db, sql`select * from auth_session_actor(${hashToken(config.sessionSecret, token)})`);
  if (!row || !row.user_active) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  const expires = new Date(row.expires_at).getTime();
  if (now > expires || now - lastSeen > config.sessionIdleMinutes * 60_000) {
    await db.execute(sql`select auth_end_session(${row.id})`);
    return null;
  }
  if (now - lastSeen > 60_000) {
    // Touch at most once a minute, so reads do not each cost a write.
    await db.execute(sql`select auth_touch_session(${row.id})`);
  }
  return {
    actor: {
      userId: row.user_id,
      tenantId: row.tenant_id,
      actingUnitId: row.acting_unit_id,
      roles: parseRoles(row.roles),
      sessionId: row.id,
    },
    csrfToken: row.csrf_token,
  };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
}

export function readSessionToken(request: FastifyRequest, config: Config): string | null {
  const v = request.cookies[sessionCookieName(config)];
  return v && /^[A-Za-z0-9_-]{43}$/.test(v) ? v : null;
}
