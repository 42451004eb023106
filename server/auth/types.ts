/** A person as the rest of the server sees them. */
export interface UserRecord {
  id: string;
  kind: 'account' | 'guest';
  email: string | null;
  name: string;
}

export interface SessionRecord {
  /** The public half of the token `<id>.<secret>`; safe to log and to key sockets by. */
  id: string;
  userId: string;
  createdAt: number;
  /** Idle expiry: slides forward on use. */
  expiresAt: number;
  /** Hard limit: never moves, however active the session. */
  absoluteExpiresAt: number;
}
