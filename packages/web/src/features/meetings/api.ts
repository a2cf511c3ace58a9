import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError, request } from '../../api/client';
import type { ListResponse, OverdueFollowUp } from '../../api/types';

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

// ---- Agenda, decisions and my tasks ----

export type AgendaKind = 'anonymous' | 'case' | 'topic';
export const AGENDA_KINDS: readonly AgendaKind[] = ['anonymous', 'case', 'topic'];

export interface AgendaItem {
  id: string;
  kind: AgendaKind;
  caseId: string | null;
  title: string;
  description: string | null;
  position: number;
  invitedUnits: { id: string; name: string; covered: boolean | null }[];
  /** On a case item: whether the reader's unit may see the case (owns it or is covered by its consent), invited or not; null otherwise. */
  readerCovered: boolean | null;
  warnings: { unitId: string; sv: string; en: string }[];
}

export interface Agenda {
  isSamordnare: boolean;
  items: AgendaItem[];
}

export interface AgendaItemBody {
  kind: AgendaKind;
  caseId?: string;
  title?: string;
  description?: string;
  invitedUnitIds: string[];
}

export type SupportTarget = 'barn' | 'vardnadshavare' | 'personal';
export const SUPPORT_TARGETS: readonly SupportTarget[] = ['barn', 'vardnadshavare', 'personal'];

export interface Decision {
  id: string;
  agendaItemId: string;
  meetingId: string;
  itemTitle: string;
  what: string;
  owner: { userId: string; name: string; unitId: string; unitName: string } | null;
  dueDate: string | null;
  supportTarget: SupportTarget;
  followUpDate: string | null;
  status: 'open' | 'done';
  closedNote: string | null;
  nobodysJob: boolean;
  overdue: boolean;
  version: number;
}

export interface DecisionBody {
  what: string;
  ownerUserId?: string;
  ownerUnitId?: string;
  dueDate?: string;
  supportTarget: SupportTarget;
  followUpDate?: string;
}

/** A meeting and its team (GET /meetings/:id, for the team's members). */
export interface MeetingInfo {
  meeting: Meeting;
  team: MyTeam;
}

export const agendaKeys = {
  lookup: (meetingId: string) => ['meetings', 'lookup', meetingId] as const,
  agenda: (meetingId: string) => ['meetings', 'agenda', meetingId] as const,
  decisions: (meetingId: string) => ['meetings', 'decisions', meetingId] as const,
  tasks: ['meetings', 'tasks'] as const,
  attendance: (meetingId: string) => ['meetings', 'attendance', meetingId] as const,
  notes: (meetingId: string) => ['meetings', 'notes', meetingId] as const,
  voices: (meetingId: string) => ['meetings', 'voices', meetingId] as const,
  feedbackTasks: (meetingId: string) => ['meetings', 'feedback-tasks', meetingId] as const,
  followUp: (teamId: string) => ['meetings', 'follow-up', teamId] as const,
  statistics: (teamId: string, term: string) => ['meetings', 'statistics', teamId, term] as const,
  statisticsAccess: ['meetings', 'statistics-access'] as const,
  attachments: (meetingId: string) => ['meetings', 'attachments', meetingId] as const,
};

/** The meeting and its team; null when it does not exist or the user is not in the team (404). */
export function useMeetingInfo(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.lookup(meetingId),
    queryFn: async (): Promise<MeetingInfo | null> => {
      try {
        return await api.get<MeetingInfo>(meetingPath(meetingId));
      } catch (err) {
        if (isApiError(err) && err.status === 404) return null;
        throw err;
      }
    },
    retry: retryServerErrors,
  });
}

export function useAgenda(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.agenda(meetingId),
    queryFn: () => api.get<Agenda>(`${meetingPath(meetingId)}/agenda`),
    retry: retryServerErrors,
  });
}

export function useDecisions(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.decisions(meetingId),
    queryFn: () => api.get<ListResponse<Decision>>(`${meetingPath(meetingId)}/decisions`),
    retry: retryServerErrors,
  });
}

export function useMyTasks() {
  return useQuery({
    queryKey: agendaKeys.tasks,
    queryFn: () => api.get<MyTasks>('/me/tasks'),
    retry: retryServerErrors,
  });
}

export const addAgendaItem = (meetingId: string, body: AgendaItemBody) => api.post<Agenda>(`${meetingPath(meetingId)}/agenda`, body);

export const addDecision = (agendaItemId: string, body: DecisionBody) =>
  api.post<Decision>(`/agenda-items/${encodeURIComponent(agendaItemId)}/decisions`, body);

export const closeDecision = (id: string, body: { version: number; note?: string }) =>
  api.post<Decision>(`/decisions/${encodeURIComponent(id)}/close`, body);

// ---- Attendance and notes ----

export interface Attendee {
  userId: string;
  name: string;
  unitName: string;
  present: boolean | null;
}

export interface MeetingNote {
  id: string;
  agendaItemId: string;
  unit: { id: string; name: string };
  text: string;
  version: number;
  updatedByName: string;
  updatedAt: string;
}

export function useAttendance(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.attendance(meetingId),
    queryFn: () => api.get<ListResponse<Attendee>>(`${meetingPath(meetingId)}/attendance`),
    retry: retryServerErrors,
  });
}

export function useMeetingNotes(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.notes(meetingId),
    queryFn: () => api.get<ListResponse<MeetingNote>>(`${meetingPath(meetingId)}/notes`),
    retry: retryServerErrors,
  });
}

export const setAttendance = (meetingId: string, body: { userId: string; present: boolean }) =>
  api.put<void>(`${meetingPath(meetingId)}/attendance`, body);

export const saveNote = (agendaItemId: string, body: { version: number; text: string }) =>
  api.put<MeetingNote>(`/agenda-items/${encodeURIComponent(agendaItemId)}/note`, body);

/** The note saved by someone else, from a 409 on saveNote; null for any other error. */
export function conflictingNote(error: unknown): MeetingNote | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = error.body.current;
  return current && typeof current === 'object' ? (current as MeetingNote) : null;
}

// ---- The child's and guardians' voice, feedback to the family, follow-up and statistics ----

export type FamilyStatus = 'not_invited' | 'invited' | 'accepted' | 'declined' | 'attended';
export const FAMILY_STATUSES: readonly FamilyStatus[] = ['not_invited', 'invited', 'accepted', 'declined', 'attended'];

export interface Voice {
  agendaItemId: string;
  childWords: string | null;
  /** The child keeps their words from their guardians (family portal): the team sees them, marked. */
  childWordsPrivate: boolean;
  guardianWords: string | null;
  familyStatus: FamilyStatus;
  unit: { id: string; name: string };
  version: number;
  updatedByName: string;
  updatedAt: string;
}

export interface VoiceBody {
  version: number;
  childWords?: string | null;
  guardianWords?: string | null;
  familyStatus: FamilyStatus;
}

export interface FeedbackTask {
  id: string;
  agendaItemId: string;
  meetingId: string;
  meetingDate: string;
  caseId: string;
  itemTitle: string;
  owner: { userId: string; name: string; unitId: string; unitName: string };
  dueDate: string;
  status: 'open' | 'done';
  doneNote: string | null;
  doneOn: string | null;
  onTime: boolean | null;
  overdue: boolean;
  version: number;
}

export interface MyTasks {
  decisions: Decision[];
  feedbackTasks: FeedbackTask[];
  /** Overdue follow-ups of adopted plans the user started. */
  planFollowUps?: OverdueFollowUp[];
}

export interface FollowUpEntry {
  type: 'decision' | 'feedback';
  id: string;
  meetingId: string;
  meetingDate: string;
  itemTitle: string;
  what: string;
  ownerName: string | null;
  ownerUnitName: string | null;
  dueDate: string | null;
}

export interface TeamFollowUp {
  team: { id: string; name: string };
  weekEnd: string;
  overdue: FollowUpEntry[];
  dueThisWeek: FollowUpEntry[];
  withoutOwner: FollowUpEntry[];
}

/** A count from the statistics: `display` is always shown ("<5" for small counts, whose value is not sent). */
export interface Count {
  value: number | null;
  display: string;
}

export interface TeamStatistics {
  team: { id: string; name: string };
  term: string;
  from: string;
  to: string;
  meetings: { held: Count; cancelled: Count; upcoming: Count };
  items: { anonymous: Count; case: Count; topic: Count };
  decisions: { due: Count; onTime: Count; late: Count; nobodysJob: Count };
  feedback: { due: Count; onTime: Count; late: Count };
  /** The family portal's "Blev du lyssnad på?" per month: anonymous answers, counts under 5 hidden. */
  familyFeedback: FamilyFeedbackMonth[];
}

export interface FamilyFeedbackCounts {
  yes: Count;
  partly: Count;
  no: Count;
}

export interface FamilyFeedbackMonth {
  /** The first day of the month. */
  period: string;
  listened: FamilyFeedbackCounts;
  understood: FamilyFeedbackCounts;
}

const itemPath = (id: string) => `/agenda-items/${encodeURIComponent(id)}`;

export function useVoices(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.voices(meetingId),
    queryFn: () => api.get<ListResponse<Voice>>(`${meetingPath(meetingId)}/voices`),
    retry: retryServerErrors,
  });
}

export function useFeedbackTasks(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.feedbackTasks(meetingId),
    queryFn: () => api.get<ListResponse<FeedbackTask>>(`${meetingPath(meetingId)}/feedback-tasks`),
    retry: retryServerErrors,
  });
}

export const saveVoice = (agendaItemId: string, body: VoiceBody) => api.put<Voice>(`${itemPath(agendaItemId)}/voice`, body);

/** The voice saved by someone else, from a 409 on saveVoice; null for any other error. */
export function conflictingVoice(error: unknown): Voice | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = error.body.current;
  return current && typeof current === 'object' ? (current as Voice) : null;
}

export const createFeedbackTask = (agendaItemId: string, body: { ownerUserId: string; ownerUnitId: string }) =>
  api.post<FeedbackTask>(`${itemPath(agendaItemId)}/feedback-task`, body);

export const completeFeedbackTask = (id: string, body: { version: number; note: string }) =>
  api.post<FeedbackTask>(`/feedback-tasks/${encodeURIComponent(id)}/done`, body);

/** The team's minutes as a PDF (what the reader's unit may see). */
export const minutesPdfUrl = (meetingId: string) => `/api/v1${meetingPath(meetingId)}/minutes.pdf`;

/** One case item in plain Swedish for the child and guardians, as a PDF. */
export const familyMinutesPdfUrl = (agendaItemId: string) => `/api/v1${itemPath(agendaItemId)}/family-minutes.pdf`;

export function useTeamFollowUp(teamId: string) {
  return useQuery({
    queryKey: agendaKeys.followUp(teamId),
    queryFn: () => api.get<TeamFollowUp>(`${teamPath(teamId)}/follow-up`),
    retry: retryServerErrors,
  });
}

export function useTeamStatistics(teamId: string, term: string) {
  return useQuery({
    queryKey: agendaKeys.statistics(teamId, term),
    queryFn: () => api.get<TeamStatistics>(`${teamPath(teamId)}/statistics?${new URLSearchParams({ term }).toString()}`),
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
}

/** The teams whose statistics the user may see: as the team's samordnare, or as chef of a member unit. */
export function useStatisticsAccess(enabled = true) {
  return useQuery({
    queryKey: agendaKeys.statisticsAccess,
    queryFn: () => api.get<ListResponse<{ id: string; name: string }>>('/teams/statistics-access'),
    enabled,
    retry: retryServerErrors,
    staleTime: 5 * 60_000,
  });
}

// ---- Documents and links per agenda item ----

export interface Attachment {
  id: string;
  agendaItemId: string;
  kind: 'link' | 'case_event';
  label: string;
  url: string | null;
  /** A referenced chronology entry; text is null (and hidden true) where the reader may not read it. */
  caseEvent: { id: string; caseId: string; occurredOn: string; text: string | null; hidden: boolean } | null;
  unit: { id: string; name: string };
  createdByName: string;
  createdAt: string;
}

export type AttachmentBody = { kind: 'link'; label: string; url: string } | { kind: 'case_event'; caseEventId: string; label?: string };

export function useAttachments(meetingId: string) {
  return useQuery({
    queryKey: agendaKeys.attachments(meetingId),
    queryFn: () => api.get<ListResponse<Attachment>>(`${meetingPath(meetingId)}/attachments`),
    retry: retryServerErrors,
  });
}

export const addAttachment = (agendaItemId: string, body: AttachmentBody) => api.post<Attachment>(`${itemPath(agendaItemId)}/attachments`, body);

export const removeAttachment = (id: string) => request<void>('DELETE', `/agenda-item-attachments/${encodeURIComponent(id)}`);
