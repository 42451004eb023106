import type { MemberRole } from './domain';

/**
 * Presence (y-protocols awareness) state of one client. The server rewrites every state it relays:
 * `user` always comes from the session and membership (a client cannot claim to be someone else),
 * unknown fields are dropped, and a state larger than AWARENESS_STATE_MAX_BYTES closes the
 * connection. See docs/sync.md, SYNC30–SYNC33.
 */
export interface AwarenessUser {
  memberId: string;
  /** Display name, or the member's pseudonym when the workshop is not in `named` mode. */
  name: string;
  perspective: string;
  role: MemberRole;
}

export interface AwarenessState {
  user: AwarenessUser;
  /** The dimension this person is looking at, if any. */
  dimensionId?: string | null;
  /** Whether they are typing a comment or rationale right now. */
  typing?: boolean;
}

/** Largest awareness state (JSON, bytes) a client may send. */
export const AWARENESS_STATE_MAX_BYTES = 2048;
