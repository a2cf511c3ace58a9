import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unsafeBareChildRead } from '../../access/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { authedErrors, uuidParam } from '../../http/schemas.ts';

/**
 * Benchmark baseline only (BENCH_BARE_ROUTE=true): the same reads as
 * GET /api/v1/children/:id, behind the same session check, but with no access
 * rule and no audit. Never registered in a normal start.
 */
export function registerBenchRoutes(app: FastifyInstance, deps: AppDeps): void {
  if (deps.config.env === 'production') throw new Error('BENCH_BARE_ROUTE is refused when NODE_ENV=production');
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/bench/bare/children/:id',
      { schema: { hide: true, params: uuidParam, response: { 200: z.object({ id: z.uuid() }).passthrough(), ...authedErrors } } },
      async (request) => {
        const row = await unsafeBareChildRead(deps.database.db, actorOf(request).tenantId, request.params.id, 'benchmark baseline');
        if (!row) throw new AppError('not_found');
        return row;
      },
    );
}
