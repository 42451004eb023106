import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  workshopId: string;
  at: number;
  actorMemberId: string | null;
  actorUserId: string | null;
  /** Dotted verb, e.g. `dimension.reveal`, `consensus.lock`, `invite.revoke`, `sync.write_refused`. */
  action: string;
  /** What was acted on, e.g. a dimension id or member id. */
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit entry. Call it inside the same transaction as the change it records, so the
 * log can never disagree with the data.
 */
export function recordAudit(db: Db, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      workshopId: entry.workshopId,
      at: entry.at,
      actorMemberId: entry.actorMemberId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      target: entry.target ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
