import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '@samsyn/domain';
import { queryPrepared, type Tx } from '../db/driver.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { childrenRepository, ChildView } from './children.repository.ts';
import {
  accessReason,
  CONSENT_COLUMNS,
  consentView,
  evaluateAndRefresh,
  systemConsentBasis,
  tenantConsentPolicy,
  type ConsentRow,
  type ConsentView,
  type Evaluated,
} from './consent-ledger.ts';
import { activeConsentSql, mayWriteChildren, ruleCondition, ruleConditionForRow } from './rules.ts';

export const CASE_STATES = ['anonym', 'invantar_samtycke', 'aktiv', 'avslutad'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export type AccessLevel = 'owner' | 'consent' | 'participant';

export interface CaseSummaryView {
  id: string;
  pseudonym: string;
  ageBand: string;
  state: CaseState;
  owningUnit: { id: string; name: string };
  childName: string | null;
  myRoles: string[];
  access: { level: AccessLevel; reasonSv: string; reasonEn: string };
  openNotices: number;
  updatedAt: string;
}

export interface CaseListFilter {
  state?: CaseState;
  mine?: boolean;
  q?: string;
  /** Only cases owned by the acting unit. */
  ownOnly?: boolean;
  limit?: number;
}

interface SummaryRow {
  id: string;
  pseudonym: string;
  age_band: string;
  state: CaseState;
  owning_unit_id: string;
  owning_unit_name: string;
  child_name: string | null;
  level: AccessLevel;
  my_roles: string[] | string | null;
  open_notices: number | string;
  updated_at: Date | string;
}

/** The short reason a list row carries; the case itself gives the full reason with the consent. */
const LEVEL_REASON: Record<AccessLevel, { reasonSv: string; reasonEn: string }> = {
  owner: { reasonSv: 'Din verksamhet äger ärendet.', reasonEn: 'Your unit owns the case.' },
  consent: { reasonSv: 'Ett gällande samtycke omfattar din verksamhet.', reasonEn: 'A consent in force covers your unit.' },
  participant: {
    reasonSv: 'Din verksamhet är med i ärendet men omfattas inte av något gällande samtycke: du ser bara att det finns och era egna bidrag.',
    reasonEn: 'Your unit takes part in the case but no consent in force covers it: you see only that it exists and your own contributions.',
  },
};

export const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** The derived case state, in SQL, from the stored consent windows (same rule as the domain). */
function stateSql(today: string): SQL {
  return sql`case when cases.closed_at is not null then 'avslutad' when cases.child_id is null then 'anonym'
    when exists (select 1 from consents ks where ks.case_id = cases.id and ks.active_from <= ${today}::date and ${today}::date <= ks.active_until) then 'aktiv'
    else 'invantar_samtycke' end`;
}

export interface UnitInfo {
  id: string;
  name: string;
  type: string;
  principal_id: string;
  principal_kind: string;
  active: boolean;
}

export async function loadUnits(tx: Tx): Promise<Map<string, UnitInfo>> {
  const rows = await queryPrepared<UnitInfo>(
    tx,
    sql`select u.id, u.name, u.type, u.principal_id, p.kind as principal_kind, u.active from units u join principals p on p.id = u.principal_id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export type ChildrenRepo = ReturnType<typeof childrenRepository>;

export function casesReader(tx: Tx, actor: Actor, purpose: Purpose, today: string, childrenRepo: ChildrenRepo) {
  const caseRule = () => ruleCondition('cases', actor, purpose, today);

  async function summaries(filter: CaseListFilter): Promise<CaseSummaryView[]> {
    const v = actor.actingUnitId;
    const pattern = filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const childRule = ruleConditionForRow('children', actor, purpose, today);
    // The list statement takes ~9 ms to plan at municipality size and its best plan does not
    // depend on the parameter values, so the prepared statement keeps one generic plan.
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    // Two steps: first the page of ids (rule, filters, order, limit), then the per-row
    // columns for those rows only, so a unit that may see thousands of cases pays for 200.
    const rows = await queryPrepared<SummaryRow>(
      tx,
      sql`with page as (
        select cases.id from cases
        ${pattern ? sql`left join lateral (select children.given_name, children.family_name from children where children.id = cases.child_id and ${childRule} offset 0) children on true` : sql``}
        where ${caseRule()}${filter.ownOnly ? sql` and cases.owning_unit_id = ${v}` : sql``}${filter.state ? sql` and (${stateSql(today)}) = ${filter.state}` : sql``}${
          filter.mine
            ? sql` and exists (select 1 from case_roles r where r.case_id = cases.id and r.user_id = ${actor.userId} and r.ended_at is null)`
            : sql``
        }${pattern ? sql` and (lower(cases.pseudonym) like ${pattern} or lower(coalesce(children.given_name || ' ' || children.family_name, '')) like ${pattern})` : sql``}
        order by cases.updated_at desc, cases.id limit ${filter.limit ?? 200}
      )
      select cases.id, cases.pseudonym, cases.age_band, cases.owning_unit_id, u.name as owning_unit_name, cases.updated_at,
        ${stateSql(today)} as state,
        case when children.id is not null then children.given_name || ' ' || children.family_name end as child_name,
        case when cases.owning_unit_id = ${v} then 'owner' when ${activeConsentSql(actor, today, sql`cases.id`, sql`cases.owning_unit_id`)} then 'consent' else 'participant' end as level,
        (select array_agg(r.role order by r.role) from case_roles r where r.case_id = cases.id and r.user_id = ${actor.userId} and r.ended_at is null) as my_roles,
        (select count(*) from consent_notices n where n.case_id = cases.id and n.unit_id = ${v} and n.acknowledged_at is null) as open_notices
      from page
      join cases on cases.id = page.id
      join units u on u.id = cases.owning_unit_id
      -- Per row (offset 0 keeps it so): the child's id reaches every branch of the rule as an index condition.
      left join lateral (select children.id, children.given_name, children.family_name from children
        where children.id = cases.child_id and ${childRule} offset 0) children on true
      order by cases.updated_at desc, cases.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      pseudonym: r.pseudonym,
      ageBand: r.age_band,
      state: r.state,
      owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name },
      childName: r.child_name,
      myRoles: Array.isArray(r.my_roles)
        ? r.my_roles
        : typeof r.my_roles === 'string'
          ? r.my_roles.replace(/[{}]/g, '').split(',').filter(Boolean)
          : [],
      access: { level: r.level, ...LEVEL_REASON[r.level] },
      openNotices: Number(r.open_notices),
      updatedAt: iso(r.updated_at),
    }));
  }

  return {
    async list(filter: CaseListFilter = {}): Promise<CaseSummaryView[]> {
      const items = await summaries(filter);
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'case',
        purpose,
        outcome: 'allowed',
        details: { count: items.length, caseIds: items.map((i) => i.id), filtered: Boolean(filter.state || filter.mine || filter.q) },
      });
      return items;
    },

    async overview() {
      const awaiting = await summaries({ state: 'invantar_samtycke', ownOnly: true });
      const expiring = await queryPrepared<{ case_id: string; pseudonym: string; consent_id: string; valid_until: string }>(
        tx,
        sql`select cases.id as case_id, cases.pseudonym, k.id as consent_id, k.valid_until::text as valid_until
          from consents k join cases on cases.id = k.case_id
          where cases.owning_unit_id = ${actor.actingUnitId} and ${caseRule()} and cases.closed_at is null
            and k.active_from <= ${today}::date and ${today}::date <= k.active_until and k.valid_until <= ${addDays(today, 30)}::date
          order by k.valid_until`,
      );
      const notices = await queryPrepared<{
        id: string;
        case_id: string;
        pseudonym: string;
        unit_id: string;
        unit_name: string;
        created_at: Date | string;
      }>(
        tx,
        sql`select consent_notices.id, consent_notices.case_id, c.pseudonym, consent_notices.unit_id, u.name as unit_name, consent_notices.created_at
          from consent_notices join cases c on c.id = consent_notices.case_id join units u on u.id = consent_notices.unit_id
          where consent_notices.acknowledged_at is null and ${ruleCondition('consent_notices', actor, purpose, today)}
          order by consent_notices.created_at`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'case_overview',
        purpose,
        outcome: 'allowed',
        details: { awaiting: awaiting.length, expiring: expiring.length, notices: notices.length },
      });
      return {
        awaitingConsent: awaiting,
        expiringConsents: expiring.map((r) => ({ caseId: r.case_id, pseudonym: r.pseudonym, consentId: r.consent_id, validUntil: r.valid_until })),
        openNotices: notices.map((n) => ({
          id: n.id,
          caseId: n.case_id,
          pseudonym: n.pseudonym,
          unit: { id: n.unit_id, name: n.unit_name },
          createdAt: iso(n.created_at),
        })),
      };
    },

    get: (id: string) => readCase(tx, actor, purpose, today, childrenRepo, id),
  };
}

type CaseChild =
  | { visible: false; reasonSv: string; reasonEn: string }
  | {
      visible: true;
      id: string;
      givenName: string;
      familyName: string;
      birthDate: string;
      protectedIdentity: boolean;
      address: string | null;
      school: { id: string; name: string } | null;
      guardians: { id: string; name: string; custody: string; phone: string | null; email: string | null }[];
    };

interface CaseRow {
  id: string;
  owning_unit_id: string;
  owning_unit_name: string;
  child_id: string | null;
  pseudonym: string;
  age_band: string;
  description: string;
  closed_at: Date | string | null;
  closing_reason: string | null;
  closing_text: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** The case row if the actor may know it exists. Used by reads and writes alike. */
export async function loadVisibleCase(tx: Tx, actor: Actor, purpose: Purpose, today: string, id: string): Promise<CaseRow | null> {
  const [row] = await queryPrepared<CaseRow>(
    tx,
    sql`select cases.id, cases.owning_unit_id, u.name as owning_unit_name, cases.child_id, cases.pseudonym, cases.age_band, cases.description,
      cases.closed_at, cases.closing_reason, cases.closing_text, cases.version, cases.created_at, cases.updated_at
      from cases join units u on u.id = cases.owning_unit_id where cases.id = ${id} and ${ruleConditionForRow('cases', actor, purpose, today)}`,
  );
  return row ?? null;
}

export async function systemCaseExists(tx: Tx, id: string, _reason: string): Promise<boolean> {
  const rows = await queryPrepared(tx, sql`select 1 from cases where id = ${id}`);
  return rows.length > 0;
}

export function stateOf(row: Pick<CaseRow, 'closed_at' | 'child_id'>, evaluated: Evaluated[]): CaseState {
  if (row.closed_at) return 'avslutad';
  if (!row.child_id) return 'anonym';
  return evaluated.some((e) => e.evaluation.status === 'active') ? 'aktiv' : 'invantar_samtycke';
}

/** Loads the consents of a case, re-evaluated today with the domain rules (windows refreshed). */
export async function evaluatedConsents(tx: Tx, actor: Actor, purpose: Purpose, today: string, row: CaseRow): Promise<Evaluated[]> {
  if (!row.child_id) return [];
  const rows = await queryPrepared<ConsentRow>(
    tx,
    sql`select ${CONSENT_COLUMNS} from (select * from consents where consents.case_id = ${row.id} and ${ruleCondition('consents', actor, purpose, today)}) k order by k.created_at`,
  );
  const basis = await systemConsentBasis(tx, row.child_id, 'evaluate consent');
  if (!basis) return [];
  return evaluateAndRefresh(tx, rows, basis, today, await tenantConsentPolicy(tx));
}

async function readCase(tx: Tx, actor: Actor, purpose: Purpose, today: string, childrenRepo: ChildrenRepo, id: string) {
  const row = await loadVisibleCase(tx, actor, purpose, today, id);
  if (!row) {
    const exists = await systemCaseExists(tx, id, 'audit: tell denied from missing');
    await appendAudit(tx, actor, { action: 'read', resourceType: 'case', resourceId: id, purpose, outcome: exists ? 'denied' : 'not_found' });
    return null;
  }
  const v = actor.actingUnitId;
  const units = await loadUnits(tx);
  const unitName = (u: string) => units.get(u)?.name;
  const evaluated = await evaluatedConsents(tx, actor, purpose, today, row);
  const isOwner = row.owning_unit_id === v;
  const access = isOwner
    ? {
        level: 'owner' as const,
        consentId: null,
        reasonSv: `Du ser hela ärendet eftersom det ägs av ${row.owning_unit_name}, som du arbetar för.`,
        reasonEn: `You see the whole case because it is owned by ${row.owning_unit_name}, the unit you act for.`,
      }
    : accessReason(evaluated, row.owning_unit_id, v, today, unitName);

  // The child, through the children repository (its own rule and audit row).
  let child: CaseChild | null = null;
  let protectedIdentity = false;
  let guardianNames = new Map<string, string>();
  if (row.child_id) {
    const c: ChildView | null = await childrenRepo.get(row.child_id);
    if (c) {
      protectedIdentity = c.protectedIdentity;
      guardianNames = new Map(c.guardians.map((g) => [g.id, g.name]));
      child = {
        visible: true as const,
        id: c.id,
        givenName: c.givenName,
        familyName: c.familyName,
        birthDate: c.birthDate,
        protectedIdentity: c.protectedIdentity,
        address: c.address,
        school: c.schoolUnitId ? { id: c.schoolUnitId, name: c.schoolUnitName ?? '' } : null,
        guardians: c.guardians.map((g) => ({ id: g.id, name: g.name, custody: g.custody, phone: g.phone, email: g.email })),
      };
    } else child = { visible: false as const, reasonSv: access.reasonSv, reasonEn: access.reasonEn };
  }

  const rule = (t: string) => ruleCondition(t, actor, purpose, today);
  const signals = await readSignals(tx, sql`signals.case_id = ${row.id}`, rule('signals'));
  const hiddenSignals = await queryPrepared<{ id: string; owning_unit_id: string }>(
    tx,
    sql`select signals.id, signals.owning_unit_id from signals where signals.case_id = ${row.id} and not (${rule('signals')})`,
  );
  const roles = await queryPrepared<{
    id: string;
    user_id: string;
    name: string;
    unit_id: string;
    unit_name: string;
    role: string;
    assigned_at: Date | string;
  }>(
    tx,
    sql`select case_roles.id, case_roles.user_id, us.display_name as name, case_roles.unit_id, un.name as unit_name, case_roles.role, case_roles.assigned_at
      from case_roles join users us on us.id = case_roles.user_id join units un on un.id = case_roles.unit_id
      where case_roles.case_id = ${row.id} and case_roles.ended_at is null and ${rule('case_roles')}
      order by case_roles.assigned_at`,
  );
  const [{ n: allRoles } = { n: 0 }] = await queryPrepared<{ n: number | string }>(
    tx,
    sql`select count(*) as n from case_roles where case_id = ${row.id} and ended_at is null`,
  );
  const notices = await queryPrepared<{ id: string; consent_id: string; unit_id: string; kind: string; created_at: Date | string }>(
    tx,
    sql`select consent_notices.id, consent_notices.consent_id, consent_notices.unit_id, consent_notices.kind, consent_notices.created_at from consent_notices
      where consent_notices.case_id = ${row.id} and consent_notices.unit_id = ${v} and consent_notices.acknowledged_at is null and ${rule('consent_notices')}`,
  );

  const state = stateOf(row, evaluated);
  const individual = mayWriteChildren(actor);
  const open = state !== 'avslutad';
  const consents: ConsentView[] = evaluated.map((e) => consentView(e, { unitName, guardianNames, today }));

  await appendAudit(tx, actor, {
    action: 'read',
    resourceType: 'case',
    resourceId: row.id,
    subjectChildId: row.child_id,
    purpose,
    consentId: access.consentId,
    outcome: 'allowed',
    protectedIdentity,
    details: { level: access.level, hiddenSignals: hiddenSignals.length },
  });

  return {
    id: row.id,
    pseudonym: row.pseudonym,
    ageBand: row.age_band,
    state,
    description: row.description,
    owningUnit: { id: row.owning_unit_id, name: row.owning_unit_name },
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    closing: row.closed_at ? { reason: row.closing_reason!, text: row.closing_text, closedAt: iso(row.closed_at) } : null,
    child,
    access: {
      ...access,
      abilities: {
        edit: isOwner && individual && open,
        linkChild: isOwner && individual && open && !row.child_id,
        recordConsent: isOwner && individual && open && Boolean(row.child_id),
        assignRoles: isOwner && individual && open,
        close: isOwner && individual && open,
        reopen: isOwner && individual && !open,
        addEvent: individual && open,
      },
    },
    helpers: roles.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      unit: { id: r.unit_id, name: r.unit_name },
      role: r.role,
      assignedAt: iso(r.assigned_at),
    })),
    hiddenHelpers: Number(allRoles) - roles.length,
    signals: [
      ...signals,
      ...hiddenSignals.map((h) => ({
        id: h.id,
        hidden: true as const,
        owningUnit: { id: h.owning_unit_id, name: unitName(h.owning_unit_id) ?? '' },
        reasonSv: `Signalen från ${unitName(h.owning_unit_id) ?? 'en annan verksamhet'} visas inte: inget gällande samtycke omfattar den för din verksamhet.`,
        reasonEn: `The signal from ${unitName(h.owning_unit_id) ?? 'another unit'} is not shown: no consent in force covers it for your unit.`,
      })),
    ],
    consents,
    openNotices: notices.map((n) => ({
      id: n.id,
      consentId: n.consent_id,
      unit: { id: n.unit_id, name: unitName(n.unit_id) ?? '' },
      kind: n.kind,
      createdAt: iso(n.created_at),
    })),
  };
}

export type CaseView = NonNullable<Awaited<ReturnType<typeof readCase>>>;

interface SignalRow {
  id: string;
  owning_unit_id: string;
  owning_unit_name: string;
  recipient_unit_id: string;
  recipient_unit_name: string;
  raised_by_name: string;
  child_id: string | null;
  child_name: string | null;
  case_id: string | null;
  category: string;
  noticed: string;
  signal_kinds: string[] | string;
  risk_factors: string | null;
  protective_factors: string | null;
  actions_taken: string | null;
  urgency: string;
  report_of_concern: string;
  created_at: Date | string;
}

/** Signals matching `where` that the signals rule lets through, with the child's name as the raiser wrote it. */
export async function readSignals(tx: Tx, where: SQL, signalRule: SQL) {
  const rows = await queryPrepared<SignalRow>(
    tx,
    sql`select signals.id, signals.owning_unit_id, ou.name as owning_unit_name, signals.recipient_unit_id, ru.name as recipient_unit_name,
      us.display_name as raised_by_name, signals.child_id, signals.child_name,
      signals.case_id, signals.category, signals.noticed, signals.signal_kinds, signals.risk_factors, signals.protective_factors, signals.actions_taken,
      signals.urgency, signals.report_of_concern, signals.created_at
      from signals join units ou on ou.id = signals.owning_unit_id join units ru on ru.id = signals.recipient_unit_id join users us on us.id = signals.raised_by
      where ${where} and ${signalRule} order by signals.created_at desc limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    hidden: false as const,
    owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name },
    recipientUnit: { id: r.recipient_unit_id, name: r.recipient_unit_name },
    raisedByName: r.raised_by_name,
    child: r.child_id && r.child_name ? { id: r.child_id, name: r.child_name } : null,
    caseId: r.case_id,
    category: r.category,
    noticed: r.noticed,
    signalKinds: Array.isArray(r.signal_kinds) ? r.signal_kinds : r.signal_kinds.replace(/[{}"]/g, '').split(',').filter(Boolean),
    riskFactors: r.risk_factors,
    protectiveFactors: r.protective_factors,
    actionsTaken: r.actions_taken,
    urgency: r.urgency,
    reportOfConcern: r.report_of_concern,
    createdAt: iso(r.created_at),
  }));
}
