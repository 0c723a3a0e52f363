import i18n, { currentLanguage } from '../i18n';
import type { ClaimAnswer, ErrorBody, Municipality, MunicipalityDetail, PersonalHome, SessionInfo, User } from './api-types';

/** An error's text in each language, or a key of the UI's own catalogue (for errors the client names itself). */
export type ErrorTexts = { es: string; en: string } | { key: 'errors.network' | 'errors.unexpected' } | string;

/**
 * An error answer of the API (`{ error: { code, message, messages, field?, details? } }`), or a failure to reach it.
 * `message` is in the UI's current language whenever it is read: the server sends its text in both languages, and the
 * client's own codes (NETWORK, UNEXPECTED) come from its catalogue; so an error on screen follows a language switch
 * (pages keep the error, not its text, and read `message` when they render: see `said`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** The error's texts as sent (kept, for instance, with an offline action the server refused). */
    readonly texts: ErrorTexts,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(typeof texts === 'string' ? texts : 'key' in texts ? texts.key : texts.es);
    Object.defineProperty(this, 'message', {
      configurable: true,
      enumerable: false,
      get: () => (typeof texts === 'string' ? texts : 'key' in texts ? i18n.t(texts.key) : texts[currentLanguage()]),
    });
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

// The CSRF token comes from the session (GET /api/auth/session, sign-in, sign-up); the session provider sets it.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-encoded, unless it is a FormData (multipart upload) or a Blob sent as is (with `contentType`). */
  body?: unknown;
  /** Content-Type of a Blob body (e.g. `text/csv`). */
  contentType?: string;
  /** Further request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API under /api. Resolves with the parsed JSON (undefined for 204) or rejects with an ApiError. */
/**
 * GET requests started ahead by the router (a route's loader), keyed by language and path: on a slow link a page's data
 * then travels while its code does, instead of after it. The page's own request for the same path takes the answer
 * over (once, within a few seconds); nothing else changes for the page.
 */
const prefetched = new Map<string, { at: number; response: Promise<Response> }>();
const PREFETCH_FRESH_MS = 5_000;

export function prefetch(path: string): void {
  const key = `${currentLanguage()} ${path}`;
  const known = prefetched.get(key);
  if (known && Date.now() - known.at < PREFETCH_FRESH_MS) return;
  const response = fetch(`/api${path}`, {
    method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
  });
  response.catch(() => undefined); // a failed prefetch is the page's own request's to report
  prefetched.set(key, { at: Date.now(), response });
}

function takePrefetched(path: string): Promise<Response> | null {
  const key = `${currentLanguage()} ${path}`;
  const hit = prefetched.get(key);
  prefetched.delete(key);
  return hit && Date.now() - hit.at < PREFETCH_FRESH_MS ? hit.response : null;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  // A FormData body (file upload) sets its own multipart Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  const isBlob = typeof Blob !== 'undefined' && options.body instanceof Blob;
  if (isBlob) headers['Content-Type'] = options.contentType ?? ((options.body as Blob).type || 'application/octet-stream');
  else if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  Object.assign(headers, options.headers);

  let response: Response;
  const ahead = method === 'GET' ? takePrefetched(path) : null;
  try {
    response = ahead ? await ahead : await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm || isBlob
            ? (options.body as FormData | Blob)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', { key: 'errors.network' });
  }

  if (response.status === 204) return undefined as T;
  let payload: unknown = undefined;
  const text = await response.text();
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, messages, field, details } = payload.error;
      throw new ApiError(response.status, code, messages ?? message, field, details);
    }
    throw new ApiError(response.status, 'UNEXPECTED', { key: 'errors.unexpected' });
  }
  if (payload === undefined) throw new ApiError(response.status, 'UNEXPECTED', { key: 'errors.unexpected' });
  return payload as T;
}

// One function per endpoint, so pages never spell a URL.
export const api = {
  session: (signal?: AbortSignal) => apiRequest<SessionInfo>('/auth/session', { signal }),
  signIn: (body: { login: string; password: string }) =>
    apiRequest<{ user: User; csrfToken: string }>('/auth/signin', { method: 'POST', body }),
  signUp: (body: { name: string; email?: string; dni?: string; password: string }) =>
    apiRequest<{ user: User; csrfToken: string }>('/auth/signup', { method: 'POST', body }),
  signOut: () => apiRequest<void>('/auth/signout', { method: 'POST' }),
  municipalities: (signal?: AbortSignal) =>
    apiRequest<{ municipalities: Municipality[] }>('/municipalities', { signal }),
  municipality: (slug: string, signal?: AbortSignal) =>
    apiRequest<MunicipalityDetail>(`/municipalities/${encodeURIComponent(slug)}`, { signal }),
  /** The signed-in person's places, the open calls, and where they land after signing in. */
  home: (signal?: AbortSignal) => apiRequest<PersonalHome>('/me/home', { signal }),
  /** Links a registration made face to face to the account, with the code of its paper receipt. */
  claimRegistration: (body: { claimCode: string; dni?: string }) => apiRequest<ClaimAnswer>('/registration-claims', { method: 'POST', body }),
};
