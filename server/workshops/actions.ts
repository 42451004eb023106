import type { MemberRole } from '../../shared/domain';
import { type AuditEntry, recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import type { MemberAccess } from './access';

/**
 * Who performs an action: the member (for the record), the account behind it and the role it was
 * authorised in (for the audit, which keeps that role even after a demotion or handoff).
 */
export interface Actor {
  memberId: string;
  userId: string;
  role: MemberRole;
}

/** One action on a workshop: where, by whom and when — the "who/when" half of its audit entry. */
export interface WorkshopAction {
  workshopId: string;
  actor: Actor;
  now: number;
}

/** The action the caller of `requireMember` performs at `now`. */
export function actionBy(access: MemberAccess, now: number): WorkshopAction {
  return {
    workshopId: access.workshop.id,
    actor: { memberId: access.member.id, userId: access.user.id, role: access.member.role },
    now,
  };
}

/**
 * Records the action's audit entry. Call it inside the action's transaction (SPEC AUDIT2), so the
 * log can never disagree with the data.
 */
export function auditAction(
  db: Db,
  action: WorkshopAction,
  entry: Pick<AuditEntry, 'action' | 'target' | 'before' | 'after'>,
): void {
  recordAudit(db, {
    workshopId: action.workshopId,
    at: action.now,
    actorMemberId: action.actor.memberId,
    actorUserId: action.actor.userId,
    actorRole: action.actor.role,
    ...entry,
  });
}
