import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, toProblem } from './errors.ts';
import { AccessFailure } from '../access/failure.ts';
import { toFieldErrors } from './validation-messages.ts';

function sendProblem(reply: FastifyReply, err: AppError) {
  const problem = toProblem(err);
  if (problem.retryAfterSeconds !== undefined) reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Maps every error to problem+json in one place. A bad request never becomes a 500. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | AccessFailure, request, reply) => {
    if (error instanceof AccessFailure) {
      return sendProblem(reply, new AppError(error.code, error.errors.length > 0 ? { errors: error.errors } : {}));
    }
    if (error instanceof AppError) {
      if (error.code === 'internal') request.log.error({ err: error }, 'internal error');
      return sendProblem(reply, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const ctx = (error as { validationContext?: string }).validationContext;
      return sendProblem(reply, new AppError('validation', { errors: toFieldErrors(error.validation, ctx) }));
    }
    if (isResponseSerializationError(error as never) && 'cause' in error && (error as { method?: string }).method) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, new AppError('internal'));
    }
    const mapped = mapFastifyError(error as FastifyError);
    if (mapped) return sendProblem(reply, mapped);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, new AppError('internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    return sendProblem(reply, new AppError('not_found', { internal: `no route ${request.method} ${request.url}` }));
  });
}

function bodyError(sv: string, en: string, field = 'body'): AppError {
  return new AppError('validation', { errors: [{ field, message: sv, messageEn: en }] });
}

function mapFastifyError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return bodyError('Ogiltig JSON', 'Malformed JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return bodyError('Innehållet saknas', 'The body is empty');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyError('För stort innehåll (högst 64 kB)', 'Body too large (at most 64 kB)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return bodyError('Innehållstypen måste vara application/json', 'Content-Type must be application/json', 'content-type');
    case 'FST_ERR_VALIDATION':
      return bodyError('Ogiltiga uppgifter', 'Invalid input');
    default:
      break;
  }
  if (error.statusCode === 429) {
    return new AppError('rate_limited', {
      detail: 'Vänta en stund och försök igen.',
      detailEn: 'Wait a while and try again.',
      retryAfterSeconds: 60,
    });
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return bodyError('Ogiltig förfrågan', 'Bad request');
  if (error.statusCode === 413) return bodyError('För stort innehåll (högst 64 kB)', 'Body too large (at most 64 kB)');
  if (error.statusCode === 415)
    return bodyError('Innehållstypen måste vara application/json', 'Content-Type must be application/json', 'content-type');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return bodyError('Ogiltig förfrågan', 'Bad request');
  return null;
}
