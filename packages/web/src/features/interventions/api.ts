import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { ListResponse } from '../../api/types';
import { caseKeys } from '../cases/api';

/*
 * Case interventions and warm hand-overs (issue 6 §3–6). The codes follow
 * packages/domain/src/interventions/intervention.ts and the shapes the server's zod schemas in
 * packages/server/src/modules/interventions/index.ts (the web cannot import the domain's root
 * entry, so they are repeated here; the labels are in the i18n files).
 */

export const INTERVENTION_STATUSES = ['proposed', 'requested', 'accepted', 'declined', 'revoked', 'started', 'ended'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const INTERVENTION_ACTIONS = ['request', 'accept', 'decline', 'revoke', 'start', 'end'] as const;
export type InterventionAction = (typeof INTERVENTION_ACTIONS)[number];

export const INTERVENTION_TYPES = [
  'foraldraskapsstod',
  'samtalsstod',
  'familjebehandling',
  'kontaktperson',
  'stod_i_skolan',
  'halso_och_sjukvard',
  'psykologisk_behandling',
  'fritid',
  'ekonomiskt_stod',
  'annat',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

export const END_REASONS = ['goal_reached', 'family_ended', 'moved', 'replaced', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** What a hand-over may carry besides "insatser" (which always goes with it). */
export const HANDOVER_CATEGORIES = ['skolsituation', 'halsa', 'familj_och_hem', 'fritid', 'bedomningar_och_planer'] as const;
export type HandoverCategory = (typeof HANDOVER_CATEGORIES)[number] | 'insatser';

export interface UnitRef {
  id: string;
  name: string;
}

export interface Handover {
  id: string;
  status: 'requested' | 'accepted' | 'declined' | 'revoked';
  requestedOn: string;
  answerBy: string;
  answeredOn: string | null;
  declineReason: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  categories: string[];
  /** Null when the reader's consent does not (or no longer) cover what the hand-over carries. */
  message: string | null;
  messageHidden: boolean;
  overdue: boolean;
}

export interface Intervention {
  id: string;
  caseId: string;
  name: string;
  type: InterventionType;
  typeLabel: string;
  areaKeys: string[];
  sender: UnitRef;
  provider: UnitRef;
  supportOfferId: string | null;
  source: 'decision' | 'plan_action' | 'direct';
  sourceDecisionId: string | null;
  sourcePlanId: string | null;
  sourceActionKey: string | null;
  status: InterventionStatus;
  proposedOn: string;
  proposedByName: string;
  acceptedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  endReasonLabel: string | null;
  endNote: string | null;
  version: number;
  updatedAt: string;
  handover: Handover | null;
  /** The steps the acting unit may take now. */
  mayDo: InterventionAction[];
}

export interface InboxItem extends Intervention {
  case: { id: string; pseudonym: string; ageBand: string; childName: string | null };
}

export interface InterventionWarning {
  kind: 'parallel' | 'handover_unanswered' | 'accepted_not_started' | 'plan_action_unowned';
  interventionIds: string[];
  planAction?: { planId: string; actionKey: string; what: string };
  responsibleUnitIds: string[];
  since: string | null;
  message: string;
  messageEn: string;
}

export interface CaseWarning {
  caseId: string;
  pseudonym: string;
  warning: InterventionWarning;
}

export interface CaseFigures {
  signalOn: string;
  firstAcceptedHandoverOn: string | null;
  daysToFirstAcceptedHandover: number | null;
  firstStartedOn: string | null;
  daysToFirstStarted: number | null;
  feedbackOnTime: number;
  feedbackLate: number;
  feedbackPending: number;
  endReasons: Record<string, number>;
  computedOn: string;
}

export interface InterventionList {
  items: Intervention[];
  warnings: InterventionWarning[];
  figures: CaseFigures | null;
  mayPropose: boolean;
}

export interface CaseHelpers {
  /** True when the units and contacts are hidden (protected identity, reader not named). */
  protectedIdentity: boolean;
  people: { role: string; name: string; unit: string | null; email: string | null }[];
  interventions: { id: string; name: string; status: InterventionStatus; unit: string | null; email: string | null; phone: string | null }[];
}

/** An entry of "Vem gör vad", as far as proposing an intervention needs it. */
export interface DirectoryEntry {
  id: string;
  unit: UnitRef;
  name: string;
  description: string;
  areaKeys: string[];
}

export interface ProposeBody {
  name?: string;
  type: InterventionType;
  areaKeys: string[];
  providerUnitId: string;
  supportOfferId?: string | null;
  decisionId?: string | null;
  /** The plan action it comes from: the action's id, or area:index as the server keys it. */
  plan?: { planId: string; actionKey: string } | null;
}

export const interventionKeys = {
  all: ['interventions'] as const,
  forCase: (caseId: string) => ['interventions', 'case', caseId] as const,
  helpers: (caseId: string) => ['interventions', 'helpers', caseId] as const,
  inbox: ['interventions', 'inbox'] as const,
  warnings: ['interventions', 'warnings'] as const,
  directory: (q: string) => ['interventions', 'directory', q] as const,
};

const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;
const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const stepPath = (id: string, step: string) => `/interventions/${encodeURIComponent(id)}/${step}`;

/** The case page with its "Insatser" tab open. */
export const interventionsTabLink = (caseId: string) => `/arenden/${encodeURIComponent(caseId)}?flik=insatser`;

export function useCaseInterventions(caseId: string) {
  return useQuery({
    queryKey: interventionKeys.forCase(caseId),
    queryFn: () => api.get<InterventionList>(`${casePath(caseId)}/interventions`),
    retry: retryServerErrors,
  });
}

export function useCaseHelpers(caseId: string) {
  return useQuery({
    queryKey: interventionKeys.helpers(caseId),
    queryFn: () => api.get<CaseHelpers>(`${casePath(caseId)}/helpers`),
    retry: retryServerErrors,
  });
}

export function useHandoverInbox() {
  return useQuery({
    queryKey: interventionKeys.inbox,
    queryFn: () => api.get<ListResponse<InboxItem>>('/handovers/inbox'),
    retry: retryServerErrors,
  });
}

export function useMyInterventionWarnings() {
  return useQuery({
    queryKey: interventionKeys.warnings,
    queryFn: () => api.get<ListResponse<CaseWarning>>('/me/intervention-warnings'),
    retry: retryServerErrors,
  });
}

/** Searches "Vem gör vad" (only when `q` is set: the search is made on request). */
export function useDirectorySearch(q: string | null) {
  return useQuery({
    queryKey: interventionKeys.directory(q ?? ''),
    queryFn: () => api.get<ListResponse<DirectoryEntry>>(`/support-offers?q=${encodeURIComponent(q ?? '')}`),
    enabled: q !== null && q.trim() !== '',
    staleTime: 60_000,
    retry: retryServerErrors,
  });
}

export const proposeIntervention = (caseId: string, body: ProposeBody) => api.post<Intervention>(`${casePath(caseId)}/interventions`, body);
export const requestHandover = (id: string, body: { message: string; categories: HandoverCategory[]; version: number }) =>
  api.post<Intervention>(stepPath(id, 'handover'), body);
export const acceptHandover = (id: string, version: number) => api.post<Intervention>(stepPath(id, 'accept'), { version });
export const declineHandover = (id: string, body: { reason: string; version: number }) => api.post<Intervention>(stepPath(id, 'decline'), body);
export const revokeHandover = (id: string, body: { reason?: string; version: number }) => api.post<Intervention>(stepPath(id, 'revoke'), body);
export const startIntervention = (id: string, body: { on?: string; version: number }) => api.post<Intervention>(stepPath(id, 'start'), body);
export const endIntervention = (id: string, body: { on?: string; endReason: EndReason; note?: string; version: number }) =>
  api.post<Intervention>(stepPath(id, 'end'), body);

/** After a step: the case's list, the inbox, the warnings, "Vilka hjälper oss?" and the chronology are stale. */
export function useRefreshInterventions() {
  const qc = useQueryClient();
  return (caseId: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: interventionKeys.forCase(caseId) }),
      qc.invalidateQueries({ queryKey: interventionKeys.inbox }),
      qc.invalidateQueries({ queryKey: interventionKeys.warnings }),
      qc.invalidateQueries({ queryKey: interventionKeys.helpers(caseId) }),
      qc.invalidateQueries({ queryKey: caseKeys.events(caseId) }),
    ]);
}
