import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ChildDetail, ChildSummary, ListResponse } from '../../api/types';

export function useChildren(enabled: boolean) {
  return useQuery({
    queryKey: ['children'],
    queryFn: () => api.get<ListResponse<ChildSummary>>('/children'),
    enabled,
  });
}

export function useChild(id: string) {
  return useQuery({
    queryKey: ['children', id],
    queryFn: () => api.get<ChildDetail>(`/children/${encodeURIComponent(id)}`),
  });
}
