import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiFieldError } from '../api/client';
import { useLocalize } from '../i18n/localize';

/**
 * Returns a function giving the error text for a field path (e.g. "memberships.0.role").
 * Client-side errors (from react-hook-form or `extra`) carry an i18n key as message;
 * server errors come from the problem+json `errors[]` of the last submit.
 */
export function useFieldErrors<T extends FieldValues>(errors: FieldErrors<T>, submitError: unknown, extra: Record<string, string> = {}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const serverErrors: ApiFieldError[] = isApiError(submitError) ? submitError.errors : [];
  return (name: string): string | undefined => {
    const clientMessage =
      (get(errors, name) as { message?: unknown } | undefined)?.message ??
      (get(errors, `${name}.root`) as { message?: unknown } | undefined)?.message;
    if (typeof clientMessage === 'string' && clientMessage) return t(clientMessage);
    if (extra[name]) return t(extra[name]);
    const server = serverErrors.filter((e) => e.field === name);
    if (server.length === 0) return undefined;
    return server.map((e) => localize(e.message, e.messageEn)).join(' ');
  };
}

/** Server field errors whose field is not shown in the form (shown in the form-level alert instead). */
export function unmatchedFieldErrors(submitError: unknown, isShown: (field: string) => boolean): ApiFieldError[] {
  if (!isApiError(submitError)) return [];
  return submitError.errors.filter((e) => !isShown(e.field));
}

/** Matches field paths against a list of patterns where `*` stands for an array index. */
export function fieldMatcher(patterns: string[]): (field: string) => boolean {
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '\\d+')}$`));
  return (field) => regexes.some((r) => r.test(field));
}

export const isConflict = (e: unknown): boolean => isApiError(e) && e.status === 409;

/**
 * react-hook-form only focuses registered fields. When the only client error is an array-level
 * one (e.g. "at least one samordnare"), move focus to `fallbackId` (the group's add button).
 */
export function focusArrayError(arrayName: string, fallbackId: string) {
  return (errors: FieldErrors) => {
    const keys = Object.keys(errors);
    const arrayErrors = errors[arrayName] as Record<string, unknown> | undefined;
    const onlyRoot = keys.length === 1 && keys[0] === arrayName && arrayErrors && Object.keys(arrayErrors).every((k) => k === 'root');
    if (onlyRoot) window.setTimeout(() => document.getElementById(fallbackId)?.focus(), 0);
  };
}
