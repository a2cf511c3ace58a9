export * from './types.ts';
export { addDays, addMonths, ageOn, daysInMonth, formatDateSv, isIsoDate, lastDayOfPeriod, toCalendarDate, toSwedishDate } from './dates.ts';
export { answerOf, giverKey, isSameGiver, requiredGivers, type ChildConsentBasis, type RequiredGivers } from './givers.ts';
export { evaluateConsent } from './evaluate.ts';
export { canWithdraw, recordAnswer, withdrawConsent, withdrawForUnit, type LedgerResult, type WithdrawalCheck } from './ledger.ts';
export { validateBirthDate, validateConsentPeriod, validateConsentPolicy, validateConsentScope } from './validate.ts';
export { coversAccess, type AccessDecision, type AccessRequest, type ConsentGrant, type UnitNameLookup } from './access.ts';
export { describeScopeSv } from './describe.ts';
export { activeWindow, type ActiveWindow } from './window.ts';
