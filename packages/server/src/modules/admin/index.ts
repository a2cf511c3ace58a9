import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { adminActor } from './guard.ts';
import { registerTeamRoutes } from './teams.routes.ts';
import { registerUnitRoutes } from './units.routes.ts';
import { registerUserRoutes } from './users.routes.ts';
import { registerConsentPolicyRoutes } from './consent-policy.routes.ts';
import { registerMeetingPolicyRoutes } from './meeting-policy.routes.ts';
import { registerWheelRoutes } from './wheel.routes.ts';
import { registerPortalSettingsRoutes } from './portal-settings.routes.ts';

export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app.register(async (admin) => {
    // Before validation: a non-administrator gets the same 404 whatever the body.
    admin.addHook('preValidation', async (request) => {
      adminActor(request);
    });
    registerUnitRoutes(admin, deps);
    registerUserRoutes(admin, deps);
    registerTeamRoutes(admin, deps);
    registerConsentPolicyRoutes(admin, deps);
    registerMeetingPolicyRoutes(admin, deps);
    registerWheelRoutes(admin, deps);
    registerPortalSettingsRoutes(admin, deps);
  });
}
