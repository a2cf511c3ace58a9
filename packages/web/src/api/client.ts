export interface ApiFieldError {
  field: string;
  message: string;
  messageEn: string;
}

interface ProblemBody {
  type?: string;
  title?: string;
  titleEn?: string;
  status?: number;
  detail?: string;
  detailEn?: string;
  errors?: ApiFieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly titleEn: string;
  readonly detail?: string;
  readonly detailEn?: string;
  readonly errors: ApiFieldError[];
  /** The whole problem body, for extra members such as the note conflict's `current`. */
  readonly body: ProblemBody & Record<string, unknown>;

  constructor(status: number, body: ProblemBody) {
    super(body.titleEn ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? '';
    this.titleEn = body.titleEn ?? body.title ?? '';
    this.detail = body.detail;
    this.detailEn = body.detailEn ?? body.detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.body = body as ProblemBody & Record<string, unknown>;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const BASE = '/api/v1';
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 response (except from the log-in call itself). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function parseProblem(res: Response): Promise<ProblemBody> {
  try {
    const text = await res.text();
    return text ? (JSON.parse(text) as ProblemBody) : {};
  } catch {
    return {};
  }
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const res = await fetch(`${BASE}${path}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  if (!res.ok) {
    const problem = await parseProblem(res);
    const error = new ApiError(res.status, problem);
    if (res.status === 401 && path !== '/auth/login') {
      setCsrfToken(null);
      onUnauthorized?.();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
};
