import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

/** The portal's consent answers and per-unit withdrawal (issue 7). Being built. */
export function registerPortalConsentRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
