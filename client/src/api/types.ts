import type { AnonymityMode, MemberRole, WorkshopStatus } from '../../../shared/domain';

/** Response shapes of the HTTP API as the client uses them (docs/api.md is the reference). */

export interface User {
  id: string;
  /** 'account' (email + password) or 'guest' (joined by invite link, no password). */
  kind: 'account' | 'guest' | (string & {});
  email: string | null;
  name: string;
}

export interface Institution {
  id: string;
  name: string;
  system?: string | null;
  state?: string | null;
}

export interface WorkshopSummary {
  id: string;
  title: string;
  institution: Institution;
  status: WorkshopStatus;
  role: MemberRole;
  memberCount: number;
  createdAt: number | string;
}

export interface WorkshopSettings {
  anonymity: AnonymityMode;
  allowNotSure: boolean;
  autoReveal: boolean;
  /** Epoch ms, or null for no deadline. */
  ratingDeadline: number | null;
  perspectives: string[];
}

export interface Workshop {
  id: string;
  title: string;
  institution: Institution;
  rubricId: string;
  rubricVersion: string;
  status: WorkshopStatus;
  settings: WorkshopSettings;
  createdAt: number | string;
  updatedAt: number | string;
  finalizedAt: number | string | null;
  previousWorkshopId: string | null;
}

export interface Me {
  memberId: string;
  role: MemberRole;
  perspective: string | null;
  displayName: string;
}

export interface Member {
  id: string;
  name: string;
  role: MemberRole;
  perspective: string | null;
  joinedAt: number | string;
  isMe: boolean;
}

/** An invite as listed (no token: a lost link is replaced by a new one). */
export interface InviteSummary {
  id: string;
  role: MemberRole;
  perspective: string | null;
  expiresAt: number | string | null;
  maxUses: number | null;
  uses?: number;
  revokedAt?: number | string | null;
  createdAt?: number | string;
  /** Computed by the server at the time of the request. */
  state?: 'active' | 'expired' | 'revoked' | 'used-up';
}

/** An invite just created: the only time its token, URL and QR code are known. */
export interface CreatedInvite extends InviteSummary {
  token: string;
  url: string;
  qrSvg: string;
}

export interface InvitePreview {
  workshop: { title: string; institution: string | Institution };
  role: MemberRole;
  perspective: string | null;
  perspectives: string[];
}
