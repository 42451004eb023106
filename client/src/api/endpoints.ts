import type { MemberRole } from '../../../shared/domain';
import { api } from './client';
import type {
  CreatedInvite,
  InvitePreview,
  InviteSummary,
  Me,
  Member,
  User,
  Workshop,
  WorkshopSettings,
  WorkshopSummary,
} from './types';

const enc = encodeURIComponent;

/** Typed calls for each route. Feature teams add their own modules beside this one. */
export const authApi = {
  // noReauth: these calls *are* the sign-in; a 401 here means "wrong password", not "expired".
  signup: (body: { email: string; password: string; name: string }) =>
    api.post<{ user: User }>('/api/auth/signup', body, { noReauth: true }),
  login: (body: { email: string; password: string }) =>
    api.post<{ user: User }>('/api/auth/login', body, { noReauth: true }),
  logout: () => api.post<void>('/api/auth/logout', {}, { noReauth: true }),
  me: () => api.get<{ user: User }>('/api/auth/me', { noReauth: true }),
};

export interface CreateWorkshopBody {
  title: string;
  institution: string;
  rubricId?: string;
  settings?: Partial<WorkshopSettings>;
  /** The creator's own perspective (server default "Other"). */
  perspective?: string;
}

export const workshopsApi = {
  list: () => api.get<{ workshops: WorkshopSummary[] }>('/api/workshops'),
  get: (id: string) => api.get<{ workshop: Workshop; me: Me }>(`/api/workshops/${enc(id)}`),
  create: (body: CreateWorkshopBody) => api.post<{ workshop: Workshop }>('/api/workshops', body),
  update: (id: string, body: { title?: string; settings?: Partial<WorkshopSettings> }) =>
    api.patch<{ workshop: Workshop }>(`/api/workshops/${enc(id)}`, body),
};

export interface CreateInviteBody {
  role: MemberRole;
  perspective?: string;
  /** Epoch ms. */
  expiresAt?: number;
  maxUses?: number;
}

export const invitesApi = {
  list: (workshopId: string) => api.get<{ invites: InviteSummary[] }>(`/api/workshops/${enc(workshopId)}/invites`),
  create: (workshopId: string, body: CreateInviteBody) =>
    api.post<CreatedInvite>(`/api/workshops/${enc(workshopId)}/invites`, body),
  revoke: (workshopId: string, inviteId: string) =>
    api.delete(`/api/workshops/${enc(workshopId)}/invites/${enc(inviteId)}`),
  preview: (token: string) => api.get<InvitePreview>(`/api/invites/${enc(token)}`, { noReauth: true }),
  redeem: (token: string, body: { name: string; perspective?: string }) =>
    api.post<{ workshopId: string; memberId: string }>(`/api/invites/${enc(token)}/redeem`, body, { noReauth: true }),
};

export const membersApi = {
  list: (workshopId: string) => api.get<{ members: Member[] }>(`/api/workshops/${enc(workshopId)}/members`),
  update: (workshopId: string, memberId: string, body: { role?: MemberRole; perspective?: string | null; name?: string }) =>
    api.patch<{ member: Member }>(`/api/workshops/${enc(workshopId)}/members/${enc(memberId)}`, body),
  remove: (workshopId: string, memberId: string) =>
    api.delete(`/api/workshops/${enc(workshopId)}/members/${enc(memberId)}`),
};
