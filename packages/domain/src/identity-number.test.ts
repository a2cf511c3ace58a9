import { describe, expect, it } from 'vitest';
import { fictitiousIdentityNumber, parseIdentityNumber } from './identity-number.ts';
import { deriveAbilities, sectorOfUnitType } from './org.ts';

describe('identity numbers', () => {
  it('accepts personnummer in short and long form and returns the canonical 12 digits', () => {
    expect(parseIdentityNumber('850709-9805')?.canonical).toBe('198507099805');
    expect(parseIdentityNumber('19850709-9805')).toMatchObject({ canonical: '198507099805', kind: 'personnummer', birthDate: '1985-07-09' });
  });
  it('accepts samordningsnummer (day + 60) and derives the real birth date', () => {
    expect(parseIdentityNumber('701063-2391')).toMatchObject({ kind: 'samordningsnummer', birthDate: '1970-10-03' });
  });
  it('refuses wrong check digits, impossible dates and junk', () => {
    for (const bad of ['198507099806', '19851309-9805', 'abc', '', '1985070998051', '19850709 9805']) expect(parseIdentityNumber(bad)).toBeNull();
  });
  it('builds valid fictitious numbers in the 980–999 test range', () => {
    for (let i = 0; i < 50; i++) {
      const n = fictitiousIdentityNumber('2012-02-29', i);
      expect(parseIdentityNumber(n)?.birthDate).toBe('2012-02-29');
      expect(Number(n.slice(8, 11))).toBeGreaterThanOrEqual(980);
    }
  });
});

describe('organisation rules', () => {
  it('gives a chef aggregates but no individual data', () => {
    expect(deriveAbilities(['chef'])).toMatchObject({ canSeeIndividualData: false, canSeeAggregates: true, canAdminister: false });
    expect(deriveAbilities(['professional']).canSeeIndividualData).toBe(true);
    expect(deriveAbilities(['systemadministrator'])).toMatchObject({ canAdminister: true, canSeeIndividualData: false });
    expect(deriveAbilities(['logggranskare']).canSeeAuditLog).toBe(true);
  });
  it('places BUP in health care and elevhälsa in school', () => {
    expect(sectorOfUnitType('bup')).toBe('halso_och_sjukvard');
    expect(sectorOfUnitType('elevhalsa')).toBe('skola');
  });
});
