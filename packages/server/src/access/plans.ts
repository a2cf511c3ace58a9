import { sql } from 'drizzle-orm';
import {
  GOAL_OUTCOME_LABELS,
  isFollowUpOverdue,
  nextFollowUpDate,
  planGoals,
  validateFollowUp,
  type GoalOutcome,
  adopt,
  diffPlans,
  nextVersionOnChange,
  assertEditable,
  sipMissingElements,
  validatePlanDraft,
  type PlanContent,
  type PlanKind,
  type PlanVersion,
  type PrincipalKind,
} from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { parse } from './consent-ledger.ts';
import { iso, loadUnits, loadVisibleCase } from './cases.read.ts';
import { AccessFailure, invalid } from './failure.ts';
import { activeConsentSql, ruleCondition } from './rules.ts';
import { currentWheel } from './wheel.ts';

export function emptyPlanContent(kind: PlanKind): PlanContent {
  return {
    kind,
    childView: { strengths: '', challenges: '' },
    guardiansView: { strengths: '', challenges: '' },
    areas: [],
    sip:
      kind === 'sip'
        ? {
            supportNeeded: '',
            principalContributions: [],
            othersProvide: '',
            overallResponsibility: null,
            participants: [],
            personConsent: null,
            childParticipation: { tookPart: false, how: '' },
            relativesParticipated: [],
            followUpDate: null,
          }
        : null,
  };
}

interface VersionRow {
  id: string;
  number: number;
  status: 'draft' | 'adopted' | 'superseded';
  plan_date: string;
  content: PlanContent | string;
  version: number;
  updated_by_name: string;
  updated_at: Date | string;
  adopted_at: Date | string | null;
  adopted_on: string | null;
  follow_up: FollowUpRecord[] | string | null;
}

export interface FollowUpRecord {
  on: string;
  byName: string;
  outcomes: { areaKey: string; goal: string; outcome: GoalOutcome; comment: string | null }[];
}

export interface PlanVersionView {
  number: number;
  status: 'draft' | 'adopted' | 'superseded';
  planDate: string;
  content: PlanContent;
  version: number;
  updatedByName: string;
  updatedAt: string;
  adoptedOn: string | null;
  /** For a SIP: the legal elements still missing (adoption is refused until empty). */
  missingElements: { element: number; field: string; message: string; messageEn: string }[];
  /** Follow-ups held on this (adopted) version, oldest first. */
  followUps: FollowUpRecord[];
  nextFollowUp: string | null;
  followUpOverdue: boolean;
}

const toView = (r: VersionRow, today: string): PlanVersionView => {
  const content = parse(r.content);
  const followUps = r.follow_up ? parse(r.follow_up) : [];
  const last = followUps.at(-1)?.on ?? null;
  const status = r.status;
  return {
    followUps,
    nextFollowUp: status === 'adopted' ? nextFollowUpDate(content, last) : null,
    followUpOverdue: isFollowUpOverdue({ number: Number(r.number), status, adoptedAt: r.adopted_on, content }, today, last),
    number: Number(r.number),
    status: r.status,
    planDate: r.plan_date,
    content,
    version: Number(r.version),
    updatedByName: r.updated_by_name,
    updatedAt: iso(r.updated_at),
    adoptedOn: r.adopted_on,
    missingElements: content.kind === 'sip' ? sipMissingElements(content).map((m) => ({ ...m })) : [],
  };
};

const toDomain = (v: PlanVersionView): PlanVersion => ({
  number: v.number,
  status: v.status,
  adoptedAt: v.adoptedOn,
  content: v.content,
});

/** A stale save of a draft: nothing is overwritten; the caller keeps their text and sees the saved version. */
export class PlanConflict extends Error {
  override name = 'PlanConflict';
  constructor(readonly current: PlanVersionView) {
    super('plan conflict');
  }
}

/**
 * The child's plan and the SIP (issue 5 §4–7). A plan has numbered versions; adopting one
 * freezes it (also in the database: a trigger refuses changes to an adopted version), and a
 * change after that is a new draft. Visible to the case's owner and to units an active consent
 * covers for bedömningar och planer; the same units may edit drafts.
 */
export function plansRepository(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  const versionColumns = sql`plan_versions.id, plan_versions.number, plan_versions.status, plan_versions.plan_date::text as plan_date, plan_versions.content,
    plan_versions.version, vu.display_name as updated_by_name, plan_versions.updated_at, plan_versions.adopted_at,
    (plan_versions.adopted_at at time zone 'Europe/Stockholm')::date::text as adopted_on, plan_versions.follow_up`;

  async function planFor(planId: string) {
    const [p] = await queryRows<{ id: string; case_id: string; kind: PlanKind; owning_unit_id: string; child_id: string | null; closed: boolean }>(
      tx,
      sql`select plans.id, plans.case_id, plans.kind, plans.owning_unit_id, c.child_id, c.closed_at is not null as closed
        from plans join cases c on c.id = plans.case_id where plans.id = ${planId} and ${ruleCondition('plans', actor, purpose, today)}`,
    );
    if (!p) throw new AccessFailure('not_found');
    return p;
  }

  async function versions(planId: string): Promise<PlanVersionView[]> {
    const rows = await queryRows<VersionRow>(
      tx,
      sql`select ${versionColumns} from plan_versions join users vu on vu.id = plan_versions.updated_by
        where plan_versions.plan_id = ${planId} and ${ruleCondition('plan_versions', actor, purpose, today)} order by plan_versions.number`,
    );
    return rows.map((r) => toView(r, today));
  }

  /** Whether both social services (kommun) and health care (region) take part in the case. */
  async function sipOffered(caseId: string, ownerUnitId: string) {
    const units = await loadUnits(tx);
    const [row] = await queryRows<{ ids: string[] | string }>(
      tx,
      sql`select array(select ${ownerUnitId}::uuid union select r.unit_id from case_roles r where r.case_id = ${caseId} and r.ended_at is null
          union select cu.unit_id from consent_units cu where cu.case_id = ${caseId} and cu.activated) as ids`,
    );
    const ids = Array.isArray(row?.ids)
      ? row.ids
      : String(row?.ids ?? '')
          .replace(/[{}]/g, '')
          .split(',')
          .filter(Boolean);
    const involved = ids.map((id) => units.get(id)).filter((u): u is NonNullable<typeof u> => Boolean(u));
    const social = involved.some((u) => u.type === 'socialtjanst');
    const health = involved.some((u) => u.principal_kind === 'region');
    return { offered: social && health, social, health };
  }

  async function mayEdit(p: { case_id: string; owning_unit_id: string }) {
    if (p.owning_unit_id === actor.actingUnitId) return true;
    const [hit] = await queryRows(
      tx,
      sql`select 1 where ${activeConsentSql(actor, today, sql`${p.case_id}::uuid`, sql`${p.owning_unit_id}::uuid`, sql`'bedomningar_och_planer'`)}`,
    );
    return Boolean(hit);
  }

  /** Fills principal names and kinds from the tenant's principals; a foreign or unknown id is refused. */
  async function normalise(content: PlanContent): Promise<PlanContent> {
    if (content.kind !== 'sip' || !content.sip) return { ...content, sip: content.kind === 'sip' ? emptyPlanContent('sip').sip : null };
    const principals = await queryRows<{ id: string; name: string; kind: PrincipalKind }>(tx, sql`select id, name, kind from principals`);
    const byId = new Map(principals.map((p) => [p.id, p]));
    const sip = content.sip;
    sip.principalContributions.forEach((c, i) => {
      const p = byId.get(c.principalId);
      if (!p)
        throw invalid(`sip.principalContributions.${i}.principalId`, 'Huvudmannen finns inte i organisationen.', 'The principal does not exist.');
      c.principalName = p.name;
      c.principalKind = p.kind;
    });
    if (sip.overallResponsibility) {
      const p = byId.get(sip.overallResponsibility.principalId);
      if (!p) throw invalid('sip.overallResponsibility', 'Huvudmannen finns inte i organisationen.', 'The principal does not exist.');
      sip.overallResponsibility = { principalId: p.id, principalName: p.name };
    }
    return content;
  }

  async function checkOwners(content: PlanContent, caseId: string) {
    const units = await loadUnits(tx);
    for (const [i, section] of content.areas.entries())
      for (const [j, a] of section.actions.entries()) {
        if (a.decisionId) {
          // An action may come from a team meeting's decision about this case (one the editor may see).
          const [d] = await queryRows(
            tx,
            sql`select 1 from decisions join agenda_items ai on ai.id = decisions.agenda_item_id
              where decisions.id = ${a.decisionId} and ai.case_id = ${caseId} and ${ruleCondition('decisions', actor, purpose, today)}`,
          );
          if (!d)
            throw invalid(
              `areas.${i}.actions.${j}.decisionId`,
              'Beslutet finns inte bland ärendets beslut från teammöten.',
              'The decision is not among the case’s team meeting decisions.',
            );
        }
        if (a.ownerUnitId && !units.get(a.ownerUnitId)?.active)
          throw invalid(
            `areas.${i}.actions.${j}.ownerUnitId`,
            'Verksamheten finns inte eller är inte aktiv.',
            'The unit does not exist or is inactive.',
          );
        if (a.ownerUserId) {
          const [m] = await queryRows(
            tx,
            sql`select 1 from memberships ms join users u on u.id = ms.user_id where ms.user_id = ${a.ownerUserId} and u.active
              ${a.ownerUnitId ? sql`and ms.unit_id = ${a.ownerUnitId}` : sql``}`,
          );
          if (!m)
            throw invalid(
              `areas.${i}.actions.${j}.ownerUserId`,
              'Personen arbetar inte i den verksamheten.',
              'The person does not work in that unit.',
            );
        }
      }
  }

  return {
    async list(caseId: string) {
      const c = await loadVisibleCase(tx, actor, purpose, today, caseId);
      if (!c) throw new AccessFailure('not_found');
      const rows = await queryRows<{ id: string; kind: PlanKind; created_at: Date | string }>(
        tx,
        sql`select plans.id, plans.kind, plans.created_at from plans where plans.case_id = ${caseId} and ${ruleCondition('plans', actor, purpose, today)}
          order by plans.created_at`,
      );
      const items = [];
      for (const r of rows) items.push({ id: r.id, kind: r.kind, createdAt: iso(r.created_at), versions: await versions(r.id) });
      await appendAudit(tx, actor, {
        action: 'list',
        resourceType: 'plan',
        resourceId: caseId,
        subjectChildId: c.child_id,
        purpose,
        outcome: 'allowed',
        details: { count: rows.length },
      });
      const sip = await sipOffered(caseId, c.owning_unit_id);
      return { sipOffered: sip.offered, items };
    },

    async create(caseId: string, kind: PlanKind): Promise<string> {
      const c = await loadVisibleCase(tx, actor, purpose, today, caseId);
      if (!c) throw new AccessFailure('not_found');
      if (c.owning_unit_id !== actor.actingUnitId)
        throw invalid('kind', 'Planen upprättas av den verksamhet som äger ärendet.', 'The plan is drawn up by the unit that owns the case.');
      if (c.closed_at) throw invalid('kind', 'Ärendet är avslutat.', 'The case is closed.');
      if (!c.child_id) throw invalid('kind', 'Koppla barnet till ärendet först.', 'Link the child to the case first.');
      if (kind === 'sip' && !(await sipOffered(caseId, c.owning_unit_id)).offered)
        throw invalid(
          'kind',
          'En SIP erbjuds när både socialtjänsten och hälso- och sjukvården (regionen) är med i ärendet.',
          'A SIP is offered when both social services and health care (the region) take part in the case.',
        );
      const [open] = await queryRows(tx, sql`select 1 from plans where case_id = ${caseId} and kind = ${kind}`);
      if (open)
        throw invalid('kind', 'Ärendet har redan en sådan plan. Ändra den i stället.', 'The case already has such a plan. Change it instead.');
      const id = newId();
      await tx.execute(sql`insert into plans (id, tenant_id, case_id, kind, owning_unit_id, created_by) values (${id}, ${actor.tenantId}, ${caseId}, ${kind},
        ${c.owning_unit_id}, ${actor.userId})`);
      await tx.execute(sql`insert into plan_versions (id, tenant_id, plan_id, number, status, plan_date, content, updated_by)
        values (${newId()}, ${actor.tenantId}, ${id}, 1, 'draft', ${today}::date, ${JSON.stringify(emptyPlanContent(kind))}::jsonb, ${actor.userId})`);
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'plan',
        resourceId: id,
        subjectChildId: c.child_id,
        purpose,
        outcome: 'allowed',
        details: { caseId, kind },
      });
      return id;
    },

    async get(planId: string) {
      const p = await planFor(planId);
      const list = await versions(planId);
      await appendAudit(tx, actor, {
        action: 'read',
        resourceType: 'plan',
        resourceId: planId,
        subjectChildId: p.child_id,
        purpose,
        outcome: 'allowed',
      });
      return { id: p.id, caseId: p.case_id, kind: p.kind, mayEdit: await mayEdit(p), versions: list };
    },

    /** Saves a draft. version is the row version the caller started from; a stale one gets the saved draft back. */
    async saveDraft(planId: string, number: number, version: number, planDate: string, content: PlanContent): Promise<PlanVersionView> {
      const p = await planFor(planId);
      if (!(await mayEdit(p))) throw new AccessFailure('not_found');
      if (p.closed) throw invalid('content', 'Ärendet är avslutat.', 'The case is closed.');
      const target = (await versions(planId)).find((v) => v.number === number);
      if (!target) throw new AccessFailure('not_found');
      const refused = assertEditable(toDomain(target));
      if (refused) throw new AccessFailure('validation', [refused]);
      if (target.version !== version) throw new PlanConflict(target);
      if (content.kind !== p.kind) throw invalid('content.kind', 'Planens sort kan inte ändras.', 'The kind of plan cannot be changed.');
      const normalised = await normalise(content);
      const wheel = await currentWheel(tx, actor.tenantId);
      const errors = validatePlanDraft(normalised, { planDate, today, areas: wheel.areas });
      if (errors.length > 0) throw new AccessFailure('validation', errors);
      await checkOwners(normalised, p.case_id);
      await tx.execute(sql`update plan_versions set content = ${JSON.stringify(normalised)}::jsonb, plan_date = ${planDate}::date, version = version + 1,
        updated_by = ${actor.userId}, updated_at = now() where plan_id = ${planId} and number = ${number} and status = 'draft' and version = ${version}`);
      await appendAudit(tx, actor, {
        action: 'update',
        resourceType: 'plan',
        resourceId: planId,
        subjectChildId: p.child_id,
        purpose,
        outcome: 'allowed',
        details: { number },
      });
      return (await versions(planId)).find((v) => v.number === number)!;
    },

    /** A change after adoption: a new draft copied from the newest version (or the open draft if there is one). */
    async newDraft(planId: string): Promise<PlanVersionView> {
      const p = await planFor(planId);
      if (!(await mayEdit(p))) throw new AccessFailure('not_found');
      const list = await versions(planId);
      const next = nextVersionOnChange(list.map(toDomain));
      if (!next) throw new AccessFailure('not_found');
      if (next.created) {
        await tx.execute(sql`insert into plan_versions (id, tenant_id, plan_id, number, status, plan_date, content, updated_by)
          values (${newId()}, ${actor.tenantId}, ${planId}, ${next.draft.number}, 'draft', ${today}::date, ${JSON.stringify(next.draft.content)}::jsonb, ${actor.userId})`);
        await appendAudit(tx, actor, {
          action: 'create',
          resourceType: 'plan_version',
          resourceId: planId,
          subjectChildId: p.child_id,
          purpose,
          outcome: 'allowed',
          details: { number: next.draft.number },
        });
      }
      return (await versions(planId)).find((v) => v.number === next.draft.number)!;
    },

    /** Adopts (fastställer) a draft: a SIP only with its four legal elements, the person's consent and a follow-up date. */
    async adopt(planId: string, number: number, version: number): Promise<PlanVersionView> {
      const p = await planFor(planId);
      if (!(await mayEdit(p))) throw new AccessFailure('not_found');
      const list = await versions(planId);
      const target = list.find((v) => v.number === number);
      if (!target) throw new AccessFailure('not_found');
      if (target.status === 'draft' && target.version !== version) throw new PlanConflict(target);
      const wheel = await currentWheel(tx, actor.tenantId);
      const draftErrors = validatePlanDraft(target.content, { planDate: target.planDate, today, areas: wheel.areas });
      if (draftErrors.length > 0) throw new AccessFailure('validation', draftErrors);
      const result = adopt(list.map(toDomain), number, today);
      if (!result.ok) throw new AccessFailure('validation', result.errors);
      await tx.execute(sql`update plan_versions set status = 'superseded' where plan_id = ${planId} and status = 'adopted'`);
      await tx.execute(sql`update plan_versions set status = 'adopted', adopted_at = now(), adopted_by = ${actor.userId}, version = version + 1
        where plan_id = ${planId} and number = ${number}`);
      await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
        values (${newId()}, ${actor.tenantId}, ${p.case_id}, ${actor.actingUnitId}, ${actor.userId}, 'plan_adopted', 'bedomningar_och_planer', false, ${today}::date,
          ${`${p.kind === 'sip' ? 'SIP' : 'Barnets plan'} version ${number} fastställd.`}, ${JSON.stringify({ planId, number })}::jsonb)`);
      await appendAudit(tx, actor, {
        action: 'adopt',
        resourceType: 'plan',
        resourceId: planId,
        subjectChildId: p.child_id,
        purpose,
        outcome: 'allowed',
        details: { number },
      });
      return (await versions(planId)).find((v) => v.number === number)!;
    },

    /** Follows up the adopted version: every goal marked achieved / partly / not / no longer relevant, with a comment. */
    async followUp(planId: string, number: number, outcomes: { outcome: GoalOutcome; comment?: string | null }[]): Promise<PlanVersionView> {
      const p = await planFor(planId);
      if (!(await mayEdit(p))) throw new AccessFailure('not_found');
      const target = (await versions(planId)).find((v) => v.number === number);
      if (!target) throw new AccessFailure('not_found');
      if (target.status !== 'adopted') throw invalid('outcomes', 'Bara den fastställda planen följs upp.', 'Only the adopted plan is followed up.');
      const goals = planGoals(target.content);
      if (goals.length === 0) throw invalid('outcomes', 'Planen har inga mål att följa upp.', 'The plan has no goals to follow up.');
      const errors = validateFollowUp(
        goals.map((g) => g.goal),
        outcomes.map((o) => ({ outcome: o.outcome, comment: o.comment ?? undefined })),
      );
      if (errors.length > 0) throw new AccessFailure('validation', errors);
      const [me] = await queryRows<{ name: string }>(tx, sql`select display_name as name from users where id = ${actor.userId}`);
      const record: FollowUpRecord = {
        on: today,
        byName: me?.name ?? '',
        outcomes: goals.map((g, i) => ({
          areaKey: g.areaKey,
          goal: g.goal.text,
          outcome: outcomes[i]!.outcome,
          comment: outcomes[i]!.comment?.trim() || null,
        })),
      };
      await tx.execute(sql`update plan_versions set follow_up = coalesce(follow_up, '[]'::jsonb) || ${JSON.stringify([record])}::jsonb
        where plan_id = ${planId} and number = ${number}`);
      const counts = new Map<GoalOutcome, number>();
      for (const o of record.outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
      const summary = [...counts].map(([o, n]) => `${n} ${GOAL_OUTCOME_LABELS[o].sv.toLowerCase()}`).join(', ');
      await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
        values (${newId()}, ${actor.tenantId}, ${p.case_id}, ${actor.actingUnitId}, ${actor.userId}, 'plan_follow_up', 'bedomningar_och_planer', false, ${today}::date,
          ${`Uppföljning av ${p.kind === 'sip' ? 'SIP' : 'barnets plan'} version ${number}: ${summary}. En ny bedömning med hjulet föreslås.`},
          ${JSON.stringify({ planId, number })}::jsonb)`);
      await appendAudit(tx, actor, {
        action: 'follow_up',
        resourceType: 'plan',
        resourceId: planId,
        subjectChildId: p.child_id,
        purpose,
        outcome: 'allowed',
        details: { number, goals: goals.length },
      });
      return (await versions(planId)).find((v) => v.number === number)!;
    },

    /** Adopted plans whose follow-up date has passed: those I started (mine) or my unit's. */
    async overdueFollowUps(scope: 'mine' | 'unit') {
      const rows = await queryRows<VersionRow & { plan_id: string; case_id: string; pseudonym: string; kind: PlanKind }>(
        tx,
        sql`select ${versionColumns}, plans.id as plan_id, plans.case_id, c.pseudonym, plans.kind
          from plan_versions join plans on plans.id = plan_versions.plan_id join cases c on c.id = plans.case_id
            join users vu on vu.id = plan_versions.updated_by
          where plan_versions.status = 'adopted' and c.closed_at is null and ${ruleCondition('plans', actor, purpose, today)}
            and ${scope === 'mine' ? sql`plans.created_by = ${actor.userId}` : sql`plans.owning_unit_id = ${actor.actingUnitId}`}`,
      );
      return rows
        .map((r) => ({ r, v: toView(r, today) }))
        .filter(({ v }) => v.followUpOverdue)
        .map(({ r, v }) => ({
          planId: r.plan_id,
          caseId: r.case_id,
          pseudonym: r.pseudonym,
          kind: r.kind,
          number: v.number,
          dueDate: v.nextFollowUp!,
        }))
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
    },

    async diff(planId: string, from: number, to: number) {
      await planFor(planId);
      const list = await versions(planId);
      const a = list.find((v) => v.number === from);
      const b = list.find((v) => v.number === to);
      if (!a || !b) throw invalid('from', 'Versionen finns inte.', 'The version does not exist.');
      const wheel = await currentWheel(tx, actor.tenantId);
      const units = await loadUnits(tx);
      return diffPlans(a.content, b.content, { areas: wheel.areas, unitName: (id) => units.get(id)?.name ?? id });
    },
  };
}
