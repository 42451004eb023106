/** A person as the rest of the server sees them. */
export interface UserRecord {
  id: string;
  kind: 'account' | 'guest';
  email: string | null;
  name: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the token — never the token itself. */
  id: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  absoluteExpiresAt: number;
}
