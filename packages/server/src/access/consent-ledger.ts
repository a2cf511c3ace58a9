import { sql } from 'drizzle-orm';
import {
  activeWindow,
  addDays,
  CONSENT_ISSUE_TEXT,
  coversAccess,
  DEFAULT_CONSENT_POLICY,
  describeScopeSv,
  evaluateConsent,
  type Consent,
  type ConsentEvaluation,
  type ConsentGiverEntry,
  type ConsentPolicy,
  type GiverRef,
  type GuardianInfo,
  type InformationCategory,
  type MaturityAssessment,
  type PurposeCategory,
} from '@samsyn/domain';
import { queryPrepared, type Tx } from '../db/driver.ts';

/** One ledger row as stored. */
export interface ConsentRow {
  id: string;
  case_id: string;
  child_id: string;
  recorded_by_unit_id: string;
  purpose_category: PurposeCategory;
  purpose_text: string;
  unit_ids: string[];
  categories: InformationCategory[];
  valid_from: string;
  valid_until: string;
  givers: StoredGiver[] | string;
  maturity: StoredMaturity | null | string;
  unit_withdrawals?: { unitId: string; on: string; by: string; via: string }[] | string;
  active_from: string | null;
  active_until: string | null;
  activated_at: Date | string | null;
  version: number;
  attachment_name?: string | null;
  attachment_type?: string | null;
  attachment_size?: number | string | null;
}

export type StoredGiver = ConsentGiverEntry & { documentedByName?: string | null };
export type StoredMaturity = MaturityAssessment & { assessedByName?: string };

/** What the consent rules need about the child: birth date and who has custody today. */
export interface ConsentBasis {
  birthDate: string;
  guardians: GuardianInfo[];
}

/** A jsonb value as the driver returns it: parsed already (pg) or as text (PGlite in some paths). */
export const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export const CONSENT_COLUMNS = sql`k.id, k.case_id, k.child_id, k.recorded_by_unit_id, k.purpose_category, k.purpose_text, k.unit_ids, k.categories,
  k.valid_from::text as valid_from, k.valid_until::text as valid_until, k.givers, k.maturity, k.unit_withdrawals, k.active_from::text as active_from,
  k.active_until::text as active_until, k.activated_at, k.version, k.attachment_name, k.attachment_type, octet_length(k.attachment_data) as attachment_size`;

export function giversOf(row: ConsentRow): StoredGiver[] {
  return parse(row.givers);
}

export function maturityOf(row: ConsentRow): StoredMaturity | null {
  return row.maturity === null ? null : parse(row.maturity);
}

export function toDomainConsent(row: ConsentRow, basis: ConsentBasis): Consent {
  return {
    id: row.id,
    childBirthDate: basis.birthDate,
    givers: giversOf(row),
    scope: { unitIds: row.unit_ids, categories: row.categories, purposeCategory: row.purpose_category, purposeText: row.purpose_text },
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    maturity: maturityOf(row),
  };
}

/**
 * The child's birth date and custodial guardians, read without the access rule: the consent
 * rules need them to decide, and nothing of it is returned to the caller.
 */
export async function systemConsentBasis(tx: Tx, childId: string, _reason: string): Promise<ConsentBasis | null> {
  const [row] = await queryPrepared<{ birth_date: string; guardians: { guardianId: string; hasCustody: boolean }[] | string }>(
    tx,
    sql`select c.birth_date::text as birth_date,
      (select coalesce(json_agg(json_build_object('guardianId', g.id, 'hasCustody', g.custody in ('vardnadshavare', 'sarskilt_forordnad'))), '[]'::json)
         from guardians g where g.child_id = c.id) as guardians
      from children c where c.id = ${childId}`,
  );
  return row ? { birthDate: row.birth_date, guardians: parse(row.guardians) } : null;
}

export async function tenantConsentPolicy(tx: Tx): Promise<ConsentPolicy> {
  const [row] = await queryPrepared<{ policy: Partial<ConsentPolicy> | string | null }>(
    tx,
    sql`select settings->'consentPolicy' as policy from tenants where id = current_tenant()`,
  );
  const stored = row?.policy ? parse(row.policy) : {};
  return { ...DEFAULT_CONSENT_POLICY, ...stored };
}

export interface Evaluated {
  row: ConsentRow;
  consent: Consent;
  evaluation: ConsentEvaluation;
}

/**
 * Re-runs the domain rule for each consent and brings the stored active window up to date
 * when it has drifted (a birthday passed, guardians changed). Reads then filter on fresh
 * values in the same transaction: access is checked at read time, not only by the daily job.
 */
export async function evaluateAndRefresh(
  tx: Tx,
  rows: ConsentRow[],
  basis: ConsentBasis,
  today: string,
  policy: ConsentPolicy,
): Promise<Evaluated[]> {
  const out: Evaluated[] = [];
  for (const row of rows) {
    const consent = toDomainConsent(row, basis);
    const evaluation = evaluateConsent(consent, basis.guardians, today, policy);
    await storeWindow(tx, row, consent, basis, today, policy);
    out.push({ row, consent, evaluation });
  }
  return out;
}

/** Stores the active window the domain computes; marks the consent activated the first day it is active. */
export async function storeWindow(
  tx: Tx,
  row: ConsentRow,
  consent: Consent,
  basis: ConsentBasis,
  today: string,
  policy: ConsentPolicy,
): Promise<void> {
  const w = activeWindow(consent, basis.guardians, today, policy);
  const from = w?.from ?? null;
  const until = w?.until ?? null;
  const activatesNow = w !== null && w.from <= today && row.activated_at === null;
  // A window that already started is the same for today's and later reads whatever day it started.
  const sameWindow =
    until === row.active_until &&
    (from === row.active_from || (from !== null && row.active_from !== null && from <= today && row.active_from <= today));
  if (sameWindow && !activatesNow) return;
  await tx.execute(sql`update consents set active_from = ${from}::date, active_until = ${until}::date,
    activated_at = coalesce(activated_at, case when ${activatesNow} then now() end) where id = ${row.id}`);
  row.active_from = from;
  row.active_until = until;
  if (activatesNow) row.activated_at = new Date();
}

/** Who gave or withdrew, in plain words, as the chronology and the portal say it. */
export const GIVER_PLAIN: Record<GiverRef['kind'], { sv: string; en: string }> = {
  guardian: { sv: 'En vårdnadshavare', en: 'A guardian' },
  child: { sv: 'Barnet', en: 'The child' },
  young_adult: { sv: 'Den unga personen', en: 'The young person' },
};

export function giverRefOf(g: ConsentGiverEntry): GiverRef {
  return g.kind === 'guardian' ? { kind: 'guardian', guardianId: g.guardianId } : { kind: g.kind };
}

export const STATUS_LABEL_SV: Record<string, string> = {
  active: 'Gäller',
  pending: 'Inväntar svar',
  refused: 'Nekat',
  withdrawn: 'Återkallat',
  expired: 'Har gått ut',
  lapsed_at_18: 'Upphört vid 18 år',
  not_yet_valid: 'Börjar gälla senare',
};

export interface ConsentViewContext {
  unitName: (id: string) => string | undefined;
  /** Guardian names the viewer may see (guardians rule); others get a neutral label. */
  guardianNames: Map<string, string>;
  today: string;
}

export function giverLabel(g: GiverRef, ctx: ConsentViewContext, index: number): string {
  if (g.kind === 'child') return 'Barnet';
  if (g.kind === 'young_adult') return 'Den unga personen';
  const name = ctx.guardianNames.get(g.guardianId);
  return name ? `${name} (vårdnadshavare)` : `Vårdnadshavare ${index + 1}`;
}

export function consentView(e: Evaluated, ctx: ConsentViewContext) {
  const { row, evaluation } = e;
  const givers = giversOf(row);
  const maturity = maturityOf(row);
  const guardianOrder = [
    ...new Set([...evaluation.required, ...givers].filter((g) => g.kind === 'guardian').map((g) => (g as { guardianId: string }).guardianId)),
  ];
  const labelOf = (g: GiverRef) => giverLabel(g, ctx, g.kind === 'guardian' ? guardianOrder.indexOf(g.guardianId) : 0);
  const keyOf = (g: GiverRef) => (g.kind === 'guardian' ? `guardian:${g.guardianId}` : g.kind);
  const lines = new Map<
    string,
    { giver: GiverRef; answer: string; method: string | null; documentedByName: string | null; documentedAt: string | null; required: boolean }
  >();
  for (const g of evaluation.required)
    lines.set(keyOf(g), {
      giver: giverRefOf(g as ConsentGiverEntry),
      answer: 'not_asked',
      method: null,
      documentedByName: null,
      documentedAt: null,
      required: true,
    });
  for (const g of givers) {
    const key = keyOf(g);
    lines.set(key, {
      giver: giverRefOf(g),
      answer: g.answer,
      method: g.method,
      documentedByName: g.documentedByName ?? null,
      documentedAt: g.documentedAt,
      required: lines.get(key)?.required ?? false,
    });
  }
  return {
    id: row.id,
    version: Number(row.version),
    status: evaluation.status,
    statusLabelSv: STATUS_LABEL_SV[evaluation.status] ?? evaluation.status,
    reasonSv: evaluation.reasonSv,
    reasonEn: evaluation.reasonEn,
    purposeCategory: row.purpose_category,
    purposeText: row.purpose_text,
    units: row.unit_ids.map((id) => ({ id, name: ctx.unitName(id) ?? 'Okänd verksamhet' })),
    /** Units a giver took out of the consent (in the family portal), with when and who. */
    unitWithdrawals: parse(row.unit_withdrawals ?? []).map((w) => ({
      unit: { id: w.unitId, name: ctx.unitName(w.unitId) ?? 'Okänd verksamhet' },
      on: w.on,
      byLabel: (GIVER_PLAIN[w.by as GiverRef['kind']] ?? GIVER_PLAIN.young_adult).sv,
      via: w.via,
    })),
    categories: row.categories,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    summarySv: describeScopeSv(e.consent.scope, ctx.unitName, { validFrom: row.valid_from, validUntil: row.valid_until }),
    givers: [...lines.values()].map((l) => ({ ...l, label: labelOf(l.giver) })),
    issues: evaluation.issues.map((code) => ({ code, sv: CONSENT_ISSUE_TEXT[code].sv, en: CONSENT_ISSUE_TEXT[code].en })),
    maturity: maturity
      ? {
          isMature: maturity.isMature,
          reasoning: maturity.reasoning,
          assessedAt: String(maturity.assessedAt).slice(0, 10),
          assessedByName: maturity.assessedByName ?? null,
        }
      : null,
    expiresWithin30Days: evaluation.status === 'active' && row.valid_until <= addDays(ctx.today, 30),
    attachment: row.attachment_name ? { name: row.attachment_name, type: row.attachment_type ?? '', size: Number(row.attachment_size ?? 0) } : null,
  };
}

export type ConsentView = ReturnType<typeof consentView>;

/** The reason a viewer from V sees (or does not see) the owner's data, from the domain rule. */
export function accessReason(
  evaluated: Evaluated[],
  owner: string,
  viewer: string,
  today: string,
  unitName: (id: string) => string | undefined,
): { level: 'consent' | 'participant'; consentId: string | null; reasonSv: string; reasonEn: string } {
  let lastDenied: { reasonSv: string; reasonEn: string } | null = null;
  for (const e of evaluated) {
    for (const category of e.row.categories) {
      const d = coversAccess(
        { consentId: e.row.id, evaluation: e.evaluation, scope: e.consent.scope },
        { owningUnitId: owner, viewerUnitId: viewer, category, purposeCategory: 'samordning_tsi_team', on: today },
        unitName,
      );
      if (d.allowed) return { level: 'consent', consentId: e.row.id, reasonSv: d.reasonSv, reasonEn: d.reasonEn };
      lastDenied = d;
    }
  }
  const base = {
    sv: 'Du ser att ärendet finns, det din verksamhet har bidragit med och det som diskuterades avidentifierat.',
    en: 'You see that the case exists, what your unit has contributed and what was discussed de-identified.',
  };
  return {
    level: 'participant',
    consentId: null,
    reasonSv: `${base.sv} ${lastDenied ? lastDenied.reasonSv : 'Du ser inte mer eftersom det inte finns något samtycke som omfattar din verksamhet.'}`,
    reasonEn: `${base.en} ${lastDenied ? lastDenied.reasonEn : 'You see no more because there is no consent covering your unit.'}`,
  };
}

/** Re-evaluates every consent about one child now, e.g. after its guardians changed. */
export async function refreshChildConsents(tx: Tx, childId: string, today: string): Promise<void> {
  const rows = await queryPrepared<ConsentRow>(tx, sql`select ${CONSENT_COLUMNS} from consents k where k.child_id = ${childId}`);
  if (rows.length === 0) return;
  const basis = await systemConsentBasis(tx, childId, 'guardians changed');
  if (!basis) return;
  const policy = await tenantConsentPolicy(tx);
  for (const row of rows) await storeWindow(tx, row, toDomainConsent(row, basis), basis, today, policy);
}
