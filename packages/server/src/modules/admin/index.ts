import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { registerTeamRoutes } from './teams.routes.ts';
import { registerUnitRoutes } from './units.routes.ts';
import { registerUserRoutes } from './users.routes.ts';

export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerUnitRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerTeamRoutes(app, deps);
}
