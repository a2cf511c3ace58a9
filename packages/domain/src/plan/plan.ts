/**
 * The child's plan (barnets plan) and the coordinated individual plan (SIP).
 *
 * Barnets plan follows the wheel: for each area that needs it, what the child thinks they need,
 * what the guardians can do and what the professionals will do, in everyday words; it is "the
 * child's document" and holds only what is necessary, relevant and proportionate (003:863–865).
 * A SIP is the statutory plan when a person needs support from both social services and health
 * care: kommun and region draw it up together, with the person's consent (SoL 2 kap. 7 §,
 * HSL 16 kap. 4 §; TSI-boken 001:402–412, DOMAIN §7).
 *
 * A plan is versioned: once adopted (fastställd) a version is frozen and a change makes a new
 * draft, so everyone can see what was agreed at each point in time. Plans are followed up
 * (DOMAIN §4 step 9): every goal is marked achieved, partly, not, or no longer relevant.
 *
 * All dates are calendar dates 'YYYY-MM-DD'; nothing here reads a clock.
 */
import { isIsoDate } from '../consent/dates.ts';
import { joinEn, joinSv } from '../consent/text.ts';
import type { FieldError, IsoDate } from '../consent/types.ts';
import type { PrincipalKind } from '../org.ts';
import type { WheelArea } from '../wheel/areas.ts';

export const PLAN_KINDS = ['barnets_plan', 'sip'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Record<PlanKind, { sv: string; en: string }> = {
  barnets_plan: { sv: 'Barnets plan', en: "The child's plan" },
  sip: { sv: 'Samordnad individuell plan (SIP)', en: 'Coordinated individual plan (SIP)' },
};

/** Who does what by when (003:535: decisions were otherwise forgotten). */
export interface PlanAction {
  /** Optional stable id; lets diffPlans follow an action whose wording changes. */
  id?: string;
  what: string;
  ownerUnitId: string | null;
  ownerUserId: string | null;
  start: IsoDate | null;
  end: IsoDate | null;
  /** The team meeting decision this action comes from, if any. */
  decisionId?: string | null;
}

export interface PlanGoal {
  /** Optional stable id; lets diffPlans follow a goal whose wording changes. */
  id?: string;
  text: string;
  followUpDate: IsoDate;
}

/** One wheel area in the plan. */
export interface PlanAreaSection {
  areaKey: string;
  /** What the child thinks they need, in the child's words. */
  childWords: string;
  guardiansWillDo: string;
  /** What the professionals will do. */
  actions: PlanAction[];
  goals: PlanGoal[];
}

export interface PlanViewpoint {
  strengths: string;
  challenges: string;
}

export interface SipPrincipalRef {
  principalId: string;
  principalName: string;
}

export interface SipPrincipalContribution extends SipPrincipalRef {
  /** Needed to check that both kommun and region take part; the server fills it from the principal. */
  principalKind: PrincipalKind;
  provides: string;
}

export interface SipDetails {
  /** Element 1: what support is needed. */
  supportNeeded: string;
  /** Element 2: what each principal (huvudman) will provide. */
  principalContributions: SipPrincipalContribution[];
  /** Element 3: what others than kommun and region do ("Inga" is an answer; empty is not). */
  othersProvide: string;
  /** Element 4: which principal has the overall responsibility for the plan. */
  overallResponsibility: SipPrincipalRef | null;
  /** Who took part in drawing up the plan (names and roles, as free text). */
  participants: string[];
  /** The plan may only be drawn up if the person consents (SoL 2:7, HSL 16:4). */
  personConsent: { given: boolean; date: IsoDate | null } | null;
  /** A child takes part according to age and maturity (001:410). */
  childParticipation: { tookPart: boolean; how: string };
  /** Relatives take part if suitable and the person does not object (001:406). */
  relativesParticipated: string[];
  followUpDate: IsoDate | null;
}

export interface PlanContent {
  kind: PlanKind;
  childView: PlanViewpoint;
  guardiansView: PlanViewpoint;
  areas: PlanAreaSection[];
  /** Required content when kind is 'sip'; ignored for barnets plan. */
  sip: SipDetails | null;
}

export const MAX_PLAN_TEXT_LENGTH = 2000;
export const MAX_PLAN_ITEM_LENGTH = 500;
export const MAX_PLAN_NAME_LENGTH = 200;
export const MAX_FOLLOW_UP_COMMENT_LENGTH = 1000;

function error(field: string, message: string, messageEn: string): FieldError {
  return { field, message, messageEn };
}

const blank = (text: string | null | undefined) => (text ?? '').trim().length === 0;

// ---------------------------------------------------------------------------------------------
// SIP: the four legal elements
// ---------------------------------------------------------------------------------------------

export type SipElement = 1 | 2 | 3 | 4;

/** The four things a SIP must state (SoL 2 kap. 7 §, HSL 16 kap. 4 §; 001:408). */
export const SIP_ELEMENTS: Record<SipElement, { sv: string; en: string }> = {
  1: { sv: 'Vilka insatser som behövs', en: 'What support is needed' },
  2: { sv: 'Vilka insatser respektive huvudman ska svara för', en: 'What each principal will provide' },
  3: { sv: 'Vilka åtgärder som vidtas av någon annan än kommunen eller regionen', en: 'What others than the municipality or region will do' },
  4: { sv: 'Vilken huvudman som har det övergripande ansvaret för planen', en: 'Which principal has overall responsibility for the plan' },
};

export interface SipMissingElement extends FieldError {
  element: SipElement;
}

/**
 * The legal elements the SIP does not yet state, at most one entry per element, each message
 * naming exactly what is missing. A barnets plan is not a SIP and has none. Element 2 needs
 * both a kommun and a region (the law puts the duty on both) and text for every principal
 * listed; element 3 needs words even when nobody else takes part ("Inga"), so that an empty
 * field is never mistaken for an answer; element 4 needs a principal that is the plan's kommun
 * or region.
 */
export function sipMissingElements(plan: PlanContent): SipMissingElement[] {
  if (plan.kind !== 'sip') return [];
  const sip = plan.sip;
  const missing: SipMissingElement[] = [];
  const add = (element: SipElement, field: string, message: string, messageEn: string) => missing.push({ element, field, message, messageEn });

  if (!sip || blank(sip.supportNeeded))
    add(1, 'sip.supportNeeded', 'Det saknas vilka insatser som behövs.', 'The plan does not state what support is needed.');

  const contributions = sip?.principalContributions ?? [];
  const gapsSv: string[] = [];
  const gapsEn: string[] = [];
  if (!contributions.some((c) => c.principalKind === 'kommun')) {
    gapsSv.push('kommunen');
    gapsEn.push('the municipality');
  }
  if (!contributions.some((c) => c.principalKind === 'region')) {
    gapsSv.push('regionen');
    gapsEn.push('the region');
  }
  for (const c of contributions)
    if (blank(c.provides)) {
      const name = c.principalName.trim() || c.principalId;
      gapsSv.push(name);
      gapsEn.push(name);
    }
  if (gapsSv.length > 0)
    add(
      2,
      'sip.principalContributions',
      `Det saknas vad ${joinSv(gapsSv)} ska svara för.`,
      `The plan does not state what ${joinEn(gapsEn)} will provide.`,
    );

  if (!sip || blank(sip.othersProvide))
    add(
      3,
      'sip.othersProvide',
      'Det saknas vad andra än kommunen och regionen ska göra. Skriv ”Inga” om ingen annan bidrar.',
      'The plan does not state what others than the municipality and the region will do. Write "None" if nobody else contributes.',
    );

  const overall = sip?.overallResponsibility ?? null;
  if (!overall || blank(overall.principalId))
    add(
      4,
      'sip.overallResponsibility',
      'Det saknas vilken huvudman som har det övergripande ansvaret.',
      'The plan does not state which principal has overall responsibility.',
    );
  else if (!contributions.some((c) => c.principalId === overall.principalId && (c.principalKind === 'kommun' || c.principalKind === 'region')))
    add(
      4,
      'sip.overallResponsibility',
      'Det övergripande ansvaret ska ligga hos kommunen eller regionen i planen.',
      'Overall responsibility must lie with the municipality or the region in the plan.',
    );
  return missing;
}

export interface AdoptionCheck {
  allowed: boolean;
  errors: FieldError[];
}

/**
 * A SIP can be adopted when all four legal elements are there, the person has consented to the
 * plan (the duty to draw one up only applies if they do; for a child, the guardians and, by age
 * and maturity, the child – see the consent module), and a follow-up date is set.
 */
export function canAdoptSip(plan: PlanContent): AdoptionCheck {
  if (plan.kind !== 'sip') return { allowed: false, errors: [error('kind', 'Planen är inte en SIP.', 'The plan is not a SIP.')] };
  const errors: FieldError[] = sipMissingElements(plan).map(({ field, message, messageEn }) => ({ field, message, messageEn }));
  const consent = plan.sip?.personConsent ?? null;
  if (!consent || !consent.given)
    errors.push(
      error(
        'sip.personConsent',
        'Den enskilde har inte samtyckt till planen. En SIP kan bara fastställas med samtycke.',
        'The person has not consented to the plan. A SIP can only be adopted with consent.',
      ),
    );
  else if (!isIsoDate(consent.date)) errors.push(error('sip.personConsent.date', 'Ange när samtycket lämnades.', 'State when consent was given.'));
  if (!isIsoDate(plan.sip?.followUpDate))
    errors.push(error('sip.followUpDate', 'Ange när planen ska följas upp.', 'State when the plan will be followed up.'));
  return { allowed: errors.length === 0, errors };
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

export interface PlanDraftContext {
  /** The date of this version of the plan (the day it is drawn up). */
  planDate: IsoDate;
  today: IsoDate;
  /** The tenant's wheel areas; sections may only use active (non-retired) ones. */
  areas: readonly WheelArea[];
}

function checkText(errors: FieldError[], field: string, text: string | null | undefined, max: number) {
  if ((text ?? '').trim().length > max)
    errors.push(error(field, `Texten får vara högst ${max} tecken.`, `The text may be at most ${max} characters.`));
}

function checkDate(errors: FieldError[], field: string, date: IsoDate | null | undefined): boolean {
  if (date === null || date === undefined || date === '') return false;
  if (isIsoDate(date)) return true;
  errors.push(error(field, 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).', 'Enter a valid date (YYYY-MM-DD).'));
  return false;
}

function checkFollowUpDate(errors: FieldError[], field: string, date: IsoDate | null | undefined, planDate: IsoDate | null) {
  if (checkDate(errors, field, date) && planDate && date! < planDate)
    errors.push(error(field, 'Uppföljningsdatumet ligger före planens datum.', 'The follow-up date is before the date of the plan.'));
}

function checkNames(errors: FieldError[], field: string, names: readonly string[]) {
  names.forEach((name, i) => {
    if (blank(name)) errors.push(error(`${field}.${i}`, 'Namnet får inte vara tomt.', 'The name cannot be empty.'));
    else checkText(errors, `${field}.${i}`, name, MAX_PLAN_NAME_LENGTH);
  });
}

/**
 * Field errors for a draft; an empty list means it can be saved. A draft may be incomplete (a
 * SIP's missing elements are reported by sipMissingElements and block adoption, not saving),
 * but what it says must make sense: active areas only, each once; actions and goals with
 * words; real dates; an action that ends before it starts, or a follow-up before the plan's
 * own date, is refused; texts within their limits; only kommun and region as SIP principals.
 */
export function validatePlanDraft(plan: PlanContent, context: PlanDraftContext): FieldError[] {
  const errors: FieldError[] = [];
  const planDate = isIsoDate(context.planDate) ? context.planDate : null;
  if (!planDate) errors.push(error('planDate', 'Ange planens datum (ÅÅÅÅ-MM-DD).', "Enter the plan's date (YYYY-MM-DD)."));
  if (!(PLAN_KINDS as readonly string[]).includes(plan.kind))
    errors.push(error('kind', 'Välj vilken sorts plan det är.', 'Choose the kind of plan.'));

  for (const view of ['childView', 'guardiansView'] as const)
    for (const part of ['strengths', 'challenges'] as const) checkText(errors, `${view}.${part}`, plan[view]?.[part], MAX_PLAN_TEXT_LENGTH);

  const known = new Map(context.areas.map((a) => [a.key, a]));
  const seen = new Set<string>();
  (plan.areas ?? []).forEach((section, i) => {
    const at = `areas.${i}`;
    const area = known.get(section.areaKey);
    if (!area || area.retired)
      errors.push(error(`${at}.areaKey`, 'Området finns inte eller används inte längre.', 'The area does not exist or is no longer in use.'));
    else if (seen.has(section.areaKey)) errors.push(error(`${at}.areaKey`, 'Området finns redan i planen.', 'The area is already in the plan.'));
    seen.add(section.areaKey);
    checkText(errors, `${at}.childWords`, section.childWords, MAX_PLAN_TEXT_LENGTH);
    checkText(errors, `${at}.guardiansWillDo`, section.guardiansWillDo, MAX_PLAN_TEXT_LENGTH);

    (section.actions ?? []).forEach((action, j) => {
      const af = `${at}.actions.${j}`;
      if (blank(action.what)) errors.push(error(`${af}.what`, 'Beskriv vad som ska göras.', 'Describe what will be done.'));
      else checkText(errors, `${af}.what`, action.what, MAX_PLAN_ITEM_LENGTH);
      const hasStart = checkDate(errors, `${af}.start`, action.start);
      const hasEnd = checkDate(errors, `${af}.end`, action.end);
      if (hasStart && hasEnd && action.end! < action.start!)
        errors.push(error(`${af}.end`, 'Slutdatumet ligger före startdatumet.', 'The end date is before the start date.'));
    });
    (section.goals ?? []).forEach((goal, j) => {
      const gf = `${at}.goals.${j}`;
      if (blank(goal.text)) errors.push(error(`${gf}.text`, 'Beskriv målet.', 'Describe the goal.'));
      else checkText(errors, `${gf}.text`, goal.text, MAX_PLAN_ITEM_LENGTH);
      if (blank(goal.followUpDate))
        errors.push(error(`${gf}.followUpDate`, 'Ange när målet ska följas upp.', 'State when the goal will be followed up.'));
      else checkFollowUpDate(errors, `${gf}.followUpDate`, goal.followUpDate, planDate);
    });
  });

  if (plan.kind === 'sip') {
    const sip = plan.sip;
    if (!sip) errors.push(error('sip', 'En SIP behöver uppgifterna för SIP.', 'A SIP needs its SIP details.'));
    else {
      checkText(errors, 'sip.supportNeeded', sip.supportNeeded, MAX_PLAN_TEXT_LENGTH);
      checkText(errors, 'sip.othersProvide', sip.othersProvide, MAX_PLAN_TEXT_LENGTH);
      const principals = new Set<string>();
      (sip.principalContributions ?? []).forEach((c, i) => {
        const cf = `sip.principalContributions.${i}`;
        if (c.principalKind !== 'kommun' && c.principalKind !== 'region')
          errors.push(
            error(
              `${cf}.principalKind`,
              'Bara kommunen och regionen är huvudmän i en SIP. Skriv vad andra gör under ”Andra än kommun och region”.',
              'Only the municipality and the region are principals in a SIP. Write what others do under "Others than municipality and region".',
            ),
          );
        if (principals.has(c.principalId))
          errors.push(error(`${cf}.principalId`, 'Huvudmannen finns redan i planen.', 'The principal is already in the plan.'));
        principals.add(c.principalId);
        checkText(errors, `${cf}.provides`, c.provides, MAX_PLAN_TEXT_LENGTH);
      });
      checkNames(errors, 'sip.participants', sip.participants ?? []);
      checkNames(errors, 'sip.relativesParticipated', sip.relativesParticipated ?? []);
      checkText(errors, 'sip.childParticipation.how', sip.childParticipation?.how, MAX_PLAN_TEXT_LENGTH);
      if (sip.personConsent && checkDate(errors, 'sip.personConsent.date', sip.personConsent.date) && isIsoDate(context.today))
        if (sip.personConsent.date! > context.today)
          errors.push(
            error('sip.personConsent.date', 'Datumet för samtycket kan inte ligga i framtiden.', 'The consent date cannot be in the future.'),
          );
      checkFollowUpDate(errors, 'sip.followUpDate', sip.followUpDate, planDate);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------------------------

export const PLAN_VERSION_STATUSES = ['draft', 'adopted', 'superseded'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

export const PLAN_VERSION_STATUS_LABELS: Record<PlanVersionStatus, { sv: string; en: string }> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  adopted: { sv: 'Fastställd', en: 'Adopted' },
  superseded: { sv: 'Ersatt', en: 'Superseded' },
};

export interface PlanVersion {
  /** 1, 2, 3, … per plan. */
  number: number;
  status: PlanVersionStatus;
  adoptedAt: IsoDate | null;
  content: PlanContent;
}

export type PlanVersionResult = { ok: true; versions: PlanVersion[] } | { ok: false; errors: FieldError[] };

const NOT_EDITABLE = error(
  'version',
  'En fastställd plan kan inte ändras. Skapa en ny version.',
  'An adopted plan cannot be changed. Create a new version.',
);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Null when the version may be edited (a draft); otherwise the reason. Adopted and superseded versions are frozen. */
export function assertEditable(version: PlanVersion): FieldError | null {
  return version.status === 'draft' ? null : { ...NOT_EDITABLE };
}

/** The version in force: the adopted one, or null before the first adoption. */
export function currentVersion(versions: readonly PlanVersion[]): PlanVersion | null {
  return versions.find((v) => v.status === 'adopted') ?? null;
}

function newest(versions: readonly PlanVersion[]): PlanVersion | null {
  return versions.reduce<PlanVersion | null>((best, v) => (!best || v.number > best.number ? v : best), null);
}

/** Version 1 of a new plan, a draft. */
export function firstPlanVersion(content: PlanContent): PlanVersion {
  return { number: 1, status: 'draft', adoptedAt: null, content: clone(content) };
}

/**
 * Where a change goes: the open draft if the newest version is one (created: false), otherwise
 * a new draft numbered n+1 that starts as a copy of the newest version's content (created:
 * true; the caller stores it). Null when there are no versions yet (use firstPlanVersion).
 * The adopted version itself is never touched.
 */
export function nextVersionOnChange(versions: readonly PlanVersion[]): { draft: PlanVersion; created: boolean } | null {
  const last = newest(versions);
  if (!last) return null;
  if (last.status === 'draft') return { draft: last, created: false };
  return { draft: { number: last.number + 1, status: 'draft', adoptedAt: null, content: clone(last.content) }, created: true };
}

/** Replaces a draft's content; refused for an adopted or superseded version. */
export function editDraft(version: PlanVersion, content: PlanContent): { ok: true; version: PlanVersion } | { ok: false; errors: FieldError[] } {
  const refused = assertEditable(version);
  if (refused) return { ok: false, errors: [refused] };
  return { ok: true, version: { ...version, content: clone(content) } };
}

/**
 * Adopts (fastställer) draft `number` on `today`: it becomes the version in force and is deeply
 * frozen, and the version adopted before it becomes superseded (frozen too). A SIP must pass
 * canAdoptSip. Run validatePlanDraft before adopting, as for any save. Returns the whole new
 * list of versions; the input is not changed.
 */
export function adopt(versions: readonly PlanVersion[], number: number, today: IsoDate): PlanVersionResult {
  const target = versions.find((v) => v.number === number);
  if (!target) return { ok: false, errors: [error('version', 'Versionen finns inte.', 'The version does not exist.')] };
  if (target.status !== 'draft')
    return { ok: false, errors: [error('version', 'Versionen är redan fastställd.', 'The version is already adopted.')] };
  if (!isIsoDate(today))
    return { ok: false, errors: [error('adoptedAt', 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).', 'Enter a valid date (YYYY-MM-DD).')] };
  const current = currentVersion(versions);
  if (current && current.number > number)
    return {
      ok: false,
      errors: [error('version', 'Det finns redan en senare fastställd version.', 'A later version has already been adopted.')],
    };
  if (target.content.kind === 'sip') {
    const check = canAdoptSip(target.content);
    if (!check.allowed) return { ok: false, errors: check.errors };
  }
  return {
    ok: true,
    versions: versions.map((v): PlanVersion => {
      if (v.number === number) return deepFreeze<PlanVersion>({ ...v, status: 'adopted', adoptedAt: today, content: clone(v.content) });
      if (v.status === 'adopted') return deepFreeze<PlanVersion>({ ...v, status: 'superseded', content: clone(v.content) });
      return v;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Follow-up
// ---------------------------------------------------------------------------------------------

export const GOAL_OUTCOMES = ['achieved', 'partly', 'not', 'no_longer_relevant'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

export const GOAL_OUTCOME_LABELS: Record<GoalOutcome, { sv: string; en: string }> = {
  achieved: { sv: 'Uppnått', en: 'Achieved' },
  partly: { sv: 'Delvis uppnått', en: 'Partly achieved' },
  not: { sv: 'Inte uppnått', en: 'Not achieved' },
  no_longer_relevant: { sv: 'Inte längre aktuellt', en: 'No longer relevant' },
};

export interface GoalFollowUp {
  outcome: GoalOutcome;
  comment?: string;
}

/** Every goal of a plan with where it sits, in plan order (the order validateFollowUp expects). */
export function planGoals(plan: PlanContent): { areaKey: string; index: number; goal: PlanGoal }[] {
  return plan.areas.flatMap((section) => section.goals.map((goal, index) => ({ areaKey: section.areaKey, index, goal })));
}

/**
 * A follow-up marks every goal: `outcomes[i]` belongs to `goals[i]` (e.g. planGoals(plan)).
 * Refused: a goal left unmarked, an unknown outcome, a comment over 1000 characters, and an
 * outcome with no goal.
 */
export function validateFollowUp(goals: readonly PlanGoal[], outcomes: readonly (GoalFollowUp | null | undefined)[]): FieldError[] {
  const errors: FieldError[] = [];
  goals.forEach((_goal, i) => {
    const o = outcomes[i];
    if (!o) errors.push(error(`outcomes.${i}`, 'Markera hur det gick med målet.', 'Mark how the goal went.'));
    else if (!(GOAL_OUTCOMES as readonly string[]).includes(o.outcome))
      errors.push(error(`outcomes.${i}.outcome`, 'Okänt utfall för målet.', 'Unknown outcome for the goal.'));
    if (o && (o.comment ?? '').trim().length > MAX_FOLLOW_UP_COMMENT_LENGTH)
      errors.push(
        error(
          `outcomes.${i}.comment`,
          `Kommentaren får vara högst ${MAX_FOLLOW_UP_COMMENT_LENGTH} tecken.`,
          `The comment may be at most ${MAX_FOLLOW_UP_COMMENT_LENGTH} characters.`,
        ),
      );
  });
  for (let i = goals.length; i < outcomes.length; i++)
    if (outcomes[i]) errors.push(error(`outcomes.${i}`, 'Det finns inget mål att följa upp här.', 'There is no goal to follow up here.'));
  return errors;
}

/** Every follow-up date the plan sets: each goal's, and the SIP's own. */
function dueDates(plan: PlanContent): IsoDate[] {
  const dates = planGoals(plan).map((g) => g.goal.followUpDate);
  if (plan.kind === 'sip' && plan.sip?.followUpDate) dates.push(plan.sip.followUpDate);
  return dates.filter((d) => isIsoDate(d)).sort();
}

/**
 * The next follow-up the plan asks for: the earliest goal or SIP follow-up date after the last
 * follow-up held (a follow-up reviews the whole plan, so it covers every date up to its own
 * day). Null when nothing is left to follow up.
 */
export function nextFollowUpDate(plan: PlanContent, lastFollowUpOn: IsoDate | null = null): IsoDate | null {
  return dueDates(plan).find((d) => lastFollowUpOn === null || d > lastFollowUpOn) ?? null;
}

/**
 * Whether the version in force has a follow-up date that has passed (before today; a
 * follow-up due today is not late yet) without a follow-up since. Drafts and superseded
 * versions are never overdue: only the adopted plan is being carried out.
 */
export function isFollowUpOverdue(plan: PlanVersion, today: IsoDate, lastFollowUpOn: IsoDate | null = null): boolean {
  if (plan.status !== 'adopted' || !isIsoDate(today)) return false;
  const next = nextFollowUpDate(plan.content, lastFollowUpOn);
  return next !== null && next < today;
}
