import { parseIdentityNumber } from '@samsyn/domain';
import { z } from 'zod';
import { singleLine, versionInput } from '../../http/schemas.ts';

export const childSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  birthDate: z.string(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  protectedIdentity: z.boolean(),
});

export const childDetail = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  identityNumber: z.string().nullable(),
  birthDate: z.string(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  protectedIdentity: z.boolean(),
  address: z.string().nullable(),
  schoolUnitId: z.uuid().nullable(),
  schoolUnitName: z.string().nullable(),
  guardians: z.array(z.object({ id: z.uuid(), name: z.string(), custody: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
  namedProfessionals: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  version: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canSeeProtectedDetails: z.boolean(), canManageNamedProfessionals: z.boolean() }),
});

/**
 * A personnummer or samordningsnummer, validated with the `personnummer` library
 * and turned into its canonical 12 digits. The birth date must not be in the future.
 */
export const identityNumberInput = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const parsed = parseIdentityNumber(v);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: 'Ogiltigt nummer',
        params: { sv: 'Ogiltigt personnummer eller samordningsnummer', en: 'Invalid personal identity or coordination number' },
      });
      return z.NEVER;
    }
    if (parsed.birthDate > new Date().toISOString().slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Framtida datum',
        params: { sv: 'Födelsedatumet ligger i framtiden', en: 'The birth date is in the future' },
      });
      return z.NEVER;
    }
    return parsed;
  });

const optionalText = (max: number) =>
  singleLine(0, max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const guardianInput = z.strictObject({
  /** A stored guardian of this child: omitted identityNumber/address keep their stored values. */
  id: z.uuid().optional(),
  name: singleLine(1, 200),
  custody: z.enum(['vardnadshavare', 'sarskilt_forordnad', 'annan']),
  identityNumber: identityNumberInput.nullable().optional(),
  phone: z
    .string()
    .max(30)
    .regex(/^[+0-9][0-9 ()-]{5,29}$/)
    .nullable()
    .optional(),
  email: z.email().max(200).nullable().optional(),
  address: singleLine(0, 300).nullable().optional(),
});

export const createChildBody = z.strictObject({
  givenName: singleLine(1, 100),
  familyName: singleLine(1, 100),
  identityNumber: identityNumberInput,
  protectedIdentity: z.boolean(),
  address: optionalText(300),
  schoolUnitId: z.uuid().nullable().optional(),
  guardians: z.array(guardianInput).max(4),
});

export const updateChildBody = z.strictObject({
  version: versionInput,
  givenName: singleLine(1, 100).optional(),
  familyName: singleLine(1, 100).optional(),
  protectedIdentity: z.boolean().optional(),
  // Absent = unchanged; null or empty = cleared.
  address: singleLine(0, 300).nullable().optional(),
  schoolUnitId: z.uuid().nullable().optional(),
  guardians: z.array(guardianInput).max(4).optional(),
});

export type GuardianBody = z.output<typeof guardianInput>;

/** undefined stays undefined (keep the stored value on update); empty text becomes null. */
export function toGuardianInput(g: GuardianBody) {
  return {
    id: g.id,
    name: g.name,
    custody: g.custody,
    identityNumber: g.identityNumber === undefined ? undefined : (g.identityNumber?.canonical ?? null),
    phone: g.phone ?? null,
    email: g.email ?? null,
    address: g.address === undefined ? undefined : g.address || null,
  };
}
