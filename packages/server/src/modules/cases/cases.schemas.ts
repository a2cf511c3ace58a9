import { CONSENT_METHODS, INFORMATION_CATEGORIES, isIsoDate, PURPOSE_CATEGORIES } from '@samsyn/domain';
import { z } from 'zod';
import { CASE_STATES, CLOSING_REASONS } from '../../access/index.ts';
import { multiLine, singleLine, versionInput } from '../../http/schemas.ts';

export const SIGNAL_KINDS = ['skolfranvaro', 'maende', 'beteende', 'hemsituation', 'larande', 'halsa', 'fritid', 'annat'] as const;
export const URGENCIES = ['lag', 'medel', 'hog', 'akut'] as const;
export const REPORT_OF_CONCERN = ['ja', 'nej', 'vet_ej'] as const;
export const AGE_BANDS = ['0-5', '6-9', '10-12', '13-15', '16-17', '18-20'] as const;
export const CASE_ROLES = ['trygghetsperson', 'barnkoordinator', 'involverad'] as const;

/** A calendar date 'YYYY-MM-DD' that exists. */
export const isoDateInput = z.iso.date().superRefine((v, ctx) => {
  if (!isIsoDate(v))
    ctx.addIssue({
      code: 'custom',
      message: 'Ogiltigt datum',
      params: { sv: 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD)', en: 'Enter a valid date (YYYY-MM-DD)' },
    });
});

const requiredText = (max: number) =>
  multiLine(max).superRefine((v, ctx) => {
    if (v.trim().length === 0)
      ctx.addIssue({ code: 'custom', message: 'Tomt', params: { sv: 'Fältet måste fyllas i', en: 'This field is required' } });
  });
const optionalText = (max: number) =>
  multiLine(max)
    .nullish()
    .transform((v) => (v && v.trim() ? v.trim() : null));

const unitRef = z.object({ id: z.uuid(), name: z.string() });
const category = z.enum(INFORMATION_CATEGORIES);

export const giverRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('guardian'), guardianId: z.uuid() }),
  z.strictObject({ kind: z.literal('child') }),
  z.strictObject({ kind: z.literal('young_adult') }),
]);

export const createSignalBody = z.strictObject({
  childId: z.uuid().nullish(),
  recipientUnitId: z.uuid(),
  category,
  noticed: requiredText(4000),
  signalKinds: z.array(z.enum(SIGNAL_KINDS)).min(1).max(SIGNAL_KINDS.length),
  riskFactors: optionalText(2000),
  protectiveFactors: optionalText(2000),
  actionsTaken: optionalText(2000),
  urgency: z.enum(URGENCIES),
  reportOfConcern: z.enum(REPORT_OF_CONCERN),
});

export const signalView = z.object({
  id: z.uuid(),
  hidden: z.literal(false),
  owningUnit: unitRef,
  recipientUnit: unitRef,
  raisedByName: z.string(),
  child: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  caseId: z.uuid().nullable(),
  category: z.string(),
  noticed: z.string(),
  signalKinds: z.array(z.string()),
  riskFactors: z.string().nullable(),
  protectiveFactors: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  urgency: z.string(),
  reportOfConcern: z.string(),
  createdAt: z.string(),
});

export const createCaseBody = z.strictObject({
  pseudonym: singleLine(1, 60),
  ageBand: z.enum(AGE_BANDS),
  description: requiredText(4000),
  signalId: z.uuid().nullish(),
});

export const updateCaseBody = z.strictObject({
  version: versionInput,
  pseudonym: singleLine(1, 60).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  description: requiredText(4000).optional(),
});

export const caseListQuery = z.strictObject({
  state: z.enum(CASE_STATES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: singleLine(1, 100).optional(),
});

const accessLevel = z.enum(['owner', 'consent', 'participant']);

export const caseSummary = z.object({
  id: z.uuid(),
  pseudonym: z.string(),
  ageBand: z.string(),
  state: z.enum(CASE_STATES),
  owningUnit: unitRef,
  childName: z.string().nullable(),
  myRoles: z.array(z.string()),
  access: z.object({ level: accessLevel, reasonSv: z.string(), reasonEn: z.string() }),
  openNotices: z.number().int(),
  updatedAt: z.string(),
});

const consentView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.string(),
  statusLabelSv: z.string(),
  reasonSv: z.string(),
  reasonEn: z.string(),
  purposeCategory: z.string(),
  purposeText: z.string(),
  units: z.array(unitRef),
  unitWithdrawals: z.array(z.object({ unit: unitRef, on: z.string(), byLabel: z.string(), via: z.string() })),
  categories: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string(),
  summarySv: z.string(),
  givers: z.array(
    z.object({
      giver: giverRef,
      label: z.string(),
      answer: z.string(),
      method: z.string().nullable(),
      documentedByName: z.string().nullable(),
      documentedAt: z.string().nullable(),
      required: z.boolean(),
    }),
  ),
  issues: z.array(z.object({ code: z.string(), sv: z.string(), en: z.string() })),
  maturity: z.object({ isMature: z.boolean(), reasoning: z.string(), assessedAt: z.string(), assessedByName: z.string().nullable() }).nullable(),
  expiresWithin30Days: z.boolean(),
  attachment: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
});

export const caseView = z.object({
  id: z.uuid(),
  pseudonym: z.string(),
  ageBand: z.string(),
  state: z.enum(CASE_STATES),
  description: z.string(),
  owningUnit: unitRef,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closing: z.object({ reason: z.string(), text: z.string().nullable(), closedAt: z.string() }).nullable(),
  child: z
    .union([
      z.object({ visible: z.literal(false), reasonSv: z.string(), reasonEn: z.string() }),
      z.object({
        visible: z.literal(true),
        id: z.uuid(),
        givenName: z.string(),
        familyName: z.string(),
        birthDate: z.string(),
        protectedIdentity: z.boolean(),
        address: z.string().nullable(),
        school: unitRef.nullable(),
        guardians: z.array(
          z.object({ id: z.uuid(), name: z.string(), custody: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
        ),
      }),
    ])
    .nullable(),
  access: z.object({
    level: accessLevel,
    reasonSv: z.string(),
    reasonEn: z.string(),
    consentId: z.uuid().nullable(),
    abilities: z.object({
      edit: z.boolean(),
      linkChild: z.boolean(),
      recordConsent: z.boolean(),
      assignRoles: z.boolean(),
      close: z.boolean(),
      reopen: z.boolean(),
      addEvent: z.boolean(),
    }),
  }),
  helpers: z.array(z.object({ id: z.uuid(), userId: z.uuid(), name: z.string(), unit: unitRef, role: z.string(), assignedAt: z.string() })),
  hiddenHelpers: z.number().int(),
  signals: z.array(
    z.union([signalView, z.object({ id: z.uuid(), hidden: z.literal(true), owningUnit: unitRef, reasonSv: z.string(), reasonEn: z.string() })]),
  ),
  consents: z.array(consentView),
  openNotices: z.array(z.object({ id: z.uuid(), consentId: z.uuid(), unit: unitRef, kind: z.string(), createdAt: z.string() })),
});

export const linkChildBody = z.strictObject({ version: versionInput, childId: z.uuid() });
export const assignRoleBody = z.strictObject({ userId: z.uuid(), unitId: z.uuid(), role: z.enum(CASE_ROLES) });
export const closeBody = z.strictObject({ version: versionInput, reason: z.enum(CLOSING_REASONS), text: optionalText(1000) });
export const reopenBody = z.strictObject({ version: versionInput });

export const recordConsentBody = z.strictObject({
  purposeCategory: z.enum(PURPOSE_CATEGORIES),
  purposeText: multiLine(1000),
  unitIds: z.array(z.uuid()).max(100),
  categories: z.array(category).max(INFORMATION_CATEGORIES.length),
  validFrom: isoDateInput,
  validUntil: isoDateInput,
  givers: z
    .array(
      z.strictObject({
        giver: giverRef,
        answer: z.enum(['given', 'refused', 'not_asked']),
        method: z.enum(CONSENT_METHODS).nullish(),
        documentedAt: isoDateInput.nullish(),
      }),
    )
    .min(1)
    .max(10),
  maturity: z.strictObject({ isMature: z.boolean(), reasoning: multiLine(2000), assessedAt: isoDateInput }).nullish(),
});

export const answerBody = z.strictObject({
  version: versionInput,
  giver: giverRef,
  answer: z.enum(['given', 'refused', 'not_asked']),
  method: z.enum(CONSENT_METHODS),
  documentedAt: isoDateInput,
});

export const withdrawBody = z.strictObject({ version: versionInput, giver: giverRef, method: z.enum(CONSENT_METHODS), documentedAt: isoDateInput });

export const eventView = z.union([
  z.object({
    id: z.uuid(),
    hidden: z.literal(false),
    kind: z.string(),
    category: z.string().nullable(),
    anonymousPhase: z.boolean(),
    occurredOn: z.string(),
    text: z.string(),
    owningUnit: unitRef,
    authorName: z.string().nullable(),
    createdAt: z.string(),
    correctsId: z.uuid().nullable(),
    correctionReason: z.string().nullable(),
    correctedBy: z.uuid().nullable(),
  }),
  z.object({
    id: z.uuid(),
    hidden: z.literal(true),
    kind: z.string(),
    occurredOn: z.string(),
    owningUnit: unitRef,
    reasonSv: z.string(),
    reasonEn: z.string(),
  }),
]);

export const addEventBody = z.strictObject({ category, occurredOn: isoDateInput, text: requiredText(4000) });
export const correctEventBody = z.strictObject({ text: requiredText(4000), reason: singleLine(3, 500) });

export const consentDefaults = z.object({
  validFrom: z.string(),
  validUntil: z.string(),
  maxValidUntil: z.string(),
  requiredGivers: z.array(z.object({ giver: giverRef, label: z.string() })),
  maturityRequired: z.boolean(),
  maturityNoteSv: z.string().nullable(),
});
