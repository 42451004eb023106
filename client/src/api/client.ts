import type { ApiErrorBody, ApiErrorCode } from '../../../shared/apiError';

/** Codes the client itself produces, next to the server's. */
export type ClientErrorCode = ApiErrorCode | 'network_error' | 'bad_response';

/**
 * Every failed API call throws this. Branch on `code` (stable), show `message` (human, from the
 * server), use `status` for the HTTP class (0 when the server was never reached).
 * `retryAfterSeconds` is the response's Retry-After (sent with 429 rate_limited), when present.
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  /** Don't offer the "session expired" sign-in for this call (the auth calls themselves). */
  noReauth?: boolean;
  signal?: AbortSignal;
}

/**
 * The seam between the fetch wrapper and the UI's "your session expired" dialog. The shell's
 * CurrentUserProvider installs `reauthenticate`; the wrapper calls it when a signed-in user's
 * request gets a 401, waits for the promise (the user signs in again in a dialog while the page
 * stays mounted), then retries the request once. Concurrent 401s share one prompt.
 */
interface SessionGuard {
  signedIn: boolean;
  reauthenticate: (() => Promise<void>) | null;
  pending: Promise<void> | null;
}
const guard: SessionGuard = { signedIn: false, reauthenticate: null, pending: null };

export function setSignedIn(signedIn: boolean): void {
  guard.signedIn = signedIn;
}

export function setReauthenticateHandler(handler: (() => Promise<void>) | null): void {
  guard.reauthenticate = handler;
}

/**
 * Opens the app's "session expired — sign in again" dialog over the current page and resolves after
 * a successful sign-in (rejects on "Sign out"). For callers that learn about an ended session other
 * than by a 401, e.g. the room's websocket closing with 4401.
 */
export function requestSignIn(): Promise<void> {
  return reauthenticateOnce();
}

const signedInAgainListeners = new Set<() => void>();

/**
 * Hear of every successful sign-in in the "session expired" dialog, whoever opened it (a 401 on any
 * API call, or the room's own banner). The room reopens its sockets here: they closed when the old
 * session ended, and a sign-in prompted by, say, the Spotlight button must bring them back too.
 */
export function onSignedInAgain(listener: () => void): () => void {
  signedInAgainListeners.add(listener);
  return () => signedInAgainListeners.delete(listener);
}

function reauthenticateOnce(): Promise<void> {
  if (!guard.reauthenticate) return Promise.reject(new Error('no re-authentication handler'));
  guard.pending ??= guard
    .reauthenticate()
    .then(() => {
      for (const listener of signedInAgainListeners) listener();
    })
    .finally(() => {
      guard.pending = null;
    });
  return guard.pending;
}

async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The session is an HttpOnly cookie; the browser adds Origin on non-GET requests (CSRF check).
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }
}

/**
 * Retry-After as whole seconds: either a number of seconds or an HTTP date (RFC 9110 allows both).
 * Undefined when absent or unreadable, so callers fall back to a vaguer "later".
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

async function toError(res: Response): Promise<ApiRequestError> {
  try {
    const parsed = (await res.json()) as Partial<ApiErrorBody>;
    if (parsed.error?.code) {
      const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
      return new ApiRequestError(res.status, parsed.error.code, parsed.error.message, parsed.error.details, retryAfter);
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic message.
  }
  return new ApiRequestError(res.status, 'bad_response', `The server answered ${res.status} ${res.statusText}.`);
}

/** One JSON request to the API. Resolves with the parsed body (undefined for 204). */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let res = await send(method, path, body, options);
  if (res.status === 401 && guard.signedIn && !options.noReauth && guard.reauthenticate) {
    const first = await toError(res);
    try {
      await reauthenticateOnce();
    } catch {
      throw first; // The person declined to sign in again: the caller shows the original error.
    }
    res = await send(method, path, body, options);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiRequestError(res.status, 'bad_response', 'The server sent a response the app could not read.');
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};
