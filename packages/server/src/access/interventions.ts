import { sql } from 'drizzle-orm';
import {
  activeAreas,
  caseFigures,
  checkTransition,
  DEFAULT_HANDOVER_ANSWER_WORKING_DAYS,
  DEFAULT_START_WITHIN_DAYS,
  END_REASON_LABELS,
  handoverAnswerBy,
  interventionWarnings,
  INTERVENTION_TYPE_LABELS,
  INTERVENTION_TYPES,
  MAX_HANDOVER_MESSAGE_LENGTH,
  NEXT_STATUS,
  type CaseFigures,
  type EndReason,
  type InterventionAction,
  type InterventionStatus,
  type InterventionType,
  type InterventionWarning,
  type PlanContent,
  type WarningPlanAction,
} from '@samsyn/domain';
import { queryRows, textArray, type Db, type Tx } from '../db/driver.ts';
import { toSwedishDate } from '@samsyn/domain';
import { withTenantTx } from './tenant-tx.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { iso, loadUnits, loadVisibleCase } from './cases.read.ts';
import { parse } from './consent-ledger.ts';
import { AccessFailure, invalid } from './failure.ts';
import { activeConsentSql, handoverMessageVisibleSql, ruleCondition } from './rules.ts';
import { notify } from './notifications.ts';
import { currentWheel } from './wheel.ts';

export const CONSENT_CATEGORIES = ['skolsituation', 'halsa', 'familj_och_hem', 'fritid', 'insatser', 'bedomningar_och_planer'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
const CATEGORY_LABELS: Record<ConsentCategory, string> = {
  skolsituation: 'skolsituation',
  halsa: 'hälsa',
  familj_och_hem: 'familj och hem',
  fritid: 'fritid',
  insatser: 'insatser',
  bedomningar_och_planer: 'bedömningar och planer',
};

export interface InterventionPolicy {
  handoverAnswerWorkingDays: number;
  startWithinDays: number;
}

/** The tenant's deadlines: answer a hand-over in N working days (default 3), start within N days (default 14). */
export async function tenantInterventionPolicy(tx: Tx): Promise<InterventionPolicy> {
  const [row] = await queryRows<{ answer: number | string | null; start: number | string | null }>(
    tx,
    sql`select (settings->>'handoverAnswerWorkingDays')::int as answer, (settings->>'startWithinDays')::int as start from tenants where id = current_tenant()`,
  );
  const num = (v: number | string | null | undefined, d: number) => (v === null || v === undefined ? d : Number(v));
  return {
    handoverAnswerWorkingDays: num(row?.answer, DEFAULT_HANDOVER_ANSWER_WORKING_DAYS),
    startWithinDays: num(row?.start, DEFAULT_START_WITHIN_DAYS),
  };
}

export const MAX_HANDOVER_ANSWER_WORKING_DAYS = 20;
export const MAX_START_WITHIN_DAYS = 90;

/** Sets the tenant's hand-over deadlines; a value out of range changes nothing. Audited. */
export async function setTenantInterventionPolicy(tx: Tx, actor: Actor, policy: InterventionPolicy): Promise<InterventionPolicy> {
  if (
    !Number.isInteger(policy.handoverAnswerWorkingDays) ||
    policy.handoverAnswerWorkingDays < 1 ||
    policy.handoverAnswerWorkingDays > MAX_HANDOVER_ANSWER_WORKING_DAYS
  )
    throw invalid(
      'handoverAnswerWorkingDays',
      `Ange ett helt antal arbetsdagar mellan 1 och ${MAX_HANDOVER_ANSWER_WORKING_DAYS}.`,
      `Enter a whole number of working days between 1 and ${MAX_HANDOVER_ANSWER_WORKING_DAYS}.`,
    );
  if (!Number.isInteger(policy.startWithinDays) || policy.startWithinDays < 1 || policy.startWithinDays > MAX_START_WITHIN_DAYS)
    throw invalid(
      'startWithinDays',
      `Ange ett helt antal dagar mellan 1 och ${MAX_START_WITHIN_DAYS}.`,
      `Enter a whole number of days between 1 and ${MAX_START_WITHIN_DAYS}.`,
    );
  const before = await tenantInterventionPolicy(tx);
  await tx.execute(
    sql`update tenants set settings = coalesce(settings, '{}'::jsonb) || ${JSON.stringify(policy)}::jsonb where id = current_tenant()`,
  );
  await appendAudit(tx, actor, {
    action: 'update',
    resourceType: 'intervention_policy',
    purpose: 'administration',
    outcome: 'allowed',
    details: { before, after: policy },
  });
  return tenantInterventionPolicy(tx);
}

interface Row {
  id: string;
  case_id: string;
  owning_unit_id: string;
  provider_unit_id: string;
  support_offer_id: string | null;
  name: string;
  type: InterventionType;
  area_keys: string[] | string;
  source: 'decision' | 'plan_action' | 'direct';
  source_decision_id: string | null;
  source_plan_id: string | null;
  source_action_key: string | null;
  status: InterventionStatus;
  proposed_on: string;
  accepted_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  end_reason: EndReason | null;
  end_note: string | null;
  version: number;
  updated_at: Date | string;
  proposed_by_name: string;
  h_id: string | null;
  h_status: 'requested' | 'accepted' | 'declined' | 'revoked' | null;
  h_requested_on: string | null;
  h_answer_by: string | null;
  h_answered_on: string | null;
  h_decline_reason: string | null;
  h_revoked_on: string | null;
  h_revoke_reason: string | null;
  h_categories: string[] | string | null;
  h_message: string | null;
  h_message_visible: boolean | null;
}

export interface HandoverView {
  id: string;
  status: 'requested' | 'accepted' | 'declined' | 'revoked';
  requestedOn: string;
  answerBy: string;
  answeredOn: string | null;
  declineReason: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  categories: string[];
  /** What the hand-over carries; null when the reader's consent does not (or no longer) cover it. */
  message: string | null;
  messageHidden: boolean;
  overdue: boolean;
}

export interface InterventionView {
  id: string;
  caseId: string;
  name: string;
  type: InterventionType;
  typeLabel: string;
  areaKeys: string[];
  sender: { id: string; name: string };
  provider: { id: string; name: string };
  supportOfferId: string | null;
  source: 'decision' | 'plan_action' | 'direct';
  sourceDecisionId: string | null;
  sourcePlanId: string | null;
  sourceActionKey: string | null;
  status: InterventionStatus;
  proposedOn: string;
  proposedByName: string;
  acceptedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  endReasonLabel: string | null;
  endNote: string | null;
  version: number;
  updatedAt: string;
  handover: HandoverView | null;
  /** The steps the reader's unit may take now. */
  mayDo: InterventionAction[];
}

export interface ProposeInput {
  name?: string | null;
  type: InterventionType;
  areaKeys: string[];
  providerUnitId: string;
  supportOfferId?: string | null;
  decisionId?: string | null;
  plan?: { planId: string; actionKey: string } | null;
}

/**
 * Recomputes the case's stored figures from dates and codes only. Runs inside the step's
 * transaction, reading the case's own rows without the reader's rule: it writes numbers,
 * never text, and they are read back under the case_figures rule.
 */
export async function refreshCaseFigures(tx: Tx, tenantId: string, today: string, caseId: string): Promise<void> {
  const [c] = await queryRows<{ owning_unit_id: string; signal_on: string }>(
    tx,
    sql`select cases.owning_unit_id, coalesce((select min((s.created_at at time zone 'Europe/Stockholm')::date) from signals s where s.case_id = cases.id),
        (cases.created_at at time zone 'Europe/Stockholm')::date)::text as signal_on from cases where cases.id = ${caseId}`,
  );
  if (!c) return;
  const ivs = await queryRows<{
    status: InterventionStatus;
    accepted_on: string | null;
    started_on: string | null;
    end_reason: EndReason | null;
    handed: boolean;
  }>(
    tx,
    sql`select i.status, i.accepted_on::text as accepted_on, i.started_on::text as started_on, i.end_reason,
      exists (select 1 from handovers hh where hh.intervention_id = i.id) as handed from interventions i where i.case_id = ${caseId}`,
  );
  const fb = await queryRows<{ due: string; done: string | null }>(
    tx,
    sql`select due_date::text as due, done_on::text as done from feedback_tasks where case_id = ${caseId}`,
  );
  const f = caseFigures({
    signalOn: c.signal_on,
    today,
    interventions: ivs.map((i) => ({
      status: i.status,
      acceptedOn: i.accepted_on,
      handedOver: Boolean(i.handed),
      startedOn: i.started_on,
      endReason: i.end_reason,
    })),
    feedback: fb.map((x) => ({ dueOn: x.due, doneOn: x.done })),
  });
  await tx.execute(sql`insert into case_figures (case_id, tenant_id, owning_unit_id, signal_on, first_accepted_handover_on, days_to_first_accepted_handover,
      first_started_on, days_to_first_started, feedback_on_time, feedback_late, feedback_pending, end_reasons, computed_on)
    values (${caseId}, ${tenantId}, ${c.owning_unit_id}, ${f.signalOn}::date, ${f.firstAcceptedHandoverOn}::date, ${f.daysToFirstAcceptedHandover},
      ${f.firstStartedOn}::date, ${f.daysToFirstStarted}, ${f.feedbackOnTime}, ${f.feedbackLate}, ${f.feedbackPending}, ${JSON.stringify(f.endReasons)}::jsonb, ${today}::date)
    on conflict (case_id) do update set owning_unit_id = excluded.owning_unit_id, signal_on = excluded.signal_on,
      first_accepted_handover_on = excluded.first_accepted_handover_on, days_to_first_accepted_handover = excluded.days_to_first_accepted_handover,
      first_started_on = excluded.first_started_on, days_to_first_started = excluded.days_to_first_started, feedback_on_time = excluded.feedback_on_time,
      feedback_late = excluded.feedback_late, feedback_pending = excluded.feedback_pending, end_reasons = excluded.end_reasons,
      computed_on = excluded.computed_on, updated_at = now()`);
}

/**
 * The daily refresh of stored figures whose inputs changed with the calendar alone: a feedback
 * task that passed its due date while still open becomes "late" without any write. Only cases
 * with such a task and figures computed before today are touched.
 */
export async function refreshDueCaseFigures(db: Db, now: Date): Promise<number> {
  const today = toSwedishDate(now);
  const tenants = await queryRows<{ tenant_id: string }>(db, sql`select tenant_id from audit_tenants()`);
  let refreshed = 0;
  for (const { tenant_id } of tenants)
    refreshed += await withTenantTx(db, tenant_id, async (tx) => {
      const cases = await queryRows<{ case_id: string }>(
        tx,
        sql`select distinct f.case_id from feedback_tasks f left join case_figures cf on cf.case_id = f.case_id
          where f.status = 'open' and f.due_date < ${today}::date and (cf.computed_on is null or cf.computed_on < ${today}::date)`,
      );
      for (const c of cases) await refreshCaseFigures(tx, tenant_id, today, c.case_id);
      if (cases.length > 0)
        await appendAudit(
          tx,
          { tenantId: tenant_id },
          { action: 'system_refresh_case_figures', resourceType: 'case_figures', outcome: 'allowed', details: { cases: cases.length, on: today } },
        );
      return cases.length;
    });
  return refreshed;
}

/** A notification title fits its 200 characters. */
const short = (t: string) => (t.length <= 200 ? t : `${t.slice(0, 199)}…`);

/** Keys of a plan's actions: the action's id, or area:index. */
export const actionKey = (areaKey: string, index: number, id?: string) => id ?? `${areaKey}:${index}`;

/**
 * Case interventions and warm hand-overs (issue 6 §3–6), behind the access rules for
 * interventions, handovers and case_figures. Every step is dated, checked by the domain's
 * lifecycle, written to the case chronology in the same transaction, audited, and recomputes
 * the case's stored figures.
 */
export function interventionsRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  const V = actor.actingUnitId;
  const columns = sql`interventions.id, interventions.case_id, interventions.owning_unit_id, interventions.provider_unit_id, interventions.support_offer_id,
    interventions.name, interventions.type, interventions.area_keys, interventions.source, interventions.source_decision_id, interventions.source_plan_id,
    interventions.source_action_key, interventions.status, interventions.proposed_on::text as proposed_on, interventions.accepted_on::text as accepted_on,
    interventions.started_on::text as started_on, interventions.ended_on::text as ended_on, interventions.end_reason, interventions.end_note,
    interventions.version, interventions.updated_at, pu.display_name as proposed_by_name,
    h.id as h_id, h.status as h_status, h.requested_on::text as h_requested_on, h.answer_by::text as h_answer_by, h.answered_on::text as h_answered_on,
    h.decline_reason as h_decline_reason, h.revoked_on::text as h_revoked_on, h.revoke_reason as h_revoke_reason, h.categories as h_categories,
    case when ${handoverMessageVisibleSql(actor, today, 'h')} then h.message end as h_message,
    ${handoverMessageVisibleSql(actor, today, 'h')} as h_message_visible`;
  // The hand-over joins under its own rule: a reader who may see the intervention but not the
  // hand-over sees no hand-over at all.
  const from = sql`interventions join users pu on pu.id = interventions.proposed_by
    left join handovers h on h.intervention_id = interventions.id
      and (h.from_unit_id = ${V} or h.to_unit_id = ${V} or ${activeConsentSql(actor, today, sql`h.case_id`, sql`h.from_unit_id`, sql`'insatser'`)})`;

  function mayDo(r: Row): InterventionAction[] {
    const own = r.owning_unit_id === r.provider_unit_id;
    const out: InterventionAction[] = [];
    if (r.owning_unit_id === V) {
      if (r.status === 'proposed' && !own) out.push('request');
      if (r.status === 'requested' || r.status === 'accepted') out.push('revoke');
      if (own && r.status === 'proposed') out.push('start');
    }
    if (r.provider_unit_id === V) {
      if (r.status === 'requested') out.push('accept', 'decline');
      if (r.status === 'accepted') out.push('start');
      if (r.status === 'started') out.push('end');
    }
    return [...new Set(out)];
  }

  function toView(r: Row, units: Map<string, { name: string }>): InterventionView {
    const name = (id: string) => units.get(id)?.name ?? 'Okänd verksamhet';
    return {
      id: r.id,
      caseId: r.case_id,
      name: r.name,
      type: r.type,
      typeLabel: INTERVENTION_TYPE_LABELS[r.type]?.sv ?? r.type,
      areaKeys: textArray(r.area_keys),
      sender: { id: r.owning_unit_id, name: name(r.owning_unit_id) },
      provider: { id: r.provider_unit_id, name: name(r.provider_unit_id) },
      supportOfferId: r.support_offer_id,
      source: r.source,
      sourceDecisionId: r.source_decision_id,
      sourcePlanId: r.source_plan_id,
      sourceActionKey: r.source_action_key,
      status: r.status,
      proposedOn: r.proposed_on,
      proposedByName: r.proposed_by_name,
      acceptedOn: r.accepted_on,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      endReason: r.end_reason,
      endReasonLabel: r.end_reason ? END_REASON_LABELS[r.end_reason].sv : null,
      endNote: r.end_note,
      version: Number(r.version),
      updatedAt: iso(r.updated_at),
      handover:
        r.h_id && r.h_status && r.h_requested_on && r.h_answer_by
          ? {
              id: r.h_id,
              status: r.h_status,
              requestedOn: r.h_requested_on,
              answerBy: r.h_answer_by,
              answeredOn: r.h_answered_on,
              declineReason: r.h_decline_reason,
              revokedOn: r.h_revoked_on,
              revokeReason: r.h_revoke_reason,
              categories: textArray(r.h_categories),
              message: r.h_message_visible ? r.h_message : null,
              messageHidden: !r.h_message_visible,
              overdue: r.h_status === 'requested' && today > r.h_answer_by,
            }
          : null,
      mayDo: mayDo(r),
    };
  }

  async function rows(where: ReturnType<typeof sql>): Promise<Row[]> {
    return queryRows<Row>(
      tx,
      sql`select ${columns} from ${from} where ${where} and ${ruleCondition('interventions', actor, purpose, today)}
        order by interventions.proposed_on, interventions.updated_at`,
    );
  }

  async function one(id: string, lock = false): Promise<Row> {
    if (lock) await tx.execute(sql`select 1 from interventions where id = ${id} for update`);
    const [r] = await rows(sql`interventions.id = ${id}`);
    if (!r) throw new AccessFailure('not_found');
    return r;
  }

  async function caseFor(caseId: string) {
    const c = await loadVisibleCase(tx, actor, purpose, today, caseId);
    if (!c) throw new AccessFailure('not_found');
    return c;
  }

  /** V works with the case for insatser: it owns it, or an active consent covers V and the owner for insatser. */
  async function worksWithCase(caseId: string, ownerUnitId: string): Promise<boolean> {
    if (ownerUnitId === V) return true;
    const [hit] = await queryRows(
      tx,
      sql`select 1 where ${activeConsentSql(actor, today, sql`${caseId}::uuid`, sql`${ownerUnitId}::uuid`, sql`'insatser'`)}`,
    );
    return Boolean(hit);
  }

  async function chronicle(caseId: string, kind: string, text: string, details: Record<string, unknown>, on = today) {
    await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
      values (${newId()}, ${actor.tenantId}, ${caseId}, ${V}, ${actor.userId}, ${kind}, 'insatser', false, ${on}::date, ${text}, ${JSON.stringify(details)}::jsonb)`);
  }

  async function audit(action: string, r: { id: string; case_id: string }, childId: string | null, details: Record<string, unknown> = {}) {
    await appendAudit(tx, actor, {
      action,
      resourceType: 'intervention',
      resourceId: r.id,
      subjectChildId: childId,
      purpose,
      outcome: 'allowed',
      details: { caseId: r.case_id, ...details },
    });
  }

  /** Current plan actions of the case (adopted version, else the latest draft), read without text filtering: used only for warnings. */
  async function planActions(caseId: string): Promise<WarningPlanAction[]> {
    const versions = await queryRows<{ plan_id: string; status: string; content: PlanContent | string; number: number }>(
      tx,
      sql`select pv.plan_id, pv.status, pv.content, pv.number from plan_versions pv join plans on plans.id = pv.plan_id
        where plans.case_id = ${caseId} and pv.status in ('adopted', 'draft') and ${ruleCondition('plans', actor, purpose, today)}
        order by pv.plan_id, pv.number`,
    );
    const byPlan = new Map<string, { status: string; content: PlanContent }>();
    for (const v of versions) {
      const prev = byPlan.get(v.plan_id);
      if (!prev || prev.status !== 'adopted' || v.status === 'adopted') byPlan.set(v.plan_id, { status: v.status, content: parse(v.content) });
    }
    const out: WarningPlanAction[] = [];
    for (const [planId, v] of byPlan)
      for (const section of v.content.areas)
        section.actions.forEach((a, i) =>
          out.push({
            planId,
            actionKey: actionKey(section.areaKey, i, a.id),
            areaKey: section.areaKey,
            what: a.what,
            ownerUnitId: a.ownerUnitId,
            ownerUserId: a.ownerUserId,
          }),
        );
    return out;
  }

  async function warningsFor(caseId: string, views: InterventionView[]): Promise<InterventionWarning[]> {
    const [policy, units, wheel, actions] = await Promise.all([
      tenantInterventionPolicy(tx),
      loadUnits(tx),
      currentWheel(tx, actor.tenantId),
      planActions(caseId),
    ]);
    const linked = await queryRows<{ k: string }>(
      tx,
      sql`select source_plan_id || '|' || source_action_key as k from interventions where case_id = ${caseId} and source = 'plan_action'
        and status not in ('declined', 'revoked')`,
    );
    return interventionWarnings({
      today,
      interventions: views.map((v) => ({
        id: v.id,
        name: v.name,
        type: v.type,
        areaKeys: v.areaKeys,
        status: v.status,
        senderUnitId: v.sender.id,
        providerUnitId: v.provider.id,
        answerBy: v.handover?.answerBy ?? null,
        acceptedOn: v.acceptedOn,
      })),
      planActions: actions,
      linkedPlanActions: new Set(linked.map((l) => l.k)),
      startWithinDays: policy.startWithinDays,
      unitName: (id) => units.get(id)?.name ?? 'okänd verksamhet',
      areaLabel: (key) => wheel.areas.find((a) => a.key === key)?.labelSv ?? key,
    });
  }

  const refreshFigures = (caseId: string) => refreshCaseFigures(tx, actor.tenantId, today, caseId);

  async function figures(caseId: string): Promise<(CaseFigures & { computedOn: string }) | null> {
    const [r] = await queryRows<{
      signal_on: string;
      first_accepted_handover_on: string | null;
      days_to_first_accepted_handover: number | null;
      first_started_on: string | null;
      days_to_first_started: number | null;
      feedback_on_time: number;
      feedback_late: number;
      feedback_pending: number;
      end_reasons: Record<EndReason, number> | string;
      computed_on: string;
    }>(
      tx,
      sql`select signal_on::text as signal_on, first_accepted_handover_on::text as first_accepted_handover_on, days_to_first_accepted_handover,
        first_started_on::text as first_started_on, days_to_first_started, feedback_on_time, feedback_late, feedback_pending, end_reasons, computed_on::text as computed_on
        from case_figures where case_figures.case_id = ${caseId} and ${ruleCondition('case_figures', actor, purpose, today)}`,
    );
    if (!r) return null;
    const n = (v: number | null) => (v === null ? null : Number(v));
    return {
      signalOn: r.signal_on,
      firstAcceptedHandoverOn: r.first_accepted_handover_on,
      daysToFirstAcceptedHandover: n(r.days_to_first_accepted_handover),
      firstStartedOn: r.first_started_on,
      daysToFirstStarted: n(r.days_to_first_started),
      feedbackOnTime: Number(r.feedback_on_time),
      feedbackLate: Number(r.feedback_late),
      feedbackPending: Number(r.feedback_pending),
      endReasons: parse(r.end_reasons),
      computedOn: r.computed_on,
    };
  }

  async function step(
    id: string,
    action: InterventionAction,
    input: { on?: string | null; reason?: string | null; endReason?: EndReason | null; version?: number },
  ): Promise<InterventionView> {
    const r = await one(id, true);
    const c = await caseFor(r.case_id);
    if (input.version !== undefined && Number(r.version) !== input.version)
      throw new AccessFailure('conflict', [
        {
          field: 'version',
          message: 'Någon annan har just ändrat insatsen. Läs in sidan igen.',
          messageEn: 'Someone else has just changed the intervention. Reload the page.',
        },
      ]);
    // Who may take the step: the sender requests and revokes; the receiving unit answers, starts
    // and ends. Anyone else gets "not found" (the rule may let them read, not act).
    const allowed = mayDo(r);
    if (!allowed.includes(action)) {
      const sender = r.owning_unit_id === V;
      const provider = r.provider_unit_id === V;
      if (!sender && !provider) throw new AccessFailure('not_found');
    }
    if (c.closed_at && action !== 'end' && action !== 'revoke') throw invalid('status', 'Ärendet är avslutat.', 'The case is closed.');
    const errors = checkTransition(
      {
        status: r.status,
        senderUnitId: r.owning_unit_id,
        providerUnitId: r.provider_unit_id,
        proposedOn: r.proposed_on,
        acceptedOn: r.accepted_on,
        startedOn: r.started_on,
      },
      action,
      { today, on: input.on, reason: input.reason, endReason: input.endReason },
    );
    if (errors.length > 0) throw new AccessFailure('validation', errors);
    if (!allowed.includes(action))
      throw invalid(
        'status',
        action === 'accept' || action === 'decline' || action === 'start' || action === 'end'
          ? 'Det är den mottagande verksamheten som gör det här steget.'
          : 'Det är den verksamhet som föreslog insatsen som gör det här steget.',
        action === 'accept' || action === 'decline' || action === 'start' || action === 'end'
          ? 'The receiving unit takes this step.'
          : 'The unit that proposed the intervention takes this step.',
      );
    if (action === 'accept') {
      // Taking over needs the family's consent still in force for both units.
      const [ok] = await queryRows(
        tx,
        sql`select 1 where ${activeConsentSql(actor, today, sql`${r.case_id}::uuid`, sql`${r.owning_unit_id}::uuid`, sql`'insatser'`)}`,
      );
      if (!ok)
        throw invalid(
          'status',
          'Samtycket omfattar inte längre er verksamhet för insatser, så överlämningen kan inte tas emot. Avsändaren behöver återkalla den eller be familjen om nytt samtycke.',
          'The consent no longer covers your unit for interventions, so the hand-over cannot be accepted.',
        );
    }
    const units = await loadUnits(tx);
    const providerName = units.get(r.provider_unit_id)?.name ?? '';
    const reason = input.reason?.trim() || null;
    const on = input.on ?? today;
    const next = NEXT_STATUS[action];
    let text = '';
    if (action === 'accept') {
      await tx.execute(
        sql`update handovers set status = 'accepted', answered_on = ${today}::date, answered_by = ${actor.userId} where intervention_id = ${id}`,
      );
      await tx.execute(sql`update interventions set accepted_on = ${today}::date where id = ${id}`);
      text = `${providerName} tog emot överlämningen av ”${r.name}”.`;
    } else if (action === 'decline') {
      await tx.execute(sql`update handovers set status = 'declined', answered_on = ${today}::date, answered_by = ${actor.userId}, decline_reason = ${reason}
        where intervention_id = ${id}`);
      text = `${providerName} avböjde överlämningen av ”${r.name}”. Skäl: ${reason}`;
    } else if (action === 'revoke') {
      await tx.execute(
        sql`update handovers set status = 'revoked', revoked_on = ${today}::date, revoke_reason = ${reason} where intervention_id = ${id}`,
      );
      text = `Överlämningen av ”${r.name}” till ${providerName} återkallades.${reason ? ` Skäl: ${reason}` : ''}`;
    } else if (action === 'start') {
      await tx.execute(sql`update interventions set started_on = ${on}::date where id = ${id}`);
      text = `”${r.name}” hos ${providerName} startade.`;
    } else if (action === 'end') {
      const endReason = input.endReason!;
      await tx.execute(
        sql`update interventions set status = 'ended', ended_on = ${on}::date, end_reason = ${endReason}, end_note = ${reason} where id = ${id}`,
      );
      text = `”${r.name}” hos ${providerName} avslutades: ${END_REASON_LABELS[endReason].sv.toLowerCase()}.${reason ? ` ${reason}` : ''}`;
    }
    await tx.execute(
      sql`update interventions set status = ${next}, version = version + 1, updated_by = ${actor.userId}, updated_at = now() where id = ${id}`,
    );
    await chronicle(
      r.case_id,
      `intervention_${next}`,
      text,
      { interventionId: id, status: next },
      action === 'start' || action === 'end' ? on : today,
    );
    await refreshFigures(r.case_id);
    if (action === 'accept' || action === 'decline') {
      const [h] = await queryRows<{ requested_by: string }>(tx, sql`select requested_by from handovers where intervention_id = ${id}`);
      if (h)
        await notify(tx, actor, {
          userIds: [h.requested_by],
          kind: 'handover_answered',
          titleSv: short(`${providerName} har ${action === 'accept' ? 'tagit emot' : 'avböjt'} överlämningen av ”${r.name}”`),
          titleEn: short(`${providerName} has ${action === 'accept' ? 'accepted' : 'declined'} the hand-over of “${r.name}”`),
          link: `/arenden/${r.case_id}?flik=insatser`,
          dedupeKey: `handover_answered:${id}`,
        });
    }
    await audit(action, r, c.child_id, { status: next });
    return toView(await one(id), units);
  }

  return {
    async list(caseId: string) {
      const c = await caseFor(caseId);
      const units = await loadUnits(tx);
      const views = (await rows(sql`interventions.case_id = ${caseId}`)).map((r) => toView(r, units));
      const warnings = await warningsFor(caseId, views);
      const fig = await figures(caseId);
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'intervention',
        resourceId: caseId,
        subjectChildId: c.child_id,
        purpose,
        outcome: 'allowed',
        details: { count: views.length },
      });
      return {
        items: views,
        warnings,
        figures: fig,
        mayPropose: !c.closed_at && (await worksWithCase(caseId, c.owning_unit_id)),
      };
    },

    async propose(caseId: string, input: ProposeInput): Promise<InterventionView> {
      const c = await caseFor(caseId);
      if (!(await worksWithCase(caseId, c.owning_unit_id))) throw new AccessFailure('not_found');
      if (c.closed_at) throw invalid('name', 'Ärendet är avslutat.', 'The case is closed.');
      const units = await loadUnits(tx);
      const provider = units.get(input.providerUnitId);
      if (!provider) throw invalid('providerUnitId', 'Verksamheten finns inte i er organisation.', 'The unit does not exist in your organisation.');
      if (!provider.active)
        throw invalid('providerUnitId', `${provider.name} är inte längre aktiv. Välj en annan verksamhet.`, `${provider.name} is deactivated.`);
      if (!INTERVENTION_TYPES.includes(input.type)) throw invalid('type', 'Välj vad för slags stöd det är.', 'Choose the kind of support.');
      const wheel = await currentWheel(tx, actor.tenantId);
      const active = new Set(activeAreas(wheel.areas).map((a) => a.key));
      const badArea = input.areaKeys.find((k) => !active.has(k));
      if (badArea !== undefined) throw invalid('areaKeys', 'Välj områden ur välbefinnandehjulet.', 'Choose areas from the wellbeing wheel.');
      let name = input.name?.trim() ?? '';
      if (input.supportOfferId) {
        const [o] = await queryRows<{ name: string; unit_id: string; active: boolean }>(
          tx,
          sql`select name, unit_id, active from support_offers where id = ${input.supportOfferId}`,
        );
        if (!o?.active) throw invalid('supportOfferId', 'Insatsen finns inte i katalogen.', 'The support is not in the directory.');
        if (o.unit_id !== input.providerUnitId)
          throw invalid('supportOfferId', `Insatsen ges av en annan verksamhet än ${provider.name}.`, 'The support is given by another unit.');
        if (!name) name = o.name;
      }
      if (!name) throw invalid('name', 'Skriv vad insatsen heter.', 'Name the intervention.');
      if (name.length > 200) throw invalid('name', 'Skriv högst 200 tecken.', 'Write at most 200 characters.');
      let source: 'decision' | 'plan_action' | 'direct' = 'direct';
      if (input.decisionId && input.plan)
        throw invalid('decisionId', 'Välj antingen ett beslut eller en åtgärd i planen.', 'Choose a decision or a plan action, not both.');
      if (input.decisionId) {
        const [d] = await queryRows(
          tx,
          sql`select 1 from decisions join agenda_items ai on ai.id = decisions.agenda_item_id
            where decisions.id = ${input.decisionId} and ai.case_id = ${caseId} and ${ruleCondition('decisions', actor, purpose, today)}`,
        );
        if (!d)
          throw invalid('decisionId', 'Beslutet finns inte bland ärendets beslut från teammöten.', 'The decision is not among the case’s decisions.');
        source = 'decision';
      }
      if (input.plan) {
        const actions = await planActions(caseId);
        if (!actions.some((a) => a.planId === input.plan!.planId && a.actionKey === input.plan!.actionKey))
          throw invalid('plan', 'Åtgärden finns inte i ärendets plan.', 'The action is not in the case’s plan.');
        source = 'plan_action';
      }
      const id = newId();
      await tx.execute(sql`insert into interventions (id, tenant_id, case_id, owning_unit_id, provider_unit_id, support_offer_id, name, type, area_keys, source,
          source_decision_id, source_plan_id, source_action_key, status, proposed_on, proposed_by, updated_by)
        values (${id}, ${actor.tenantId}, ${caseId}, ${V}, ${input.providerUnitId}, ${input.supportOfferId ?? null}, ${name}, ${input.type},
          array[${sql.join(
            input.areaKeys.map((k) => sql`${k}`),
            sql`, `,
          )}]::text[], ${source}, ${input.decisionId ?? null}, ${input.plan?.planId ?? null}, ${input.plan?.actionKey ?? null}, 'proposed', ${today}::date,
          ${actor.userId}, ${actor.userId})`);
      const origin = source === 'decision' ? ' utifrån ett beslut på teammötet' : source === 'plan_action' ? ' utifrån en åtgärd i planen' : '';
      await chronicle(caseId, 'intervention_proposed', `Insats föreslagen${origin}: ”${name}” hos ${provider.name}.`, { interventionId: id });
      await refreshFigures(caseId);
      await audit('create', { id, case_id: caseId }, c.child_id, { providerUnitId: input.providerUnitId, source });
      return toView(await one(id), units);
    },

    /** Requests the hand-over: only what an active consent covers for the receiving unit may be sent. */
    async requestHandover(id: string, input: { message: string; categories: string[]; version?: number }): Promise<InterventionView> {
      const r = await one(id, true);
      if (r.owning_unit_id !== V) {
        if (r.provider_unit_id === V)
          throw invalid('status', 'Det är den verksamhet som föreslog insatsen som lämnar över den.', 'The proposing unit hands it over.');
        throw new AccessFailure('not_found');
      }
      const c = await caseFor(r.case_id);
      if (c.closed_at) throw invalid('status', 'Ärendet är avslutat.', 'The case is closed.');
      if (input.version !== undefined && Number(r.version) !== input.version)
        throw new AccessFailure('conflict', [
          { field: 'version', message: 'Någon annan har just ändrat insatsen. Läs in sidan igen.', messageEn: 'Reload the page.' },
        ]);
      const errors = checkTransition(
        {
          status: r.status,
          senderUnitId: r.owning_unit_id,
          providerUnitId: r.provider_unit_id,
          proposedOn: r.proposed_on,
          acceptedOn: null,
          startedOn: null,
        },
        'request',
        { today },
      );
      if (errors.length > 0) throw new AccessFailure('validation', errors);
      const units = await loadUnits(tx);
      const to = units.get(r.provider_unit_id);
      if (!to?.active)
        throw invalid(
          'providerUnitId',
          `${to?.name ?? 'Verksamheten'} är inte längre aktiv. Föreslå en insats hos en annan verksamhet.`,
          'The unit is deactivated.',
        );
      const message = input.message.trim();
      if (!message) throw invalid('message', 'Skriv vad den mottagande verksamheten behöver veta.', 'Write what the receiving unit needs to know.');
      if (message.length > MAX_HANDOVER_MESSAGE_LENGTH)
        throw invalid('message', `Skriv högst ${MAX_HANDOVER_MESSAGE_LENGTH} tecken.`, `Write at most ${MAX_HANDOVER_MESSAGE_LENGTH} characters.`);
      const categories = [...new Set(input.categories)];
      const unknown = categories.find((k) => !(CONSENT_CATEGORIES as readonly string[]).includes(k));
      if (unknown !== undefined) throw invalid('categories', 'Okänd uppgiftskategori.', 'Unknown category.');
      // The receiving unit must be covered, with the sender, by an active consent for insatser
      // and for every category the message holds.
      const covered = await queryRows<{ category: string }>(
        tx,
        sql`select c.category from unnest(array[${sql.join(
          ['insatser', ...categories].map((k) => sql`${k}`),
          sql`, `,
        )}]::text[]) c(category)
          where exists (select 1 from consents k where k.case_id = ${r.case_id} and k.active_from <= ${today}::date and ${today}::date <= k.active_until
            and k.purpose_category = 'samordning_tsi_team' and k.unit_ids @> array[${V}::uuid, ${r.provider_unit_id}::uuid] and c.category = any(k.categories))`,
      );
      const ok = new Set(covered.map((x) => x.category));
      if (!ok.has('insatser'))
        throw invalid(
          'providerUnitId',
          `Inget aktivt samtycke omfattar ${to.name} för insatser. Be familjen om samtycke innan ni lämnar över.`,
          `No active consent covers ${to.name} for interventions. Ask the family for consent before handing over.`,
        );
      const missing = categories.filter((k) => !ok.has(k));
      if (missing.length > 0)
        throw invalid(
          'categories',
          `Samtycket omfattar inte ${missing.map((k) => CATEGORY_LABELS[k as ConsentCategory]).join(', ')} för ${to.name}. Ta bort det ur överlämningen.`,
          `The consent does not cover ${missing.join(', ')} for ${to.name}. Leave it out of the hand-over.`,
        );
      const policy = await tenantInterventionPolicy(tx);
      const answerBy = handoverAnswerBy(today, policy.handoverAnswerWorkingDays);
      await tx.execute(sql`insert into handovers (id, tenant_id, intervention_id, case_id, from_unit_id, to_unit_id, message, categories, status, requested_on,
          requested_by, answer_by)
        values (${newId()}, ${actor.tenantId}, ${id}, ${r.case_id}, ${V}, ${r.provider_unit_id}, ${message}, array[${sql.join(
          ['insatser', ...categories.filter((k) => k !== 'insatser')].map((k) => sql`${k}`),
          sql`, `,
        )}]::text[], 'requested', ${today}::date, ${actor.userId}, ${answerBy}::date)`);
      await tx.execute(
        sql`update interventions set status = 'requested', version = version + 1, updated_by = ${actor.userId}, updated_at = now() where id = ${id}`,
      );
      await chronicle(r.case_id, 'intervention_requested', `Överlämning av ”${r.name}” begärd till ${to.name}. Svar senast ${answerBy}.`, {
        interventionId: id,
        status: 'requested',
      });
      await refreshFigures(r.case_id);
      // The receiving unit's staff are told at once; the title names units and dates, never the child.
      const staff = await queryRows<{ user_id: string }>(
        tx,
        sql`select distinct ms.user_id from memberships ms join users u on u.id = ms.user_id
          where ms.unit_id = ${r.provider_unit_id} and ms.role in ('samordnare', 'professional') and u.active`,
      );
      if (staff.length > 0)
        await notify(tx, actor, {
          userIds: staff.map((x) => x.user_id),
          kind: 'handover_requested',
          titleSv: short(`Ny överlämning från ${units.get(V)?.name ?? 'en verksamhet'}: svara senast ${answerBy}`),
          titleEn: short(`New hand-over from ${units.get(V)?.name ?? 'a unit'}: answer by ${answerBy}`),
          link: '/overlamningar',
          dedupeKey: `handover_requested:${id}`,
        });
      await audit('handover_request', r, c.child_id, { toUnitId: r.provider_unit_id, categories });
      return toView(await one(id), units);
    },

    accept: (id: string, version?: number) => step(id, 'accept', { version }),
    decline: (id: string, reason: string, version?: number) => step(id, 'decline', { reason, version }),
    revoke: (id: string, reason: string | null, version?: number) => step(id, 'revoke', { reason, version }),
    start: (id: string, on: string | null, version?: number) => step(id, 'start', { on, version }),
    end: (id: string, input: { on: string | null; endReason: EndReason; note: string | null; version?: number }) =>
      step(id, 'end', { on: input.on, endReason: input.endReason, reason: input.note, version: input.version }),

    /** "Överlämningar till oss": hand-overs addressed to the acting unit, open ones first. */
    async inbox() {
      const units = await loadUnits(tx);
      const rs = await queryRows<Row & { pseudonym: string; age_band: string; child_name: string | null; child_id: string | null }>(
        tx,
        sql`select ${columns}, cs.pseudonym, cs.age_band, cs.child_id,
            (select children.given_name || ' ' || children.family_name from children where children.id = cs.child_id and ${ruleCondition('children', actor, purpose, today)}) as child_name
          from ${from} join cases cs on cs.id = interventions.case_id
          where h.to_unit_id = ${V} and ${ruleCondition('interventions', actor, purpose, today)}
          order by (h.status = 'requested') desc, h.answer_by, h.requested_on desc limit 200`,
      );
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'handover',
        purpose,
        outcome: 'allowed',
        details: { count: rs.length, caseIds: [...new Set(rs.map((r) => r.case_id))] },
      });
      return rs.map((r) => ({
        ...toView(r, units),
        case: { id: r.case_id, pseudonym: r.pseudonym, ageBand: r.age_band, childName: r.child_name },
      }));
    },

    /**
     * Warnings where the acting unit should act: on cases it owns (every warning), and on cases
     * where it sends or gives an intervention (warnings naming it). For "mina uppgifter" and the
     * samordnare's overview.
     */
    async myWarnings() {
      const cs = await queryRows<{ id: string; pseudonym: string; owning_unit_id: string }>(
        tx,
        sql`select cases.id, cases.pseudonym, cases.owning_unit_id from cases where cases.closed_at is null and ${ruleCondition('cases', actor, purpose, today)}
          and (cases.owning_unit_id = ${V} or exists (select 1 from interventions wi where wi.case_id = cases.id
            and (wi.owning_unit_id = ${V} or (wi.provider_unit_id = ${V} and wi.status <> 'proposed'))))
          order by cases.pseudonym limit 500`,
      );
      const units = await loadUnits(tx);
      const out: { caseId: string; pseudonym: string; warning: InterventionWarning }[] = [];
      for (const c of cs) {
        const views = (await rows(sql`interventions.case_id = ${c.id}`)).map((r) => toView(r, units));
        for (const w of await warningsFor(c.id, views))
          if (c.owning_unit_id === V || w.responsibleUnitIds.includes(V)) out.push({ caseId: c.id, pseudonym: c.pseudonym, warning: w });
      }
      if (out.length > 0)
        await appendAudit(tx, actor, {
          action: 'list',
          resourceType: 'intervention_warning',
          purpose,
          outcome: 'allowed',
          details: { count: out.length, caseIds: [...new Set(out.map((o) => o.caseId))] },
        });
      return out;
    },

    /**
     * "Vilka hjälper oss?": every person and unit helping the child, from the case's roles and its
     * accepted or started interventions, each under its own rule. For a child with protected
     * identity, which units help can reveal where the child is: only the owning unit and named
     * professionals see the units and contacts; others see the roles only.
     */
    async helpers(caseId: string) {
      const c = await caseFor(caseId);
      const [prot] = c.child_id
        ? await queryRows<{ protected_identity: boolean; named: boolean; owner: string }>(
            tx,
            sql`select ch.protected_identity, exists (select 1 from child_named_professionals np where np.child_id = ch.id and np.user_id = ${actor.userId}) as named,
              ch.owning_unit_id as owner from children ch where ch.id = ${c.child_id}`,
          )
        : [];
      const hideUnits = Boolean(prot?.protected_identity) && !prot?.named && prot?.owner !== V;
      const roles = await queryRows<{ role: string; unit_id: string; unit_name: string; user_name: string; email: string | null }>(
        tx,
        sql`select case_roles.role, case_roles.unit_id, u.name as unit_name, us.display_name as user_name, us.email
          from case_roles join units u on u.id = case_roles.unit_id join users us on us.id = case_roles.user_id
          where case_roles.case_id = ${caseId} and case_roles.ended_at is null and ${ruleCondition('case_roles', actor, purpose, today)}
          order by case_roles.assigned_at`,
      );
      const ivs = await queryRows<{
        id: string;
        name: string;
        status: string;
        provider_unit_id: string;
        unit_name: string;
        email: string | null;
        phone: string | null;
      }>(
        tx,
        sql`select interventions.id, interventions.name, interventions.status, interventions.provider_unit_id, u.name as unit_name,
            so.contact_email as email, so.contact_phone as phone
          from interventions join units u on u.id = interventions.provider_unit_id left join support_offers so on so.id = interventions.support_offer_id
          where interventions.case_id = ${caseId} and interventions.status in ('accepted', 'started') and ${ruleCondition('interventions', actor, purpose, today)}
          order by interventions.proposed_on`,
      );
      const ROLE: Record<string, string> = {
        trygghetsperson: 'Trygghetsperson',
        barnkoordinator: 'Barnkoordinator',
        involverad: 'Arbetar med ärendet',
      };
      await appendAudit(tx, actor, {
        action: 'read',
        resourceType: 'case_helpers',
        resourceId: caseId,
        subjectChildId: c.child_id,
        purpose,
        outcome: 'allowed',
        protectedIdentity: Boolean(prot?.protected_identity),
      });
      return {
        protectedIdentity: hideUnits,
        people: roles.map((r) => ({
          role: ROLE[r.role] ?? r.role,
          name: r.user_name,
          unit: hideUnits ? null : r.unit_name,
          email: hideUnits ? null : r.email,
        })),
        interventions: ivs.map((i) => ({
          id: i.id,
          name: i.name,
          status: i.status as InterventionStatus,
          unit: hideUnits ? null : i.unit_name,
          email: hideUnits ? null : i.email,
          phone: hideUnits ? null : i.phone,
        })),
      };
    },

    refreshFigures,
  };
}
