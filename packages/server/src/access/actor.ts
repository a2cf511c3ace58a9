import type { Role } from '@samsyn/domain';

/** Who is asking, acting for which unit, with which roles there. Built per request. */
export interface Actor {
  userId: string;
  tenantId: string;
  actingUnitId: string;
  /** Roles the user holds in the acting unit only. */
  roles: readonly Role[];
  sessionId: string;
}

/**
 * Why personal data is read. Recorded on every audit row (GDPR art. 5.1 b:
 * purpose limitation) and, from the consent issue on, matched against consent.
 */
export const PURPOSES = ['samverkan', 'administration', 'uppfoljning', 'logggranskning'] as const;
export type Purpose = (typeof PURPOSES)[number];

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
