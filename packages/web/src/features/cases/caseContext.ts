import { createContext, useCallback, useContext } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../api/types';
import { caseKeys } from './api';

export interface CaseContextValue {
  /** The case as last fetched or returned by a write. */
  c: CaseDetail;
  /** Stores a case returned by a write and announces `message` in the page's status region. */
  store: (fresh: CaseDetail, message?: string) => void;
  /** Announces a message in the page's status region (or clears it with null). */
  announce: (message: string | null) => void;
  /** Fetches the case again (after a 409, or a write that returns no case). */
  reload: () => Promise<unknown>;
  /** Switches to another tab of the case page (e.g. from the plan's follow-up to "Hjulet") and focuses it. */
  openTab?: (tab: CaseTab) => void;
}

export type CaseTab = 'oversikt' | 'samtycke' | 'hjulet' | 'plan' | 'insatser' | 'kronologi';
export const CASE_TABS: readonly CaseTab[] = ['oversikt', 'samtycke', 'hjulet', 'plan', 'insatser', 'kronologi'];
/** The DOM id of a case page tab. */
export const caseTabId = (tab: CaseTab) => `case-tab-${tab}`;

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCaseContext(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCaseContext outside the case page');
  return value;
}

/** Puts a fresh case in the cache and marks everything derived from it as stale. */
export function useStoreCase() {
  const qc = useQueryClient();
  return useCallback(
    (fresh: CaseDetail) => {
      qc.setQueryData(caseKeys.detail(fresh.id), fresh);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: caseKeys.overview });
      void qc.invalidateQueries({ queryKey: caseKeys.events(fresh.id) });
      void qc.invalidateQueries({ queryKey: caseKeys.consentDefaults(fresh.id) });
      void qc.invalidateQueries({ queryKey: caseKeys.assignable(fresh.id) });
    },
    [qc],
  );
}

/** Moves focus to an element after the next render (e.g. back to the button that opened a form). */
export function focusLater(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}
