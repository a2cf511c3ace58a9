/** Property tests for the consent rules over seeded random consents (see property-helper.ts). */
import { describe, expect, it } from 'vitest';
import { coversAccess, type AccessRequest } from './access.ts';
import { addDays, ageOn } from './dates.ts';
import { evaluateConsent } from './evaluate.ts';
import { recordAnswer, withdrawConsent } from './ledger.ts';
import { answerOf, giverKey } from './givers.ts';
import { checkProperty, type Rng } from './property-helper.ts';
import {
  CONSENT_STATUSES,
  DEFAULT_CONSENT_POLICY,
  INFORMATION_CATEGORIES,
  PURPOSE_CATEGORIES,
  type Consent,
  type ConsentAnswer,
  type ConsentGiverEntry,
  type ConsentPolicy,
  type GiverRef,
  type GuardianInfo,
  type IsoDate,
} from './types.ts';

const RUNS = 500;
const UNITS = ['u1', 'u2', 'u3', 'u4', 'u5'];
const GUARDIAN_IDS = ['g1', 'g2', 'g3'];
// Mostly "given", so that a good share of the generated consents are active.
const ANSWERS: ConsentAnswer[] = [...Array<ConsentAnswer>(16).fill('given'), 'refused', 'not_asked', 'withdrawn'];

interface Case {
  consent: Consent;
  guardians: GuardianInfo[];
  on: IsoDate;
  policy: ConsentPolicy;
  requests: AccessRequest[];
}

function line(rng: Rng, who: GiverRef, hasCustody = true): ConsentGiverEntry {
  const answer = rng.pick(ANSWERS);
  const doc =
    answer === 'not_asked'
      ? { answer, method: null, documentedBy: null, documentedAt: null }
      : { answer, method: rng.pick(['written', 'oral', 'digital'] as const), documentedBy: 'u-x', documentedAt: '2026-01-01' };
  return who.kind === 'guardian' ? { ...who, hasCustody, ...doc } : { ...who, ...doc };
}

function generateCase(rng: Rng): Case {
  const on = addDays('2025-01-01', rng.int(0, 5 * 365));
  const birth = rng.bool(0.03) ? addDays(on, rng.int(1, 100)) : addDays(on, -rng.int(0, 21 * 365));
  const guardians = GUARDIAN_IDS.slice(0, rng.bool(0.05) ? 0 : rng.int(1, 3)).map((guardianId) => ({ guardianId, hasCustody: rng.bool(0.85) }));
  const givers: ConsentGiverEntry[] = [];
  for (const g of guardians) if (rng.bool(0.9)) givers.push(line(rng, { kind: 'guardian', guardianId: g.guardianId }, g.hasCustody));
  if (rng.bool(0.1)) givers.push(line(rng, { kind: 'guardian', guardianId: 'g-other' }, false));
  if (rng.bool(0.7)) givers.push(line(rng, { kind: 'child' }));
  if (rng.bool(0.3)) givers.push(line(rng, { kind: 'young_adult' }));
  const maturity = rng.bool(0.5) ? { assessedBy: 'u-x', assessedAt: addDays(on, -rng.int(-30, 2500)), isMature: rng.bool(), reasoning: 'r' } : null;
  const validFrom = addDays(on, rng.int(-300, 20));
  const validUntil = addDays(validFrom, rng.int(-5, 600));
  const scope = {
    unitIds: rng.subset(UNITS, 0.6),
    categories: rng.subset(INFORMATION_CATEGORIES, 0.6),
    purposeCategory: rng.pick(PURPOSE_CATEGORIES),
    purposeText: rng.pick(['', 'Samordning']),
  };
  const assessFrom = rng.int(8, 14);
  const policy = rng.bool(0.7)
    ? DEFAULT_CONSENT_POLICY
    : { ...DEFAULT_CONSENT_POLICY, maturityAssessmentFromAge: assessFrom, childConsentPresumedFromAge: rng.int(assessFrom, 17) };
  const requests = Array.from({ length: 6 }, () => ({
    owningUnitId: rng.pick([...UNITS, 'u-outside']),
    viewerUnitId: rng.pick([...UNITS, 'u-outside']),
    category: rng.pick(INFORMATION_CATEGORIES),
    purposeCategory: rng.bool(0.8) ? scope.purposeCategory : rng.pick(PURPOSE_CATEGORIES),
    on,
  }));
  return { consent: { id: 'c', childBirthDate: birth, givers, scope, validFrom, validUntil, maturity }, guardians, on, policy, requests };
}

const evaluate = (c: Case, consent = c.consent) => evaluateConsent(consent, c.guardians, c.on, c.policy);
const decide = (c: Case, consent = c.consent) => {
  const grant = { evaluation: evaluate(c, consent), scope: consent.scope };
  return c.requests.map((r) => coversAccess(grant, r).allowed);
};

describe('consent properties (seeded, 500 random consents each)', () => {
  it('generates a useful mix of statuses', () => {
    const counts = new Map<string, number>();
    checkProperty('mix', { runs: RUNS, seed: 1 }, generateCase, (c) => {
      const status = evaluate(c).status;
      counts.set(status, (counts.get(status) ?? 0) + 1);
    });
    for (const status of CONSENT_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThan(5);
    expect(counts.get('active')).toBeGreaterThan(100);
  });

  it('active ⇒ every required giver said yes, nobody withdrew, the day is in the period, and the law is met', () => {
    checkProperty('active', { runs: RUNS, seed: 1 }, generateCase, (c) => {
      const e = evaluate(c);
      expect(CONSENT_STATUSES).toContain(e.status);
      expect(e.missing.every((m) => e.required.some((r) => giverKey(r) === giverKey(m)))).toBe(true);
      if (e.status !== 'active') return;
      expect(e.required.length).toBeGreaterThan(0);
      for (const g of e.required) expect(answerOf(c.consent.givers, g)).toBe('given');
      expect(c.consent.givers.some((g) => g.answer === 'withdrawn')).toBe(false);
      expect(c.consent.validFrom <= c.on && c.on <= c.consent.validUntil).toBe(true);
      // Independent of requiredGivers: under 18 every guardian with custody, from 18 the young adult.
      const age = ageOn(c.consent.childBirthDate, c.on)!;
      if (age >= 18) expect(answerOf(c.consent.givers, { kind: 'young_adult' })).toBe('given');
      else
        for (const g of c.guardians.filter((x) => x.hasCustody))
          expect(answerOf(c.consent.givers, { kind: 'guardian', guardianId: g.guardianId })).toBe('given');
      if (age < 18 && c.consent.maturity?.isMature && c.consent.maturity.assessedAt <= c.on)
        expect(answerOf(c.consent.givers, { kind: 'child' })).toBe('given');
    });
  });

  it('coversAccess allowed ⇒ active ∧ both units in scope ∧ category and purpose in scope', () => {
    let allowedCount = 0;
    checkProperty('covers', { runs: RUNS, seed: 2 }, generateCase, (c) => {
      const e = evaluate(c);
      const allowed = decide(c);
      allowedCount += allowed.filter(Boolean).length;
      c.requests.forEach((r, i) => {
        if (!allowed[i]) return;
        expect(e.status).toBe('active');
        expect(c.consent.scope.unitIds).toContain(r.owningUnitId);
        expect(c.consent.scope.unitIds).toContain(r.viewerUnitId);
        expect(c.consent.scope.categories).toContain(r.category);
        expect(c.consent.scope.purposeCategory).toBe(r.purposeCategory);
      });
    });
    expect(allowedCount).toBeGreaterThan(50);
  });

  it('adding a refusal never makes a non-active consent active, and a required refusal always ends it', () => {
    checkProperty('refusal', { runs: RUNS, seed: 3 }, generateCase, (c, rng) => {
      const before = evaluate(c);
      const candidates: GiverRef[] = [
        { kind: 'child' },
        { kind: 'young_adult' },
        ...GUARDIAN_IDS.map((guardianId) => ({ kind: 'guardian' as const, guardianId })),
      ];
      const who = rng.pick([...before.required, ...candidates]);
      const refusal = { answer: 'refused' as const, method: 'oral' as const, documentedBy: 'u-x', documentedAt: c.on };
      // Either through the ledger (which may refuse, e.g. over a withdrawal) or as an extra, duplicate line.
      const recorded = rng.bool() ? recordAnswer(c.consent, who.kind === 'guardian' ? { ...who, hasCustody: true } : who, refusal) : null;
      const givers = recorded?.ok ? recorded.consent.givers : [...c.consent.givers, { ...who, hasCustody: true, ...refusal }];
      const after = evaluate(c, { ...c.consent, givers });
      if (before.status !== 'active') expect(after.status).not.toBe('active');
      if (before.required.some((g) => giverKey(g) === giverKey(who))) expect(after.status).not.toBe('active');
    });
  });

  it('withdrawing never increases access and ends the consent the same day', () => {
    checkProperty('withdrawal', { runs: RUNS, seed: 4 }, generateCase, (c, rng) => {
      const givenLines = c.consent.givers.filter((g) => g.answer === 'given');
      if (givenLines.length === 0) return;
      const who = rng.pick(givenLines);
      const result = withdrawConsent(c.consent, who, { method: 'oral', documentedBy: 'u-x', documentedAt: c.on });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const before = decide(c);
      const after = decide(c, result.consent);
      after.forEach((allowed, i) => expect(allowed && !before[i]).toBe(false));
      expect(after.some(Boolean)).toBe(false);
      expect(['withdrawn', 'pending']).toContain(evaluate(c, result.consent).status);
    });
  });

  it('lapsed_at_18 is never allowed and only happens from the 18th birthday', () => {
    checkProperty('lapsed', { runs: RUNS, seed: 5 }, generateCase, (c) => {
      if (evaluate(c).status !== 'lapsed_at_18') return;
      expect(ageOn(c.consent.childBirthDate, c.on)).toBeGreaterThanOrEqual(18);
      expect(decide(c).some(Boolean)).toBe(false);
    });
  });

  it('does not depend on the order of the ledger lines', () => {
    checkProperty('order', { runs: RUNS, seed: 6 }, generateCase, (c) => {
      const reversed = { ...c.consent, givers: [...c.consent.givers].reverse() };
      expect(evaluate(c, reversed).status).toBe(evaluate(c).status);
    });
  });
});
