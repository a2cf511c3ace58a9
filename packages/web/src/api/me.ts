import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import type { Me } from './types';

export const ME_KEY = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/me');
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    staleTime: 60_000,
  });
}

/** Stores a fresh Me (from log-in or unit switch) and its CSRF token. */
export function useStoreMe() {
  const qc = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    qc.setQueryData(ME_KEY, me);
  };
}

export async function login(username: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/auth/login', { username, password });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export async function setActingUnit(unitId: string): Promise<Me> {
  const me = await api.put<Me>('/me/acting-unit', { unitId });
  setCsrfToken(me.csrfToken);
  return me;
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/me/password', { currentPassword, newPassword });
}

/** The logged-in user; only for components rendered inside AppShell (where Me is loaded). */
export function useCurrentMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentMe used outside the logged-in shell');
  return data;
}
