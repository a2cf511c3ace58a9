import { addDays } from '../consent/dates.ts';
import type { FieldError, IsoDate } from '../consent/types.ts';
import { epochDay } from '../calendar/holidays.ts';
import { addWorkingDays } from '../calendar/working-days.ts';

/**
 * Case interventions and warm hand-overs (issue 6 §3). "Vi remitterar inte, vi lämnar över"
 * (TSI-boken 001:761): the receiving service takes the responsibility explicitly.
 *
 *   proposed ──request──▶ requested ──accept──▶ accepted ──start──▶ started ──end──▶ ended
 *      │                     ├──decline (reason)──▶ declined
 *      │                     └──revoke──▶ revoked   (also from accepted, before the start)
 *      └──start──▶ started   (only when the proposing unit gives the intervention itself)
 */
export const INTERVENTION_STATUSES = ['proposed', 'requested', 'accepted', 'declined', 'revoked', 'started', 'ended'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, { sv: string; en: string }> = {
  proposed: { sv: 'Föreslagen', en: 'Proposed' },
  requested: { sv: 'Överlämning begärd', en: 'Hand-over requested' },
  accepted: { sv: 'Mottagen', en: 'Accepted' },
  declined: { sv: 'Avböjd', en: 'Declined' },
  revoked: { sv: 'Återkallad', en: 'Revoked' },
  started: { sv: 'Pågår', en: 'Started' },
  ended: { sv: 'Avslutad', en: 'Ended' },
};

export const INTERVENTION_ACTIONS = ['request', 'accept', 'decline', 'revoke', 'start', 'end'] as const;
export type InterventionAction = (typeof INTERVENTION_ACTIONS)[number];

/** What kind of help it is: two open interventions of the same type from different units are flagged. */
export const INTERVENTION_TYPES = [
  'foraldraskapsstod',
  'samtalsstod',
  'familjebehandling',
  'kontaktperson',
  'stod_i_skolan',
  'halso_och_sjukvard',
  'psykologisk_behandling',
  'fritid',
  'ekonomiskt_stod',
  'annat',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];
export const INTERVENTION_TYPE_LABELS: Record<InterventionType, { sv: string; en: string }> = {
  foraldraskapsstod: { sv: 'Föräldraskapsstöd', en: 'Parenting support' },
  samtalsstod: { sv: 'Samtalsstöd', en: 'Counselling' },
  familjebehandling: { sv: 'Familjebehandling', en: 'Family therapy' },
  kontaktperson: { sv: 'Kontaktperson eller kontaktfamilj', en: 'Contact person or family' },
  stod_i_skolan: { sv: 'Stöd i skolan', en: 'Support in school' },
  halso_och_sjukvard: { sv: 'Hälso- och sjukvård', en: 'Health care' },
  psykologisk_behandling: { sv: 'Psykologisk bedömning eller behandling', en: 'Psychological assessment or treatment' },
  fritid: { sv: 'Meningsfull fritid', en: 'Leisure' },
  ekonomiskt_stod: { sv: 'Ekonomiskt stöd', en: 'Financial support' },
  annat: { sv: 'Annat', en: 'Other' },
};

export const END_REASONS = ['goal_reached', 'family_ended', 'moved', 'replaced', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, { sv: string; en: string }> = {
  goal_reached: { sv: 'Målet är nått', en: 'Goal reached' },
  family_ended: { sv: 'Familjen avslutade', en: 'The family ended it' },
  moved: { sv: 'Familjen har flyttat', en: 'Moved' },
  replaced: { sv: 'Ersatt av en annan insats', en: 'Replaced by another intervention' },
  other: { sv: 'Annat', en: 'Other' },
};

/** The receiving unit answers a hand-over within this many working days unless the tenant sets another. */
export const DEFAULT_HANDOVER_ANSWER_WORKING_DAYS = 3;
/** An accepted intervention should start within this many days unless the tenant sets another. */
export const DEFAULT_START_WITHIN_DAYS = 14;
export const MAX_REASON_LENGTH = 1000;
export const MAX_HANDOVER_MESSAGE_LENGTH = 4000;

export interface InterventionState {
  status: InterventionStatus;
  /** The unit that proposed it (and hands it over). */
  senderUnitId: string;
  /** The unit that gives the intervention. */
  providerUnitId: string;
  proposedOn: IsoDate;
  acceptedOn: IsoDate | null;
  startedOn: IsoDate | null;
}

export interface TransitionInput {
  today: IsoDate;
  /** The date of the step (start and end); defaults to today. */
  on?: IsoDate | null;
  reason?: string | null;
  endReason?: string | null;
}

const error = (field: string, message: string, messageEn: string): FieldError => ({ field, message, messageEn });

const isDate = (d: unknown): d is IsoDate => {
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  try {
    epochDay(d);
    return true;
  } catch {
    return false;
  }
};

const FROM: Record<InterventionAction, readonly InterventionStatus[]> = {
  request: ['proposed'],
  accept: ['requested'],
  decline: ['requested'],
  revoke: ['requested', 'accepted'],
  start: ['accepted', 'proposed'],
  end: ['started'],
};

export const NEXT_STATUS: Record<InterventionAction, InterventionStatus> = {
  request: 'requested',
  accept: 'accepted',
  decline: 'declined',
  revoke: 'revoked',
  start: 'started',
  end: 'ended',
};

function wrongState(action: InterventionAction, s: InterventionState): FieldError {
  if (action === 'end' && (s.status === 'proposed' || s.status === 'requested' || s.status === 'accepted'))
    return error('status', 'Insatsen kan inte avslutas innan den har startat.', 'The intervention cannot end before it has started.');
  if ((action === 'accept' || action === 'decline') && s.status === 'revoked')
    return error(
      'status',
      'Överlämningen är återkallad av den som skickade den och kan inte besvaras.',
      'The hand-over was revoked by the sender and cannot be answered.',
    );
  if ((action === 'accept' || action === 'decline') && (s.status === 'accepted' || s.status === 'declined' || s.status === 'started'))
    return error('status', 'Överlämningen är redan besvarad.', 'The hand-over has already been answered.');
  if (action === 'revoke' && s.status === 'started')
    return error('status', 'Insatsen har redan startat. Avsluta den i stället.', 'The intervention has started. End it instead.');
  if (s.status === 'ended' || s.status === 'declined' || s.status === 'revoked')
    return error(
      'status',
      `Insatsen är ${INTERVENTION_STATUS_LABELS[s.status].sv.toLowerCase()} och kan inte ändras.`,
      `The intervention is ${INTERVENTION_STATUS_LABELS[s.status].en.toLowerCase()} and cannot change.`,
    );
  return error(
    'status',
    `Det går inte i läget ”${INTERVENTION_STATUS_LABELS[s.status].sv}”.`,
    `Not possible while “${INTERVENTION_STATUS_LABELS[s.status].en}”.`,
  );
}

/**
 * Checks one step of the lifecycle. Returns field errors (empty means allowed); the caller
 * checks who may take the step (sender or receiving unit).
 */
export function checkTransition(s: InterventionState, action: InterventionAction, input: TransitionInput): FieldError[] {
  if (!FROM[action].includes(s.status)) return [wrongState(action, s)];
  const ownUnit = s.senderUnitId === s.providerUnitId;
  if (action === 'request' && ownUnit)
    return [
      error(
        'providerUnitId',
        'Insatsen ges av er egen verksamhet. Starta den direkt i stället för att lämna över.',
        'Your own unit gives the intervention. Start it instead of handing it over.',
      ),
    ];
  if (action === 'start' && s.status === 'proposed' && !ownUnit)
    return [
      error(
        'status',
        'En annan verksamhet ger insatsen. Begär en överlämning och vänta på att den tas emot.',
        'Another unit gives the intervention. Request a hand-over and wait for it to be accepted.',
      ),
    ];
  const errors: FieldError[] = [];
  const reason = input.reason?.trim() ?? '';
  if (reason.length > MAX_REASON_LENGTH)
    errors.push(error('reason', `Skriv högst ${MAX_REASON_LENGTH} tecken.`, `Write at most ${MAX_REASON_LENGTH} characters.`));
  if (action === 'decline' && !reason)
    errors.push(error('reason', 'Skriv varför ni avböjer, så att avsändaren kan hitta rätt stöd.', 'Say why you decline.'));
  if (action === 'start' || action === 'end') {
    const on = input.on ?? input.today;
    if (!isDate(on)) return [...errors, error('on', 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).', 'Give a valid date (YYYY-MM-DD).')];
    if (on > input.today) errors.push(error('on', 'Datumet kan inte ligga i framtiden.', 'The date cannot be in the future.'));
    if (action === 'start') {
      const earliest = s.acceptedOn ?? s.proposedOn;
      if (on < earliest)
        errors.push(
          error(
            'on',
            `Insatsen kan inte starta före ${earliest}, då den ${s.acceptedOn ? 'togs emot' : 'föreslogs'}.`,
            `It cannot start before ${earliest}.`,
          ),
        );
    }
    if (action === 'end') {
      if (s.startedOn && on < s.startedOn)
        errors.push(
          error(
            'on',
            `Insatsen kan inte avslutas före startdagen ${s.startedOn}.`,
            `The intervention cannot end before it started (${s.startedOn}).`,
          ),
        );
      if (!END_REASONS.includes(input.endReason as EndReason))
        errors.push(error('endReason', 'Välj varför insatsen avslutas.', 'Choose why the intervention ends.'));
      else if (input.endReason === 'other' && !reason)
        errors.push(error('reason', 'Beskriv kort varför insatsen avslutas.', 'Say briefly why the intervention ends.'));
    }
  }
  return errors;
}

/** The date the receiving unit should answer a hand-over requested on `requestedOn`. */
export function handoverAnswerBy(requestedOn: IsoDate, workingDays: number = DEFAULT_HANDOVER_ANSWER_WORKING_DAYS): IsoDate {
  return addWorkingDays(requestedOn, workingDays);
}

/** Calendar days from a to b (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return epochDay(b) - epochDay(a);
}

// ---------------------------------------------------------------------------------------------
// Warnings: the "nobody's job" detector (issue 6 §4)
// ---------------------------------------------------------------------------------------------

export const WARNING_KINDS = ['parallel', 'handover_unanswered', 'accepted_not_started', 'plan_action_unowned'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface WarningIntervention {
  id: string;
  name: string;
  type: InterventionType;
  areaKeys: readonly string[];
  status: InterventionStatus;
  senderUnitId: string;
  providerUnitId: string;
  answerBy: IsoDate | null;
  acceptedOn: IsoDate | null;
}

export interface WarningPlanAction {
  planId: string;
  /** The action's key within the plan (its id, or area:index). */
  actionKey: string;
  areaKey: string;
  what: string;
  ownerUnitId: string | null;
  ownerUserId: string | null;
}

export interface InterventionWarning {
  kind: WarningKind;
  /** The interventions (or, for plan actions, none) the warning is about. */
  interventionIds: string[];
  /** The plan action, for plan_action_unowned. */
  planAction?: { planId: string; actionKey: string; what: string };
  /** Who should act: these units see it on "mina uppgifter" (plus the case's samordnare). */
  responsibleUnitIds: string[];
  /** The date the warning applies from. */
  since: IsoDate | null;
  message: string;
  messageEn: string;
}

export interface WarningInput {
  today: IsoDate;
  interventions: readonly WarningIntervention[];
  /** Actions of the case's current plan (the adopted version, or the draft when none is adopted). */
  planActions: readonly WarningPlanAction[];
  /** Plan actions an intervention was made from: `${planId}|${actionKey}`. */
  linkedPlanActions: ReadonlySet<string>;
  startWithinDays?: number;
  unitName?: (unitId: string) => string;
  areaLabel?: (areaKey: string) => string;
}

const OPEN: readonly InterventionStatus[] = ['proposed', 'requested', 'accepted', 'started'];

/** Every warning for one case, in a stable order: parallel, unanswered, not started, plan actions. */
export function interventionWarnings(input: WarningInput): InterventionWarning[] {
  const unit = input.unitName ?? ((id: string) => id);
  const area = input.areaLabel ?? ((key: string) => key);
  const startWithin = input.startWithinDays ?? DEFAULT_START_WITHIN_DAYS;
  const warnings: InterventionWarning[] = [];
  const open = input.interventions.filter((i) => OPEN.includes(i.status));
  for (let a = 0; a < open.length; a++)
    for (let b = a + 1; b < open.length; b++) {
      const x = open[a]!;
      const y = open[b]!;
      if (x.providerUnitId === y.providerUnitId) continue;
      const sameType = x.type === y.type && x.type !== 'annat';
      const sharedAreas = x.areaKeys.filter((k) => y.areaKeys.includes(k));
      if (!sameType && sharedAreas.length === 0) continue;
      const what = sameType
        ? {
            sv: `samma slags stöd (${INTERVENTION_TYPE_LABELS[x.type].sv.toLowerCase()})`,
            en: `the same kind of support (${INTERVENTION_TYPE_LABELS[x.type].en})`,
          }
        : {
            sv: `samma område (${sharedAreas.map(area).join(', ')})`,
            en: `the same area (${sharedAreas.map(area).join(', ')})`,
          };
      warnings.push({
        kind: 'parallel',
        interventionIds: [x.id, y.id],
        responsibleUnitIds: [...new Set([x.senderUnitId, y.senderUnitId, x.providerUnitId, y.providerUnitId])],
        since: null,
        message: `Parallella insatser för ${what.sv}: ”${x.name}” från ${unit(x.providerUnitId)} och ”${y.name}” från ${unit(y.providerUnitId)}. Samordna dem.`,
        messageEn: `Parallel interventions for ${what.en}: “${x.name}” (${unit(x.providerUnitId)}) and “${y.name}” (${unit(y.providerUnitId)}). Coordinate them.`,
      });
    }
  for (const i of input.interventions) {
    if (i.status === 'requested' && i.answerBy && input.today > i.answerBy)
      warnings.push({
        kind: 'handover_unanswered',
        interventionIds: [i.id],
        responsibleUnitIds: [...new Set([i.providerUnitId, i.senderUnitId])],
        since: addDays(i.answerBy, 1),
        message: `Överlämningen av ”${i.name}” till ${unit(i.providerUnitId)} skulle ha besvarats senast ${i.answerBy}.`,
        messageEn: `The hand-over of “${i.name}” to ${unit(i.providerUnitId)} should have been answered by ${i.answerBy}.`,
      });
  }
  for (const i of input.interventions) {
    if (i.status === 'accepted' && i.acceptedOn && daysBetween(i.acceptedOn, input.today) > startWithin)
      warnings.push({
        kind: 'accepted_not_started',
        interventionIds: [i.id],
        responsibleUnitIds: [...new Set([i.providerUnitId, i.senderUnitId])],
        since: addDays(i.acceptedOn, startWithin + 1),
        message: `”${i.name}” togs emot av ${unit(i.providerUnitId)} ${i.acceptedOn} men har inte startat inom ${startWithin} dagar.`,
        messageEn: `“${i.name}” was accepted by ${unit(i.providerUnitId)} on ${i.acceptedOn} but has not started within ${startWithin} days.`,
      });
  }
  for (const a of input.planActions) {
    if (a.ownerUnitId || a.ownerUserId || input.linkedPlanActions.has(`${a.planId}|${a.actionKey}`)) continue;
    warnings.push({
      kind: 'plan_action_unowned',
      interventionIds: [],
      planAction: { planId: a.planId, actionKey: a.actionKey, what: a.what },
      responsibleUnitIds: [],
      since: null,
      message: `Planens åtgärd ”${a.what}” (${area(a.areaKey)}) har varken en ansvarig eller en insats. Ingen äger den.`,
      messageEn: `The plan action “${a.what}” (${area(a.areaKey)}) has neither an owner nor an intervention. Nobody owns it.`,
    });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Per-case figures (issue 6 §5), stored for later group statistics
// ---------------------------------------------------------------------------------------------

export interface FigureIntervention {
  status: InterventionStatus;
  /** Set once a hand-over was accepted (not for the proposing unit's own interventions). */
  acceptedOn: IsoDate | null;
  handedOver: boolean;
  startedOn: IsoDate | null;
  endReason: EndReason | null;
}

export interface FigureFeedback {
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

export interface CaseFigures {
  signalOn: IsoDate;
  firstAcceptedHandoverOn: IsoDate | null;
  daysToFirstAcceptedHandover: number | null;
  firstStartedOn: IsoDate | null;
  daysToFirstStarted: number | null;
  feedbackOnTime: number;
  feedbackLate: number;
  feedbackPending: number;
  endReasons: Record<EndReason, number>;
}

/**
 * The case's figures, computed from dates and codes only (never case text): days from the
 * signal to the first accepted hand-over and to the first started intervention, the feedback
 * after meetings on time or late (late = done after the due date, or still open after it), and
 * why interventions ended.
 */
export function caseFigures(input: {
  signalOn: IsoDate;
  today: IsoDate;
  interventions: readonly FigureIntervention[];
  feedback: readonly FigureFeedback[];
}): CaseFigures {
  const min = (dates: (IsoDate | null)[]) => dates.filter((d): d is IsoDate => Boolean(d)).sort()[0] ?? null;
  const firstAccepted = min(input.interventions.filter((i) => i.handedOver).map((i) => i.acceptedOn));
  const firstStarted = min(input.interventions.map((i) => i.startedOn));
  const endReasons = Object.fromEntries(END_REASONS.map((r) => [r, 0])) as Record<EndReason, number>;
  for (const i of input.interventions) if (i.status === 'ended' && i.endReason) endReasons[i.endReason] += 1;
  let onTime = 0;
  let late = 0;
  let pending = 0;
  for (const f of input.feedback) {
    if (f.doneOn) {
      if (f.doneOn <= f.dueOn) onTime += 1;
      else late += 1;
    } else if (input.today > f.dueOn) late += 1;
    else pending += 1;
  }
  return {
    signalOn: input.signalOn,
    firstAcceptedHandoverOn: firstAccepted,
    daysToFirstAcceptedHandover: firstAccepted ? daysBetween(input.signalOn, firstAccepted) : null,
    firstStartedOn: firstStarted,
    daysToFirstStarted: firstStarted ? daysBetween(input.signalOn, firstStarted) : null,
    feedbackOnTime: onTime,
    feedbackLate: late,
    feedbackPending: pending,
    endReasons,
  };
}
