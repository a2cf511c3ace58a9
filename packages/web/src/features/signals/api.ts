import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { ListResponse, Signal, SignalCreateBody, UnitOption } from '../../api/types';

export type SignalBox = 'sent' | 'received';

export const signalKeys = {
  all: ['signals'] as const,
  box: (box: SignalBox) => ['signals', 'box', box] as const,
  detail: (id: string) => ['signals', 'detail', id] as const,
  units: ['units', 'all'] as const,
};

const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

/** Active units of the organisation (recipient select, consent scope editor). */
export function useUnitOptions() {
  return useQuery({
    queryKey: signalKeys.units,
    queryFn: () => api.get<ListResponse<UnitOption>>('/units'),
    staleTime: 5 * 60_000,
    retry: retryServerErrors,
  });
}

export function useSignals(box: SignalBox) {
  return useQuery({
    queryKey: signalKeys.box(box),
    queryFn: () => api.get<ListResponse<Signal>>(`/signals?box=${box}`),
    retry: retryServerErrors,
  });
}

export function useSignal(id: string | null) {
  return useQuery({
    queryKey: signalKeys.detail(id ?? ''),
    queryFn: () => api.get<Signal>(`/signals/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null && id !== '',
    retry: retryServerErrors,
  });
}

export const createSignal = (body: SignalCreateBody) => api.post<Signal>('/signals', body);
