import { describe, expect, it } from 'vitest';
import { addDays, evaluateConsent, type Consent } from './index.ts';
import { activeWindow } from './window.ts';
import { checkProperty } from './property-helper.ts';

const g1 = { guardianId: 'g1', hasCustody: true };
const g2 = { guardianId: 'g2', hasCustody: true };
const doc = { method: 'written' as const, documentedBy: 'u1', documentedAt: '2026-11-01' };

function consent(birth: string, validFrom: string, validUntil: string, extra: Partial<Consent> = {}): Consent {
  return {
    id: 'k1',
    childBirthDate: birth,
    givers: [
      { kind: 'guardian', guardianId: 'g1', hasCustody: true, answer: 'given', ...doc },
      { kind: 'guardian', guardianId: 'g2', hasCustody: true, answer: 'given', ...doc },
    ],
    scope: { unitIds: ['a', 'b'], categories: ['halsa'], purposeCategory: 'samordning_tsi_team', purposeText: 'x' },
    validFrom,
    validUntil,
    ...extra,
  };
}

describe('activeWindow', () => {
  it('runs from today to the last valid day for a young child', () => {
    expect(activeWindow(consent('2018-05-05', '2026-11-01', '2027-10-31'), [g1, g2], '2026-11-23')).toEqual({
      from: '2026-11-23',
      until: '2027-10-31',
    });
  });
  it('starts on the first valid day when that is later', () => {
    expect(activeWindow(consent('2018-05-05', '2026-12-01', '2027-10-31'), [g1, g2], '2026-11-23')).toEqual({
      from: '2026-12-01',
      until: '2027-10-31',
    });
  });
  it('ends the day before the 18th birthday when only guardians consented', () => {
    const c = consent('2009-03-10', '2026-11-01', '2027-10-31', {
      givers: [...consent('2009-03-10', '2026-11-01', '2027-10-31').givers, { kind: 'child', answer: 'given', ...doc }],
    });
    expect(activeWindow(c, [g1, g2], '2026-11-23')).toEqual({ from: '2026-11-23', until: '2027-03-09' });
  });
  it('ends the day before the 15th birthday when the child has not consented and no assessment says otherwise', () => {
    const c = consent('2012-01-15', '2026-11-01', '2027-10-31', {
      maturity: { assessedBy: 'u1', assessedAt: '2026-10-01', isMature: false, reasoning: 'Inte moget ännu' },
    });
    expect(activeWindow(c, [g1, g2], '2026-11-23')).toEqual({ from: '2026-11-23', until: '2027-01-14' });
  });
  it('is null when a guardian has not answered, when expired and when withdrawn', () => {
    const base = consent('2018-05-05', '2026-11-01', '2027-10-31');
    expect(activeWindow({ ...base, givers: base.givers.slice(0, 1) }, [g1, g2], '2026-11-23')).toBeNull();
    expect(activeWindow(base, [g1, g2], '2027-11-01')).toBeNull();
    expect(
      activeWindow({ ...base, givers: [{ ...base.givers[0]!, answer: 'withdrawn' } as never, base.givers[1]!] }, [g1, g2], '2026-11-23'),
    ).toBeNull();
  });
  it('agrees with evaluateConsent on every day of the period (property)', () => {
    checkProperty(
      'window matches daily evaluation',
      { runs: 60, seed: 7 },
      (rng) => {
        const birthYear = 2006 + rng.int(0, 14);
        const birth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const from = addDays('2026-01-01', rng.int(0, 300));
        const until = addDays(from, rng.int(0, 364));
        const withChild = rng.int(0, 1) === 1;
        const c = consent(birth, from, until);
        if (withChild) c.givers.push({ kind: 'child', answer: 'given', ...doc });
        return { c, today: addDays(from, rng.int(-20, 100)) };
      },
      ({ c, today }) => {
        const w = activeWindow(c, [g1, g2], today);
        for (let d = today, i = 0; i < 420; i++, d = addDays(d, 1)) {
          const active = evaluateConsent(c, [g1, g2], d).status === 'active';
          const inWindow = w !== null && d >= w.from && d <= w.until;
          // The window is the first contiguous active stretch from today: never active outside it.
          if (inWindow) expect(active, `${d} inside window should be active`).toBe(true);
          if (w && d > w.until) break;
        }
        if (w) expect(evaluateConsent(c, [g1, g2], addDays(w.until, 1)).status).not.toBe('active');
        if (!w) expect(evaluateConsent(c, [g1, g2], today > c.validFrom ? today : c.validFrom).status).not.toBe('active');
      },
    );
  });
});
