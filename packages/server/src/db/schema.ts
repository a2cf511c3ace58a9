import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Organisation tables (not personal data about children). The SQL in migrations/
 * is the source of truth for constraints, RLS and grants; this file mirrors the
 * columns for typed queries.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  settings: jsonb('settings')
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const principals = pgTable('principals', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
});

export const units = pgTable('units', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  principalId: uuid('principal_id').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull(),
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  name: text('name').notNull(),
  ageMin: integer('age_min'),
  ageMax: integer('age_max'),
  targetDescription: text('target_description'),
  theme: text('theme'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const teamMembers = pgTable('team_members', {
  tenantId: uuid('tenant_id').notNull(),
  teamId: uuid('team_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  isSamordnare: boolean('is_samordnare').notNull().default(false),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  csrfToken: text('csrf_token').notNull(),
  actingUnitId: uuid('acting_unit_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  tenantId: uuid('tenant_id').notNull(),
  occurredAt: ts('occurred_at').notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  actingUnitId: uuid('acting_unit_id'),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  subjectChildId: uuid('subject_child_id'),
  purpose: text('purpose'),
  consentId: uuid('consent_id'),
  outcome: text('outcome').notNull(),
  protectedIdentity: boolean('protected_identity').notNull().default(false),
  details: jsonb('details')
    .notNull()
    .default(sql`'{}'::jsonb`),
});

export const auditChain = pgTable('audit_chain', {
  tenantId: uuid('tenant_id').notNull(),
  linkNo: bigint('link_no', { mode: 'number' }).notNull(),
  auditId: bigint('audit_id', { mode: 'number' }).notNull(),
  rowHash: text('row_hash').notNull(),
  chainHash: text('chain_hash').notNull(),
  sealedAt: ts('sealed_at').notNull().defaultNow(),
});
