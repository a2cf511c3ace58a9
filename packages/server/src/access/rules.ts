import { sql, type SQL } from 'drizzle-orm';
import type { PersonalDataTable } from '../db/personal.schema.ts';
export { PERSONAL_DATA_TABLES } from '../db/personal.schema.ts';
import {
  caseEvents,
  caseRoles,
  cases,
  childNamedProfessionals,
  children,
  consentNotices,
  consents,
  consentUnits,
  guardians,
  signals,
  agendaItems,
  decisions,
  agendaNotes,
  agendaVoices,
  feedbackTasks,
  agendaItemAttachments,
  wheelAssessments,
  plans,
  planVersions,
  interventions,
  handovers,
  caseFigures,
} from '../db/personal.schema.ts';
import { hasRole, type Actor, type Purpose } from './actor.ts';

/**
 * The registry of access rules: one per personal-data table. A rule yields the SQL
 * condition used for lists AND for single rows (a single row is read with the same
 * condition plus its id), so the two can never disagree.
 *
 * DESIGN §Confidentiality and issue 3 §6: let U be the unit that owns a piece of case data
 * and V the unit the user acts for. The user sees U's data only while an active consent
 * covers U, V and the data's category (OSL 12:2 — only the person's waiver lifts the
 * confidentiality between services, OSL 25:1, 26:1, 23:2). Otherwise a unit involved in the
 * case sees that the case exists, its own unit's contributions and the de-identified parts.
 *
 * "Active" is read from consents.active_from/active_until, which the domain rules
 * (evaluateConsent/activeWindow) keep current on every ledger change, on every case read
 * and in a daily job; `today` is the Swedish calendar date of the request.
 */
export interface AccessRule {
  purposes: readonly Purpose[];
  /** The condition for lists: written so that a tenant-wide scan stays index-driven. */
  read(actor: Actor, today: string): SQL;
  /**
   * The same condition spelled for rows already narrowed to one record (by id), so that
   * PostgreSQL checks that record instead of building the whole visible set. Must mean
   * exactly what `read` means: the access matrices compare list and single reads cell by cell.
   */
  readOne?(actor: Actor, today: string): SQL;
}

const DENY = sql`false`;

/** The purpose category a case read relies on (consent purpose limitation, GDPR art. 5.1 b). */
export const CASE_PURPOSE_CATEGORY = 'samordning_tsi_team';

function readsIndividualData(actor: Actor): boolean {
  // A chef sees aggregates only; admins and log reviewers do not read case data.
  return hasRole(actor, 'samordnare', 'professional');
}

/** An active consent for the case covers both the owning unit and V, and (optionally) the category. */
export function activeConsentSql(actor: Actor, today: string, caseId: SQL, owner: SQL, category?: SQL): SQL {
  return sql`exists (select 1 from consents k where k.case_id = ${caseId} and k.active_from <= ${today}::date and ${today}::date <= k.active_until
    and k.purpose_category = ${CASE_PURPOSE_CATEGORY} and k.unit_ids @> array[${actor.actingUnitId}::uuid, ${owner}]${category ? sql` and ${category} = any(k.categories)` : sql``})`;
}

/** V may see data U owns of this category in this case: own unit, or covered by an active consent. */
export function coveredSql(actor: Actor, today: string, caseId: SQL, owner: SQL, category: SQL): SQL {
  return sql`(${owner} = ${actor.actingUnitId} or ${activeConsentSql(actor, today, caseId, owner, category)})`;
}

/**
 * Cases whose existence V may know of: those it owns, holds a role in, was named in a consent
 * that has been active (so it can see a withdrawal and acknowledge it), or raised a signal for.
 * Written as one IN (union) so that each branch uses its own index.
 */
export function visibleCaseIdsSql(actor: Actor): SQL {
  const v = actor.actingUnitId;
  return sql`(select c0.id from cases c0 where c0.owning_unit_id = ${v}
    union select r0.case_id from case_roles r0 where r0.unit_id = ${v} and r0.ended_at is null and r0.tenant_id = ${actor.tenantId}
    union select cu0.case_id from consent_units cu0 where cu0.tenant_id = ${actor.tenantId} and cu0.unit_id = ${v} and cu0.activated
    union select s0.case_id from signals s0 where s0.owning_unit_id = ${v} and s0.case_id is not null)`;
}

function caseVisibleInList(actor: Actor, caseId: SQL): SQL {
  return sql`${caseId} in ${visibleCaseIdsSql(actor)}`;
}

/** The same four branches as visibleCaseIdsSql, as correlated EXISTS checks for one case. */
function caseVisible(actor: Actor, caseId: SQL): SQL {
  const v = actor.actingUnitId;
  return sql`(exists (select 1 from cases c0 where c0.id = ${caseId} and c0.owning_unit_id = ${v})
    or exists (select 1 from case_roles r0 where r0.case_id = ${caseId} and r0.unit_id = ${v} and r0.ended_at is null)
    or exists (select 1 from consent_units cu0 where cu0.case_id = ${caseId} and cu0.unit_id = ${v} and cu0.activated)
    or exists (select 1 from signals s0 where s0.case_id = ${caseId} and s0.owning_unit_id = ${v}))`;
}

/**
 * One child's identity: V owns the record, or an active consent for a case about the child
 * names V and the record's owner (for the category, when given). Same meaning as
 * identifiedChildIdsSql, for a single child.
 */
function childIdentifiedRow(actor: Actor, today: string, childId: SQL, owner: SQL, category?: SQL): SQL {
  // Cases by child id, then that case's few consents by case id: two index lookups per child.
  return sql`(${owner} = ${actor.actingUnitId} or exists (select 1 from cases cc where cc.child_id = ${childId} and ${activeConsentSql(actor, today, sql`cc.id`, owner, category)}))`;
}

/**
 * Children whose identity V may see: V's own records, and children of cases where an active
 * consent covers the record's owner and V (for the given category, or any). IN (union) form
 * keeps a tenant-wide list index-driven.
 */
function identifiedChildIdsSql(actor: Actor, today: string, category?: SQL): SQL {
  const v = actor.actingUnitId;
  return sql`(select c1.id from children c1 where c1.owning_unit_id = ${v}
    union select cc.child_id from consent_units cu join consents k on k.id = cu.consent_id join cases cc on cc.id = k.case_id join children c2 on c2.id = cc.child_id
      where cu.tenant_id = ${actor.tenantId} and cu.unit_id = ${v} and cu.activated and k.active_from <= ${today}::date and ${today}::date <= k.active_until
        and k.purpose_category = ${CASE_PURPOSE_CATEGORY} and k.unit_ids @> array[c2.owning_unit_id]${category ? sql` and ${category} = any(k.categories)` : sql``})`;
}

export const ACCESS_RULES: Readonly<Record<PersonalDataTable, AccessRule>> = {
  children: {
    purposes: ['samverkan'],
    read: (actor, today) => (readsIndividualData(actor) ? sql`${children.id} in ${identifiedChildIdsSql(actor, today)}` : DENY),
    readOne: (actor, today) =>
      readsIndividualData(actor) ? childIdentifiedRow(actor, today, sql`${children.id}`, sql`${children.owningUnitId}`) : DENY,
  },
  guardians: {
    // Guardians are family information: owner, or consent covering the category familj och hem.
    // Guardians are always read per child, so the row form serves lists too.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from children gc where gc.id = ${guardians.childId} and ${childIdentifiedRow(actor, today, sql`gc.id`, sql`gc.owning_unit_id`, sql`'familj_och_hem'`)})`
        : DENY,
  },
  child_named_professionals: {
    purposes: ['samverkan'],
    read: (actor) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from children c where c.id = ${childNamedProfessionals.childId} and c.owning_unit_id = ${actor.actingUnitId})`
        : DENY,
  },
  signals: {
    // The raising unit and the unit it was sent to; others only under consent for the signal's category.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${signals.owningUnitId} = ${actor.actingUnitId} or ${signals.recipientUnitId} = ${actor.actingUnitId}
            or (${signals.caseId} is not null and ${activeConsentSql(actor, today, sql`${signals.caseId}`, sql`${signals.owningUnitId}`, sql`${signals.category}`)}))`
        : DENY,
  },
  cases: {
    purposes: ['samverkan'],
    read: (actor) => (readsIndividualData(actor) ? caseVisibleInList(actor, sql`${cases.id}`) : DENY),
    readOne: (actor) => (readsIndividualData(actor) ? caseVisible(actor, sql`${cases.id}`) : DENY),
  },
  case_roles: {
    // Who helps is itself telling (that BUP is involved is health information): the case owner,
    // the role's own unit, or consent covering the role's unit for the category insatser.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${caseRoles.unitId} = ${actor.actingUnitId}
            or exists (select 1 from cases rc where rc.id = ${caseRoles.caseId} and rc.owning_unit_id = ${actor.actingUnitId})
            or ${activeConsentSql(actor, today, sql`${caseRoles.caseId}`, sql`${caseRoles.unitId}`, sql`'insatser'`)})`
        : DENY,
  },
  consents: {
    // The ledger is process information every unit involved in the case may see; the givers'
    // names are resolved through the guardians rule, so they stay hidden without consent.
    purposes: ['samverkan'],
    read: (actor) => (readsIndividualData(actor) ? caseVisible(actor, sql`${consents.caseId}`) : DENY),
  },
  consent_units: {
    // Which units a consent names: derived from consents.unit_ids (kept by a trigger) for index use.
    purposes: ['samverkan'],
    read: (actor) => (readsIndividualData(actor) ? caseVisible(actor, sql`${consentUnits.caseId}`) : DENY),
  },
  consent_notices: {
    purposes: ['samverkan'],
    read: (actor) =>
      readsIndividualData(actor)
        ? sql`(${consentNotices.unitId} = ${actor.actingUnitId} or exists (select 1 from cases nc where nc.id = ${consentNotices.caseId} and nc.owning_unit_id = ${actor.actingUnitId}))`
        : DENY,
  },
  case_events: {
    // Process entries (no category) and what was discussed while the case was anonymous are
    // de-identified: every unit involved sees them. The rest follows owner and consent.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${caseVisible(actor, sql`${caseEvents.caseId}`)} and (${caseEvents.category} is null or ${caseEvents.anonymousPhase}
            or ${coveredSql(actor, today, sql`${caseEvents.caseId}`, sql`${caseEvents.owningUnitId}`, sql`${caseEvents.category}`)}))`
        : DENY,
  },
  agenda_items: {
    // The team's members see the agenda of its meetings. An item shows the case only by its
    // pseudonym; what the case holds follows the case's own rules and consent.
    purposes: ['samverkan'],
    read: (actor) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from meetings am join team_members atm on atm.team_id = am.team_id
            where am.id = ${agendaItems.meetingId} and atm.user_id = ${actor.userId})`
        : DENY,
  },
  decisions: {
    // Its owner always. Otherwise the team's members: on a general topic all of them; on a case
    // the unit that recorded it, the owner's unit, and units consent covers for insatser.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${decisions.ownerUserId} = ${actor.userId} or exists (select 1 from agenda_items di join meetings dm on dm.id = di.meeting_id
            where di.id = ${decisions.agendaItemId}
              and exists (select 1 from team_members dtm where dtm.team_id = dm.team_id and dtm.user_id = ${actor.userId})
              and (di.case_id is null or ${decisions.ownerUnitId} = ${actor.actingUnitId}
                or ${coveredSql(actor, today, sql`di.case_id`, sql`${decisions.recordedByUnitId}`, sql`'insatser'`)})))`
        : DENY,
  },
  agenda_notes: {
    // The team's members; on a case item only the writing unit, or units an active consent
    // covers for the category bedömningar och planer.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from agenda_items ni join meetings nm on nm.id = ni.meeting_id
            where ni.id = ${agendaNotes.agendaItemId}
              and exists (select 1 from team_members ntm where ntm.team_id = nm.team_id and ntm.user_id = ${actor.userId})
              and (ni.kind <> 'case' or ${coveredSql(actor, today, sql`ni.case_id`, sql`${agendaNotes.unitId}`, sql`'bedomningar_och_planer'`)}))`
        : DENY,
  },
  agenda_voices: {
    // The child's and guardians' own words for a meeting (meetings issue §3). Said for the team's
    // coordination, so: team members whose unit entered them, owns the case, or is covered by an
    // active consent for the case's purpose (any category). Anyone else sees the item de-identified.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from agenda_items vi join meetings vm on vm.id = vi.meeting_id join cases vc on vc.id = vi.case_id
            where vi.id = ${agendaVoices.agendaItemId}
              and exists (select 1 from team_members vtm where vtm.team_id = vm.team_id and vtm.user_id = ${actor.userId})
              and (${agendaVoices.unitId} = ${actor.actingUnitId} or vc.owning_unit_id = ${actor.actingUnitId}
                or ${activeConsentSql(actor, today, sql`vi.case_id`, sql`vc.owning_unit_id`)}))`
        : DENY,
  },
  agenda_item_attachments: {
    // Documents and links from the case on an agenda item (meetings issue §2). On a general topic
    // or an anonymous consultation (both checked for identifying data) every member; on an
    // identified case the unit that added it, the case's owner, and units
    // covered by an active consent for the case's purpose. A referenced chronology entry is shown
    // only where its own rule (case_events) allows.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from agenda_items xi join meetings xm on xm.id = xi.meeting_id left join cases xc on xc.id = xi.case_id
            where xi.id = ${agendaItemAttachments.agendaItemId}
              and exists (select 1 from team_members xtm where xtm.team_id = xm.team_id and xtm.user_id = ${actor.userId})
              and (xi.kind <> 'case' or ${agendaItemAttachments.unitId} = ${actor.actingUnitId} or xc.owning_unit_id = ${actor.actingUnitId}
                or ${activeConsentSql(actor, today, sql`xi.case_id`, sql`xc.owning_unit_id`)}))`
        : DENY,
  },
  wheel_assessments: {
    // A wellbeing-wheel assessment (issue 5) is an assessment of the child: category bedömningar
    // och planer. The unit that entered it, or units an active consent covers for the category.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? coveredSql(actor, today, sql`${wheelAssessments.caseId}`, sql`${wheelAssessments.owningUnitId}`, sql`'bedomningar_och_planer'`)
        : DENY,
  },
  plans: {
    // The child's plan and the SIP (issue 5): the case's owner, or units an active consent covers
    // for bedömningar och planer.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor) ? coveredSql(actor, today, sql`${plans.caseId}`, sql`${plans.owningUnitId}`, sql`'bedomningar_och_planer'`) : DENY,
  },
  plan_versions: {
    // Every version follows its plan.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`exists (select 1 from plans pp where pp.id = ${planVersions.planId}
            and ${coveredSql(actor, today, sql`pp.case_id`, sql`pp.owning_unit_id`, sql`'bedomningar_och_planer'`)})`
        : DENY,
  },
  feedback_tasks: {
    // Its owner always. Otherwise the team's members: the unit that created it, the owner's unit,
    // and units an active consent covers for insatser (like decisions).
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${feedbackTasks.ownerUserId} = ${actor.userId} or exists (select 1 from agenda_items fi join meetings fm on fm.id = fi.meeting_id
            where fi.id = ${feedbackTasks.agendaItemId}
              and exists (select 1 from team_members ftm where ftm.team_id = fm.team_id and ftm.user_id = ${actor.userId})
              and (${feedbackTasks.ownerUnitId} = ${actor.actingUnitId}
                or ${coveredSql(actor, today, sql`fi.case_id`, sql`${feedbackTasks.createdByUnitId}`, sql`'insatser'`)})))`
        : DENY,
  },
  interventions: {
    // Case interventions (issue 6 §3). That a unit gives a child an intervention is itself telling
    // (BUP means health care), so: the proposing unit; the provider unit once a hand-over was
    // requested (before that it knows nothing of it); units an active consent covers, together
    // with the proposing or the providing unit, for the category insatser.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${interventions.owningUnitId} = ${actor.actingUnitId}
            or (${interventions.providerUnitId} = ${actor.actingUnitId} and ${interventions.status} <> 'proposed')
            or ${activeConsentSql(actor, today, sql`${interventions.caseId}`, sql`${interventions.owningUnitId}`, sql`'insatser'`)}
            or ${activeConsentSql(actor, today, sql`${interventions.caseId}`, sql`${interventions.providerUnitId}`, sql`'insatser'`)})`
        : DENY,
  },
  handovers: {
    // A hand-over (issue 6 §3): the sending and the receiving unit always see that it exists and
    // its status (the receiver must answer it); others only under consent for insatser. What the
    // hand-over carries (its message) follows handoverMessageVisibleSql.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor)
        ? sql`(${handovers.fromUnitId} = ${actor.actingUnitId} or ${handovers.toUnitId} = ${actor.actingUnitId}
            or ${activeConsentSql(actor, today, sql`${handovers.caseId}`, sql`${handovers.fromUnitId}`, sql`'insatser'`)})`
        : DENY,
  },
  case_figures: {
    // Per-case figures (dates, counts and codes): the case's owner, or units an active consent
    // covers for insatser. Group statistics read them through their own count-of-5 rule.
    purposes: ['samverkan'],
    read: (actor, today) =>
      readsIndividualData(actor) ? coveredSql(actor, today, sql`${caseFigures.caseId}`, sql`${caseFigures.owningUnitId}`, sql`'insatser'`) : DENY,
  },
};

/**
 * Whether V may read what a hand-over carries: the sending unit always; anyone else (the receiver
 * included) only while an active consent covers V and the sender for insatser and for every
 * category the message holds. A withdrawn consent hides the message at once.
 */
export function handoverMessageVisibleSql(actor: Actor, today: string, h: string): SQL {
  const ref = (c: string) => sql.raw(`${h}.${c}`);
  return sql`(${ref('from_unit_id')} = ${actor.actingUnitId} or (${activeConsentSql(actor, today, ref('case_id'), ref('from_unit_id'), sql`'insatser'`)}
    and not exists (select 1 from unnest(${ref('categories')}) hc(category)
      where not ${activeConsentSql(actor, today, ref('case_id'), ref('from_unit_id'), sql`hc.category`)})))`;
}

/** Who may create, change and name professionals for records: the owning unit's staff. */
export function mayWriteChildren(actor: Actor): boolean {
  return readsIndividualData(actor);
}

/** The rule for a query already narrowed to one record by id; falls back to the list form. */
export function ruleConditionForRow(table: string, actor: Actor, purpose: Purpose, today: string): SQL {
  const rule = (ACCESS_RULES as Record<string, AccessRule | undefined>)[table];
  if (!rule || !rule.purposes.includes(purpose)) return DENY;
  return (rule.readOne ?? rule.read)(actor, today);
}

/** Deny by default: no rule, or a purpose the rule does not allow, means no access. */
export function ruleCondition(table: string, actor: Actor, purpose: Purpose, today: string): SQL {
  const rule = (ACCESS_RULES as Record<string, AccessRule | undefined>)[table];
  if (!rule || !rule.purposes.includes(purpose)) return DENY;
  return rule.read(actor, today);
}
