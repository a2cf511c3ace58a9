import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { loadSession, readSessionToken, tokensEqual } from './session.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isPublic(request: FastifyRequest): boolean {
  if (request.routeOptions.config?.public === true) return true;
  // Swagger UI's own routes are registered by the plugin; they carry no data.
  return request.url === '/api/docs' || request.url.startsWith('/api/docs/');
}

/**
 * Every /api route requires a session unless it is explicitly marked public.
 * State-changing requests carry the session's CSRF token in X-CSRF-Token
 * (double defence with SameSite=Lax); public ones must not come cross-site.
 */
export function installSecurityHooks(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const publicRoute = isPublic(request);
    if (!SAFE_METHODS.has(request.method)) refuseCrossSite(request);
    if (publicRoute) return;
    const token = readSessionToken(request, deps.config);
    const session = token ? await loadSession(deps.database.db, deps.config, token) : null;
    if (!session) throw new AppError('unauthenticated');
    request.session = session;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !tokensEqual(header, session.csrfToken)) throw new AppError('csrf');
    }
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}

function refuseCrossSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new AppError('csrf', { internal: 'cross-site request' });
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('csrf', { internal: 'malformed Origin header' });
    }
    if (host !== request.headers.host) throw new AppError('csrf', { internal: 'Origin does not match Host' });
  }
}
