import { describe, expect, it } from 'vitest';
import { SCOPE } from './test-fixtures.ts';
import { DEFAULT_CONSENT_POLICY, INFORMATION_CATEGORIES, type ConsentScope, type FieldError } from './types.ts';
import { validateBirthDate, validateConsentPeriod, validateConsentPolicy, validateConsentScope } from './validate.ts';

const ALL_UNITS = ['u-skola', 'u-soc', 'u-bup', 'u-bvc'];
const P = DEFAULT_CONSENT_POLICY;
const fields = (errors: FieldError[]) => errors.map((e) => e.field);
const scope = (overrides: Partial<ConsentScope>): ConsentScope => ({ ...SCOPE, ...overrides });

describe('validateConsentScope', () => {
  it('accepts a specific scope', () => {
    expect(validateConsentScope(SCOPE, ALL_UNITS)).toEqual([]);
    expect(validateConsentScope(scope({ purposeCategory: 'annat', purposeText: 'Stöd vid byte av skola' }), ALL_UNITS)).toEqual([]);
  });
  it('refuses an empty unit list and a single unit', () => {
    expect(validateConsentScope(scope({ unitIds: [] }), ALL_UNITS)).toEqual([
      { field: 'unitIds', message: 'Välj vilka verksamheter som får dela uppgifter.', messageEn: 'Choose which units may share information.' },
    ]);
    expect(fields(validateConsentScope(scope({ unitIds: ['u-skola'] }), ALL_UNITS))).toEqual(['unitIds']);
  });
  it('refuses a unit of another tenant or a deactivated unit, and duplicates', () => {
    const errors = validateConsentScope(scope({ unitIds: ['u-skola', 'u-annan-kommun', 'u-skola'] }), ALL_UNITS);
    expect(fields(errors)).toEqual(['unitIds.1', 'unitIds.2']);
    expect(errors[0]?.message).toBe('Verksamheten finns inte eller är inte aktiv i er organisation.');
  });
  it('refuses an empty, unknown or repeated category', () => {
    expect(fields(validateConsentScope(scope({ categories: [] }), ALL_UNITS))).toEqual(['categories']);
    const bad = scope({ categories: ['halsa', 'ekonomi' as never, 'halsa'] });
    expect(fields(validateConsentScope(bad, ALL_UNITS))).toEqual(['categories.1', 'categories.2']);
  });
  it('needs a purpose, and words when the purpose is "annat"', () => {
    expect(fields(validateConsentScope(scope({ purposeCategory: 'allt' as never }), ALL_UNITS))).toEqual(['purposeCategory']);
    for (const purposeText of ['', '   \n\t'])
      expect(fields(validateConsentScope(scope({ purposeCategory: 'annat', purposeText }), ALL_UNITS))).toEqual(['purposeText']);
    expect(fields(validateConsentScope(scope({ purposeText: 'x'.repeat(1001) }), ALL_UNITS))).toEqual(['purposeText']);
  });
  it('refuses a consent covering all units and all categories with no specific purpose as too general', () => {
    const general = scope({ unitIds: [...ALL_UNITS], categories: [...INFORMATION_CATEGORIES], purposeCategory: 'annat', purposeText: ' ' });
    const errors = validateConsentScope(general, ALL_UNITS);
    expect(fields(errors)).toEqual(['purposeText', 'scope']);
    expect(errors[1]?.message).toMatch(/^Samtycket är för allmänt/);
  });
  it('does not call it too general when one of the three limits holds', () => {
    const base = { unitIds: [...ALL_UNITS], categories: [...INFORMATION_CATEGORIES], purposeCategory: 'annat' as const, purposeText: '' };
    expect(fields(validateConsentScope(scope({ ...base, purposeCategory: 'sip' }), ALL_UNITS))).toEqual([]);
    expect(fields(validateConsentScope(scope({ ...base, unitIds: ALL_UNITS.slice(1) }), ALL_UNITS))).toEqual(['purposeText']);
    expect(fields(validateConsentScope(scope({ ...base, categories: ['halsa'] }), ALL_UNITS))).toEqual(['purposeText']);
  });
});

describe('validateConsentPeriod', () => {
  const today = '2026-12-01';
  it('accepts the default twelve months, end inclusive', () => {
    expect(validateConsentPeriod('2026-12-01', '2027-11-30', P, today)).toEqual([]);
    expect(validateConsentPeriod('2026-12-01', '2026-12-01', P, today)).toEqual([]);
  });
  it('refuses a period that ends before it starts', () => {
    expect(validateConsentPeriod('2026-12-01', '2026-11-30', P, today)).toEqual([
      { field: 'validUntil', message: 'Slutdatumet kan inte vara före startdatumet.', messageEn: 'The end date cannot be before the start date.' },
    ]);
  });
  it('refuses a period longer than the maximum, and follows a tenant maximum', () => {
    const errors = validateConsentPeriod('2026-12-01', '2027-12-01', P, today);
    expect(errors.map((e) => e.message)).toEqual(['Ett samtycke kan gälla i högst 12 månader. Välj ett tidigare slutdatum.']);
    const long = { ...P, maxValidityMonths: 36 };
    expect(validateConsentPeriod('2026-12-01', '2029-11-30', long, today)).toEqual([]);
    expect(fields(validateConsentPeriod('2026-12-01', '2029-12-01', long, today))).toEqual(['validUntil']);
  });
  it('allows documenting a recent consent afterwards but not a start far in the past', () => {
    expect(validateConsentPeriod('2026-11-01', '2027-10-31', P, today)).toEqual([]);
    expect(fields(validateConsentPeriod('2026-10-31', '2027-10-30', P, today))).toEqual(['validFrom']);
  });
  it('refuses a period that has already ended', () => {
    expect(fields(validateConsentPeriod('2026-11-01', '2026-11-30', P, today))).toEqual(['validUntil']);
  });
  it('refuses unreadable dates', () => {
    expect(fields(validateConsentPeriod('1/12/2026', '2027-02-30', P, today))).toEqual(['validFrom', 'validUntil']);
  });
});

describe('validateBirthDate', () => {
  it('accepts today and earlier, refuses the future and non-dates', () => {
    expect(validateBirthDate('2026-12-01', '2026-12-01')).toEqual([]);
    expect(validateBirthDate('2012-02-29', '2026-12-01')).toEqual([]);
    expect(validateBirthDate('2026-12-02', '2026-12-01')).toEqual([
      { field: 'birthDate', message: 'Födelsedatumet kan inte ligga i framtiden.', messageEn: 'The birth date cannot be in the future.' },
    ]);
    expect(fields(validateBirthDate('2013-02-29', '2026-12-01'))).toEqual(['birthDate']);
  });
});

describe('validateConsentPolicy', () => {
  it('accepts the default and a 36-month maximum', () => {
    expect(validateConsentPolicy(P)).toEqual([]);
    expect(validateConsentPolicy({ ...P, maxValidityMonths: 36 })).toEqual([]);
  });
  it('refuses out-of-range values', () => {
    expect(fields(validateConsentPolicy({ ...P, maxValidityMonths: 37 }))).toEqual(['maxValidityMonths']);
    expect(fields(validateConsentPolicy({ ...P, defaultValidityMonths: 13 }))).toEqual(['defaultValidityMonths']);
    expect(fields(validateConsentPolicy({ ...P, maturityAssessmentFromAge: 18, childConsentPresumedFromAge: 18 }))).toEqual([
      'maturityAssessmentFromAge',
      'childConsentPresumedFromAge',
    ]);
    expect(fields(validateConsentPolicy({ ...P, childConsentPresumedFromAge: 11 }))).toEqual(['childConsentPresumedFromAge']);
    expect(fields(validateConsentPolicy({ ...P, maxBackdateDays: 1.5 }))).toEqual(['maxBackdateDays']);
  });
});
