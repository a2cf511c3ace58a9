import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminSetWheel, runScoped } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authedErrors, multiLine, singleLine } from '../../http/schemas.ts';
import { wheelView } from '../plans/index.ts';
import { adminActor } from './guard.ts';

const label = singleLine(0, 200);
const description = multiLine(2000);

/** The organisation's wellbeing wheel: areas (renamed, described, added or retired; never removed) and the scale. */
export function registerWheelRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/api/v1/admin/wheel',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra välbefinnandehjulet / change the wellbeing wheel',
        description:
          'Skapar en ny version; gamla bedömningar behåller den version de gjordes med. Ett område kan döpas om, beskrivas, läggas till eller tas ur bruk (retired), men inte tas bort. Skalan: heltal min–max (2–10 steg) med en beskrivning per steg.',
        body: z.strictObject({
          areas: z
            .array(
              z.strictObject({
                key: singleLine(1, 40),
                labelSv: label,
                labelEn: label,
                descriptionSv: description,
                descriptionEn: description,
                childDescriptionSv: description,
                childDescriptionEn: description,
                position: z.number().int().min(0).max(100),
                retired: z.boolean().optional(),
              }),
            )
            .min(1)
            .max(20),
          scale: z.strictObject({
            min: z.number().int().min(-10).max(10),
            max: z.number().int().min(-10).max(20),
            anchors: z
              .array(
                z.strictObject({
                  value: z.number().int().min(-10).max(20),
                  labelSv: label,
                  labelEn: label,
                  childLabelSv: label,
                  childLabelEn: label,
                }),
              )
              .max(20),
          }),
        }),
        response: { 200: wheelView, ...authedErrors },
      },
    },
    async (request) =>
      runScoped(deps.access, adminActor(request), 'administration', async (s) => {
        const w = await adminSetWheel(s.tx, s.actor, request.body.areas, request.body.scale);
        return { version: w.version, areas: w.areas, scale: w.scale };
      }),
  );
}
