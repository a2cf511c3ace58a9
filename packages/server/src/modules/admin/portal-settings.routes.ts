import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit, runScoped, type Scoped } from '../../access/index.ts';
import { queryRows } from '../../db/driver.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authedErrors } from '../../http/schemas.ts';
import { adminActor } from './guard.ts';

const settingsSchema = z.object({ showStaffNames: z.boolean() });

async function read(s: Scoped) {
  const [row] = await queryRows<{ show: boolean | null }>(
    s.tx,
    sql`select (settings->>'portalShowStaffNames')::boolean as show from tenants where id = current_tenant()`,
  );
  return { showStaffNames: row?.show === true };
}

/**
 * The family portal's settings for the organisation (issue 7 §4): whether "Vem har läst om oss?"
 * shows staff names. Default off: families see the unit, the role, the date, the purpose and the
 * consent relied on, never who by name unless the organisation has decided so.
 */
export function registerPortalSettingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/admin/portal-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Familjeportalens inställningar / family portal settings',
        description: 'showStaffNames: om "Vem har läst om oss?" visar personalens namn (förval nej).',
        response: { 200: settingsSchema, ...authedErrors },
      },
    },
    async (request) => runScoped(deps.access, adminActor(request), 'administration', read),
  );
  r.put(
    '/api/v1/admin/portal-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ändra familjeportalens inställningar / change the family portal settings',
        description: 'Gäller direkt för alla familjer i organisationen. Ändringen loggas med före och efter.',
        body: z.strictObject({ showStaffNames: z.boolean() }),
        response: { 200: settingsSchema, ...authedErrors },
      },
    },
    async (request) =>
      runScoped(deps.access, adminActor(request), 'administration', async (s) => {
        const before = await read(s);
        await s.tx.execute(
          sql`update tenants set settings = coalesce(settings, '{}'::jsonb) || ${JSON.stringify({
            portalShowStaffNames: request.body.showStaffNames,
          })}::jsonb where id = current_tenant()`,
        );
        const after = await read(s);
        await appendAudit(s.tx, s.actor, {
          action: 'update',
          resourceType: 'portal_settings',
          purpose: 'administration',
          outcome: 'allowed',
          details: { before, after },
        });
        return after;
      }),
  );
}
