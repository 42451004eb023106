import { and, gt, inArray } from 'drizzle-orm';
import { CloseCode } from '../../shared/protocol';
import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import type { Connection } from './connection';

/** Session ids per query in closeExpired. */
const EXPIRY_CHUNK = 500;

/**
 * Open connections by session: for the per-session and per-user caps (SYNC18) and for ending
 * sessions (SYNC17).
 */
export class SessionConnections {
  private readonly bySession = new Map<string, Set<Connection>>();
  private readonly perUser = new Map<string, number>();

  count(sessionId: string): number {
    return this.bySession.get(sessionId)?.size ?? 0;
  }

  /** Across all of a user's sessions: signing in again gives a new session, and a new session's cap. */
  countForUser(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  add(conn: Connection): void {
    const set = this.bySession.get(conn.principal.sessionId) ?? new Set<Connection>();
    if (set.has(conn)) return;
    set.add(conn);
    this.bySession.set(conn.principal.sessionId, set);
    this.perUser.set(conn.principal.userId, this.countForUser(conn.principal.userId) + 1);
  }

  remove(conn: Connection): void {
    const set = this.bySession.get(conn.principal.sessionId);
    if (!set?.delete(conn)) return;
    if (set.size === 0) this.bySession.delete(conn.principal.sessionId);
    const left = this.countForUser(conn.principal.userId) - 1;
    if (left > 0) this.perUser.set(conn.principal.userId, left);
    else this.perUser.delete(conn.principal.userId);
  }

  /** Closes every socket of the session (logout, invalidation). */
  end(sessionId: string, detail?: string): void {
    for (const conn of [...(this.bySession.get(sessionId) ?? [])]) conn.close(CloseCode.sessionEnded, detail);
  }

  /**
   * A session can also end by expiring (idle or absolute), which no route reports: closes the
   * sockets of every open session that is gone or expired. One query per chunk of ids rather than
   * one per session (that took ~100 ms for 1,000 sessions, blocking the event loop); chunks keep
   * far below SQLite's bound-variable limit.
   */
  closeExpired(db: Db, now: number): void {
    const open = [...this.bySession.keys()];
    const valid = new Set<string>();
    for (let i = 0; i < open.length; i += EXPIRY_CHUNK) {
      const rows = db
        .select({ id: sessions.id })
        .from(sessions)
        .where(
          and(
            inArray(sessions.id, open.slice(i, i + EXPIRY_CHUNK)),
            gt(sessions.expiresAt, now),
            gt(sessions.absoluteExpiresAt, now),
          ),
        )
        .all();
      for (const row of rows) valid.add(row.id);
    }
    for (const sessionId of open) if (!valid.has(sessionId)) this.end(sessionId, 'session expired');
  }
}
