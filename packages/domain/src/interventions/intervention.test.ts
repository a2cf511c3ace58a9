import { describe, expect, it } from 'vitest';
import {
  caseFigures,
  checkTransition,
  handoverAnswerBy,
  interventionWarnings,
  type InterventionState,
  type WarningIntervention,
  type WarningPlanAction,
} from './intervention.ts';

const SOC = 'soc';
const EH = 'eh';
const TODAY = '2026-11-23';

const state = (over: Partial<InterventionState> = {}): InterventionState => ({
  status: 'proposed',
  senderUnitId: EH,
  providerUnitId: SOC,
  proposedOn: '2026-11-02',
  acceptedOn: null,
  startedOn: null,
  ...over,
});

describe('intervention lifecycle', () => {
  it('follows proposed → requested → accepted → started → ended', () => {
    expect(checkTransition(state(), 'request', { today: TODAY })).toEqual([]);
    expect(checkTransition(state({ status: 'requested' }), 'accept', { today: TODAY })).toEqual([]);
    expect(checkTransition(state({ status: 'accepted', acceptedOn: '2026-11-05' }), 'start', { today: TODAY, on: '2026-11-06' })).toEqual([]);
    expect(
      checkTransition(state({ status: 'started', acceptedOn: '2026-11-05', startedOn: '2026-11-06' }), 'end', {
        today: TODAY,
        endReason: 'goal_reached',
      }),
    ).toEqual([]);
  });

  it('refuses accepting or declining a revoked hand-over', () => {
    for (const action of ['accept', 'decline'] as const) {
      const [e] = checkTransition(state({ status: 'revoked' }), action, { today: TODAY, reason: 'x' });
      expect(e?.message).toMatch(/återkallad/);
    }
  });

  it('refuses ending before the start, by state and by date', () => {
    for (const status of ['proposed', 'requested', 'accepted'] as const)
      expect(checkTransition(state({ status }), 'end', { today: TODAY, endReason: 'goal_reached' })[0]?.message).toBe(
        'Insatsen kan inte avslutas innan den har startat.',
      );
    const started = state({ status: 'started', acceptedOn: '2026-11-05', startedOn: '2026-11-10' });
    expect(checkTransition(started, 'end', { today: TODAY, on: '2026-11-09', endReason: 'moved' })[0]?.message).toMatch(/före startdagen 2026-11-10/);
    expect(checkTransition(started, 'end', { today: TODAY, on: '2026-11-24', endReason: 'moved' })[0]?.message).toMatch(/framtiden/);
  });

  it('needs a reason to decline, and a reason from the list (with a note for "other") to end', () => {
    expect(checkTransition(state({ status: 'requested' }), 'decline', { today: TODAY, reason: '  ' })[0]?.field).toBe('reason');
    const started = state({ status: 'started', startedOn: '2026-11-10' });
    expect(checkTransition(started, 'end', { today: TODAY, endReason: 'bored' })[0]?.field).toBe('endReason');
    expect(checkTransition(started, 'end', { today: TODAY, endReason: 'other' })[0]?.field).toBe('reason');
    expect(checkTransition(started, 'end', { today: TODAY, endReason: 'other', reason: 'Skolbyte' })).toEqual([]);
  });

  it('starts the proposing unit’s own intervention directly, and refuses a hand-over to oneself', () => {
    const own = state({ providerUnitId: EH });
    expect(checkTransition(own, 'start', { today: TODAY })).toEqual([]);
    expect(checkTransition(own, 'request', { today: TODAY })[0]?.message).toMatch(/egen verksamhet/);
    expect(checkTransition(state(), 'start', { today: TODAY })[0]?.message).toMatch(/Begär en överlämning/);
    expect(checkTransition(state({ status: 'accepted', acceptedOn: '2026-11-20' }), 'start', { today: TODAY, on: '2026-11-19' })[0]?.field).toBe(
      'on',
    );
  });

  it('does not revoke a started intervention and cannot change a closed one', () => {
    expect(checkTransition(state({ status: 'started' }), 'revoke', { today: TODAY })[0]?.message).toMatch(/Avsluta den i stället/);
    expect(checkTransition(state({ status: 'ended' }), 'start', { today: TODAY })[0]?.message).toMatch(/avslutad och kan inte ändras/);
  });

  it('answers hand-overs within 3 working days by default, skipping weekends and holidays', () => {
    expect(handoverAnswerBy('2026-11-23')).toBe('2026-11-26');
    expect(handoverAnswerBy('2026-11-26')).toBe('2026-12-01');
    expect(handoverAnswerBy('2026-12-22')).toBe('2026-12-29');
    expect(handoverAnswerBy('2026-11-23', 5)).toBe('2026-11-30');
  });
});

const iv = (over: Partial<WarningIntervention>): WarningIntervention => ({
  id: 'i1',
  name: 'Föräldraskapsstöd',
  type: 'foraldraskapsstod',
  areaKeys: ['omvardad'],
  status: 'started',
  senderUnitId: EH,
  providerUnitId: SOC,
  answerBy: null,
  acceptedOn: null,
  ...over,
});

describe('warnings: the nobody’s-job detector', () => {
  const base = { today: TODAY, planActions: [] as WarningPlanAction[], linkedPlanActions: new Set<string>() };

  it('flags open interventions of the same kind or area from different units, not from the same unit or closed ones', () => {
    const sameKind = interventionWarnings({
      ...base,
      interventions: [iv({ id: 'a' }), iv({ id: 'b', providerUnitId: EH, areaKeys: ['trygg'], status: 'proposed' })],
    });
    expect(sameKind).toHaveLength(1);
    expect(sameKind[0]).toMatchObject({ kind: 'parallel', interventionIds: ['a', 'b'], responsibleUnitIds: [EH, SOC] });
    expect(sameKind[0]!.message).toMatch(/samma slags stöd \(föräldraskapsstöd\)/);

    const sameArea = interventionWarnings({
      ...base,
      interventions: [iv({ id: 'a' }), iv({ id: 'b', type: 'samtalsstod', providerUnitId: 'bup', areaKeys: ['omvardad', 'ma_bra'] })],
      areaLabel: (k) => (k === 'omvardad' ? 'Omvårdad' : k),
    });
    expect(sameArea[0]!.message).toMatch(/samma område \(Omvårdad\)/);

    expect(interventionWarnings({ ...base, interventions: [iv({ id: 'a' }), iv({ id: 'b' })] })).toEqual([]); // same provider
    expect(interventionWarnings({ ...base, interventions: [iv({ id: 'a' }), iv({ id: 'b', providerUnitId: EH, status: 'ended' })] })).toEqual([]);
    expect(interventionWarnings({ ...base, interventions: [iv({ id: 'a' }), iv({ id: 'b', providerUnitId: EH, status: 'declined' })] })).toEqual([]);
    expect(
      interventionWarnings({
        ...base,
        interventions: [iv({ id: 'a', type: 'annat', areaKeys: [] }), iv({ id: 'b', type: 'annat', areaKeys: [], providerUnitId: EH })],
      }),
    ).toEqual([]);
  });

  it('flags a hand-over not answered by its date, from the day after', () => {
    const requested = iv({ status: 'requested', answerBy: '2026-11-20' });
    expect(interventionWarnings({ ...base, today: '2026-11-20', interventions: [requested] })).toEqual([]);
    const [w] = interventionWarnings({ ...base, today: '2026-11-21', interventions: [requested] });
    expect(w).toMatchObject({ kind: 'handover_unanswered', since: '2026-11-21', responsibleUnitIds: [SOC, EH] });
  });

  it('flags an accepted intervention not started within N days', () => {
    const accepted = iv({ status: 'accepted', acceptedOn: '2026-11-01' });
    expect(interventionWarnings({ ...base, today: '2026-11-15', interventions: [accepted] })).toEqual([]);
    expect(interventionWarnings({ ...base, today: '2026-11-16', interventions: [accepted] })[0]?.kind).toBe('accepted_not_started');
    expect(interventionWarnings({ ...base, today: '2026-11-05', interventions: [accepted], startWithinDays: 3 })[0]?.message).toMatch(/inom 3 dagar/);
  });

  it('flags plan actions with neither an owner nor an intervention', () => {
    const actions: WarningPlanAction[] = [
      { planId: 'p', actionKey: 'a1', areaKey: 'aktiv', what: 'Hitta en aktivitet', ownerUnitId: null, ownerUserId: null },
      { planId: 'p', actionKey: 'a2', areaKey: 'aktiv', what: 'Läxhjälp', ownerUnitId: EH, ownerUserId: null },
      { planId: 'p', actionKey: 'a3', areaKey: 'aktiv', what: 'Simskola', ownerUnitId: null, ownerUserId: null },
    ];
    const ws = interventionWarnings({ ...base, interventions: [], planActions: actions, linkedPlanActions: new Set(['p|a3']) });
    expect(ws.map((w) => w.planAction?.actionKey)).toEqual(['a1']);
    expect(ws[0]!.kind).toBe('plan_action_unowned');
  });
});

describe('per-case figures', () => {
  it('counts days from the signal to the first accepted hand-over and the first start, feedback on time and end reasons', () => {
    const f = caseFigures({
      signalOn: '2026-10-01',
      today: TODAY,
      interventions: [
        { status: 'ended', acceptedOn: '2026-10-11', handedOver: true, startedOn: '2026-10-15', endReason: 'goal_reached' },
        { status: 'started', acceptedOn: null, handedOver: false, startedOn: '2026-10-05', endReason: null },
        { status: 'accepted', acceptedOn: '2026-10-20', handedOver: true, startedOn: null, endReason: null },
        { status: 'ended', acceptedOn: '2026-10-21', handedOver: true, startedOn: '2026-10-22', endReason: 'moved' },
        { status: 'declined', acceptedOn: null, handedOver: true, startedOn: null, endReason: null },
      ],
      feedback: [
        { dueOn: '2026-10-10', doneOn: '2026-10-10' },
        { dueOn: '2026-10-10', doneOn: '2026-10-12' },
        { dueOn: '2026-11-20', doneOn: null },
        { dueOn: '2026-11-30', doneOn: null },
      ],
    });
    expect(f).toEqual({
      signalOn: '2026-10-01',
      firstAcceptedHandoverOn: '2026-10-11',
      daysToFirstAcceptedHandover: 10,
      firstStartedOn: '2026-10-05',
      daysToFirstStarted: 4,
      feedbackOnTime: 1,
      feedbackLate: 2,
      feedbackPending: 1,
      endReasons: { goal_reached: 1, family_ended: 0, moved: 1, replaced: 0, other: 0 },
    });
  });

  it('has no figures for steps that have not happened', () => {
    const f = caseFigures({ signalOn: '2026-10-01', today: TODAY, interventions: [], feedback: [] });
    expect([f.daysToFirstAcceptedHandover, f.daysToFirstStarted, f.feedbackOnTime, f.feedbackLate]).toEqual([null, null, 0, 0]);
  });
});
