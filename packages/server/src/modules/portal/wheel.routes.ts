import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { portalWheelRepository } from '../../access/portal-wheel.ts';
import type { AppDeps } from '../../http/deps.ts';
import { singleLine } from '../../http/schemas.ts';
import { childParam, portalErrors, portalKit } from './kit.ts';

const areaKey = singleLine(1, 40);

const wheelView = z.object({
  areas: z.array(z.object({ key: z.string(), labelSv: z.string(), labelEn: z.string(), descriptionSv: z.string(), descriptionEn: z.string() })),
  scale: z.object({
    min: z.number().int(),
    max: z.number().int(),
    anchors: z.array(z.object({ value: z.number().int(), labelSv: z.string(), labelEn: z.string() })),
  }),
  canKeepPrivate: z.boolean(),
  hasCase: z.boolean(),
  answers: z.array(
    z.object({
      id: z.uuid(),
      date: z.string(),
      perspective: z.enum(['child', 'guardian']),
      mine: z.boolean(),
      ratings: z.array(z.object({ areaKey: z.string(), rating: z.number().int(), labelSv: z.string(), labelEn: z.string() })),
      privateAreaKeys: z.array(z.string()),
    }),
  ),
});

/**
 * The portal's wheel (issue 7): "Mitt hjul" for the child, "Barnets hjul" for a guardian. The
 * child's private areas never reach a guardian, and nothing tells a guardian that something is left
 * out. Every read and write goes through withPortalChild (access/portal-wheel.ts).
 */
export function registerPortalWheelRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { r, today, onRequest, person, guard, tags, config: portal } = portalKit(app, deps);
  const repo = (request: Parameters<typeof person>[0]) => portalWheelRepository(deps.database.db, person(request), today());

  r.get(
    '/api/v1/portal/children/:child/wheel',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Mitt hjul / Barnets hjul – the wellbeing wheel in the portal',
        description:
          'Hjulets områden (i bruk) och skala med barnets ord, om den inloggade får välja att inte visa svar för vårdnadshavare (canKeepPrivate), om det finns ett öppet ärende, och tidigare svar. Barnet ser sina egna svar (med privata områden markerade) och vårdnadshavarnas. En vårdnadshavare ser barnets svar utan de privata områdena (utan att det syns att något saknas) och sina egna. Verksamheternas bedömningar visas inte här. / The child sees their own answers with private areas marked and the guardians’ answers; a guardian sees the child’s answers without the private areas, and their own.',
        params: childParam,
        response: { 200: wheelView, ...portalErrors },
      },
    },
    async (request) => guard(() => repo(request).get(request.params.child)),
  );

  r.post(
    '/api/v1/portal/children/:child/wheel',
    {
      config: portal,
      onRequest,
      schema: {
        tags,
        summary: 'Spara mitt svar i hjulet / save my answer in the wheel',
        description:
          'Dagens svar sparas i barnets öppna ärende: barnets eget (barnet) eller vårdnadshavarens (en vårdnadshavare). Per område ett betyg på skalan eller null. privateAreaKeys: områden som vårdnadshavarna inte ska se; bara barnet, bara när canKeepPrivate, och bara besvarade områden. Okänt område, betyg utanför skalan, inget ärende eller privateAreaKeys som inte är tillåtna ger 400, och inget sparas. / Saves today’s answer; private areas only for a child who may keep them from the guardians.',
        params: childParam,
        body: z.strictObject({
          ratings: z
            .array(z.strictObject({ areaKey, rating: z.number().int().min(-1000).max(1000).nullable() }))
            .min(1)
            .max(20),
          privateAreaKeys: z.array(areaKey).max(20).optional(),
        }),
        response: { 201: wheelView.extend({ id: z.uuid() }), ...portalErrors },
      },
    },
    async (request, reply) => {
      const saved = await guard(() => repo(request).save(request.params.child, request.body));
      return reply.status(201).send(saved);
    },
  );
}
