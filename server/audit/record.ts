import { eq } from 'drizzle-orm';
import type { AuditAction } from '../../shared/auditActions';
import type { MemberRole } from '../../shared/domain';
import type { Db } from '../db/client';
import { auditLog, members } from '../db/schema';

export interface AuditEntry {
  workshopId: string;
  at: number;
  actorMemberId: string | null;
  actorUserId: string | null;
  /**
   * The role the actor acted in — pass it when the caller knows it (the role `requireMember`
   * authorised), since an action may change it (handoff, self-demotion). Omitted: read from the
   * actor's member row in the same transaction. Kept so the log still shows it after a demotion.
   */
  actorRole?: MemberRole | undefined;
  /** Dotted verb, e.g. `dimension.reveal`, `consensus.lock`, `invite.revoke`, `sync.write_refused`. */
  action: AuditAction;
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
      actorRole: entry.actorRole ?? currentRole(db, entry.actorMemberId),
      action: entry.action,
      target: entry.target ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

function currentRole(db: Db, memberId: string | null): MemberRole | null {
  if (memberId === null) return null;
  return db.select({ role: members.role }).from(members).where(eq(members.id, memberId)).get()?.role ?? null;
}
