/**
 * What changed between two versions of a plan, in plain sentences ("Trygg – insatser: ny insats
 * ”Samtal med kurator varje vecka”."), so that the child, the guardians and the team can see
 * what was agreed before and what is agreed now without comparing two documents line by line.
 */
import type { WheelArea } from '../wheel/areas.ts';
import type { PlanAction, PlanAreaSection, PlanContent, PlanGoal, SipDetails } from './plan.ts';
import { PLAN_KIND_LABELS } from './plan.ts';

export type PlanChangeKind = 'added' | 'removed' | 'changed';

export interface PlanChange {
  /** The wheel area the change belongs to; null for plan-level and SIP fields. */
  areaKey: string | null;
  /** What changed, e.g. 'kind', 'childView.strengths', 'areas.trygg.actions', 'sip.othersProvide'. */
  field: string;
  change: PlanChangeKind;
  textSv: string;
  textEn: string;
}

export interface PlanDiffOptions {
  /** Area labels and order; without them the key is shown and the plan's own order kept. */
  areas?: readonly WheelArea[];
  /** Names for action owners; without them the id is shown. */
  unitName?: (unitId: string) => string | null | undefined;
  userName?: (userId: string) => string | null | undefined;
}

const MAX_QUOTE = 80;

function short(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1).trimEnd()}…` : t;
}
const qSv = (text: string) => `”${short(text)}”`;
const qEn = (text: string) => `"${short(text)}"`;
const norm = (text: string | null | undefined) => (text ?? '').trim();

const EMPTY_SECTION = (areaKey: string): PlanAreaSection => ({ areaKey, childWords: '', guardiansWillDo: '', actions: [], goals: [] });

const EMPTY_SIP: SipDetails = {
  supportNeeded: '',
  principalContributions: [],
  othersProvide: '',
  overallResponsibility: null,
  participants: [],
  personConsent: null,
  childParticipation: { tookPart: false, how: '' },
  relativesParticipated: [],
  followUpDate: null,
};

interface Where {
  areaKey: string | null;
  field: string;
  sv: string;
  en: string;
}

class Changes {
  readonly list: PlanChange[] = [];

  add(where: Where, change: PlanChange['change'], sv: string, en: string) {
    this.list.push({ areaKey: where.areaKey, field: where.field, change, textSv: `${where.sv}: ${sv}.`, textEn: `${where.en}: ${en}.` });
  }

  /** A free text: added, removed or reworded. */
  text(where: Where, before: string | null | undefined, after: string | null | undefined) {
    const x = norm(before);
    const y = norm(after);
    if (x === y) return;
    if (!x) this.add(where, 'added', `tillagt ${qSv(y)}`, `added ${qEn(y)}`);
    else if (!y) this.add(where, 'removed', `borttaget (var ${qSv(x)})`, `removed (was ${qEn(x)})`);
    else this.add(where, 'changed', `ändrat från ${qSv(x)} till ${qSv(y)}`, `changed from ${qEn(x)} to ${qEn(y)}`);
  }

  /** A value shown as "before → after". */
  value(where: Where, before: { sv: string; en: string }, after: { sv: string; en: string }) {
    if (before.sv === after.sv) return;
    this.add(where, 'changed', `${before.sv} → ${after.sv}`, `${before.en} → ${after.en}`);
  }

  /** A list of names: one entry per name added or removed. */
  names(where: Where, before: readonly string[], after: readonly string[]) {
    const a = before.map(norm).filter(Boolean);
    const b = after.map(norm).filter(Boolean);
    for (const name of b) if (!a.includes(name)) this.add(where, 'added', `${name} har lagts till`, `${name} added`);
    for (const name of a) if (!b.includes(name)) this.add(where, 'removed', `${name} har tagits bort`, `${name} removed`);
  }
}

/**
 * Pairs items of two lists by key, in order (two items with the same key pair up one by one).
 * Unpaired items of `before` were removed, unpaired items of `after` added.
 */
function pairUp<T>(before: readonly T[], after: readonly T[], key: (item: T) => string) {
  const pool = new Map<string, T[]>();
  for (const item of before) pool.set(key(item), [...(pool.get(key(item)) ?? []), item]);
  const pairs: [T, T][] = [];
  const added: T[] = [];
  for (const item of after) {
    const match = pool.get(key(item))?.shift();
    if (match !== undefined) pairs.push([match, item]);
    else added.push(item);
  }
  const removed = before.filter((item) => !pairs.some(([a]) => a === item));
  return { pairs, added, removed };
}

/** Actions and goals are followed by id when they have one, otherwise by their wording. */
const actionKey = (a: PlanAction) => (a.id ? `id:${a.id}` : `text:${norm(a.what).toLowerCase()}`);
const goalKey = (g: PlanGoal) => (g.id ? `id:${g.id}` : `text:${norm(g.text).toLowerCase()}`);

function orderedSectionKeys(a: PlanContent, b: PlanContent, areas: readonly WheelArea[] | undefined): string[] {
  const keys: string[] = [];
  for (const s of [...b.areas, ...a.areas]) if (!keys.includes(s.areaKey)) keys.push(s.areaKey);
  if (!areas) return keys;
  const position = new Map(areas.map((x) => [x.key, x.position]));
  const pos = (k: string) => position.get(k) ?? Number.POSITIVE_INFINITY;
  return [...keys].sort((x, y) => pos(x) - pos(y));
}

/**
 * The changes from version `a` to version `b`: the kind of plan, the child's and the guardians'
 * views, per area (in wheel order when `areas` are given) the child's words, what the
 * guardians will do, actions and goals added, removed or changed, and the SIP's elements.
 * An area added or removed is listed together with its contents. An empty list means no change.
 */
export function diffPlans(a: PlanContent, b: PlanContent, options: PlanDiffOptions = {}): PlanChange[] {
  const out = new Changes();
  const areaOf = new Map((options.areas ?? []).map((x) => [x.key, x]));
  const unit = (id: string | null) => (id ? (options.unitName?.(id) ?? id) : null);
  const user = (id: string | null) => (id ? (options.userName?.(id) ?? id) : null);

  if (a.kind !== b.kind)
    out.add(
      { areaKey: null, field: 'kind', sv: 'Planen', en: 'The plan' },
      'changed',
      `${PLAN_KIND_LABELS[a.kind].sv} → ${PLAN_KIND_LABELS[b.kind].sv}`,
      `${PLAN_KIND_LABELS[a.kind].en} → ${PLAN_KIND_LABELS[b.kind].en}`,
    );

  const views = [
    ['childView', 'Barnets syn', "The child's view"],
    ['guardiansView', 'Vårdnadshavarnas syn', "The guardians' view"],
  ] as const;
  const parts = [
    ['strengths', 'styrkor', 'strengths'],
    ['challenges', 'utmaningar', 'challenges'],
  ] as const;
  for (const [view, sv, en] of views)
    for (const [part, partSv, partEn] of parts)
      out.text({ areaKey: null, field: `${view}.${part}`, sv: `${sv} – ${partSv}`, en: `${en} – ${partEn}` }, a[view]?.[part], b[view]?.[part]);

  for (const areaKey of orderedSectionKeys(a, b, options.areas)) {
    const area = areaOf.get(areaKey);
    const labelSv = area?.labelSv ?? areaKey;
    const labelEn = area?.labelEn ?? areaKey;
    const before = a.areas.find((s) => s.areaKey === areaKey);
    const after = b.areas.find((s) => s.areaKey === areaKey);
    const where = (field: string, sv: string, en: string): Where => ({
      areaKey,
      field: `areas.${areaKey}${field ? `.${field}` : ''}`,
      sv: sv ? `${labelSv} – ${sv}` : labelSv,
      en: en ? `${labelEn} – ${en}` : labelEn,
    });
    if (!before) out.add(where('', '', ''), 'added', 'området har lagts till i planen', 'the area was added to the plan');
    if (!after) out.add(where('', '', ''), 'removed', 'området har tagits bort ur planen', 'the area was removed from the plan');
    const x = before ?? EMPTY_SECTION(areaKey);
    const y = after ?? EMPTY_SECTION(areaKey);
    out.text(where('childWords', 'barnets ord', "the child's words"), x.childWords, y.childWords);
    out.text(where('guardiansWillDo', 'det vårdnadshavarna gör', 'what the guardians will do'), x.guardiansWillDo, y.guardiansWillDo);

    const actionsAt = where('actions', 'insatser', 'actions');
    const actions = pairUp(x.actions, y.actions, actionKey);
    for (const act of actions.added) out.add(actionsAt, 'added', `ny insats ${qSv(act.what)}`, `new action ${qEn(act.what)}`);
    for (const act of actions.removed) out.add(actionsAt, 'removed', `insatsen ${qSv(act.what)} har tagits bort`, `action ${qEn(act.what)} removed`);
    for (const [p, q] of actions.pairs) {
      const sv: string[] = [];
      const en: string[] = [];
      const field = (nameSv: string, nameEn: string, from: string | null | undefined, to: string | null | undefined) => {
        if ((from ?? null) === (to ?? null)) return;
        sv.push(`${nameSv} ${from ?? 'ingen'} → ${to ?? 'ingen'}`);
        en.push(`${nameEn} ${from ?? 'none'} → ${to ?? 'none'}`);
      };
      if (norm(p.what) !== norm(q.what)) {
        sv.push(`tidigare ${qSv(p.what)}`);
        en.push(`was ${qEn(p.what)}`);
      }
      if (p.ownerUnitId !== q.ownerUnitId) field('ansvarig verksamhet', 'responsible unit', unit(p.ownerUnitId), unit(q.ownerUnitId));
      if (p.ownerUserId !== q.ownerUserId) field('ansvarig person', 'responsible person', user(p.ownerUserId), user(q.ownerUserId));
      field('start', 'start', p.start, q.start);
      field('slut', 'end', p.end, q.end);
      field('beslut', 'decision', p.decisionId, q.decisionId);
      if (sv.length > 0)
        out.add(actionsAt, 'changed', `insatsen ${qSv(q.what)} har ändrats: ${sv.join('; ')}`, `action ${qEn(q.what)} changed: ${en.join('; ')}`);
    }

    const goalsAt = where('goals', 'mål', 'goals');
    const goals = pairUp(x.goals, y.goals, goalKey);
    for (const g of goals.added)
      out.add(goalsAt, 'added', `nytt mål ${qSv(g.text)}, följs upp ${g.followUpDate}`, `new goal ${qEn(g.text)}, follow-up ${g.followUpDate}`);
    for (const g of goals.removed) out.add(goalsAt, 'removed', `målet ${qSv(g.text)} har tagits bort`, `goal ${qEn(g.text)} removed`);
    for (const [p, q] of goals.pairs) {
      const sv: string[] = [];
      const en: string[] = [];
      if (norm(p.text) !== norm(q.text)) {
        sv.push(`tidigare ${qSv(p.text)}`);
        en.push(`was ${qEn(p.text)}`);
      }
      if (p.followUpDate !== q.followUpDate) {
        sv.push(`uppföljning ${p.followUpDate} → ${q.followUpDate}`);
        en.push(`follow-up ${p.followUpDate} → ${q.followUpDate}`);
      }
      if (sv.length > 0)
        out.add(goalsAt, 'changed', `målet ${qSv(q.text)} har ändrats: ${sv.join('; ')}`, `goal ${qEn(q.text)} changed: ${en.join('; ')}`);
    }
  }

  const sipA = a.kind === 'sip' ? (a.sip ?? EMPTY_SIP) : EMPTY_SIP;
  const sipB = b.kind === 'sip' ? (b.sip ?? EMPTY_SIP) : EMPTY_SIP;
  diffSip(out, sipA, sipB);
  return out.list;
}

function diffSip(out: Changes, a: SipDetails, b: SipDetails) {
  const at = (field: string, sv: string, en: string): Where => ({ areaKey: null, field: `sip.${field}`, sv: `SIP – ${sv}`, en: `SIP – ${en}` });

  out.text(at('supportNeeded', 'insatser som behövs', 'support needed'), a.supportNeeded, b.supportNeeded);

  const contributions = pairUp(a.principalContributions, b.principalContributions, (c) => c.principalId);
  const huvudman = at('principalContributions', 'huvudmän', 'principals');
  for (const c of contributions.added)
    out.add(
      huvudman,
      'added',
      norm(c.provides) ? `${c.principalName} ska svara för ${qSv(c.provides)}` : `${c.principalName} har lagts till`,
      norm(c.provides) ? `${c.principalName} will provide ${qEn(c.provides)}` : `${c.principalName} added`,
    );
  for (const c of contributions.removed)
    out.add(huvudman, 'removed', `${c.principalName} är inte längre med i planen`, `${c.principalName} is no longer in the plan`);
  for (const [p, q] of contributions.pairs)
    out.text(at('principalContributions', `det ${q.principalName} ska svara för`, `what ${q.principalName} will provide`), p.provides, q.provides);

  out.text(at('othersProvide', 'andra än kommun och region', 'others than municipality and region'), a.othersProvide, b.othersProvide);

  const overallA = a.overallResponsibility;
  const overallB = b.overallResponsibility;
  if ((overallA?.principalId ?? null) !== (overallB?.principalId ?? null))
    out.value(
      at('overallResponsibility', 'övergripande ansvar', 'overall responsibility'),
      { sv: overallA?.principalName ?? 'ingen', en: overallA?.principalName ?? 'none' },
      { sv: overallB?.principalName ?? 'ingen', en: overallB?.principalName ?? 'none' },
    );

  out.names(at('participants', 'deltagare', 'participants'), a.participants, b.participants);

  const consent = (c: SipDetails['personConsent']) =>
    !c
      ? { sv: 'inte dokumenterat', en: 'not documented' }
      : c.given
        ? { sv: `lämnat${c.date ? ` ${c.date}` : ''}`, en: `given${c.date ? ` ${c.date}` : ''}` }
        : { sv: 'inte lämnat', en: 'not given' };
  out.value(at('personConsent', 'samtycke', 'consent'), consent(a.personConsent), consent(b.personConsent));

  const participation = (p: SipDetails['childParticipation']) => {
    const how = norm(p?.how);
    return {
      sv: `${p?.tookPart ? 'deltog' : 'deltog inte'}${how ? ` (${short(how)})` : ''}`,
      en: `${p?.tookPart ? 'took part' : 'did not take part'}${how ? ` (${short(how)})` : ''}`,
    };
  };
  out.value(
    at('childParticipation', 'barnets delaktighet', "the child's participation"),
    participation(a.childParticipation),
    participation(b.childParticipation),
  );

  out.names(at('relativesParticipated', 'närstående som deltagit', 'relatives who took part'), a.relativesParticipated, b.relativesParticipated);

  if (a.followUpDate !== b.followUpDate)
    out.value(
      at('followUpDate', 'uppföljning', 'follow-up'),
      { sv: a.followUpDate ?? 'inget datum', en: a.followUpDate ?? 'no date' },
      { sv: b.followUpDate ?? 'inget datum', en: b.followUpDate ?? 'no date' },
    );
}
