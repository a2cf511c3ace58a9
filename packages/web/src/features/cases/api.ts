import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError, request } from '../../api/client';
import type {
  AssignablePerson,
  CaseCreateBody,
  CaseDetail,
  CaseEvent,
  CaseRole,
  CaseState,
  CaseSummary,
  CaseUpdateBody,
  ClosingReason,
  ConsentCreateBody,
  ConsentDefaults,
  ConsentMethod,
  CoordinatorOverview,
  GiverRef,
  InformationCategory,
  ListResponse,
  VisibleCaseEvent,
} from '../../api/types';

export interface CaseFilter {
  state?: CaseState;
  mine?: boolean;
  q?: string;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (filter: CaseFilter) => ['cases', 'list', filter] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  events: (id: string) => ['cases', 'detail', id, 'events'] as const,
  assignable: (id: string) => ['cases', 'detail', id, 'assignable'] as const,
  consentDefaults: (id: string) => ['cases', 'detail', id, 'consent-defaults'] as const,
  overview: ['cases', 'overview'] as const,
};

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

/** Client errors (400, 404 …) will not change on retry. */
const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

function listPath(filter: CaseFilter): string {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.mine) params.set('mine', 'true');
  if (filter.q) params.set('q', filter.q);
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}

export function useCases(filter: CaseFilter) {
  return useQuery({
    queryKey: caseKeys.list(filter),
    queryFn: () => api.get<ListResponse<CaseSummary>>(listPath(filter)),
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get<CaseDetail>(casePath(id)), retry: retryServerErrors });
}

export function useCaseEvents(id: string) {
  return useQuery({
    queryKey: caseKeys.events(id),
    queryFn: () => api.get<ListResponse<CaseEvent>>(`${casePath(id)}/events`),
    retry: retryServerErrors,
  });
}

export function useAssignable(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.assignable(id),
    queryFn: () => api.get<ListResponse<AssignablePerson>>(`${casePath(id)}/assignable`),
    enabled,
    retry: retryServerErrors,
  });
}

export function useConsentDefaults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.consentDefaults(id),
    queryFn: () => api.get<ConsentDefaults>(`${casePath(id)}/consent-defaults`),
    enabled,
    retry: retryServerErrors,
  });
}

export function useCoordinatorOverview() {
  return useQuery({ queryKey: caseKeys.overview, queryFn: () => api.get<CoordinatorOverview>('/overview'), retry: retryServerErrors });
}

export const createCase = (body: CaseCreateBody) => api.post<CaseDetail>('/cases', body);
export const updateCase = (id: string, body: CaseUpdateBody) => api.patch<CaseDetail>(casePath(id), body);
export const linkChild = (id: string, version: number, childId: string) => api.post<CaseDetail>(`${casePath(id)}/link-child`, { version, childId });
export const assignRole = (id: string, body: { userId: string; unitId: string; role: CaseRole }) =>
  api.post<CaseDetail>(`${casePath(id)}/roles`, body);
export const removeRole = (id: string, roleId: string) => request<CaseDetail>('DELETE', `${casePath(id)}/roles/${encodeURIComponent(roleId)}`);
export const closeCase = (id: string, body: { version: number; reason: ClosingReason; text?: string }) =>
  api.post<CaseDetail>(`${casePath(id)}/close`, body);
export const reopenCase = (id: string, version: number) => api.post<CaseDetail>(`${casePath(id)}/reopen`, { version });

export const recordConsent = (id: string, body: ConsentCreateBody) => api.post<CaseDetail>(`${casePath(id)}/consents`, body);

export interface GiverDocumentationBody {
  version: number;
  giver: GiverRef;
  method: ConsentMethod;
  documentedAt: string;
}

export const recordAnswer = (id: string, consentId: string, body: GiverDocumentationBody & { answer: 'given' | 'refused' }) =>
  api.post<CaseDetail>(`${casePath(id)}/consents/${encodeURIComponent(consentId)}/answers`, body);

export const withdrawConsent = (id: string, consentId: string, body: GiverDocumentationBody) =>
  api.post<CaseDetail>(`${casePath(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, body);

export const acknowledgeNotice = (noticeId: string) => api.post<void>(`/consent-notices/${encodeURIComponent(noticeId)}/acknowledge`);

export const addEvent = (id: string, body: { category: InformationCategory; occurredOn: string; text: string }) =>
  api.post<VisibleCaseEvent>(`${casePath(id)}/events`, body);

export const correctEvent = (id: string, eventId: string, body: { text: string; reason: string }) =>
  api.post<VisibleCaseEvent>(`${casePath(id)}/events/${encodeURIComponent(eventId)}/corrections`, body);

/** Today's date in Swedish time, 'YYYY-MM-DD' (for date inputs). */
export function todaySv(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A stable key for a giver (React keys, element ids). */
export const giverKey = (g: GiverRef): string => (g.kind === 'guardian' ? `guardian-${g.guardianId}` : g.kind);
