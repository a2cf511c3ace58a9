import type { PlanContent, PlanKind, PrincipalOption } from './api';

/*
 * The plan editor's own state: the plan's content with plain strings for what the user types
 * (dates, lists one per line, the owner choice), converted to and from PlanContent.
 */

export interface EditableAction {
  /** React key (and the action's stable id for the diff). */
  id: string;
  what: string;
  /** '' (nobody yet), 'me', 'unit:<unitId>' or 'user:<userId>:<unitId>' (someone else, kept as it was). */
  owner: string;
  start: string;
  end: string;
  decisionId?: string | null;
}

export interface EditableGoal {
  id: string;
  text: string;
  followUpDate: string;
}

export interface EditableArea {
  areaKey: string;
  childWords: string;
  guardiansWillDo: string;
  actions: EditableAction[];
  goals: EditableGoal[];
}

export interface EditableSip {
  supportNeeded: string;
  /** What each principal provides, by principal id. */
  provides: Record<string, string>;
  othersProvide: string;
  /** Principal id with the overall responsibility, or ''. */
  overall: string;
  participants: string;
  consentGiven: boolean;
  consentDate: string;
  childTookPart: boolean;
  childHow: string;
  relatives: string;
  followUpDate: string;
}

export interface EditablePlan {
  childView: { strengths: string; challenges: string };
  guardiansView: { strengths: string; challenges: string };
  areas: EditableArea[];
  sip: EditableSip | null;
}

/** A short random id (actions and goals keep it across versions, so the diff can follow them). */
export function newItemId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function emptySip(): EditableSip {
  return {
    supportNeeded: '',
    provides: {},
    othersProvide: '',
    overall: '',
    participants: '',
    consentGiven: false,
    consentDate: '',
    childTookPart: false,
    childHow: '',
    relatives: '',
    followUpDate: '',
  };
}

export function toEditable(content: PlanContent, me: { userId: string; unitId: string }): EditablePlan {
  const sip = content.sip;
  return {
    childView: { ...content.childView },
    guardiansView: { ...content.guardiansView },
    areas: content.areas.map((a) => ({
      areaKey: a.areaKey,
      childWords: a.childWords,
      guardiansWillDo: a.guardiansWillDo,
      actions: a.actions.map((x) => ({
        id: x.id || newItemId(),
        what: x.what,
        owner:
          x.ownerUserId && x.ownerUserId === me.userId && x.ownerUnitId === me.unitId
            ? 'me'
            : x.ownerUserId
              ? `user:${x.ownerUserId}:${x.ownerUnitId ?? ''}`
              : x.ownerUnitId
                ? `unit:${x.ownerUnitId}`
                : '',
        start: x.start ?? '',
        end: x.end ?? '',
        decisionId: x.decisionId,
      })),
      goals: a.goals.map((g) => ({ id: g.id || newItemId(), text: g.text, followUpDate: g.followUpDate })),
    })),
    sip:
      content.kind === 'sip'
        ? sip
          ? {
              supportNeeded: sip.supportNeeded,
              provides: Object.fromEntries(sip.principalContributions.map((c) => [c.principalId, c.provides])),
              othersProvide: sip.othersProvide,
              overall: sip.overallResponsibility?.principalId ?? '',
              participants: sip.participants.join('\n'),
              consentGiven: sip.personConsent?.given ?? false,
              consentDate: sip.personConsent?.date ?? '',
              childTookPart: sip.childParticipation.tookPart,
              childHow: sip.childParticipation.how,
              relatives: sip.relativesParticipated.join('\n'),
              followUpDate: sip.followUpDate ?? '',
            }
          : emptySip()
        : null,
  };
}

/**
 * The content to send. `principals` are the SIP's possible principals (kommun and region), in
 * the order they are shown; a principal is included when something is written for it. Returns
 * the principal ids in the order sent, to place the server's errors
 * (sip.principalContributions.<i>…) at the right field.
 */
export function toContent(
  kind: PlanKind,
  plan: EditablePlan,
  me: { userId: string; unitId: string },
  principals: PrincipalOption[],
): { content: PlanContent; principalOrder: string[] } {
  const nullable = (s: string) => (s.trim() === '' ? null : s);
  const principalOrder: string[] = [];
  const sip = plan.sip;
  let sipContent: PlanContent['sip'] = null;
  if (kind === 'sip') {
    const s = sip ?? emptySip();
    const known = new Set(principals.map((p) => p.id));
    const ids = [...principals.map((p) => p.id), ...Object.keys(s.provides).filter((id) => !known.has(id))];
    const contributions = ids
      .filter((id) => (s.provides[id] ?? '').trim() !== '')
      .map((id) => {
        principalOrder.push(id);
        return { principalId: id, provides: (s.provides[id] ?? '').trim() };
      });
    sipContent = {
      supportNeeded: s.supportNeeded.trim(),
      principalContributions: contributions,
      othersProvide: s.othersProvide.trim(),
      overallResponsibility: s.overall ? { principalId: s.overall } : null,
      participants: lines(s.participants),
      personConsent: s.consentGiven || s.consentDate ? { given: s.consentGiven, date: nullable(s.consentDate) } : null,
      childParticipation: { tookPart: s.childTookPart, how: s.childHow.trim() },
      relativesParticipated: lines(s.relatives),
      followUpDate: nullable(s.followUpDate),
    };
  }
  const content: PlanContent = {
    kind,
    childView: { strengths: plan.childView.strengths.trim(), challenges: plan.childView.challenges.trim() },
    guardiansView: { strengths: plan.guardiansView.strengths.trim(), challenges: plan.guardiansView.challenges.trim() },
    areas: plan.areas.map((a) => ({
      areaKey: a.areaKey,
      childWords: a.childWords.trim(),
      guardiansWillDo: a.guardiansWillDo.trim(),
      actions: a.actions.map((x) => {
        let ownerUnitId: string | null = null;
        let ownerUserId: string | null = null;
        if (x.owner === 'me') {
          ownerUnitId = me.unitId;
          ownerUserId = me.userId;
        } else if (x.owner.startsWith('unit:')) {
          ownerUnitId = x.owner.slice(5);
        } else if (x.owner.startsWith('user:')) {
          const [, userId, unitId] = x.owner.split(':');
          ownerUserId = userId || null;
          ownerUnitId = unitId || null;
        }
        return {
          id: x.id,
          what: x.what.trim(),
          ownerUnitId,
          ownerUserId,
          start: nullable(x.start),
          end: nullable(x.end),
          ...(x.decisionId ? { decisionId: x.decisionId } : {}),
        };
      }),
      goals: a.goals.map((g) => ({ id: g.id, text: g.text.trim(), followUpDate: g.followUpDate })),
    })),
    sip: sipContent,
  };
  return { content, principalOrder };
}

/** Client-side checks before sending (the server checks again): i18n keys by field path. */
export function clientErrors(plan: EditablePlan): Record<string, string> {
  const errors: Record<string, string> = {};
  plan.areas.forEach((a, i) => {
    a.actions.forEach((x, j) => {
      if (x.what.trim() === '') errors[`areas.${i}.actions.${j}.what`] = 'plan.errors.actionWhat';
    });
    a.goals.forEach((g, j) => {
      if (g.text.trim() === '') errors[`areas.${i}.goals.${j}.text`] = 'plan.errors.goalText';
      if (g.followUpDate === '') errors[`areas.${i}.goals.${j}.followUpDate`] = 'plan.errors.goalFollowUp';
    });
  });
  return errors;
}
