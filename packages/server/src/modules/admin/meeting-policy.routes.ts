import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_FEEDBACK_WORKING_DAYS, runScoped, setTenantMeetingPolicy, tenantMeetingPolicy } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authedErrors } from '../../http/schemas.ts';
import { adminActor } from './guard.ts';

const policySchema = z.object({ feedbackWorkingDays: z.number().int() });

/** The organisation's meeting policy: within how many working days the family gets feedback after a team meeting. */
export function registerMeetingPolicyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/admin/meeting-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Organisationens mötesregler / meeting policy',
        description: 'Inom hur många arbetsdagar familjen ska få återkoppling efter ett teammöte (förval 5; helgdagar räknas inte).',
        response: { 200: policySchema, ...authedErrors },
      },
    },
    async (request) => runScoped(deps.access, adminActor(request), 'administration', (s) => tenantMeetingPolicy(s.tx)),
  );
  r.put(
    '/api/v1/admin/meeting-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra mötesreglerna / change the meeting policy',
        description: `feedbackWorkingDays: 1–${MAX_FEEDBACK_WORKING_DAYS}. Gäller återkopplingsuppgifter som skapas efter ändringen. Ändringen loggas.`,
        body: z.strictObject({ feedbackWorkingDays: z.number().int().min(1).max(MAX_FEEDBACK_WORKING_DAYS) }),
        response: { 200: policySchema, ...authedErrors },
      },
    },
    async (request) => runScoped(deps.access, adminActor(request), 'administration', (s) => setTenantMeetingPolicy(s.tx, s.actor, request.body)),
  );
}
