/** Builders for consent tests (tests only; not exported). */
import type { Consent, ConsentGiverEntry, ConsentScope, GuardianInfo, MaturityAssessment } from './types.ts';

export const MOTHER: GuardianInfo = { guardianId: 'g-mor', hasCustody: true };
export const FATHER: GuardianInfo = { guardianId: 'g-far', hasCustody: true };
export const NON_CUSTODIAL: GuardianInfo = { guardianId: 'g-utan-vardnad', hasCustody: false };
export const BOTH: GuardianInfo[] = [MOTHER, FATHER];

const DOC = { method: 'written', documentedBy: 'u-samordnare', documentedAt: '2026-03-01T10:00:00Z' } as const;
const NOT_ASKED = { answer: 'not_asked', method: null, documentedBy: null, documentedAt: null } as const;

export function guardianLine(g: GuardianInfo, answer: ConsentGiverEntry['answer']): ConsentGiverEntry {
  return answer === 'not_asked'
    ? { kind: 'guardian', guardianId: g.guardianId, hasCustody: g.hasCustody, ...NOT_ASKED }
    : { kind: 'guardian', guardianId: g.guardianId, hasCustody: g.hasCustody, ...DOC, answer };
}

export function childLine(answer: ConsentGiverEntry['answer'], kind: 'child' | 'young_adult' = 'child'): ConsentGiverEntry {
  return answer === 'not_asked' ? { kind, ...NOT_ASKED } : { kind, ...DOC, method: 'oral', answer };
}

export const SCOPE: ConsentScope = {
  unitIds: ['u-skola', 'u-soc', 'u-bup'],
  categories: ['skolsituation', 'halsa'],
  purposeCategory: 'samordning_tsi_team',
  purposeText: '',
};

export const UNIT_NAMES: Record<string, string> = { 'u-skola': 'skolan', 'u-soc': 'socialtjänstens öppenvård', 'u-bup': 'BUP' };

export function assessment(assessedAt: string, isMature: boolean): MaturityAssessment {
  return { assessedBy: 'u-kurator', assessedAt, isMature, reasoning: 'Samtal med barnet om vad samtycket innebär.' };
}

/** A ten-year-old (born 2016-06-15) with both guardians' consent for 2026-03-01 – 2027-02-28. */
export function makeConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: 'c-1',
    childBirthDate: '2016-06-15',
    givers: [guardianLine(MOTHER, 'given'), guardianLine(FATHER, 'given')],
    scope: SCOPE,
    validFrom: '2026-03-01',
    validUntil: '2027-02-28',
    ...overrides,
  };
}
