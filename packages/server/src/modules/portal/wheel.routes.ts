import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

/** The portal's wheel routes (issue 7). Being built. */
export function registerPortalWheelRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
