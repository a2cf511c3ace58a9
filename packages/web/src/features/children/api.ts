import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { ChildCreateBody, ChildDetail, ChildSummary, ChildUpdateBody, ListResponse, NamedProfessional, SchoolUnit } from '../../api/types';

export const childKeys = {
  all: ['children'] as const,
  list: (q: string) => ['children', 'list', q] as const,
  search: (identityNumber: string) => ['children', 'search', identityNumber] as const,
  detail: (id: string) => ['children', 'detail', id] as const,
  eligible: (id: string) => ['children', 'detail', id, 'eligible-professionals'] as const,
  schools: ['units', 'schools'] as const,
};

const childPath = (id: string) => `/children/${encodeURIComponent(id)}`;

/** Client errors (400, 404 …) will not change on retry. */
const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

/** Children visible to the acting unit, optionally filtered by name (`q`). */
export function useChildren(q: string) {
  return useQuery({
    queryKey: childKeys.list(q),
    queryFn: () => api.get<ListResponse<ChildSummary>>(q ? `/children?q=${encodeURIComponent(q)}` : '/children'),
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
}

/** Search by personnummer/samordningsnummer. Not cached after use: the number is personal data. */
export function useIdentitySearch(identityNumber: string | null) {
  return useQuery({
    queryKey: childKeys.search(identityNumber ?? ''),
    queryFn: () => api.get<ListResponse<ChildSummary>>(`/children/search?identityNumber=${encodeURIComponent(identityNumber ?? '')}`),
    enabled: identityNumber !== null,
    gcTime: 0,
    retry: retryServerErrors,
  });
}

export function useChild(id: string) {
  return useQuery({
    queryKey: childKeys.detail(id),
    queryFn: () => api.get<ChildDetail>(childPath(id)),
    retry: retryServerErrors,
  });
}

export function useSchools() {
  return useQuery({
    queryKey: childKeys.schools,
    queryFn: () => api.get<ListResponse<SchoolUnit>>('/units/schools'),
    staleTime: 5 * 60_000,
  });
}

export function useEligibleProfessionals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: childKeys.eligible(id),
    queryFn: () => api.get<ListResponse<NamedProfessional>>(`${childPath(id)}/eligible-professionals`),
    enabled,
  });
}

export const createChild = (body: ChildCreateBody) => api.post<ChildDetail>('/children', body);

export const updateChild = (id: string, body: ChildUpdateBody) => api.patch<ChildDetail>(childPath(id), body);

export const setNamedProfessionals = (id: string, userIds: string[]) => api.put<ChildDetail>(`${childPath(id)}/named-professionals`, { userIds });

/** Shows a 12-digit identity number as YYYYMMDD-NNNN; anything else as given. */
export function formatIdentityNumber(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}
