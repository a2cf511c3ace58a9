import { describe, expect, it } from 'vitest';
import type { FieldError } from '../consent/types.ts';
import { DEFAULT_WHEEL_AREAS, type WheelArea } from '../wheel/areas.ts';
import {
  adopt,
  assertEditable,
  canAdoptSip,
  currentVersion,
  editDraft,
  firstPlanVersion,
  GOAL_OUTCOME_LABELS,
  GOAL_OUTCOMES,
  isFollowUpOverdue,
  nextFollowUpDate,
  nextVersionOnChange,
  planGoals,
  sipMissingElements,
  validateFollowUp,
  validatePlanDraft,
  type PlanContent,
  type PlanVersion,
} from './plan.ts';
import { CHILDS_PLAN, COMPLETE_SIP, draft, PLAN_DATE, SIP_PLAN, sipWith } from './test-fixtures.ts';

const fields = (errors: FieldError[]) => errors.map((e) => e.field);
const AREAS: WheelArea[] = [...DEFAULT_WHEEL_AREAS, { ...DEFAULT_WHEEL_AREAS[0]!, key: 'gammalt', position: 9, retired: true }];
const CONTEXT = { planDate: PLAN_DATE, today: '2026-03-02', areas: AREAS };

function withSection(index: number, change: Partial<PlanContent['areas'][number]>): PlanContent {
  return { ...CHILDS_PLAN, areas: CHILDS_PLAN.areas.map((s, i) => (i === index ? { ...s, ...change } : s)) };
}

describe('sipMissingElements (SoL 2:7, HSL 16:4)', () => {
  it('finds nothing missing in a complete SIP', () => {
    expect(sipMissingElements(SIP_PLAN)).toEqual([]);
  });
  it('a plan missing only element 4 yields exactly that one message', () => {
    expect(sipMissingElements(sipWith({ overallResponsibility: null }))).toEqual([
      {
        element: 4,
        field: 'sip.overallResponsibility',
        message: 'Det saknas vilken huvudman som har det övergripande ansvaret.',
        messageEn: 'The plan does not state which principal has overall responsibility.',
      },
    ]);
  });
  it('names element 1 and element 3 on their own', () => {
    expect(sipMissingElements(sipWith({ supportNeeded: '  ' }))).toEqual([
      {
        element: 1,
        field: 'sip.supportNeeded',
        message: 'Det saknas vilka insatser som behövs.',
        messageEn: 'The plan does not state what support is needed.',
      },
    ]);
    const three = sipMissingElements(sipWith({ othersProvide: '' }));
    expect(three.map((m) => [m.element, m.field])).toEqual([[3, 'sip.othersProvide']]);
    expect(three[0]?.message).toBe('Det saknas vad andra än kommunen och regionen ska göra. Skriv ”Inga” om ingen annan bidrar.');
  });
  it('accepts an explicit "Inga" for what others provide', () => {
    expect(sipMissingElements(sipWith({ othersProvide: 'Ingen' }))).toEqual([]);
  });
  it('element 2 needs both kommun and region, each with text, and names who is missing', () => {
    const [kommun, region] = COMPLETE_SIP.principalContributions;
    const only = (plan: PlanContent) => sipMissingElements(plan).map((m) => [m.element, m.message]);
    expect(only(sipWith({ principalContributions: [kommun!] }))).toEqual([[2, 'Det saknas vad regionen ska svara för.']]);
    expect(
      only(sipWith({ principalContributions: [region!], overallResponsibility: { principalId: 'p-region', principalName: 'Region Dalarna' } })),
    ).toEqual([[2, 'Det saknas vad kommunen ska svara för.']]);
    expect(only(sipWith({ principalContributions: [kommun!, { ...region!, provides: ' ' }] }))).toEqual([
      [2, 'Det saknas vad Region Dalarna ska svara för.'],
    ]);
    const none = sipMissingElements(sipWith({ principalContributions: [], overallResponsibility: null }));
    expect(none.map((m) => m.element)).toEqual([2, 4]);
    expect(none[0]?.message).toBe('Det saknas vad kommunen och regionen ska svara för.');
    expect(none[0]?.messageEn).toBe('The plan does not state what the municipality and the region will provide.');
  });
  it('two kommuner do not make up for a missing region', () => {
    const other = { principalId: 'p-falun', principalName: 'Falu kommun', principalKind: 'kommun' as const, provides: 'Fritidsgård.' };
    expect(sipMissingElements(sipWith({ principalContributions: [COMPLETE_SIP.principalContributions[0]!, other] })).map((m) => m.message)).toEqual([
      'Det saknas vad regionen ska svara för.',
    ]);
  });
  it('element 4 must be the kommun or region of the plan', () => {
    const missing = sipMissingElements(sipWith({ overallResponsibility: { principalId: 'p-annan', principalName: 'Annan' } }));
    expect(missing.map((m) => [m.element, m.message])).toEqual([[4, 'Det övergripande ansvaret ska ligga hos kommunen eller regionen i planen.']]);
    expect(sipMissingElements(sipWith({ overallResponsibility: { principalId: 'p-region', principalName: 'Region Dalarna' } }))).toEqual([]);
  });
  it('reports all four for a SIP without its details, and none for barnets plan', () => {
    expect(sipMissingElements({ ...SIP_PLAN, sip: null }).map((m) => m.element)).toEqual([1, 2, 3, 4]);
    expect(sipMissingElements(CHILDS_PLAN)).toEqual([]);
  });
});

describe('canAdoptSip', () => {
  it('allows a complete SIP with consent and a follow-up date', () => {
    expect(canAdoptSip(SIP_PLAN)).toEqual({ allowed: true, errors: [] });
  });
  it('needs the person to have consented to the plan', () => {
    for (const personConsent of [null, { given: false, date: '2026-02-20' }]) {
      const check = canAdoptSip(sipWith({ personConsent }));
      expect(check.allowed).toBe(false);
      expect(check.errors).toEqual([
        {
          field: 'sip.personConsent',
          message: 'Den enskilde har inte samtyckt till planen. En SIP kan bara fastställas med samtycke.',
          messageEn: 'The person has not consented to the plan. A SIP can only be adopted with consent.',
        },
      ]);
    }
    expect(fields(canAdoptSip(sipWith({ personConsent: { given: true, date: null } })).errors)).toEqual(['sip.personConsent.date']);
  });
  it('needs a follow-up date', () => {
    expect(canAdoptSip(sipWith({ followUpDate: null })).errors.map((e) => e.message)).toEqual(['Ange när planen ska följas upp.']);
  });
  it('lists the missing elements too, without the element number', () => {
    const check = canAdoptSip(sipWith({ overallResponsibility: null, followUpDate: null }));
    expect(check.allowed).toBe(false);
    expect(fields(check.errors)).toEqual(['sip.overallResponsibility', 'sip.followUpDate']);
    expect(check.errors[0]).not.toHaveProperty('element');
  });
  it('does not apply to barnets plan', () => {
    expect(canAdoptSip(CHILDS_PLAN)).toEqual({
      allowed: false,
      errors: [{ field: 'kind', message: 'Planen är inte en SIP.', messageEn: 'The plan is not a SIP.' }],
    });
  });
});

describe('validatePlanDraft', () => {
  it('accepts the complete plans', () => {
    expect(validatePlanDraft(CHILDS_PLAN, CONTEXT)).toEqual([]);
    expect(validatePlanDraft(SIP_PLAN, CONTEXT)).toEqual([]);
  });
  it('accepts an incomplete SIP: the missing elements block adoption, not saving', () => {
    expect(
      validatePlanDraft(sipWith({ supportNeeded: '', principalContributions: [], overallResponsibility: null, followUpDate: null }), CONTEXT),
    ).toEqual([]);
  });
  it('refuses a goal followed up before the plan date; the plan date itself is fine', () => {
    const early = withSection(0, { goals: [{ text: 'Trygg på rasterna.', followUpDate: '2026-03-01' }] });
    expect(validatePlanDraft(early, CONTEXT)).toEqual([
      {
        field: 'areas.0.goals.0.followUpDate',
        message: 'Uppföljningsdatumet ligger före planens datum.',
        messageEn: 'The follow-up date is before the date of the plan.',
      },
    ]);
    expect(validatePlanDraft(withSection(0, { goals: [{ text: 'Trygg.', followUpDate: PLAN_DATE }] }), CONTEXT)).toEqual([]);
    expect(fields(validatePlanDraft(sipWith({ followUpDate: '2026-01-01' }), CONTEXT))).toEqual(['sip.followUpDate']);
  });
  it('needs goal words and a real follow-up date', () => {
    const bad = withSection(0, {
      goals: [
        { text: ' ', followUpDate: '2026-05-01' },
        { text: 'Mål', followUpDate: '' },
        { text: 'Mål', followUpDate: '2026-13-01' },
        { text: 'x'.repeat(501), followUpDate: '2026-05-01' },
      ],
    });
    expect(fields(validatePlanDraft(bad, CONTEXT))).toEqual([
      'areas.0.goals.0.text',
      'areas.0.goals.1.followUpDate',
      'areas.0.goals.2.followUpDate',
      'areas.0.goals.3.text',
    ]);
  });
  it('refuses an action that ends before it starts', () => {
    const action = { what: 'Kurator', ownerUnitId: 'u-skola', ownerUserId: null, start: '2026-04-01', end: '2026-03-31' };
    expect(validatePlanDraft(withSection(0, { actions: [action] }), CONTEXT)).toEqual([
      { field: 'areas.0.actions.0.end', message: 'Slutdatumet ligger före startdatumet.', messageEn: 'The end date is before the start date.' },
    ]);
    expect(validatePlanDraft(withSection(0, { actions: [{ ...action, end: '2026-04-01' }] }), CONTEXT)).toEqual([]);
    expect(validatePlanDraft(withSection(0, { actions: [{ ...action, start: null }] }), CONTEXT)).toEqual([]);
    expect(fields(validatePlanDraft(withSection(0, { actions: [{ ...action, what: '', start: '2026-02-30' }] }), CONTEXT))).toEqual([
      'areas.0.actions.0.what',
      'areas.0.actions.0.start',
    ]);
  });
  it('allows only active areas, each once', () => {
    expect(validatePlanDraft(withSection(1, { areaKey: 'gammalt' }), CONTEXT)).toEqual([
      {
        field: 'areas.1.areaKey',
        message: 'Området finns inte eller används inte längre.',
        messageEn: 'The area does not exist or is no longer in use.',
      },
    ]);
    expect(fields(validatePlanDraft(withSection(1, { areaKey: 'okant' }), CONTEXT))).toEqual(['areas.1.areaKey']);
    expect(validatePlanDraft(withSection(1, { areaKey: 'trygg' }), CONTEXT).map((e) => e.message)).toEqual(['Området finns redan i planen.']);
  });
  it('limits text lengths', () => {
    const long = 'x'.repeat(2001);
    const plan: PlanContent = {
      ...withSection(0, { childWords: long, guardiansWillDo: long }),
      childView: { strengths: long, challenges: 'ok' },
      guardiansView: { strengths: 'ok', challenges: long },
    };
    expect(fields(validatePlanDraft(plan, CONTEXT))).toEqual([
      'childView.strengths',
      'guardiansView.challenges',
      'areas.0.childWords',
      'areas.0.guardiansWillDo',
    ]);
    expect(validatePlanDraft(withSection(0, { childWords: 'x'.repeat(2000) }), CONTEXT)).toEqual([]);
    expect(fields(validatePlanDraft(sipWith({ supportNeeded: long, othersProvide: long, participants: ['', 'x'.repeat(201)] }), CONTEXT))).toEqual([
      'sip.supportNeeded',
      'sip.othersProvide',
      'sip.participants.0',
      'sip.participants.1',
    ]);
  });
  it('takes only kommun and region as SIP principals, each once', () => {
    const [kommun, region] = COMPLETE_SIP.principalContributions;
    const ideell = { principalId: 'p-ideell', principalName: 'Röda korset', principalKind: 'ideell' as const, provides: 'Läxhjälp.' };
    expect(fields(validatePlanDraft(sipWith({ principalContributions: [kommun!, region!, ideell] }), CONTEXT))).toEqual([
      'sip.principalContributions.2.principalKind',
    ]);
    expect(fields(validatePlanDraft(sipWith({ principalContributions: [kommun!, region!, kommun!] }), CONTEXT))).toEqual([
      'sip.principalContributions.2.principalId',
    ]);
  });
  it('refuses a consent dated in the future, an invalid plan date and a SIP without details', () => {
    expect(fields(validatePlanDraft(sipWith({ personConsent: { given: true, date: '2026-03-03' } }), CONTEXT))).toEqual(['sip.personConsent.date']);
    expect(fields(validatePlanDraft(CHILDS_PLAN, { ...CONTEXT, planDate: '2026-02-31' }))).toEqual(['planDate']);
    expect(fields(validatePlanDraft({ ...SIP_PLAN, sip: null }, CONTEXT))).toEqual(['sip']);
  });
});

describe('plan versions', () => {
  const adopted1: PlanVersion = { number: 1, status: 'adopted', adoptedAt: '2026-01-10', content: CHILDS_PLAN };

  it('starts at version 1 as a draft', () => {
    expect(firstPlanVersion(CHILDS_PLAN)).toEqual({ number: 1, status: 'draft', adoptedAt: null, content: CHILDS_PLAN });
    expect(nextVersionOnChange([])).toBeNull();
  });
  it('edits the open draft in place of creating another', () => {
    const versions = [adopted1, draft(2)];
    expect(nextVersionOnChange(versions)).toEqual({ draft: versions[1], created: false });
  });
  it('changing an adopted plan creates a new draft n+1 copied from it, leaving the adopted one untouched', () => {
    const superseded: PlanVersion = { ...adopted1, status: 'superseded' };
    const current: PlanVersion = { number: 2, status: 'adopted', adoptedAt: '2026-02-01', content: SIP_PLAN };
    const next = nextVersionOnChange([superseded, current]);
    expect(next?.created).toBe(true);
    expect(next?.draft).toEqual({ number: 3, status: 'draft', adoptedAt: null, content: SIP_PLAN });
    expect(next?.draft.content).not.toBe(current.content);
    next!.draft.content.areas[0]!.childWords = 'Ändrat i utkastet';
    expect(current.content.areas[0]?.childWords).toBe('Jag vill ha en vuxen att gå till på rasten.');
  });
  it('an adopted or superseded version can never be edited', () => {
    const message = 'En fastställd plan kan inte ändras. Skapa en ny version.';
    expect(assertEditable(adopted1)?.message).toBe(message);
    expect(assertEditable({ ...adopted1, status: 'superseded' })?.message).toBe(message);
    expect(assertEditable(draft(2))).toBeNull();
    expect(editDraft(adopted1, SIP_PLAN)).toEqual({
      ok: false,
      errors: [{ field: 'version', message, messageEn: 'An adopted plan cannot be changed. Create a new version.' }],
    });
    const edited = editDraft(draft(2), SIP_PLAN);
    expect(edited.ok && edited.version.content).toEqual(SIP_PLAN);
  });
  it('adopting freezes the version and supersedes the one adopted before', () => {
    const versions = [adopted1, draft(2, { ...CHILDS_PLAN, childView: { strengths: 'Ny', challenges: '' } })];
    const result = adopt(versions, 2, '2026-03-02');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [v1, v2] = result.versions;
    expect(v1).toMatchObject({ number: 1, status: 'superseded', adoptedAt: '2026-01-10' });
    expect(v2).toMatchObject({ number: 2, status: 'adopted', adoptedAt: '2026-03-02' });
    expect(currentVersion(result.versions)?.number).toBe(2);
    // Frozen all the way down: the adopted text cannot be changed by any code path.
    expect(Object.isFrozen(v2)).toBe(true);
    expect(Object.isFrozen(v2!.content.areas[0]!.actions[0])).toBe(true);
    expect(() => {
      v2!.content.areas[0]!.goals[0]!.text = 'Ändrat';
    }).toThrow(TypeError);
    expect(() => {
      (v2 as PlanVersion).status = 'draft';
    }).toThrow(TypeError);
    expect(assertEditable(v2!)).not.toBeNull();
    // The caller's list and draft are left as they were.
    expect(versions[1]?.status).toBe('draft');
    expect(Object.isFrozen(versions[1]!.content)).toBe(false);
  });
  it('after adopting, a change starts version n+1', () => {
    const result = adopt([draft(1)], 1, '2026-03-02');
    if (!result.ok) throw new Error('not adopted');
    const next = nextVersionOnChange(result.versions);
    expect(next).toMatchObject({ created: true, draft: { number: 2, status: 'draft', adoptedAt: null } });
    expect(Object.isFrozen(next!.draft.content)).toBe(false);
  });
  it('refuses adopting an unknown, an adopted or a stale version, or on an invalid date', () => {
    expect(adopt([draft(1)], 2, '2026-03-02')).toMatchObject({ ok: false, errors: [{ message: 'Versionen finns inte.' }] });
    expect(adopt([adopted1], 1, '2026-03-02')).toMatchObject({ ok: false, errors: [{ message: 'Versionen är redan fastställd.' }] });
    const stale = [draft(1), { ...adopted1, number: 2 }];
    expect(adopt(stale, 1, '2026-03-02')).toMatchObject({ ok: false, errors: [{ message: 'Det finns redan en senare fastställd version.' }] });
    expect(adopt([draft(1)], 1, 'idag')).toMatchObject({ ok: false, errors: [{ field: 'adoptedAt' }] });
  });
  it('refuses adopting a SIP that lacks a legal element, consent or follow-up date', () => {
    const incomplete = adopt([draft(1, sipWith({ overallResponsibility: null }))], 1, '2026-03-02');
    expect(incomplete).toEqual({
      ok: false,
      errors: [
        {
          field: 'sip.overallResponsibility',
          message: 'Det saknas vilken huvudman som har det övergripande ansvaret.',
          messageEn: 'The plan does not state which principal has overall responsibility.',
        },
      ],
    });
    expect(adopt([draft(1, sipWith({ personConsent: null }))], 1, '2026-03-02').ok).toBe(false);
    expect(adopt([draft(1, SIP_PLAN)], 1, '2026-03-02').ok).toBe(true);
  });
});

describe('follow-up', () => {
  const goals = planGoals(CHILDS_PLAN).map((g) => g.goal);

  it('has four outcomes with Swedish labels', () => {
    expect(GOAL_OUTCOMES.map((o) => GOAL_OUTCOME_LABELS[o].sv)).toEqual(['Uppnått', 'Delvis uppnått', 'Inte uppnått', 'Inte längre aktuellt']);
  });
  it('lists the goals in plan order with their area', () => {
    expect(planGoals(CHILDS_PLAN).map((g) => [g.areaKey, g.index, g.goal.followUpDate])).toEqual([
      ['trygg', 0, '2026-05-04'],
      ['utvecklas', 0, '2026-06-10'],
    ]);
  });
  it('needs every goal marked', () => {
    expect(validateFollowUp(goals, [{ outcome: 'achieved' }, { outcome: 'partly', comment: 'Bättre i geometri.' }])).toEqual([]);
    expect(validateFollowUp(goals, [{ outcome: 'achieved' }])).toEqual([
      { field: 'outcomes.1', message: 'Markera hur det gick med målet.', messageEn: 'Mark how the goal went.' },
    ]);
    expect(fields(validateFollowUp(goals, [null, undefined]))).toEqual(['outcomes.0', 'outcomes.1']);
  });
  it('refuses an unknown outcome, a long comment and an outcome without a goal', () => {
    expect(
      fields(validateFollowUp(goals, [{ outcome: 'kanske' as never }, { outcome: 'not', comment: 'x'.repeat(1001) }, { outcome: 'achieved' }])),
    ).toEqual(['outcomes.0.outcome', 'outcomes.1.comment', 'outcomes.2']);
    expect(validateFollowUp(goals, [{ outcome: 'not', comment: 'x'.repeat(1000) }, { outcome: 'no_longer_relevant' }])).toEqual([]);
  });

  const adoptedPlan: PlanVersion = { number: 1, status: 'adopted', adoptedAt: PLAN_DATE, content: CHILDS_PLAN };
  it('finds the next follow-up date: the earliest goal or SIP date after the last follow-up', () => {
    expect(nextFollowUpDate(CHILDS_PLAN)).toBe('2026-05-04');
    expect(nextFollowUpDate(CHILDS_PLAN, '2026-05-04')).toBe('2026-06-10');
    expect(nextFollowUpDate(CHILDS_PLAN, '2026-06-10')).toBeNull();
    expect(nextFollowUpDate(SIP_PLAN, '2026-05-04')).toBe('2026-05-15');
  });
  it('is overdue once a follow-up date has passed without a follow-up', () => {
    expect(isFollowUpOverdue(adoptedPlan, '2026-05-04')).toBe(false);
    expect(isFollowUpOverdue(adoptedPlan, '2026-05-05')).toBe(true);
    expect(isFollowUpOverdue(adoptedPlan, '2026-05-05', '2026-05-04')).toBe(false);
    expect(isFollowUpOverdue(adoptedPlan, '2026-06-11', '2026-05-04')).toBe(true);
    expect(isFollowUpOverdue(adoptedPlan, '2026-12-01', '2026-06-10')).toBe(false);
  });
  it('counts the SIP follow-up date', () => {
    const sip: PlanVersion = { ...adoptedPlan, content: SIP_PLAN };
    expect(isFollowUpOverdue(sip, '2026-05-16', '2026-05-04')).toBe(true);
  });
  it('is never overdue for a draft or a superseded version', () => {
    expect(isFollowUpOverdue({ ...adoptedPlan, status: 'draft' }, '2027-01-01')).toBe(false);
    expect(isFollowUpOverdue({ ...adoptedPlan, status: 'superseded' }, '2027-01-01')).toBe(false);
  });
});
