import { sql } from 'drizzle-orm';
import { nextFollowUpDate, PLAN_KIND_LABELS, type PlanContent, type PlanKind } from '@samsyn/domain';
import { queryRows, type Db, type Tx } from '../db/driver.ts';
import type { FamilyPlanPdf } from '../pdf/plan.ts';
import { appendAudit } from './audit.ts';
import { parse } from './consent-ledger.ts';
import type { FollowUpRecord } from './plans.ts';
import { withPortalChild, type PortalChildRow, type PortalLink, type PortalPerson } from './portal.ts';
import { currentWheel } from './wheel.ts';

/**
 * "Min plan" / "Planen" in the family portal (issue 7): the latest ADOPTED version of the plan of
 * the child's open case, never a draft, in plain words. The child's own words come first. Who does
 * what names a unit, and a person only when they already show in "Vilka hjälper oss?" (a role in
 * the child's open case): the portal never shows more staff data than that.
 */
export interface PortalPlanView {
  kind: PlanKind;
  kindLabel: string;
  adoptedOn: string;
  childView: { strengths: string; challenges: string; areas: { area: string; words: string }[] };
  /** What the guardians said and will do at home; absent when they said nothing. */
  guardianView?: { strengths: string; challenges: string; atHome: { area: string; words: string }[] };
  goals: { text: string; area: string; followUpOn: string }[];
  actions: { what: string; area: string; who: string | null; role: string | null; when: { from: string | null; to: string | null } }[];
  followUpOn: string | null;
}

const CASE_ROLE_LABELS: Record<string, string> = {
  trygghetsperson: 'Trygghetsperson',
  barnkoordinator: 'Barnkoordinator',
  involverad: 'Arbetar med ärendet',
};

const trimmed = (s: string | null | undefined) => (s ?? '').trim();

interface AdoptedPlan {
  planId: string;
  kind: PlanKind;
  number: number;
  planDate: string;
  adoptedOn: string;
  content: PlanContent;
  lastFollowUpOn: string | null;
}

async function latestAdopted(tx: Tx, l: PortalLink): Promise<AdoptedPlan | null> {
  const [row] = await queryRows<{
    plan_id: string;
    kind: PlanKind;
    number: number;
    plan_date: string;
    adopted_on: string;
    content: PlanContent | string;
    follow_up: FollowUpRecord[] | string | null;
  }>(
    tx,
    sql`select p.id as plan_id, p.kind, v.number, v.plan_date::text as plan_date,
        (v.adopted_at at time zone 'Europe/Stockholm')::date::text as adopted_on, v.content, v.follow_up
      from plan_versions v join plans p on p.id = v.plan_id join cases c on c.id = p.case_id
      where c.child_id = ${l.childId} and c.closed_at is null and v.status = 'adopted'
      order by v.adopted_at desc, v.number desc limit 1`,
  );
  if (!row) return null;
  const followUps: FollowUpRecord[] = row.follow_up ? parse(row.follow_up) : [];
  return {
    planId: row.plan_id,
    kind: row.kind,
    number: Number(row.number),
    planDate: row.plan_date,
    adoptedOn: row.adopted_on,
    content: parse(row.content),
    lastFollowUpOn: followUps.at(-1)?.on ?? null,
  };
}

/** The people "Vilka hjälper oss?" shows: an active role in the child's open case. */
async function helpersOf(tx: Tx, l: PortalLink) {
  const rows = await queryRows<{ user_id: string; role: string; name: string; unit: string }>(
    tx,
    sql`select r.user_id, r.role, u.display_name as name, un.name as unit from case_roles r join cases c on c.id = r.case_id
      join users u on u.id = r.user_id join units un on un.id = r.unit_id
      where c.child_id = ${l.childId} and c.closed_at is null and r.ended_at is null order by r.assigned_at`,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    role: r.role,
    roleLabel: CASE_ROLE_LABELS[r.role] ?? 'Arbetar med ärendet',
    name: r.name,
    unit: r.unit,
  }));
}

async function planParts(tx: Tx, l: PortalLink) {
  const wheel = await currentWheel(tx, l.tenantId);
  const areaMeta = new Map(wheel.areas.map((a) => [a.key, a]));
  const label = (key: string) => areaMeta.get(key)?.labelSv ?? key;
  const helpers = await helpersOf(tx, l);
  const units = new Map((await queryRows<{ id: string; name: string }>(tx, sql`select id, name from units`)).map((u) => [u.id, u.name] as const));
  const ownerOf = (a: { ownerUnitId: string | null; ownerUserId: string | null }) => {
    const unit = a.ownerUnitId ? (units.get(a.ownerUnitId) ?? null) : null;
    const helper = a.ownerUserId ? helpers.find((h) => h.userId === a.ownerUserId) : undefined;
    const who = helper ? `${helper.name}, ${unit ?? helper.unit}` : unit;
    return { who, role: helper?.roleLabel ?? null };
  };
  const contact = helpers.find((h) => h.role === 'barnkoordinator') ?? helpers.find((h) => h.role === 'trygghetsperson') ?? helpers[0] ?? null;
  return { label, ownerOf, areaMeta, contact };
}

function toView(plan: AdoptedPlan, parts: Awaited<ReturnType<typeof planParts>>): PortalPlanView {
  const c = plan.content;
  const { label, ownerOf } = parts;
  const guardian = {
    strengths: trimmed(c.guardiansView?.strengths),
    challenges: trimmed(c.guardiansView?.challenges),
    atHome: c.areas.filter((a) => trimmed(a.guardiansWillDo)).map((a) => ({ area: label(a.areaKey), words: trimmed(a.guardiansWillDo) })),
  };
  const guardianSaid = guardian.strengths || guardian.challenges || guardian.atHome.length > 0;
  return {
    kind: plan.kind,
    kindLabel: PLAN_KIND_LABELS[plan.kind].sv,
    adoptedOn: plan.adoptedOn,
    childView: {
      strengths: trimmed(c.childView?.strengths),
      challenges: trimmed(c.childView?.challenges),
      areas: c.areas.filter((a) => trimmed(a.childWords)).map((a) => ({ area: label(a.areaKey), words: trimmed(a.childWords) })),
    },
    ...(guardianSaid ? { guardianView: guardian } : {}),
    goals: c.areas.flatMap((a) =>
      a.goals.filter((g) => trimmed(g.text)).map((g) => ({ text: trimmed(g.text), area: label(a.areaKey), followUpOn: g.followUpDate })),
    ),
    actions: c.areas.flatMap((a) =>
      a.actions
        .filter((x) => trimmed(x.what))
        .map((x) => ({ what: trimmed(x.what), area: label(a.areaKey), ...ownerOf(x), when: { from: x.start ?? null, to: x.end ?? null } })),
    ),
    followUpOn: nextFollowUpDate(c, plan.lastFollowUpOn),
  };
}

/** The plan as the portal shows it, or null when no version has been adopted. */
export function portalPlan(db: Db, person: PortalPerson, today: string, childHandle: string): Promise<PortalPlanView | null> {
  return withPortalChild(db, person, today, childHandle, 'portal_plan', async (tx, l) => {
    const plan = await latestAdopted(tx, l);
    return plan ? toView(plan, await planParts(tx, l)) : null;
  });
}

/**
 * What the family's PDF ("var-plan.pdf", the same renderer staff print for the family) needs, for
 * the adopted plan; null when there is none. Audited as an export of the plan too. The wheel is
 * left out: the portal shows the child's own wheel in its own section.
 */
export function portalPlanPdf(db: Db, person: PortalPerson, today: string, childHandle: string): Promise<FamilyPlanPdf | null> {
  return withPortalChild(db, person, today, childHandle, 'portal_plan_pdf', async (tx, l, child: PortalChildRow) => {
    const plan = await latestAdopted(tx, l);
    if (!plan) return null;
    const parts = await planParts(tx, l);
    await appendAudit(
      tx,
      { tenantId: l.tenantId },
      {
        action: 'export',
        resourceType: 'plan',
        resourceId: plan.planId,
        subjectChildId: l.childId,
        outcome: 'allowed',
        details: { portal: true, relation: l.relation, number: plan.number },
      },
    );
    const c = plan.content;
    return {
      childLabel: trimmed(child.given_name) || 'ditt barn',
      kind: plan.kind,
      versionNumber: plan.number,
      status: 'adopted',
      planDate: plan.planDate,
      adoptedOn: plan.adoptedOn,
      childView: c.childView,
      guardiansView: c.guardiansView,
      areas: c.areas.map((a) => ({
        key: a.areaKey,
        labelSv: parts.label(a.areaKey),
        childDescriptionSv: parts.areaMeta.get(a.areaKey)?.childDescriptionSv ?? '',
        childWords: a.childWords,
        guardiansWillDo: a.guardiansWillDo,
        actions: a.actions.map((x) => ({ what: x.what, who: parts.ownerOf(x).who, start: x.start, end: x.end })),
        goals: a.goals.map((g) => ({ text: g.text, followUpDate: g.followUpDate })),
      })),
      wheel: null,
      nextFollowUp: nextFollowUpDate(c, plan.lastFollowUpOn),
      contact: parts.contact ? { name: parts.contact.name, unitName: parts.contact.unit } : null,
      generatedAt: new Date().toISOString(),
    };
  });
}
