import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_VALIDITY_MONTHS_CEILING } from '@samsyn/domain';
import { adminSetConsentPolicy, runScoped, tenantConsentPolicy } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { authedErrors } from '../../http/schemas.ts';
import { adminActor } from './guard.ts';

const policySchema = z.object({
  maxValidityMonths: z.number().int(),
  defaultValidityMonths: z.number().int(),
  maturityAssessmentFromAge: z.number().int(),
  childConsentPresumedFromAge: z.number().int(),
  maxBackdateDays: z.number().int(),
});
const policyBody = z.strictObject({
  maxValidityMonths: z.number().int().min(1).max(MAX_VALIDITY_MONTHS_CEILING),
  defaultValidityMonths: z.number().int().min(1).max(MAX_VALIDITY_MONTHS_CEILING),
  maturityAssessmentFromAge: z.number().int().min(0).max(17),
  childConsentPresumedFromAge: z.number().int().min(0).max(17),
  maxBackdateDays: z.number().int().min(0).max(365),
});

/** The organisation's consent policy: how long a consent may run, and from which ages the child's own say is assessed. */
export function registerConsentPolicyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/admin/consent-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Organisationens samtyckesregler / consent policy',
        description:
          'Längsta och förvalda giltighetstid (månader), åldrar för mognadsbedömning och förmodat eget samtycke, och hur många dagar bakåt ett samtycke får börja.',
        response: { 200: policySchema, ...authedErrors },
      },
    },
    async (request) => runScoped(deps.access, adminActor(request), 'administration', (s) => tenantConsentPolicy(s.tx)),
  );
  r.put(
    '/api/v1/admin/consent-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra samtyckesreglerna / change the consent policy',
        description: `Längsta giltighetstid högst ${MAX_VALIDITY_MONTHS_CEILING} månader. Alla samtycken i organisationen prövas om direkt mot de nya reglerna. Ändringen loggas.`,
        body: policyBody,
        response: { 200: policySchema.extend({ changedConsents: z.number().int() }), ...authedErrors },
      },
    },
    async (request) =>
      runScoped(deps.access, adminActor(request), 'administration', async (s) => {
        const result = await adminSetConsentPolicy(s.tx, s.actor, request.body, s.today);
        if (Array.isArray(result)) throw new AppError('validation', { errors: result });
        return { ...(await tenantConsentPolicy(s.tx)), changedConsents: result.changedConsents };
      }),
  );
}
