import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ConsentPolicy, ConsentPolicySaved, ListResponse, Principal, Team, Unit, User } from '../../api/types';

export const adminKeys = {
  principals: ['admin', 'principals'] as const,
  units: ['admin', 'units'] as const,
  users: ['admin', 'users'] as const,
  teams: ['admin', 'teams'] as const,
  consentPolicy: ['admin', 'consent-policy'] as const,
  meetingPolicy: ['admin', 'meeting-policy'] as const,
  portalSettings: ['admin', 'portal-settings'] as const,
};

export const usePrincipals = () => useQuery({ queryKey: adminKeys.principals, queryFn: () => api.get<ListResponse<Principal>>('/admin/principals') });

export const useUnits = () => useQuery({ queryKey: adminKeys.units, queryFn: () => api.get<ListResponse<Unit>>('/admin/units') });

export const useUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: () => api.get<ListResponse<User>>('/admin/users') });

export const useTeams = () => useQuery({ queryKey: adminKeys.teams, queryFn: () => api.get<ListResponse<Team>>('/admin/teams') });

export const useConsentPolicy = () => useQuery({ queryKey: adminKeys.consentPolicy, queryFn: () => api.get<ConsentPolicy>('/admin/consent-policy') });

export const saveConsentPolicy = (policy: ConsentPolicy) => api.put<ConsentPolicySaved>('/admin/consent-policy', policy);

/** Within how many working days after a team meeting the family gets feedback (1–30, default 5). */
export interface MeetingPolicy {
  feedbackWorkingDays: number;
  /** Working days a receiving unit has to answer a hand-over (1–20, default 3). */
  handoverAnswerWorkingDays: number;
  /** Days an accepted intervention may wait to start before it is flagged (1–90, default 14). */
  startWithinDays: number;
}

export const useMeetingPolicy = () => useQuery({ queryKey: adminKeys.meetingPolicy, queryFn: () => api.get<MeetingPolicy>('/admin/meeting-policy') });

export const saveMeetingPolicy = (policy: MeetingPolicy) => api.put<MeetingPolicy>('/admin/meeting-policy', policy);

/** The family portal's settings: whether "Vem har läst om oss?" shows staff names (default no). */
export interface PortalSettings {
  showStaffNames: boolean;
}

export const usePortalSettings = () =>
  useQuery({ queryKey: adminKeys.portalSettings, queryFn: () => api.get<PortalSettings>('/admin/portal-settings') });

export const savePortalSettings = (settings: PortalSettings) => api.put<PortalSettings>('/admin/portal-settings', settings);

/** Trims a text input; empty becomes undefined (for create) or null (for update). */
export const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
export const nullableText = (value: string): string | null => (value.trim() === '' ? null : value.trim());
export const nullableNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value));
