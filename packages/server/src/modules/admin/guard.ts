import type { FastifyRequest } from 'fastify';
import { hasRole, type Actor } from '../../access/index.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';

/** Admin routes exist only for a systemadministratör acting for a unit where they hold that role; others get 404. */
export function adminActor(request: FastifyRequest): Actor {
  const actor = actorOf(request);
  if (!hasRole(actor, 'systemadministrator')) throw new AppError('not_found', { internal: 'not an administrator' });
  return actor;
}

/** Unique-violation from PostgreSQL (23505), turned into a field error. */
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505') return true;
    e = typeof e === 'object' && e !== null && 'cause' in e ? (e as { cause: unknown }).cause : null;
  }
  return false;
}
