import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEntries, runScoped, verifyOwnAuditChain } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, singleLine } from '../../http/schemas.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    params: { sv: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)', en: 'Invalid date (YYYY-MM-DD)' },
  });

const OUTCOMES = ['allowed', 'denied', 'not_found', 'failed'] as const;

const entrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actingUnitName: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  subjectChildId: z.string().nullable(),
  purpose: z.string().nullable(),
  consentId: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  protectedIdentity: z.boolean(),
});

export function registerAuditReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const { access } = deps;

  r.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Granskningslogg / audit log review',
        description: 'Bara för logggranskare (andra får 404). Nyast först; bläddra med before=nextCursor. Varje granskning loggas själv.',
        querystring: z.strictObject({
          from: isoDate.optional(),
          to: isoDate.optional(),
          username: singleLine(1, 64).optional(),
          childId: z.uuid().optional(),
          outcome: z.enum(OUTCOMES).optional(),
          before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.number().int().nullable() }), ...authedErrors },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.from && q.to && q.from > q.to)
        throw fieldError('to', 'Till-datum får inte vara före från-datum', 'The end date is before the start date');
      const result = await runScoped(access, actorOf(request), 'logggranskning', (s) => listAuditEntries(s.tx, s.actor, q));
      if (!result) throw new AppError('not_found', { internal: 'not a log reviewer' });
      return result;
    },
  );

  r.get(
    '/api/v1/audit-log/verification',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kontrollera loggens hashkedja / verify the audit hash chain',
        description: 'Förseglar väntande rader och räknar om hela kedjan för din organisation. Bara för logggranskare.',
        response: {
          200: z.object({
            links: z.number().int(),
            unsealed: z.number().int(),
            intact: z.boolean(),
            firstBreak: z
              .object({ linkNo: z.number().int(), auditId: z.number().int(), reason: z.enum(['row_changed', 'row_missing', 'link_changed', 'gap']) })
              .nullable(),
            checkedAt: z.string(),
          }),
          ...authedErrors,
        },
      },
    },
    async (request) => {
      const result = await verifyOwnAuditChain(db, actorOf(request));
      if (!result) throw new AppError('not_found', { internal: 'not a log reviewer' });
      return {
        links: result.links,
        unsealed: result.unsealed,
        intact: result.firstBreak === null,
        firstBreak: result.firstBreak,
        checkedAt: new Date().toISOString(),
      };
    },
  );
}
