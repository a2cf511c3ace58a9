import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../../api/client';

/*
 * The family portal's own API client (issue 7). The portal has its own session cookie and its
 * own CSRF token (ADR 0008): the staff client in api/client.ts sends the staff token and sends
 * every 401 to the staff log-in, so the portal does not use it. The token comes from
 * GET /portal/me and is sent as x-csrf-token on POST and PUT.
 */
export type PortalRelation = 'self' | 'guardian';

export interface PortalChild {
  /** An opaque handle (tenant and child id) for this session's links. */
  id: string;
  relation: PortalRelation;
  givenName: string;
  /** True when a guardian's access has ended because the child is 18 or older. */
  adult: boolean;
  hasCase: boolean;
}

export interface PortalMe {
  displayName: string;
  method: 'local' | 'oidc';
  csrfToken: string;
  children: PortalChild[];
}

export interface PortalHelpers {
  people: { role: string; roleEn: string; name: string; unit: string; email: string | null }[];
  support: { name: string; unit: string; status: string; statusLabel: string; statusLabelEn: string; email: string | null; phone: string | null }[];
}

export type PortalConsentStatus = 'active' | 'withdrawn' | 'expired' | 'pending';

export interface PortalConsent {
  id: string;
  purpose: string;
  units: string[];
  about: string[];
  aboutEn: string[];
  validFrom: string;
  validUntil: string;
  /** The consent's units with ids; canWithdraw is false for the unit that has the case. */
  unitChoices: { id: string; name: string; canWithdraw: boolean }[];
  /** Units taken out of the consent: name, date and who. */
  withdrawnUnits: { name: string; on: string; by: string; byEn: string }[];
  status: PortalConsentStatus;
  statusText: string;
  statusTextEn: string;
  /** This person's answer is needed now. */
  canAnswer: boolean;
  /** The person's own answer when they were asked (a guardian), else null. */
  myAnswer: string | null;
}

export interface PortalNextMeeting {
  date: string;
  /** HH:MM */
  startTime: string;
  location: string | null;
  invited: boolean;
  familyStatus: string;
  /** The signed-in person's own words before the meeting (the child's or the guardians'). */
  myWords: string | null;
  /** The voice's version to save from (0 when nothing is saved yet). */
  version: number;
  /** The child: their words are kept from their guardians (always false for a guardian). */
  wordsPrivate: boolean;
  /** A guardian: the child's words, unless the child keeps them private (then null; null for the child). */
  childWords: string | null;
}

/** The most the server stores of "Det här vill jag säga". */
export const MAX_WORDS = 2000;

export interface PortalReadLog {
  staffNamesShown: boolean;
  items: {
    date: string;
    what: string;
    whatEn: string;
    unit: string;
    role: string;
    roleEn: string;
    name: string | null;
    purpose: string;
    purposeEn: string;
    consent: string;
    consentEn: string;
  }[];
}

const BASE = '/api/v1/portal';
let portalCsrfToken: string | null = null;

export async function portalRequest<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && portalCsrfToken) headers['x-csrf-token'] = portalCsrfToken;
  const res = await fetch(`${BASE}${path}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text().catch(() => '');
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    if (res.status === 401) portalCsrfToken = null;
    throw new ApiError(res.status, (parsed && typeof parsed === 'object' ? parsed : {}) as ConstructorParameters<typeof ApiError>[1]);
  }
  return parsed as T;
}

export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  signInOptions: ['portal', 'sign-in-options'] as const,
  helpers: (child: string) => ['portal', 'child', child, 'helpers'] as const,
  consents: (child: string) => ['portal', 'child', child, 'consents'] as const,
  readLog: (child: string) => ['portal', 'child', child, 'read-log'] as const,
  nextMeeting: (child: string) => ['portal', 'child', child, 'next-meeting'] as const,
};

/** No retries on 4xx (not signed in, not linked, an adult child): the answer will not change. */
export const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

export async function fetchPortalMe(): Promise<PortalMe> {
  const me = await portalRequest<PortalMe>('GET', '/me');
  portalCsrfToken = me.csrfToken;
  return me;
}

/** The signed-in portal person; a 401 error when nobody is signed in. */
export function usePortalMe() {
  return useQuery({ queryKey: portalKeys.me, queryFn: fetchPortalMe, retry: retryServerErrors, staleTime: 60_000 });
}

/** `oidc: true` when e-ID sign-in is configured. A failing request counts as false. */
export function useSignInOptions() {
  return useQuery({
    queryKey: portalKeys.signInOptions,
    queryFn: async () => {
      try {
        const options = await portalRequest<{ oidc?: unknown }>('GET', '/sign-in-options');
        return { oidc: options?.oidc === true };
      } catch {
        return { oidc: false };
      }
    },
    staleTime: Infinity,
  });
}

/** The e-ID sign-in: a plain link, the browser follows the broker's redirects. */
export const OIDC_START_URL = `${BASE}/oidc/start`;

export function portalLogin(username: string, password: string): Promise<{ linked: boolean }> {
  return portalRequest<{ linked: boolean }>('POST', '/login', { username, password });
}

export async function portalLogout(): Promise<void> {
  try {
    await portalRequest<void>('POST', '/logout');
  } finally {
    portalCsrfToken = null;
  }
}

/** Drops everything the portal has cached (after log-in and log-out). */
export function useResetPortal() {
  const qc = useQueryClient();
  return () => qc.removeQueries({ queryKey: portalKeys.all });
}

export const childPath = (child: string) => `/children/${encodeURIComponent(child)}`;

export function usePortalHelpers(child: string) {
  return useQuery({
    queryKey: portalKeys.helpers(child),
    queryFn: () => portalRequest<PortalHelpers>('GET', `${childPath(child)}/helpers`),
    retry: retryServerErrors,
  });
}

export function usePortalConsents(child: string) {
  return useQuery({
    queryKey: portalKeys.consents(child),
    queryFn: () => portalRequest<PortalConsent[]>('GET', `${childPath(child)}/consents`),
    retry: retryServerErrors,
  });
}

export function usePortalReadLog(child: string) {
  return useQuery({
    queryKey: portalKeys.readLog(child),
    queryFn: () => portalRequest<PortalReadLog>('GET', `${childPath(child)}/read-log`),
    retry: retryServerErrors,
  });
}

export function usePortalNextMeeting(child: string) {
  return useQuery({
    queryKey: portalKeys.nextMeeting(child),
    queryFn: () => portalRequest<{ meeting: PortalNextMeeting | null; canKeepPrivate: boolean }>('GET', `${childPath(child)}/next-meeting`),
    retry: retryServerErrors,
  });
}

/**
 * Saves "Det här vill jag säga". A 409 carries the saved meeting as `current` in the error's body
 * (see conflictingWords): nothing is overwritten.
 */
export function savePortalWords(
  child: string,
  body: { words: string; version: number; private?: boolean },
): Promise<{ meeting: PortalNextMeeting; canKeepPrivate: boolean }> {
  return portalRequest<{ meeting: PortalNextMeeting; canKeepPrivate: boolean }>('PUT', `${childPath(child)}/my-words`, body);
}

/** The saved meeting and words from a 409 on savePortalWords, else null. */
export function conflictingWords(error: unknown): PortalNextMeeting | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = error.body.current;
  return current && typeof current === 'object' ? (current as PortalNextMeeting) : null;
}

/** Withdraws the person's own consent; the answer is the child's consents after the change. */
export function answerPortalConsent(child: string, consentId: string, answer: 'given' | 'refused'): Promise<PortalConsent[]> {
  return portalRequest('POST', `${childPath(child)}/consents/${encodeURIComponent(consentId)}/answer`, { answer });
}

export function withdrawPortalConsentUnit(child: string, consentId: string, unitId: string): Promise<PortalConsent[]> {
  return portalRequest('POST', `${childPath(child)}/consents/${encodeURIComponent(consentId)}/withdraw-unit`, { unitId });
}

export function withdrawPortalConsent(child: string, consentId: string): Promise<PortalConsent[]> {
  return portalRequest<PortalConsent[]>('POST', `${childPath(child)}/consents/${encodeURIComponent(consentId)}/withdraw`, {});
}

// ---- "Mitt hjul" / "Barnets hjul" (issue 7) ----

export interface PortalWheelArea {
  key: string;
  labelSv: string;
  labelEn: string;
  /** In the child's own words. */
  descriptionSv: string;
  descriptionEn: string;
}

export interface PortalWheelAnswer {
  id: string;
  date: string;
  perspective: 'child' | 'guardian';
  /** The signed-in person's own answer. */
  mine: boolean;
  ratings: { areaKey: string; rating: number; labelSv: string; labelEn: string }[];
  /** The areas the child keeps from their guardians; only ever sent to the child. */
  privateAreaKeys: string[];
}

export interface PortalWheel {
  areas: PortalWheelArea[];
  scale: { min: number; max: number; anchors: { value: number; labelSv: string; labelEn: string }[] };
  /** The child may keep answers from their guardians. */
  canKeepPrivate: boolean;
  hasCase: boolean;
  answers: PortalWheelAnswer[];
}

export interface PortalWheelBody {
  ratings: { areaKey: string; rating: number | null }[];
  privateAreaKeys?: string[];
}

export const portalWheelKeys = {
  wheel: (child: string) => ['portal', 'child', child, 'wheel'] as const,
};

export function usePortalWheel(child: string) {
  return useQuery({
    queryKey: portalWheelKeys.wheel(child),
    queryFn: () => portalRequest<PortalWheel>('GET', `${childPath(child)}/wheel`),
    retry: retryServerErrors,
  });
}

/** Saves today's answer; the answer is the wheel after the save, with the new answer's id. */
export function savePortalWheel(child: string, body: PortalWheelBody): Promise<PortalWheel & { id: string }> {
  return portalRequest<PortalWheel & { id: string }>('POST', `${childPath(child)}/wheel`, body);
}

// ---------------------------------------------------------------------------------------------
// "Min plan" / "Planen" and "Blev du lyssnad på?" (issue 7)

export interface PortalPlan {
  kind: 'barnets_plan' | 'sip';
  kindLabel: string;
  adoptedOn: string;
  /** What the child said: shown first. */
  childView: { strengths: string; challenges: string; areas: { area: string; words: string }[] };
  /** What the guardians said and will do at home; absent when they said nothing. */
  guardianView?: { strengths: string; challenges: string; atHome: { area: string; words: string }[] };
  goals: { text: string; area: string; followUpOn: string }[];
  actions: { what: string; area: string; who: string | null; role: string | null; when: { from: string | null; to: string | null } }[];
  followUpOn: string | null;
}

/** 1 = ja, 2 = lite, 3 = nej. */
export type PortalFeedbackAnswer = 1 | 2 | 3;

export const portalPlanKeys = {
  plan: (child: string) => ['portal', 'child', child, 'plan'] as const,
  feedback: (child: string) => ['portal', 'child', child, 'feedback'] as const,
};

/** The adopted plan (never a draft), or null. */
export function usePortalPlan(child: string) {
  return useQuery({
    queryKey: portalPlanKeys.plan(child),
    queryFn: () => portalRequest<{ plan: PortalPlan | null }>('GET', `${childPath(child)}/plan`),
    retry: retryServerErrors,
  });
}

/** The family's version of the plan as PDF: a plain link (the portal cookie goes along). */
export const portalPlanPdfUrl = (child: string) => `/api/v1/portal${childPath(child)}/plan.pdf`;

/** `ask` is the meeting to give feedback on, or null when there is nothing to answer. */
export function usePortalFeedback(child: string) {
  return useQuery({
    queryKey: portalPlanKeys.feedback(child),
    queryFn: () => portalRequest<{ ask: { meetingDate: string } | null }>('GET', `${childPath(child)}/feedback`),
    retry: retryServerErrors,
  });
}

/** Sends the anonymous answer; a second answer about the same meeting is a 409. */
export function sendPortalFeedback(child: string, body: { listened: PortalFeedbackAnswer; understood: PortalFeedbackAnswer }): Promise<void> {
  return portalRequest<void>('POST', `${childPath(child)}/feedback`, body);
}
