import type { AnonymityMode, MemberRole } from '../../../shared/domain';
import type { Rubric } from '../../../rubric/schema';

/**
 * The HTTP calls the room makes. A local equivalent of the foundation's API client (client/src/api),
 * kept small so the room works before that lands; switch to it once it does.
 */

export interface WorkshopInfo {
  workshop: {
    id: string;
    title: string;
    institution: { name: string };
    rubricId: string;
    rubricVersion: string;
    status: string;
    settings: {
      anonymity: AnonymityMode;
      allowNotSure: boolean;
      autoReveal: boolean;
      ratingDeadline: number | string | null;
      perspectives: string[];
    };
  };
  me: { memberId: string; role: MemberRole; perspective: string; displayName: string };
}

export class RoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (e.g. a proxy error page): reported below by status.
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new RoomApiError(res.status, err?.code ?? 'http_error', err?.message ?? `Request failed (${res.status})`);
  }
  return json as T;
}

export const roomApi = {
  workshop: (id: string) => request<WorkshopInfo>('GET', `/api/workshops/${encodeURIComponent(id)}`),
  rubric: async (id: string) => (await request<{ rubric: Rubric }>('GET', `/api/rubrics/${encodeURIComponent(id)}`)).rubric,
  reveal: (id: string, target: { dimensionIds: string[] } | { all: true }) =>
    request<unknown>('POST', `/api/workshops/${encodeURIComponent(id)}/reveal`, target),
  focus: (id: string, spotlight: string | null) =>
    request<unknown>('POST', `/api/workshops/${encodeURIComponent(id)}/focus`, { spotlight }),
  timer: (id: string, durationSeconds: number | null, label?: string) =>
    request<unknown>('POST', `/api/workshops/${encodeURIComponent(id)}/timer`, label ? { durationSeconds, label } : { durationSeconds }),
  settings: (id: string, settings: { anonymity?: AnonymityMode; autoReveal?: boolean; ratingDeadline?: number | null }) =>
    request<unknown>('PATCH', `/api/workshops/${encodeURIComponent(id)}`, { settings }),
  removeMember: (id: string, memberId: string) =>
    request<unknown>('DELETE', `/api/workshops/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`),
};
