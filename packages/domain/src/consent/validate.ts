/**
 * Input rules for recording a consent. Each returns field errors in the server's shape
 * (Swedish message first); an empty list means the input is acceptable.
 */
import { addDays, isIsoDate, lastDayOfPeriod } from './dates.ts';
import {
  INFORMATION_CATEGORIES,
  MAX_VALIDITY_MONTHS_CEILING,
  PURPOSE_CATEGORIES,
  type ConsentPolicy,
  type ConsentScope,
  type FieldError,
  type IsoDate,
} from './types.ts';

const MAX_PURPOSE_TEXT = 1000;

function error(field: string, message: string, messageEn: string): FieldError {
  return { field, message, messageEn };
}

/**
 * A consent must name who may exchange what, and why, and be no wider than intended
 * (TSI-boken 001:430; JO 1990/91 s. 366). It must not be so general that the person gives up
 * all confidentiality towards an authority (TSI-boken 001:440; prop. 1979/80:2 Del A s. 331),
 * and the purpose must be documented (SOSFS 2014:5 5:5: "i vilket syfte"). GDPR art. 4.11 and
 * art. 7 set the same bar: specific and informed.
 *
 * `allUnitIds` are the tenant's active units: a unit of another tenant or a deactivated unit
 * is refused. Exchange needs at least two units.
 */
export function validateConsentScope(scope: ConsentScope, allUnitIds: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(allUnitIds);
  const units = scope.unitIds ?? [];
  const categories = scope.categories ?? [];
  const purposeText = (scope.purposeText ?? '').trim();

  if (units.length === 0)
    errors.push(error('unitIds', 'Välj vilka verksamheter som får dela uppgifter.', 'Choose which units may share information.'));
  else if (units.length === 1)
    errors.push(
      error(
        'unitIds',
        'Välj minst två verksamheter – samtycket gäller utbyte mellan verksamheter.',
        'Choose at least two units: consent covers exchange between units.',
      ),
    );
  units.forEach((id, i) => {
    if (!known.has(id))
      errors.push(
        error(`unitIds.${i}`, 'Verksamheten finns inte eller är inte aktiv i er organisation.', 'Unknown or inactive unit in this organisation.'),
      );
    else if (units.indexOf(id) !== i) errors.push(error(`unitIds.${i}`, 'Verksamheten är vald två gånger.', 'Unit chosen twice.'));
  });

  if (categories.length === 0)
    errors.push(error('categories', 'Välj vilka slags uppgifter som får delas.', 'Choose which kinds of information may be shared.'));
  categories.forEach((c, i) => {
    if (!(INFORMATION_CATEGORIES as readonly string[]).includes(c))
      errors.push(error(`categories.${i}`, 'Okänd kategori av uppgifter.', 'Unknown information category.'));
    else if (categories.indexOf(c) !== i) errors.push(error(`categories.${i}`, 'Kategorin är vald två gånger.', 'Category chosen twice.'));
  });

  if (!(PURPOSE_CATEGORIES as readonly string[]).includes(scope.purposeCategory))
    errors.push(error('purposeCategory', 'Välj vad uppgifterna ska användas till.', 'Choose a purpose.'));
  const noSpecificPurpose = scope.purposeCategory === 'annat' && purposeText === '';
  if (noSpecificPurpose)
    errors.push(
      error(
        'purposeText',
        'Beskriv syftet med egna ord när du väljer ”Annat syfte”.',
        'Describe the purpose in words when choosing "Other purpose".',
      ),
    );
  if (purposeText.length > MAX_PURPOSE_TEXT)
    errors.push(
      error(
        'purposeText',
        `Beskrivningen av syftet får vara högst ${MAX_PURPOSE_TEXT} tecken.`,
        `The purpose may be at most ${MAX_PURPOSE_TEXT} characters.`,
      ),
    );

  const allUnits = known.size > 0 && [...known].every((id) => units.includes(id));
  const allCategories = INFORMATION_CATEGORIES.every((c) => categories.includes(c));
  if (allUnits && allCategories && noSpecificPurpose)
    errors.push(
      error(
        'scope',
        'Samtycket är för allmänt: det omfattar alla verksamheter och alla slags uppgifter utan ett tydligt syfte. Begränsa det till det som behövs.',
        'The consent is too general: all units and all kinds of information with no specific purpose. Limit it to what is needed.',
      ),
    );
  return errors;
}

/**
 * A consent is limited in time (issue 3 §5): validUntil is the last day it holds (inclusive)
 * and may be at most maxValidityMonths after validFrom (12 months from 1 December 2026 ends
 * 30 November 2027). It may start a little in the past, since an oral consent is often
 * documented afterwards, but not so far back that it would legitimise earlier sharing; and it
 * must not already have ended.
 */
export function validateConsentPeriod(validFrom: IsoDate, validUntil: IsoDate, policy: ConsentPolicy, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(validFrom)) errors.push(error('validFrom', 'Ange ett giltigt startdatum (ÅÅÅÅ-MM-DD).', 'Enter a valid start date (YYYY-MM-DD).'));
  if (!isIsoDate(validUntil)) errors.push(error('validUntil', 'Ange ett giltigt slutdatum (ÅÅÅÅ-MM-DD).', 'Enter a valid end date (YYYY-MM-DD).'));
  if (errors.length > 0 || !isIsoDate(today)) return errors;

  if (validUntil < validFrom)
    errors.push(error('validUntil', 'Slutdatumet kan inte vara före startdatumet.', 'The end date cannot be before the start date.'));
  else if (validUntil > lastDayOfPeriod(validFrom, policy.maxValidityMonths))
    errors.push(
      error(
        'validUntil',
        `Ett samtycke kan gälla i högst ${policy.maxValidityMonths} månader. Välj ett tidigare slutdatum.`,
        `A consent may last at most ${policy.maxValidityMonths} months. Choose an earlier end date.`,
      ),
    );
  if (validFrom < addDays(today, -policy.maxBackdateDays))
    errors.push(
      error(
        'validFrom',
        `Startdatumet ligger för långt bak i tiden (högst ${policy.maxBackdateDays} dagar).`,
        `The start date is too far in the past (at most ${policy.maxBackdateDays} days).`,
      ),
    );
  if (validUntil >= validFrom && validUntil < today)
    errors.push(error('validUntil', 'Slutdatumet har redan passerat.', 'The end date has already passed.'));
  return errors;
}

/** A birth date must be a real date and not in the future (issue 3, "Bad input"). */
export function validateBirthDate(birthDate: IsoDate, today: IsoDate): FieldError[] {
  if (!isIsoDate(birthDate)) return [error('birthDate', 'Ange ett giltigt födelsedatum (ÅÅÅÅ-MM-DD).', 'Enter a valid birth date (YYYY-MM-DD).')];
  if (isIsoDate(today) && birthDate > today)
    return [error('birthDate', 'Födelsedatumet kan inte ligga i framtiden.', 'The birth date cannot be in the future.')];
  return [];
}

/**
 * A tenant's policy must stay within sensible bounds: validity from 1 to 36 months, ages
 * below majority (FB 9:1), and the presumption of the child's say not before the
 * assessment age, since the say grows with age (FB 6:11).
 */
export function validateConsentPolicy(policy: ConsentPolicy): FieldError[] {
  const errors: FieldError[] = [];
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(policy.maxValidityMonths, 1, MAX_VALIDITY_MONTHS_CEILING))
    errors.push(
      error(
        'maxValidityMonths',
        `Längsta giltighetstid ska vara 1–${MAX_VALIDITY_MONTHS_CEILING} månader.`,
        `Maximum validity must be 1–${MAX_VALIDITY_MONTHS_CEILING} months.`,
      ),
    );
  if (!whole(policy.defaultValidityMonths, 1, policy.maxValidityMonths))
    errors.push(
      error(
        'defaultValidityMonths',
        'Förvald giltighetstid ska vara minst 1 månad och högst den längsta.',
        'Default validity must be at least 1 month and at most the maximum.',
      ),
    );
  if (!whole(policy.maturityAssessmentFromAge, 0, 17))
    errors.push(error('maturityAssessmentFromAge', 'Åldern ska vara 0–17 år.', 'The age must be 0–17.'));
  if (!whole(policy.childConsentPresumedFromAge, policy.maturityAssessmentFromAge, 17))
    errors.push(
      error(
        'childConsentPresumedFromAge',
        'Åldern ska vara 0–17 år och inte lägre än åldern för mognadsbedömning.',
        'The age must be 0–17 and not below the assessment age.',
      ),
    );
  if (!whole(policy.maxBackdateDays, 0, 365)) errors.push(error('maxBackdateDays', 'Antalet dagar ska vara 0–365.', 'Days must be 0–365.'));
  return errors;
}
