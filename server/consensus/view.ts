import { and, asc, eq, like } from 'drizzle-orm';
import type {
  ConsensusHistoryEntry,
  ConsensusLockView,
  ConsensusRecordView,
} from '../../shared/consensusApi';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { revealedDimensionIds } from '../room/reveal';
import { lockContentHash } from './contentHash';
import { type LockRow, type UnlockRow, workshopConsensusRows } from './records';

export function lockView(row: LockRow, unlock: UnlockRow | undefined): ConsensusLockView {
  return {
    lockId: row.id,
    revision: row.revision,
    stage: row.stage,
    rationale: row.rationale,
    dissent: row.dissent,
    nextSteps: row.nextSteps,
    contentHash: row.contentHash,
    hashVerified: lockContentHash(row) === row.contentHash,
    finalRatings: row.finalRatings,
    firstRound: row.firstRound,
    lockedAt: row.lockedAt,
    lockedBy: row.lockedBy,
    unlock: unlock
      ? { reason: unlock.reason, unlockedAt: unlock.unlockedAt, unlockedBy: unlock.unlockedBy }
      : null,
  };
}

/**
 * Every dimension's consensus record for GET /consensus: draft, lock in force, all locks with their
 * unlocks, and the history of edits/locks/unlocks from the audit log (written in the same
 * transactions, so it never disagrees with the tables).
 */
export function consensusRecords(
  db: Db,
  workshopId: string,
  dimensionIds: readonly string[],
): ConsensusRecordView[] {
  const rows = workshopConsensusRows(db, workshopId);
  const unlockByLock = new Map(rows.unlocks.map((u) => [u.lockId, u]));
  // Defence in depth for LOCK10: a lock row sealed before that rule existed may hold the ratings of
  // a dimension that was never revealed. Those ratings stay on the server (the hash still verifies
  // against the stored row, which is untouched); only revealed dimensions show individual ratings.
  const revealed = revealedDimensionIds(db, workshopId);
  const events = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workshopId, workshopId), like(auditLog.action, 'consensus.%')))
    .orderBy(asc(auditLog.id))
    .all();
  return dimensionIds.map((dimensionId) => {
    const draft = rows.drafts.find((d) => d.dimensionId === dimensionId);
    const locks = rows.locks
      .filter((l) => l.dimensionId === dimensionId)
      .map((l) => withoutBlindRatings(lockView(l, unlockByLock.get(l.id)), revealed.has(dimensionId)));
    const current = locks.filter((l) => l.unlock === null).at(-1) ?? null;
    const mark = rows.notAssessed.find((n) => n.dimensionId === dimensionId);
    const history = events
      .filter((e) => e.target === dimensionId)
      .map(
        (e): ConsensusHistoryEntry => ({
          id: e.id,
          at: e.at,
          by: e.actorMemberId,
          action: e.action as ConsensusHistoryEntry['action'],
          before: e.before,
          after: e.after,
        }),
      );
    return {
      dimensionId,
      draft: draft
        ? {
            stage: draft.stage,
            rationale: draft.rationale,
            dissent: draft.dissent,
            nextSteps: draft.nextSteps,
            updatedAt: draft.updatedAt,
            updatedBy: draft.updatedBy,
          }
        : null,
      revision: draft?.revision ?? 1,
      locked: current !== null,
      lock: current,
      notAssessed: mark ? { reason: mark.reason, markedAt: mark.markedAt, markedBy: mark.markedBy } : null,
      locks,
      history,
    };
  });
}

/** A lock view with its individual ratings removed unless the dimension was revealed (LOCK10). */
export function withoutBlindRatings(view: ConsensusLockView, revealed: boolean): ConsensusLockView {
  return revealed ? view : { ...view, finalRatings: {}, firstRound: {} };
}
