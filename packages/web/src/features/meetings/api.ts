import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { ListResponse } from '../../api/types';

export interface MyTeam {
  id: string;
  name: string;
  isSamordnare: boolean;
}

export interface Meeting {
  id: string;
  seriesId: string | null;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  status: 'planned' | 'cancelled';
  cancelReason: string | null;
  movedFrom: string | null;
  holiday: { nameSv: string; nameEn: string } | null;
  proposedDate: string | null;
  version: number;
}

export interface TeamMeetings {
  team: MyTeam;
  meetings: Meeting[];
}

export interface SeriesBody {
  startDate: string;
  untilDate: string;
  intervalWeeks: number;
  weekday: number;
  startTime: string;
  endTime: string;
  location?: string;
}

export interface MeetingRange {
  from: string;
  to: string;
}

export const meetingKeys = {
  all: ['meetings'] as const,
  teams: ['meetings', 'teams'] as const,
  team: (teamId: string) => ['meetings', 'team', teamId] as const,
  list: (teamId: string, range: MeetingRange) => ['meetings', 'team', teamId, range] as const,
};

/** Client errors (400, 404 …) will not change on retry. */
const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

const teamPath = (id: string) => `/teams/${encodeURIComponent(id)}`;
const meetingPath = (id: string) => `/meetings/${encodeURIComponent(id)}`;

export function useMyTeams() {
  return useQuery({ queryKey: meetingKeys.teams, queryFn: () => api.get<ListResponse<MyTeam>>('/teams/mine'), retry: retryServerErrors });
}

export function useTeamMeetings(teamId: string | null, range: MeetingRange) {
  const query = new URLSearchParams({ from: range.from, to: range.to }).toString();
  return useQuery({
    queryKey: meetingKeys.list(teamId ?? '', range),
    queryFn: () => api.get<TeamMeetings>(`${teamPath(teamId ?? '')}/meetings?${query}`),
    enabled: teamId !== null,
    retry: retryServerErrors,
  });
}

export const createSeries = (teamId: string, body: SeriesBody) =>
  api.post<{ seriesId: string; meetings: Meeting[] }>(`${teamPath(teamId)}/meeting-series`, body);

export const cancelMeeting = (id: string, body: { version: number; reason: string }) => api.post<Meeting>(`${meetingPath(id)}/cancel`, body);

export const moveMeeting = (id: string, body: { version: number; date: string; startTime: string; endTime: string }) =>
  api.post<Meeting>(`${meetingPath(id)}/move`, body);
