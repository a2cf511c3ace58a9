import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * PERSONAL-DATA TABLES. Only code under src/access/ may import this file (enforced
 * by ESLint). Every table listed in PERSONAL_DATA_TABLES must have an access rule
 * in access/rules.ts; a test fails otherwise.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const children = pgTable('children', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  identityNumberEnc: text('identity_number_enc'),
  identityNumberHash: text('identity_number_hash'),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  protectedIdentity: boolean('protected_identity').notNull().default(false),
  address: text('address'),
  schoolUnitId: uuid('school_unit_id'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const guardians = pgTable('guardians', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  childId: uuid('child_id').notNull(),
  name: text('name').notNull(),
  custody: text('custody').notNull(),
  identityNumberEnc: text('identity_number_enc'),
  identityNumberHash: text('identity_number_hash'),
  phone: text('phone'),
  email: text('email'),
  address: text('address'),
});

export const childNamedProfessionals = pgTable('child_named_professionals', {
  tenantId: uuid('tenant_id').notNull(),
  childId: uuid('child_id').notNull(),
  userId: uuid('user_id').notNull(),
  namedBy: uuid('named_by').notNull(),
  namedAt: ts('named_at').notNull().defaultNow(),
});

/** SQL table names holding personal data; the access registry must cover each. */
export const PERSONAL_DATA_TABLES = ['children', 'guardians', 'child_named_professionals'] as const;
export type PersonalDataTable = (typeof PERSONAL_DATA_TABLES)[number];
