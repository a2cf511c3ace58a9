import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditOutcome, AuditPage, AuditVerification } from '../../api/types';

/** Filter sent as query parameters; empty fields are left out. */
export interface AuditFilter {
  from?: string;
  to?: string;
  username?: string;
  childId?: string;
  outcome?: AuditOutcome;
}

export const PAGE_SIZE = 50;

export const auditKeys = {
  all: ['auditLog'] as const,
  entries: (filter: AuditFilter) => ['auditLog', 'entries', filter] as const,
  verification: ['auditLog', 'verification'] as const,
};

function entriesPath(filter: AuditFilter, before: number | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (before !== null) params.set('before', String(before));
  params.set('limit', String(PAGE_SIZE));
  return `/audit-log?${params.toString()}`;
}

/** Log rows, newest first, one page per "Visa fler". */
export function useAuditEntries(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.entries(filter),
    queryFn: ({ pageParam }) => api.get<AuditPage>(entriesPath(filter, pageParam)),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Hash-chain check of the organisation's log. */
export function useAuditVerification() {
  return useQuery({
    queryKey: auditKeys.verification,
    queryFn: () => api.get<AuditVerification>('/audit-log/verification'),
  });
}
