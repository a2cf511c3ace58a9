import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toSwedishDate } from '@samsyn/domain';
import { PortalAccessDenied, type PortalPerson } from '../../access/portal.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { problemSchema } from '../../http/schemas.ts';
import { requirePortalSession, type PortalSession } from './session.ts';

/** The child handle in a portal path: "<tenantId>.<childId>", as given by GET /portal/me. */
export const childParam = z.strictObject({
  child: z.string().regex(/^[0-9a-f-]{36}\.[0-9a-f-]{36}$/i, 'Ogiltigt barn-id / invalid child id'),
});
/** A consent in plain language, as the portal shows it (GET …/consents and every consent action). */
export const consentView = z.object({
  id: z.uuid(),
  purpose: z.string(),
  units: z.array(z.string()),
  /** The units with their ids, for "återkalla för en verksamhet"; `canWithdraw` is false for the unit that has the case. */
  unitChoices: z.array(z.object({ id: z.uuid(), name: z.string(), canWithdraw: z.boolean() })),
  /** Units taken out of the consent, when and by whom (in plain Swedish). */
  withdrawnUnits: z.array(z.object({ name: z.string(), on: z.string(), by: z.string(), byEn: z.string() })),
  about: z.array(z.string()),
  aboutEn: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(['active', 'withdrawn', 'expired', 'pending']),
  statusText: z.string(),
  statusTextEn: z.string(),
  myAnswer: z.string().nullable(),
  /** This person's answer is needed now (a pending request, or they said no and may change their mind). */
  canAnswer: z.boolean(),
});
export const portalErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;

/**
 * What every portal route file needs: the typed router, today's date, the portal session (checked
 * in onRequest, before validation, so a caller without one learns nothing about the route's shape)
 * and `guard`, which turns the portal choke point's refusals into 404 (not linked) or 403 with a
 * short explanation (a guardian after the child's 18th birthday).
 */
export function portalKit(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => toSwedishDate(deps.access.clock());
  const sessions = new WeakMap<FastifyRequest, PortalSession>();
  const onRequest = async (request: FastifyRequest) => {
    sessions.set(request, await requirePortalSession(deps, request));
  };
  const session = (request: FastifyRequest): PortalSession => {
    const p = sessions.get(request);
    if (!p) throw new AppError('unauthenticated');
    return p;
  };
  async function guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof PortalAccessDenied) {
        if (err.reason === 'adult')
          throw new AppError('forbidden', {
            detail: 'Barnet har fyllt 18 år. Nu bestämmer hen själv. Du kan inte se uppgifterna här längre.',
            detailEn: 'The child has turned 18. They now decide over their information alone; as a guardian you can no longer see it here.',
          });
        throw new AppError('not_found');
      }
      throw err;
    }
  }
  /** The signed-in portal person of this request. */
  const person = (request: FastifyRequest): PortalPerson => session(request);
  return { r, today, onRequest, session, person, guard, tags: ['portal'], config: { public: true } as const };
}
