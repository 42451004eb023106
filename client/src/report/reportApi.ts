import { api } from '../api/client';
import type { ActionItem, ActionStatus, ReportModel } from '../../../server/report/types';
import type { Comparison } from '../../../server/report/comparison';

const enc = encodeURIComponent;

export interface ActionItemInput {
  dimensionId: string;
  targetStage: string;
  actions: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
}

/** The report feature's endpoints (server/report/*Routes.ts). */
export const reportApi = {
  report: (id: string) => api.get<ReportModel>(`/api/workshops/${enc(id)}/report`),
  comparison: (id: string) => api.get<Comparison>(`/api/workshops/${enc(id)}/comparison`),
  createItem: (id: string, body: ActionItemInput) =>
    api.post<{ item: ActionItem }>(`/api/workshops/${enc(id)}/action-items`, body),
  updateItem: (id: string, itemId: string, body: Partial<Omit<ActionItemInput, 'dimensionId'>>) =>
    api.patch<{ item: ActionItem }>(`/api/workshops/${enc(id)}/action-items/${enc(itemId)}`, body),
  deleteItem: (id: string, itemId: string) => api.delete(`/api/workshops/${enc(id)}/action-items/${enc(itemId)}`),
  followUp: (id: string, title?: string) =>
    api.post<{ workshop: { id: string; title: string }; invites: Array<{ role: string; url: string; maxUses: number }> }>(
      `/api/workshops/${enc(id)}/follow-up`,
      title ? { title } : {},
    ),
};

export const downloadUrl = (id: string, ext: 'pdf' | 'csv' | 'json') => `/api/workshops/${enc(id)}/report.${ext}`;
