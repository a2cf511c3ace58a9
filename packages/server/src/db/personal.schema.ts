import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

export const signals = pgTable('signals', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
  recipientUnitId: uuid('recipient_unit_id').notNull(),
  raisedBy: uuid('raised_by').notNull(),
  childId: uuid('child_id'),
  childName: text('child_name'),
  caseId: uuid('case_id'),
  category: text('category').notNull(),
  noticed: text('noticed').notNull(),
  signalKinds: text('signal_kinds').array().notNull(),
  riskFactors: text('risk_factors'),
  protectiveFactors: text('protective_factors'),
  actionsTaken: text('actions_taken'),
  urgency: text('urgency').notNull(),
  reportOfConcern: text('report_of_concern').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
  childId: uuid('child_id'),
  pseudonym: text('pseudonym').notNull(),
  ageBand: text('age_band').notNull(),
  description: text('description').notNull(),
  createdBy: uuid('created_by').notNull(),
  linkedAt: ts('linked_at'),
  closedAt: ts('closed_at'),
  closingReason: text('closing_reason'),
  closingText: text('closing_text'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const caseRoles = pgTable('case_roles', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull(),
  assignedBy: uuid('assigned_by').notNull(),
  assignedAt: ts('assigned_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
});

export const consents = pgTable('consents', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  childId: uuid('child_id').notNull(),
  recordedByUnitId: uuid('recorded_by_unit_id').notNull(),
  purposeCategory: text('purpose_category').notNull(),
  purposeText: text('purpose_text').notNull(),
  unitIds: uuid('unit_ids').array().notNull(),
  categories: text('categories').array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  givers: jsonb('givers').notNull(),
  maturity: jsonb('maturity'),
  unitWithdrawals: jsonb('unit_withdrawals').notNull().default([]),
  activeFrom: date('active_from', { mode: 'string' }),
  activeUntil: date('active_until', { mode: 'string' }),
  activatedAt: ts('activated_at'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const consentUnits = pgTable('consent_units', {
  tenantId: uuid('tenant_id').notNull(),
  consentId: uuid('consent_id').notNull(),
  caseId: uuid('case_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  activated: boolean('activated').notNull(),
});

export const consentNotices = pgTable('consent_notices', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  consentId: uuid('consent_id').notNull(),
  caseId: uuid('case_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  kind: text('kind').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  acknowledgedBy: uuid('acknowledged_by'),
  acknowledgedAt: ts('acknowledged_at'),
});

export const caseEvents = pgTable('case_events', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
  authorUserId: uuid('author_user_id'),
  kind: text('kind').notNull(),
  category: text('category'),
  anonymousPhase: boolean('anonymous_phase').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  text: text('text').notNull(),
  details: jsonb('details').notNull(),
  correctsId: uuid('corrects_id'),
  correctionReason: text('correction_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const agendaItems = pgTable('agenda_items', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  kind: text('kind').notNull(),
  caseId: uuid('case_id'),
  title: text('title').notNull(),
  description: text('description'),
  position: integer('position').notNull(),
  invitedUnitIds: uuid('invited_unit_ids').array().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const decisions = pgTable('decisions', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  recordedByUnitId: uuid('recorded_by_unit_id').notNull(),
  ownerUnitId: uuid('owner_unit_id'),
  ownerUserId: uuid('owner_user_id'),
  status: text('status').notNull(),
  version: integer('version').notNull().default(1),
});

export const agendaNotes = pgTable('agenda_notes', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  text: text('text').notNull(),
  version: integer('version').notNull().default(1),
});

export const agendaVoices = pgTable('agenda_voices', {
  agendaItemId: uuid('agenda_item_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  childWords: text('child_words'),
  guardianWords: text('guardian_words'),
  /** The child chose, in the portal, not to show their words to their guardians (issue 7). */
  childWordsPrivate: boolean('child_words_private').notNull().default(false),
  familyStatus: text('family_status').notNull(),
  version: integer('version').notNull().default(1),
});

export const feedbackTasks = pgTable('feedback_tasks', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  caseId: uuid('case_id').notNull(),
  ownerUserId: uuid('owner_user_id').notNull(),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  createdByUnitId: uuid('created_by_unit_id').notNull(),
  status: text('status').notNull(),
  version: integer('version').notNull().default(1),
});

export const agendaItemAttachments = pgTable('agenda_item_attachments', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  url: text('url'),
  caseEventId: uuid('case_event_id'),
});

export const wheelAssessments = pgTable('wheel_assessments', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
  /** 'portal' when the child or a guardian rated in the family portal (no staff user then). */
  enteredVia: text('entered_via').notNull().default('staff'),
  /** Areas of a child's own answer the child chose not to show their guardians (issue 7). */
  privateAreaKeys: text('private_area_keys').array().notNull().default([]),
});

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
});

export const planVersions = pgTable('plan_versions', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  planId: uuid('plan_id').notNull(),
});

/** SQL table names holding personal data; the access registry must cover each. */
export const interventions = pgTable('interventions', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
  providerUnitId: uuid('provider_unit_id').notNull(),
  status: text('status').notNull(),
});

export const handovers = pgTable('handovers', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  caseId: uuid('case_id').notNull(),
  fromUnitId: uuid('from_unit_id').notNull(),
  toUnitId: uuid('to_unit_id').notNull(),
});

export const caseFigures = pgTable('case_figures', {
  caseId: uuid('case_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  owningUnitId: uuid('owning_unit_id').notNull(),
});

export const PERSONAL_DATA_TABLES = [
  'children',
  'guardians',
  'child_named_professionals',
  'signals',
  'cases',
  'case_roles',
  'consents',
  'consent_units',
  'consent_notices',
  'case_events',
  'agenda_items',
  'decisions',
  'agenda_notes',
  'agenda_voices',
  'feedback_tasks',
  'agenda_item_attachments',
  'wheel_assessments',
  'plans',
  'plan_versions',
  'interventions',
  'handovers',
  'case_figures',
] as const;
export type PersonalDataTable = (typeof PERSONAL_DATA_TABLES)[number];
