import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { eq, sql } from 'drizzle-orm';
import { preparedPerDb } from '../db/preparedPerDb';
import { sessions, users } from '../db/schema';
import type { AppDeps } from '../deps';
import { generateSecureRandomString, hashSecret } from './token';
import type { SessionRecord, UserRecord } from './types';

/**
 * Sessions the way Lucia's guide teaches (lucia-auth.com/sessions/basic), plus an idle timeout and
 * an absolute lifetime. The token is `<id>.<secret>`: the id is looked up, the secret's SHA-256 is
 * compared in constant time. A stolen database therefore holds no usable token, and an attacker
 * timing lookups learns nothing about the secret.
 */
export type SessionDeps = Pick<AppDeps, 'database' | 'config' | 'now'>;

export interface ValidSession {
  session: SessionRecord;
  user: UserRecord;
  /** True when this validation moved expiresAt: the caller re-sends the cookie with the new date. */
  extended: boolean;
}

export interface NewSession {
  token: string;
  session: SessionRecord;
}

export function createSession(deps: SessionDeps, userId: string): NewSession {
  const now = deps.now();
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const session: SessionRecord = {
    id,
    userId,
    createdAt: now,
    expiresAt: Math.min(now + deps.config.sessionIdleMs, now + deps.config.sessionAbsoluteMs),
    absoluteExpiresAt: now + deps.config.sessionAbsoluteMs,
  };
  deps.database.db
    .insert(sessions)
    .values({ ...session, secretHash: Buffer.from(hashSecret(secret)) })
    .run();
  return { token: `${id}.${secret}`, session };
}

/**
 * The session and its user, by session id. Prepared once: every API request and every websocket
 * upgrade validates a session, and building this query each time was a third of a millisecond of
 * each of the 2,000 upgrades when a busy server's rooms reconnect (docs/benchmarks.md item 33).
 */
const sessionWithUser = preparedPerDb((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * The session and user for a token, or null — for a malformed token, an unknown id, a wrong secret
 * and an expired session alike, so callers cannot tell (and cannot leak) which. Past half of the
 * idle window the expiry slides forward, never beyond the absolute lifetime.
 */
export function validateSessionToken(deps: SessionDeps, token: string): ValidSession | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (id.length === 0 || id.length > 64 || secret.length === 0 || secret.length > 64) return null;

  const { db } = deps.database;
  const row = sessionWithUser(db).get({ id });
  if (!row) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.session.secretHash))) return null;

  const now = deps.now();
  const { secretHash: _hash, ...session } = row.session;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  let extended = false;
  const idle = deps.config.sessionIdleMs;
  if (now >= session.expiresAt - idle / 2) {
    const next = Math.min(now + idle, session.absoluteExpiresAt);
    if (next > session.expiresAt) {
      session.expiresAt = next;
      db.update(sessions).set({ expiresAt: next }).where(eq(sessions.id, id)).run();
      extended = true;
    }
  }
  const { id: userId, kind, email, name } = row.user;
  return { session, user: { id: userId, kind, email, name }, extended };
}

export function invalidateSession(deps: SessionDeps & Pick<AppDeps, 'realtime'>, sessionId: string): void {
  deps.database.db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  // Sockets opened with this session must not outlive it (logout on a shared computer).
  deps.realtime.sessionEnded(sessionId);
}

/** Ends every session of a user, e.g. after a password change. */
export function invalidateUserSessions(deps: SessionDeps & Pick<AppDeps, 'realtime'>, userId: string): void {
  const { db } = deps.database;
  const ended = db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }).all();
  for (const s of ended) deps.realtime.sessionEnded(s.id);
}
