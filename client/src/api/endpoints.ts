import type { Rubric } from '../../../rubric/schema';
import type { MemberRole, WorkshopStatus } from '../../../shared/domain';
import { api } from './client';
import type {
  CreatedInvite,
  Institution,
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

/** Drops undefined fields, so a strict server body never sees a key the caller did not mean to send. */
function definedOnly<T extends Record<string, unknown>>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}

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
  /** 409 with `details.missing` (dimension ids still open) when not every dimension is decided (LOCK7). */
  finalize: (id: string) => api.post<{ status: 'finalized' }>(`/api/workshops/${enc(id)}/finalize`),
};

export interface InstitutionSummary extends Institution {
  workshopCount: number;
  lastWorkshopAt: number | string | null;
}

/** One workshop in an institution's history, with its consensus per dimension (REPORT11). */
export interface InstitutionWorkshop {
  id: string;
  title: string;
  status: WorkshopStatus;
  rubricId: string;
  rubricVersion: string;
  createdAt: number | string;
  finalizedAt: number | string | null;
  previousWorkshopId: string | null;
  myRole: MemberRole;
  consensus: Record<string, { stage: string | null; locked: boolean; notAssessed: boolean }>;
}

export const institutionsApi = {
  list: () => api.get<{ institutions: InstitutionSummary[] }>('/api/institutions'),
  get: (id: string) =>
    api.get<{ institution: Institution; workshops: InstitutionWorkshop[] }>(`/api/institutions/${enc(id)}`),
};

export const rubricsApi = {
  get: (id: string) => api.get<{ rubric: Rubric }>(`/api/rubrics/${enc(id)}`),
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
  /** POST /handoff: the target becomes facilitator and I become a participant, in one transaction (LOCK9). */
  handoff: (workshopId: string, memberId: string) =>
    api.post<unknown>(`/api/workshops/${enc(workshopId)}/handoff`, { memberId }),
  list: (workshopId: string) => api.get<{ members: Member[] }>(`/api/workshops/${enc(workshopId)}/members`),
  // The server's body is strict: {role?, perspective?} (a perspective can be changed, not cleared;
  // names belong to the person, not the facilitator). Only the given fields are sent.
  update: (workshopId: string, memberId: string, body: { role?: MemberRole; perspective?: string }) =>
    api.patch<{ member: Member }>(
      `/api/workshops/${enc(workshopId)}/members/${enc(memberId)}`,
      definedOnly({ role: body.role, perspective: body.perspective }),
    ),
  remove: (workshopId: string, memberId: string) =>
    api.delete(`/api/workshops/${enc(workshopId)}/members/${enc(memberId)}`),
};
