import { and, asc, eq } from 'drizzle-orm';
import { deriveAbilities, type Role, type UnitType } from '@samsyn/domain';
import type { Actor } from '../../access/index.ts';
import type { Executor } from '../../db/driver.ts';
import { memberships, tenants, units, users } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';

export interface MeView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  tenant: { id: string; name: string };
  actingUnit: { id: string; name: string; type: UnitType };
  memberships: { unitId: string; unitName: string; unitType: UnitType; role: Role }[];
  roles: Role[];
  abilities: ReturnType<typeof deriveAbilities>;
  csrfToken: string;
}

export interface MembershipRow {
  unitId: string;
  unitName: string;
  unitType: UnitType;
  role: Role;
}

/** Active memberships (in active units) of a user, ordered for a stable default unit. */
export async function listActiveMemberships(tx: Executor, userId: string): Promise<MembershipRow[]> {
  const rows = await tx
    .select({ unitId: memberships.unitId, unitName: units.name, unitType: units.type, role: memberships.role })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(and(eq(memberships.userId, userId), eq(units.active, true)))
    .orderBy(asc(units.name), asc(memberships.role));
  return rows as MembershipRow[];
}

export async function loadMe(tx: Executor, actor: Actor, csrfToken: string): Promise<MeView> {
  const [user] = await tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  const [tenant] = await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, actor.tenantId));
  if (!user || !tenant) throw new AppError('unauthenticated');
  const ms = await listActiveMemberships(tx, actor.userId);
  const acting = ms.find((m) => m.unitId === actor.actingUnitId);
  if (!acting) throw new AppError('unauthenticated', { internal: 'acting unit no longer a membership' });
  const roles = ms.filter((m) => m.unitId === actor.actingUnitId).map((m) => m.role);
  return {
    ...user,
    tenant,
    actingUnit: { id: acting.unitId, name: acting.unitName, type: acting.unitType },
    memberships: ms,
    roles,
    abilities: deriveAbilities(roles),
    csrfToken,
  };
}
