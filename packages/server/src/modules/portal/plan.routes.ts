import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

/** The portal's plan routes (issue 7). Being built. */
export function registerPortalPlanRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
