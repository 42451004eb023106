import { eq, sql } from 'drizzle-orm';
import type { AuditAction } from '../../shared/auditActions';
import type { FocusState } from '../../shared/docs/workshopDoc';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/preparedPerDb';
import { roomFocus } from '../db/schema';
import type { RevealActor } from './reveal';

const focusRow = preparedPerDb((db) =>
  db
    .select()
    .from(roomFocus)
    .where(eq(roomFocus.workshopId, sql.placeholder('workshopId')))
    .prepare(),
);

/** The room's focus as stored; a workshop without a row has no spotlight and no timer. */
export function readFocus(db: Db, workshopId: string): FocusState {
  const row = focusRow(db).get({ workshopId });
  return {
    spotlight: row?.spotlight ?? null,
    timerEndsAt: row?.timerEndsAt ?? null,
    timerLabel: row?.timerLabel ?? '',
  };
}

/**
 * Writes a change to the room's focus (spotlight or timer) with its audit entry in one transaction.
 * Returns the new focus state.
 */
export function updateFocus(
  db: Db,
  request: {
    workshopId: string;
    actor: RevealActor;
    now: number;
    action: AuditAction;
    change: Partial<FocusState>;
  },
): FocusState {
  return db.transaction(() => {
    const before = readFocus(db, request.workshopId);
    const after: FocusState = { ...before, ...request.change };
    db.insert(roomFocus)
      .values({ workshopId: request.workshopId, ...after, updatedAt: request.now })
      .onConflictDoUpdate({ target: roomFocus.workshopId, set: { ...after, updatedAt: request.now } })
      .run();
    recordAudit(db, {
      workshopId: request.workshopId,
      at: request.now,
      actorMemberId: request.actor.memberId,
      actorUserId: request.actor.userId,
      actorRole: request.actor.role,
      action: request.action,
      target: request.change.spotlight ?? null,
      before,
      after,
    });
    return after;
  });
}
