import { describe, expect, it } from 'vitest';
import { mayKeepPrivateFromGuardians } from './privacy.ts';

describe('mayKeepPrivateFromGuardians', () => {
  it('lets a child from 15 keep words from guardians without an assessment', () => {
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 15 })).toBe(true);
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 17, maturity: null })).toBe(true);
  });

  it('needs a maturity assessment saying mature below 15', () => {
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 10 })).toBe(false);
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 14, maturity: { isMature: false } })).toBe(false);
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 10, maturity: { isMature: true } })).toBe(true);
  });

  it('never lets a guardian keep anything private', () => {
    expect(mayKeepPrivateFromGuardians({ relation: 'guardian', age: 16, maturity: { isMature: true } })).toBe(false);
  });

  it('does not apply from 18 (the young adult alone decides) or to a nonsense age', () => {
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 18, maturity: { isMature: true } })).toBe(false);
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: -1, maturity: { isMature: true } })).toBe(false);
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: Number.NaN })).toBe(false);
  });

  it("follows the tenant's age for a presumed say", () => {
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 13, policy: { childConsentPresumedFromAge: 13 } })).toBe(true);
    expect(mayKeepPrivateFromGuardians({ relation: 'self', age: 15, policy: { childConsentPresumedFromAge: 16 } })).toBe(false);
  });
});
