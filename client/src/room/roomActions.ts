import type { AnonymityMode } from '../../../shared/domain';
import { api, membersApi, rubricsApi, workshopsApi } from '../api';
import type { Me, Workshop } from '../api';

/**
 * The room's HTTP calls, on the shared client (client/src/api): a 401 opens the shell's
 * "session expired" dialog and retries once after sign-in, so a facilitator in a long session never
 * loses an action to an expired cookie.
 */
export interface WorkshopInfo {
  workshop: Workshop;
  me: Me;
}

const enc = encodeURIComponent;

export const roomActions = {
  workshop: (id: string): Promise<WorkshopInfo> => workshopsApi.get(id),
  rubric: async (id: string) => (await rubricsApi.get(id)).rubric,
  reveal: (id: string, target: { dimensionIds: string[] } | { all: true }) =>
    api.post<unknown>(`/api/workshops/${enc(id)}/reveal`, target),
  focus: (id: string, spotlight: string | null) => api.post<unknown>(`/api/workshops/${enc(id)}/focus`, { spotlight }),
  timer: (id: string, durationSeconds: number | null, label?: string) =>
    api.post<unknown>(`/api/workshops/${enc(id)}/timer`, label ? { durationSeconds, label } : { durationSeconds }),
  settings: (id: string, settings: { anonymity?: AnonymityMode; autoReveal?: boolean; ratingDeadline?: number | null }) =>
    workshopsApi.update(id, { settings }),
  removeMember: (id: string, memberId: string) => membersApi.remove(id, memberId),
};
