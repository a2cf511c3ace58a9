import type { FastifyInstance, FastifyReply, FastifyRequest, LogLevel } from 'fastify';
import type { Config } from '../../config.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { LOGIN_TTL_MS, loginCookieKey, OidcLoginFailure, openLoginSecrets, PortalOidc, sealLoginSecrets } from '../../portal/oidc.ts';
import { clearPortalCookie, startPortalSession } from './session.ts';

const BASE = '/api/v1/portal/oidc';
/** Where the web app says "Inloggningen kunde inte slutföras. Försök igen." */
export const OIDC_FAILED_REDIRECT = '/portal/logga-in?fel=oidc';

/** The sealed per-login secrets; only sent to the two OIDC routes. */
export function oidcLoginCookieName(config: Pick<Config, 'cookieSecure'>): string {
  return config.cookieSecure ? '__Secure-samsyn_portal_oidc' : 'samsyn_portal_oidc';
}

/**
 * Issue 7 §1: sign-in to the family portal with e-legitimation (BankID, Freja) through an
 * OpenID Connect broker, when OIDC_* is configured (else both answer 404). GET start redirects to
 * the broker; GET callback validates the answer, starts a portal session for the personnummer
 * and redirects to /portal (a case was found) or /portal/inget-arende (none: nothing shown).
 * Any failure redirects to /portal/logga-in?fel=oidc without a session; the reason is logged.
 * Hidden from the OpenAPI document: browser redirects, not API operations (a malformed
 * callback is answered with a redirect, never 400).
 */
export function registerPortalOidcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const settings = deps.config.oidc;
  if (!settings) {
    // Public 404s (not the 401 an unknown /api route gets without a session): the portal's
    // sign-in page may link here before e-ID is set up.
    const notConfigured = async () => {
      throw new AppError('not_found', {
        detail: 'Inloggning med e-legitimation är inte konfigurerad här.',
        detailEn: 'Sign-in with e-ID is not configured here.',
      });
    };
    for (const path of [`${BASE}/start`, `${BASE}/callback`]) app.get(path, { config: { public: true }, schema: { hide: true } }, notConfigured);
    return;
  }
  const config = deps.config;
  const oidc = new PortalOidc(settings, { allowInsecure: config.env !== 'production' });
  const key = loginCookieKey(config.sessionSecret);
  const cookieName = oidcLoginCookieName(config);
  const cookieOptions = { path: BASE, httpOnly: true, sameSite: 'lax', secure: config.cookieSecure } as const;
  const routeConfig = { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  const refuse = (request: FastifyRequest, reply: FastifyReply, reason: string, detail: Record<string, unknown> = {}) => {
    request.log.warn({ oidc: { reason, ...detail } }, 'portal OIDC sign-in refused');
    return reply.clearCookie(cookieName, cookieOptions).redirect(OIDC_FAILED_REDIRECT, 302);
  };

  app.get(`${BASE}/start`, { config: routeConfig, schema: { hide: true } }, async (request, reply) => {
    let started: Awaited<ReturnType<PortalOidc['start']>>;
    try {
      started = await oidc.start();
    } catch (err) {
      return refuse(request, reply, 'discovery at the provider failed', { error: err instanceof Error ? err.message.slice(0, 300) : String(err) });
    }
    reply.setCookie(cookieName, sealLoginSecrets(key, started.secrets), { ...cookieOptions, maxAge: LOGIN_TTL_MS / 1000 });
    return reply.redirect(started.url.href, 302);
  });

  // At most warn: the framework's per-request info lines would carry the authorization code.
  const callbackLogLevel = ['trace', 'debug', 'info'].includes(config.logLevel) ? 'warn' : (config.logLevel as LogLevel);
  app.get(`${BASE}/callback`, { config: routeConfig, schema: { hide: true }, logLevel: callbackLogLevel }, async (request, reply) => {
    const sealed = request.cookies[cookieName];
    const secrets = sealed ? openLoginSecrets(key, sealed) : null;
    const q = request.url.indexOf('?');
    let identity: Awaited<ReturnType<PortalOidc['finish']>>;
    try {
      identity = await oidc.finish(q >= 0 ? request.url.slice(q) : '', secrets);
    } catch (err) {
      if (err instanceof OidcLoginFailure) return refuse(request, reply, err.reason, err.detail);
      return refuse(request, reply, 'unexpected error', { error: err instanceof Error ? err.message.slice(0, 300) : String(err) });
    }
    let linked: boolean;
    try {
      ({ linked } = await startPortalSession(deps, reply, { ...identity, method: 'oidc' }));
    } catch (err) {
      request.log.error({ err }, 'portal OIDC sign-in: the portal session could not be started');
      // A cookie set before the failure is replaced by a clearing one: no half-started session.
      clearPortalCookie(reply, config);
      return refuse(request, reply, 'portal session could not be started');
    }
    return reply.clearCookie(cookieName, cookieOptions).redirect(linked ? '/portal' : '/portal/inget-arende', 302);
  });
}
