import type {
  AuditPageResponse,
  ConsensusDraftBody,
  ConsensusListResponse,
} from '../../../shared/consensusApi';
import { api, apiRequest } from '../api';

const enc = encodeURIComponent;
const dim = (workshopId: string, dimensionId: string) =>
  `/api/workshops/${enc(workshopId)}/dimensions/${enc(dimensionId)}`;

/** Typed calls for the consensus, lock, finalize and audit routes. */
export const consensusApi = {
  list: (workshopId: string) => api.get<ConsensusListResponse>(`/api/workshops/${enc(workshopId)}/consensus`),
  saveDraft: (workshopId: string, dimensionId: string, body: ConsensusDraftBody) =>
    apiRequest<unknown>('PUT', `${dim(workshopId, dimensionId)}/consensus`, body),
  lock: (workshopId: string, dimensionId: string) =>
    api.post<unknown>(`${dim(workshopId, dimensionId)}/lock`),
  unlock: (workshopId: string, dimensionId: string, reason: string) =>
    api.post<{ revision: number }>(`${dim(workshopId, dimensionId)}/unlock`, { reason }),
  markNotAssessed: (workshopId: string, dimensionId: string, reason: string) =>
    api.post<unknown>(`${dim(workshopId, dimensionId)}/not-assessed`, { reason }),
  clearNotAssessed: (workshopId: string, dimensionId: string) =>
    api.delete<unknown>(`${dim(workshopId, dimensionId)}/not-assessed`),
  finalize: (workshopId: string) => api.post<unknown>(`/api/workshops/${enc(workshopId)}/finalize`),
  audit: (workshopId: string, before?: number) =>
    api.get<AuditPageResponse>(
      `/api/workshops/${enc(workshopId)}/audit?limit=50${before ? `&before=${before}` : ''}`,
    ),
};
