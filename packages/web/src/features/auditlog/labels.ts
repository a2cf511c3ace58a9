import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditBreakReason, AuditOutcome } from '../../api/types';

/** Codes with a translation; any other code is shown as it is. */
const ACTIONS = [
  'read',
  'list',
  'login',
  'logout',
  'login_failed',
  'login_locked',
  'switch_acting_unit',
  'change_password',
  'create',
  'update',
  'system_insert',
  'seed_demo',
  'verify',
] as const;
const RESOURCE_TYPES = ['child', 'user', 'unit', 'team', 'session', 'audit_log', 'tenant'] as const;
const PURPOSES = ['samverkan', 'administration', 'uppfoljning', 'logggranskning'] as const;

const known = (codes: readonly string[], code: string): boolean => codes.includes(code);

/** Translated labels for the codes in the audit log. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (code: string) => (known(ACTIONS, code) ? t(`auditLog.actions.${code}`) : code),
    resourceType: (code: string) => (known(RESOURCE_TYPES, code) ? t(`auditLog.resourceTypes.${code}`) : code),
    purpose: (code: string) => (known(PURPOSES, code) ? t(`auditLog.purposes.${code}`) : code),
    outcome: (outcome: AuditOutcome) => t(`auditLog.outcomes.${outcome}`, { defaultValue: outcome }),
    breakReason: (reason: AuditBreakReason) => t(`auditLog.chain.reasons.${reason}`, { defaultValue: reason }),
  };
}

/** Date and time in Swedish time, formatted for the current language. */
export function useDateTimeFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const format = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }), [locale]);
  return (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
