import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AccessLevel,
  AgeBand,
  CaseRole,
  CaseState,
  ClosingReason,
  ConsentAnswer,
  ConsentMethod,
  ConsentStatus,
  InformationCategory,
  PurposeCategory,
  ReportOfConcern,
  SignalKind,
  Urgency,
} from '../../api/types';

/** Translated labels for the codes of signals, cases, consents and the chronology. */
export function useCaseLabels() {
  const { t } = useTranslation();
  return {
    category: (c: InformationCategory) => t(`informationCategories.${c}`, { defaultValue: c }),
    signalKind: (k: SignalKind) => t(`signalKinds.${k}`, { defaultValue: k }),
    urgency: (u: Urgency) => t(`urgencies.${u}`, { defaultValue: u }),
    reportOfConcern: (r: ReportOfConcern) => t(`reportOfConcern.${r}`, { defaultValue: r }),
    ageBand: (band: AgeBand) => t('ageBand', { band: band.replace('-', '–') }),
    state: (s: CaseState) => t(`caseStates.${s}`, { defaultValue: s }),
    closingReason: (r: ClosingReason) => t(`closingReasons.${r}`, { defaultValue: r }),
    caseRole: (r: CaseRole) => t(`caseRoles.${r}`, { defaultValue: r }),
    purpose: (p: PurposeCategory) => t(`purposeCategories.${p}`, { defaultValue: p }),
    consentStatus: (s: ConsentStatus) => t(`consentStatuses.${s}`, { defaultValue: s }),
    answer: (a: ConsentAnswer) => t(`consentAnswers.${a}`, { defaultValue: a }),
    method: (m: ConsentMethod) => t(`consentMethods.${m}`, { defaultValue: m }),
    accessLevel: (l: AccessLevel) => t(`accessLevels.${l}`, { defaultValue: l }),
    eventKind: (kind: string) => t(`eventKinds.${kind}`, { defaultValue: kind }),
  };
}

/** The date part of an ISO timestamp (or a plain 'YYYY-MM-DD'), in Swedish time. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const format = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'Europe/Stockholm' }), [locale]);
  return (value: string | null | undefined): string => {
    if (!value) return '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : format.format(date);
  };
}

/** Colour of a case state tag. */
export function stateColor(state: CaseState): 'info' | 'warning' | 'success' | 'neutral' {
  if (state === 'anonym') return 'info';
  if (state === 'invantar_samtycke') return 'warning';
  if (state === 'aktiv') return 'success';
  return 'neutral';
}

/** Colour of a consent status tag. */
export function consentStatusColor(status: ConsentStatus): 'success' | 'warning' | 'danger' | 'neutral' {
  if (status === 'active') return 'success';
  if (status === 'pending' || status === 'not_yet_valid') return 'warning';
  if (status === 'refused' || status === 'withdrawn') return 'danger';
  return 'neutral';
}
