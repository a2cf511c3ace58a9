import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MAX_FEEDBACK_WORKING_DAYS,
  MAX_HANDOVER_ANSWER_WORKING_DAYS,
  MAX_START_WITHIN_DAYS,
  runScoped,
  setTenantInterventionPolicy,
  setTenantMeetingPolicy,
  tenantInterventionPolicy,
  tenantMeetingPolicy,
  type Scoped,
} from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authedErrors } from '../../http/schemas.ts';
import { adminActor } from './guard.ts';

const policySchema = z.object({
  feedbackWorkingDays: z.number().int(),
  handoverAnswerWorkingDays: z.number().int(),
  startWithinDays: z.number().int(),
});

const both = async (s: Scoped) => ({ ...(await tenantMeetingPolicy(s.tx)), ...(await tenantInterventionPolicy(s.tx)) });

/**
 * The organisation's meeting and hand-over policy: within how many working days the family gets
 * feedback after a team meeting, a receiving unit answers a hand-over, and how many days an
 * accepted intervention may wait to start before it is flagged.
 */
export function registerMeetingPolicyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/admin/meeting-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Organisationens mötesregler / meeting policy',
        description:
          'Inom hur många arbetsdagar familjen ska få återkoppling efter ett teammöte (förval 5), inom hur många arbetsdagar en överlämning ska besvaras (förval 3; helgdagar räknas inte) och inom hur många dagar en mottagen insats ska starta (förval 14).',
        response: { 200: policySchema, ...authedErrors },
      },
    },
    async (request) => runScoped(deps.access, adminActor(request), 'administration', both),
  );
  r.put(
    '/api/v1/admin/meeting-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra mötesreglerna / change the meeting policy',
        description: `feedbackWorkingDays: 1–${MAX_FEEDBACK_WORKING_DAYS}; handoverAnswerWorkingDays: 1–${MAX_HANDOVER_ANSWER_WORKING_DAYS}; startWithinDays: 1–${MAX_START_WITHIN_DAYS}. Gäller uppgifter och överlämningar som skapas efter ändringen. Ändringen loggas.`,
        body: z.strictObject({
          feedbackWorkingDays: z.number().int().min(1).max(MAX_FEEDBACK_WORKING_DAYS),
          handoverAnswerWorkingDays: z.number().int().min(1).max(MAX_HANDOVER_ANSWER_WORKING_DAYS).optional(),
          startWithinDays: z.number().int().min(1).max(MAX_START_WITHIN_DAYS).optional(),
        }),
        response: { 200: policySchema, ...authedErrors },
      },
    },
    async (request) =>
      runScoped(deps.access, adminActor(request), 'administration', async (s) => {
        const { feedbackWorkingDays, handoverAnswerWorkingDays, startWithinDays } = request.body;
        await setTenantMeetingPolicy(s.tx, s.actor, { feedbackWorkingDays });
        if (handoverAnswerWorkingDays !== undefined || startWithinDays !== undefined) {
          const current = await tenantInterventionPolicy(s.tx);
          await setTenantInterventionPolicy(s.tx, s.actor, {
            handoverAnswerWorkingDays: handoverAnswerWorkingDays ?? current.handoverAnswerWorkingDays,
            startWithinDays: startWithinDays ?? current.startWithinDays,
          });
        }
        return both(s);
      }),
  );
}
