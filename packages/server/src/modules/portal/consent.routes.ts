import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { portalConsentRepository } from '../../access/portal-consent.ts';
import { portalRepository } from '../../access/portal.ts';
import type { AppDeps } from '../../http/deps.ts';
import { childParam, consentView, portalErrors, portalKit } from './kit.ts';

/**
 * The portal's consent actions (issue 7 §3): withdrawing one's own consent, answering a consent
 * request that waits for this person, and withdrawing a consent for one unit only. Each answers
 * with the person's consents as they now stand.
 */
export function registerPortalConsentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { r, today, onRequest, person, guard, tags, config } = portalKit(app, deps);
  const params = z.strictObject({ child: childParam.shape.child, consentId: z.uuid() });
  const consentsNow = (p: ReturnType<typeof person>, child: string) => portalRepository(deps.database.db, p, today()).consents(child);

  r.post(
    '/api/v1/portal/children/:child/consents/:consentId/withdraw',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Återkalla mitt samtycke / withdraw my consent',
        description:
          'Gäller direkt: verksamheterna ser inte längre det samtycket täckte, och de får ett meddelande. Bara den som gav samtycket kan återkalla det (400 annars, och inget ändras).',
        params,
        body: z.strictObject({}),
        response: { 200: z.array(consentView), ...portalErrors },
      },
    },
    async (request) =>
      guard(async () => {
        const p = person(request);
        await portalConsentRepository(deps.database.db, p, today()).withdraw(request.params.child, request.params.consentId);
        return consentsNow(p, request.params.child);
      }),
  );

  r.post(
    '/api/v1/portal/children/:child/consents/:consentId/answer',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Svara på en fråga om samtycke / answer a consent request',
        description:
          'Ja (given) eller nej (refused) på ett samtycke som väntar på den inloggades svar. Bara den vars svar behövs kan svara; ett ja ändras bara genom att återkalla, och ett återkallat samtycke kan inte få nya svar (400, inget ändras). Samtycket börjar gälla direkt om det var det sista svaret som fattades.',
        params,
        body: z.strictObject({ answer: z.enum(['given', 'refused']) }),
        response: { 200: z.array(consentView), ...portalErrors },
      },
    },
    async (request) =>
      guard(async () => {
        const p = person(request);
        await portalConsentRepository(deps.database.db, p, today()).answer(request.params.child, request.params.consentId, request.body.answer);
        return consentsNow(p, request.params.child);
      }),
  );

  r.post(
    '/api/v1/portal/children/:child/consents/:consentId/withdraw-unit',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Återkalla samtycket för en verksamhet / withdraw consent for one unit',
        description:
          'Tar bort en verksamhet (t.ex. BUP) ur samtycket direkt: dess nästa anrop når inte längre det samtycket täckte, och den får ett meddelande. Resten av samtycket gäller. Bara den som gav samtycket kan göra det; verksamheten som har ärendet kan inte tas bort, och minst två verksamheter måste finnas kvar (400 annars, och inget ändras).',
        params,
        body: z.strictObject({ unitId: z.uuid() }),
        response: { 200: z.array(consentView), ...portalErrors },
      },
    },
    async (request) =>
      guard(async () => {
        const p = person(request);
        await portalConsentRepository(deps.database.db, p, today()).withdrawUnit(request.params.child, request.params.consentId, request.body.unitId);
        return consentsNow(p, request.params.child);
      }),
  );
}
