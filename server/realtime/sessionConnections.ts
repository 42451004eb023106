import { eq } from 'drizzle-orm';
import { CloseCode } from '../../shared/protocol';
import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import type { Connection } from './connection';

/** Open connections by session: for the per-session cap (SYNC18) and for ending sessions (SYNC17). */
export class SessionConnections {
  private readonly bySession = new Map<string, Set<Connection>>();

  count(sessionId: string): number {
    return this.bySession.get(sessionId)?.size ?? 0;
  }

  add(conn: Connection): void {
    const set = this.bySession.get(conn.principal.sessionId) ?? new Set<Connection>();
    set.add(conn);
    this.bySession.set(conn.principal.sessionId, set);
  }

  remove(conn: Connection): void {
    const set = this.bySession.get(conn.principal.sessionId);
    set?.delete(conn);
    if (set?.size === 0) this.bySession.delete(conn.principal.sessionId);
  }

  /** Closes every socket of the session (logout, invalidation). */
  end(sessionId: string, detail?: string): void {
    for (const conn of [...(this.bySession.get(sessionId) ?? [])]) conn.close(CloseCode.sessionEnded, detail);
  }

  /**
   * A session can also end by expiring (idle or absolute), which no route reports: closes the
   * sockets of every open session that is gone or expired.
   */
  closeExpired(db: Db, now: number): void {
    for (const sessionId of [...this.bySession.keys()]) {
      const row = db
        .select({ expiresAt: sessions.expiresAt, absoluteExpiresAt: sessions.absoluteExpiresAt })
        .from(sessions)
        .where(eq(sessions.id, sessionId))
        .get();
      if (row && now < row.expiresAt && now < row.absoluteExpiresAt) continue;
      this.end(sessionId, 'session expired');
    }
  }
}
