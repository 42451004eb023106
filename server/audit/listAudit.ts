import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditEntryView, AuditPageResponse } from '../../shared/consensusApi';
import type { Db } from '../db/client';
import { auditLog, members, users } from '../db/schema';

/**
 * One page of a workshop's audit log, newest first, each entry with who acted: the member, the role
 * they acted in (SPEC AUDIT4) and the account behind it. In a fully anonymous workshop names never
 * leave the server (DESIGN), so the audit shows the member's pseudonym and no account details
 * (SPEC AUDIT3).
 */
export function listAudit(
  db: Db,
  p: { workshopId: string; anonymous: boolean; before?: number | undefined; limit: number },
): Omit<AuditPageResponse, 'names'> {
  const rows = db
    .select({ entry: auditLog, member: members, user: users })
    .from(auditLog)
    .leftJoin(members, eq(members.id, auditLog.actorMemberId))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.workshopId, p.workshopId), p.before ? lt(auditLog.id, p.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(p.limit + 1)
    .all();
  const page = rows.slice(0, p.limit);
  const entries = page.map(({ entry, member, user }): AuditEntryView => {
    const hasActor = entry.actorMemberId !== null || entry.actorUserId !== null;
    return {
      id: entry.id,
      at: entry.at,
      action: entry.action,
      target: entry.target,
      before: entry.before,
      after: entry.after,
      actor: hasActor
        ? {
            memberId: entry.actorMemberId,
            name: member
              ? p.anonymous
                ? member.pseudonym
                : member.displayName
              : p.anonymous
                ? null
                : (user?.name ?? null),
            // AUDIT4: the role recorded at the time; older rows fall back to the current one, flagged.
            role: entry.actorRole ?? member?.role ?? null,
            roleRecorded: entry.actorRole !== null,
            account: user && !p.anonymous ? { userId: user.id, kind: user.kind, email: user.email } : null,
          }
        : null,
    };
  });
  return { entries, nextBefore: rows.length > p.limit ? (page.at(-1)?.entry.id ?? null) : null };
}
