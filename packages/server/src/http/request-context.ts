import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/index.ts';
import { AppError } from './errors.ts';
import type { SessionInfo } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** Routes are private unless explicitly marked public. */
    public?: boolean;
  }
}

/** The actor of an authenticated request; the auth hook guarantees it exists. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session.actor;
}
