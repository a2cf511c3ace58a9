import { ROLES, UNIT_TYPES } from '@samsyn/domain';
import { z } from 'zod';

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  tenant: z.object({ id: z.uuid(), name: z.string() }),
  actingUnit: z.object({ id: z.uuid(), name: z.string(), type: z.enum(UNIT_TYPES) }),
  memberships: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), unitType: z.enum(UNIT_TYPES), role: z.enum(ROLES) })),
  roles: z.array(z.enum(ROLES)),
  abilities: z.object({
    canAdminister: z.boolean(),
    canSeeAuditLog: z.boolean(),
    canSeeIndividualData: z.boolean(),
    canSeeAggregates: z.boolean(),
  }),
  csrfToken: z.string().describe('Skickas som X-CSRF-Token i alla ändrande anrop / send as X-CSRF-Token on every state-changing call'),
});

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
