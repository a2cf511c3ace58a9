/**
 * One error type for the whole server. Each code maps to an HTTP status and a
 * stable problem type with a Swedish and an English title, in one place.
 */
export const ERROR_CATALOGUE = {
  validation: { status: 400, sv: 'Ogiltiga uppgifter', en: 'Invalid input' },
  unauthenticated: { status: 401, sv: 'Du är inte inloggad', en: 'You are not logged in' },
  invalid_credentials: { status: 401, sv: 'Fel användarnamn eller lösenord', en: 'Wrong username or password' },
  csrf: { status: 403, sv: 'Förfrågan saknar giltig säkerhetstoken', en: 'The request lacks a valid security token' },
  forbidden: { status: 403, sv: 'Du har inte tillgång till det här', en: 'You do not have access to this' },
  not_found: { status: 404, sv: 'Hittades inte', en: 'Not found' },
  conflict: { status: 409, sv: 'Uppgifterna har ändrats av någon annan', en: 'The data was changed by someone else' },
  duplicate: { status: 409, sv: 'Det finns redan', en: 'Already exists' },
  payload_too_large: { status: 413, sv: 'För stor förfrågan', en: 'Request too large' },
  locked: { status: 423, sv: 'Kontot är tillfälligt låst', en: 'The account is temporarily locked' },
  rate_limited: { status: 429, sv: 'För många försök', en: 'Too many attempts' },
  internal: { status: 500, sv: 'Något gick fel hos oss', en: 'Something went wrong on our side' },
  unavailable: { status: 503, sv: 'Tjänsten är inte tillgänglig just nu', en: 'The service is unavailable right now' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export interface Problem {
  type: string;
  title: string;
  titleEn: string;
  status: number;
  detail?: string;
  detailEn?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly extra: {
      detail?: string;
      detailEn?: string;
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** Internal reason, logged but never sent (e.g. denied vs. missing). */
      internal?: string;
    } = {},
  ) {
    super(extra.internal ?? code);
  }
}

export const PROBLEM_BASE = 'https://samsyn.se/problem/';

export function toProblem(err: AppError): Problem {
  const c = ERROR_CATALOGUE[err.code];
  const p: Problem = { type: PROBLEM_BASE + err.code.replace(/_/g, '-'), title: c.sv, titleEn: c.en, status: c.status };
  if (err.extra.detail) p.detail = err.extra.detail;
  if (err.extra.detailEn) p.detailEn = err.extra.detailEn;
  if (err.extra.errors) p.errors = err.extra.errors;
  if (err.extra.retryAfterSeconds !== undefined) p.retryAfterSeconds = err.extra.retryAfterSeconds;
  return p;
}

export function fieldError(field: string, message: string, messageEn: string): AppError {
  return new AppError('validation', { errors: [{ field, message, messageEn }] });
}
