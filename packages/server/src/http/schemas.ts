import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Single-line text: trimmed, bounded, no control characters. */
export function singleLine(min: number, max: number) {
  return z
    .string()
    .max(max)
    .superRefine((v, ctx) => {
      if (CONTROL.test(v)) {
        ctx.addIssue({
          code: 'custom',
          message: 'Otillåtna tecken',
          params: { sv: 'Texten innehåller otillåtna tecken', en: 'The text contains control characters' },
        });
      } else if (v.trim().length < min) {
        ctx.addIssue({
          code: 'custom',
          message: 'För kort',
          params:
            min <= 1
              ? { sv: 'Fältet måste fyllas i', en: 'This field is required' }
              : { sv: `Minst ${min} tecken`, en: `At least ${min} characters` },
        });
      }
    })
    .transform((v) => v.trim());
}

/** Multi-line free text: newlines and tabs allowed, other control characters not. */
export function multiLine(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((v, ctx) => {
      if (CONTROL_EXCEPT_NEWLINE.test(v)) {
        ctx.addIssue({
          code: 'custom',
          message: 'Otillåtna tecken',
          params: { sv: 'Texten innehåller otillåtna tecken', en: 'The text contains control characters' },
        });
      }
    });
}

/** Optimistic-concurrency version: a positive PostgreSQL integer. */
export const versionInput = z.number().int().min(1).max(2147483647);

export const uuidParam = z.strictObject({ id: z.uuid() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    titleEn: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    detailEn: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() })).optional(),
  })
  .describe('application/problem+json (RFC 9457)');

/** Standard error responses for an authenticated route. */
export const authedErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
