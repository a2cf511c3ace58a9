import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { ListResponse, PrincipalKind } from '../../api/types';
import { caseKeys } from '../cases/api';

/*
 * The wellbeing wheel, assessments and plans (barnets plan, SIP). The shapes follow the server's
 * zod schemas in packages/server/src/modules/plans/index.ts and the domain types in
 * packages/domain/src/wheel and packages/domain/src/plan (the web cannot import the domain's
 * root entry, so they are repeated here).
 */

export interface WheelArea {
  key: string;
  labelSv: string;
  labelEn: string;
  descriptionSv: string;
  descriptionEn: string;
  childDescriptionSv: string;
  childDescriptionEn: string;
  position: number;
  retired?: boolean;
}

export interface WheelScaleAnchor {
  value: number;
  labelSv: string;
  labelEn: string;
  childLabelSv: string;
  childLabelEn: string;
}

export interface WheelScale {
  min: number;
  max: number;
  anchors: WheelScaleAnchor[];
}

export interface Wheel {
  version: number;
  areas: WheelArea[];
  scale: WheelScale;
}

export type PerspectiveKind = 'child' | 'guardian' | 'professional';

export interface AreaRating {
  areaKey: string;
  rating: number | null;
  strengths?: string;
  worries?: string;
  needs?: string;
}

export interface Assessment {
  id: string;
  date: string;
  perspective: { kind: PerspectiveKind; guardianId: string | null; guardianName: string | null; unitId: string | null; unitName: string | null };
  ratings: AreaRating[];
  wheelVersion: number;
  unit: { id: string; name: string };
  enteredByName: string;
  /** 'portal': the child or a guardian answered in the family portal themselves. */
  enteredVia: 'staff' | 'portal';
  /** Areas of the child's own answer the child keeps from their guardians; the team sees them, marked. */
  privateAreaKeys: string[];
  createdAt: string;
}

export interface DatedRating {
  date: string;
  rating: number;
  count: number;
}

export interface FirstAndLatest {
  areaKey: string;
  first: DatedRating | null;
  latest: DatedRating | null;
  change: number | null;
}

export interface PerspectiveGap {
  areaKey: string;
  child: number | null;
  childDate: string | null;
  professional: number | null;
  professionalDate: string | null;
  professionalCount: number;
  gap: number | null;
  highlighted: boolean;
}

export interface AssessmentList {
  wheel: Wheel;
  items: Assessment[];
  radar: { child: FirstAndLatest[]; professionals: FirstAndLatest[]; guardians: FirstAndLatest[]; gaps: PerspectiveGap[] };
}

export interface AssessmentBody {
  date: string;
  perspective: { kind: 'child' } | { kind: 'guardian'; guardianId: string } | { kind: 'professional' };
  ratings: AreaRating[];
}

export type PlanKind = 'barnets_plan' | 'sip';
export const PLAN_KINDS: readonly PlanKind[] = ['barnets_plan', 'sip'];

export interface PlanAction {
  id?: string;
  what: string;
  ownerUnitId: string | null;
  ownerUserId: string | null;
  start: string | null;
  end: string | null;
  decisionId?: string | null;
}

export interface PlanGoal {
  id?: string;
  text: string;
  followUpDate: string;
}

export interface PlanAreaSection {
  areaKey: string;
  childWords: string;
  guardiansWillDo: string;
  actions: PlanAction[];
  goals: PlanGoal[];
}

export interface PlanViewpoint {
  strengths: string;
  challenges: string;
}

export interface SipPrincipalContribution {
  principalId: string;
  principalName?: string;
  principalKind?: PrincipalKind;
  provides: string;
}

export interface SipDetails {
  supportNeeded: string;
  principalContributions: SipPrincipalContribution[];
  othersProvide: string;
  overallResponsibility: { principalId: string; principalName?: string } | null;
  participants: string[];
  personConsent: { given: boolean; date: string | null } | null;
  childParticipation: { tookPart: boolean; how: string };
  relativesParticipated: string[];
  followUpDate: string | null;
}

export interface PlanContent {
  kind: PlanKind;
  childView: PlanViewpoint;
  guardiansView: PlanViewpoint;
  areas: PlanAreaSection[];
  sip: SipDetails | null;
}

export type PlanVersionStatus = 'draft' | 'adopted' | 'superseded';

export interface MissingElement {
  element: number;
  field: string;
  message: string;
  messageEn: string;
}

export interface PlanVersion {
  number: number;
  status: PlanVersionStatus;
  planDate: string;
  content: PlanContent;
  version: number;
  updatedByName: string;
  updatedAt: string;
  adoptedOn: string | null;
  missingElements: MissingElement[];
  /** Follow-ups recorded on this version (only the adopted version is followed up). */
  followUps?: PlanFollowUp[];
  /** The earliest goal (or SIP) follow-up date after the last follow-up; null when none. */
  nextFollowUp?: string | null;
  followUpOverdue?: boolean;
}

export type GoalOutcome = 'achieved' | 'partly' | 'not' | 'no_longer_relevant';
export const GOAL_OUTCOMES: readonly GoalOutcome[] = ['achieved', 'partly', 'not', 'no_longer_relevant'];

export interface PlanFollowUpOutcome {
  areaKey: string;
  goal: string;
  outcome: GoalOutcome;
  comment: string | null;
}

export interface PlanFollowUp {
  on: string;
  byName: string;
  outcomes: PlanFollowUpOutcome[];
}

export interface PlanSummary {
  id: string;
  kind: PlanKind;
  createdAt: string;
  versions: PlanVersion[];
}

export interface Plan {
  id: string;
  caseId: string;
  kind: PlanKind;
  mayEdit: boolean;
  versions: PlanVersion[];
}

export interface PlanList {
  sipOffered: boolean;
  items: PlanSummary[];
}

export interface PlanChange {
  areaKey: string | null;
  field: string;
  change: 'added' | 'removed' | 'changed';
  textSv: string;
  textEn: string;
}

export interface PrincipalOption {
  id: string;
  name: string;
  kind: PrincipalKind;
}

export const planKeys = {
  assessments: (caseId: string) => [...caseKeys.detail(caseId), 'assessments'] as const,
  list: (caseId: string) => [...caseKeys.detail(caseId), 'plans'] as const,
  plan: (planId: string) => ['plans', planId] as const,
  diff: (planId: string, from: number, to: number) => ['plans', planId, 'diff', from, to] as const,
  principals: ['principals'] as const,
  decisions: (caseId: string) => [...caseKeys.detail(caseId), 'decisions'] as const,
  wheel: ['wheel'] as const,
};

const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;
const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const planPath = (id: string) => `/plans/${encodeURIComponent(id)}`;

export function useWheel() {
  return useQuery({ queryKey: planKeys.wheel, queryFn: () => api.get<Wheel>('/wheel'), staleTime: 5 * 60_000, retry: retryServerErrors });
}

export function useAssessments(caseId: string) {
  return useQuery({
    queryKey: planKeys.assessments(caseId),
    queryFn: () => api.get<AssessmentList>(`${casePath(caseId)}/assessments`),
    retry: retryServerErrors,
  });
}

export function usePlans(caseId: string) {
  return useQuery({ queryKey: planKeys.list(caseId), queryFn: () => api.get<PlanList>(`${casePath(caseId)}/plans`), retry: retryServerErrors });
}

export function usePlan(planId: string) {
  return useQuery({ queryKey: planKeys.plan(planId), queryFn: () => api.get<Plan>(planPath(planId)), retry: retryServerErrors });
}

export function usePlanDiff(planId: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.diff(planId, from, to),
    queryFn: () => api.get<{ changes: PlanChange[] }>(`${planPath(planId)}/diff?from=${from}&to=${to}`),
    enabled,
    retry: retryServerErrors,
  });
}

/** A team meeting's decision about the case, for linking a plan action to it. */
export interface CaseDecisionOption {
  id: string;
  what: string;
  meetingDate: string;
}

export function useCaseDecisions(caseId: string) {
  return useQuery({
    queryKey: planKeys.decisions(caseId),
    queryFn: () => api.get<ListResponse<CaseDecisionOption>>(`${casePath(caseId)}/decisions`),
    staleTime: 60_000,
    retry: retryServerErrors,
  });
}

export function usePrincipals() {
  return useQuery({
    queryKey: planKeys.principals,
    queryFn: () => api.get<ListResponse<PrincipalOption>>('/principals'),
    staleTime: 5 * 60_000,
    retry: retryServerErrors,
  });
}

export const addAssessment = (caseId: string, body: AssessmentBody) => api.post<{ id: string }>(`${casePath(caseId)}/assessments`, body);
export const createPlan = (caseId: string, kind: PlanKind) => api.post<Plan>(`${casePath(caseId)}/plans`, { kind });
export const savePlanDraft = (planId: string, number: number, body: { version: number; planDate: string; content: PlanContent }) =>
  api.put<PlanVersion>(`${planPath(planId)}/versions/${number}`, body);
export const newPlanVersion = (planId: string) => api.post<PlanVersion>(`${planPath(planId)}/versions`);
export const adoptPlanVersion = (planId: string, number: number, version: number) =>
  api.post<PlanVersion>(`${planPath(planId)}/versions/${number}/adopt`, { version });

/** outcomes: one per goal, in plan order (area by area, goal by goal); only on the adopted version. */
export const followUpPlan = (planId: string, number: number, outcomes: { outcome: GoalOutcome; comment?: string }[]) =>
  api.post<PlanVersion>(`${planPath(planId)}/versions/${number}/follow-ups`, { outcomes });

/** An admin saves a new version of the wellbeing wheel; old assessments keep theirs. */
export const saveWheel = (body: { areas: WheelArea[]; scale: WheelScale }) => api.put<Wheel>('/admin/wheel', body);

/** The plan in plain words for the child and the guardians. */
export const familyPlanPdfUrl = (planId: string, number: number) => `/api/v1${planPath(planId)}/versions/${number}/family.pdf`;
/** The whole plan (SIP or barnets plan) for the units. */
export const professionalPlanPdfUrl = (planId: string, number: number) => `/api/v1${planPath(planId)}/versions/${number}/professional.pdf`;

/** The saved draft a 409 from a draft save or an adoption carries, if any. */
export function conflictingVersion(error: unknown): PlanVersion | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = error.body.current;
  return current && typeof current === 'object' ? (current as PlanVersion) : null;
}
