import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { answerPortalFeedback, FEEDBACK_DAYS, FeedbackAlreadyGiven, portalFeedbackAsk } from '../../access/portal-feedback.ts';
import { portalPlan, portalPlanPdf } from '../../access/portal-plan.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { sendPdf } from '../../http/pdf-reply.ts';
import { problemSchema } from '../../http/schemas.ts';
import { renderFamilyPlanPdf } from '../../pdf/plan.ts';
import { childParam, portalErrors, portalKit } from './kit.ts';

const area = z.object({ area: z.string(), words: z.string() });
const planView = z.object({
  kind: z.enum(['barnets_plan', 'sip']),
  kindLabel: z.string(),
  adoptedOn: z.string(),
  childView: z.object({ strengths: z.string(), challenges: z.string(), areas: z.array(area) }),
  guardianView: z.object({ strengths: z.string(), challenges: z.string(), atHome: z.array(area) }).optional(),
  goals: z.array(z.object({ text: z.string(), area: z.string(), followUpOn: z.string() })),
  actions: z.array(
    z.object({
      what: z.string(),
      area: z.string(),
      who: z.string().nullable(),
      role: z.string().nullable(),
      when: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    }),
  ),
  followUpOn: z.string().nullable(),
});
const answer = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/**
 * The portal's plan routes (issue 7): "Min plan" / "Planen" (the adopted plan only, never a draft)
 * and its PDF in the family's words, and "Blev du lyssnad på?" after a meeting about the child.
 */
export function registerPortalPlanRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { r, today, onRequest, person, guard, tags, config } = portalKit(app, deps);
  const db = deps.database.db;
  const now = () => deps.access.clock();

  r.get(
    '/api/v1/portal/children/:child/plan',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Min plan / the child’s plan',
        description:
          'Den senast fastställda versionen av planen i barnets öppna ärende (aldrig ett utkast), på lätt svenska: barnets egna ord först, sedan vårdnadshavarnas, målen, vem som gör vad och när, och nästa uppföljning. Vem som gör något är en verksamhet, och en person bara om hen finns under "Vilka hjälper oss?". plan är null när ingen plan är fastställd.',
        params: childParam,
        response: { 200: z.object({ plan: planView.nullable() }), ...portalErrors },
      },
    },
    async (request) => ({ plan: await guard(() => portalPlan(db, person(request), today(), request.params.child)) }),
  );

  r.get(
    '/api/v1/portal/children/:child/plan.pdf',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Planen som PDF / the plan as PDF (family version)',
        description:
          'Familjens version av den fastställda planen (samma som personalen skriver ut till familjen). Barnet och vårdnadshavaren kan ladda ner den; 404 när ingen plan är fastställd. Nedladdningen loggas som export.',
        params: childParam,
        response: { 200: z.any().describe('application/pdf'), ...portalErrors },
      },
    },
    async (request, reply) => {
      const data = await guard(() => portalPlanPdf(db, person(request), today(), request.params.child));
      if (!data) throw new AppError('not_found');
      return sendPdf(reply, 'var-plan.pdf', await renderFamilyPlanPdf(data));
    },
  );

  r.get(
    '/api/v1/portal/children/:child/feedback',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Blev du lyssnad på? – ska jag svara? / is there a meeting to give feedback on',
        description: `ask är mötets datum när ett möte om barnet hölls de senaste ${FEEDBACK_DAYS} dagarna, familjen var inbjuden och den inloggade inte har svarat; annars null.`,
        params: childParam,
        response: { 200: z.object({ ask: z.object({ meetingDate: z.string() }).nullable() }), ...portalErrors },
      },
    },
    async (request) => ({ ask: await guard(() => portalFeedbackAsk(db, person(request), today(), now(), request.params.child)) }),
  );

  r.post(
    '/api/v1/portal/children/:child/feedback',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Blev du lyssnad på? Förstod du vad som bestämdes? / feedback after the meeting',
        description:
          'Svaren är 1 = ja, 2 = lite, 3 = nej. Anonymt: svaret sparas bara med teamet, månaden och om det var barnet eller en vårdnadshavare, aldrig med barnet, ärendet, mötet eller personen. Att personen har svarat sparas för sig, så att hen bara får frågan en gång: ett andra svar om samma möte ger 409. Inget möte att svara om ger 400.',
        params: childParam,
        body: z.strictObject({ listened: answer, understood: answer }),
        response: { 204: z.null(), ...portalErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      try {
        await guard(() => answerPortalFeedback(db, person(request), today(), now(), request.params.child, request.body));
      } catch (err) {
        if (!(err instanceof FeedbackAlreadyGiven)) throw err;
        throw new AppError('duplicate', {
          detail: 'Du har redan svarat om det här mötet. Tack för ditt svar!',
          detailEn: 'You have already answered about this meeting. Thank you!',
        });
      }
      return reply.status(204).send(null);
    },
  );
}
