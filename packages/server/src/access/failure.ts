import type { AuditEntry } from './audit.ts';

export interface FailureField {
  field: string;
  message: string;
  messageEn: string;
}

/**
 * A refused write or a missing/denied resource, thrown inside runScoped so that the whole
 * transaction rolls back: bad input changes nothing. A not_found failure may carry the audit
 * entry for the attempt; runScoped writes it after the rollback, so a denied attempt is still
 * on record. The HTTP layer maps it to 400/404/409 problem+json.
 */
export class AccessFailure extends Error {
  override name = 'AccessFailure';
  constructor(
    readonly code: 'validation' | 'not_found' | 'conflict',
    readonly errors: FailureField[] = [],
    readonly auditEntry?: AuditEntry,
  ) {
    super(code);
  }
}

export const invalid = (field: string, message: string, messageEn: string) => new AccessFailure('validation', [{ field, message, messageEn }]);
