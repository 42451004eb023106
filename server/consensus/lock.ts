import { and, eq } from 'drizzle-orm';
import type { Database_ } from '../db/client';
import {
  consensusDrafts,
  consensusLocks,
  consensusUnlocks,
  type RatingSnapshot,
  reveals,
} from '../db/schema';
import { conflict } from '../http/errors';
import { lockContentHash } from './contentHash';
import { requireOpenWorkshop } from '../workshops/access';
import { auditAction, type WorkshopAction } from '../workshops/actions';
import { inTransaction } from './guards';
import { activeLock, type LockRow, readDraft, readNotAssessed } from './records';

/** An action on one dimension of the workshop's rubric. */
type DimensionAction = WorkshopAction & { dimensionId: string };

/**
 * Seals the draft of a dimension as an immutable lock row with its content hash, next to the
 * final individual ratings (taken by the caller from the member docs) and the first round (from
 * the reveal). Of concurrent locks exactly one wins (SPEC LOCK2): the check and the insert share
 * one transaction, and the UNIQUE (workshop, dimension, revision) index refuses a second row even
 * if the check were bypassed.
 */
export function lockConsensus(
  database: Database_,
  p: DimensionAction & { finalRatings: RatingSnapshot },
): LockRow {
  const { db } = database;
  return inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    const draft = readDraft(db, p.workshopId, p.dimensionId);
    if (!draft) throw conflict('There is no consensus stage to lock yet: record the consensus first.');
    if (activeLock(db, p.workshopId, p.dimensionId)) throw conflict('This consensus is already locked.');
    if (readNotAssessed(db, p.workshopId, p.dimensionId)) {
      throw conflict('This dimension is marked "not assessed": clear that mark before locking.');
    }
    const reveal = db
      .select({ firstRound: reveals.firstRound })
      .from(reveals)
      .where(and(eq(reveals.workshopId, p.workshopId), eq(reveals.dimensionId, p.dimensionId)))
      .get();
    // SPEC LOCK10: the lock seals everyone's rating and GET /consensus shows it to every member, so
    // locking a dimension still rated blind would publish the ratings the room never revealed.
    if (!reveal) throw conflict('Reveal the ratings before locking.');
    const sealed = {
      workshopId: p.workshopId,
      dimensionId: p.dimensionId,
      revision: draft.revision,
      stage: draft.stage,
      rationale: draft.rationale,
      dissent: draft.dissent,
      nextSteps: draft.nextSteps,
      finalRatings: p.finalRatings,
      firstRound: reveal.firstRound,
      lockedAt: p.now,
      lockedBy: p.actor.memberId,
    };
    const row = db
      .insert(consensusLocks)
      .values({ ...sealed, contentHash: lockContentHash(sealed) })
      .returning()
      .get();
    auditAction(db, p, {
      action: 'consensus.lock',
      target: p.dimensionId,
      before: { locked: false, revision: draft.revision },
      after: {
        locked: true,
        revision: row.revision,
        stage: row.stage,
        contentHash: row.contentHash,
        lockId: row.id,
      },
    });
    return row;
  });
}

/**
 * Unlocks by appending an unlock row (the lock row is never touched — SPEC LOCK4) and moving the
 * draft to the next revision, so the next lock is a new row. The draft keeps the sealed text as
 * the starting point of the new revision.
 */
export function unlockConsensus(
  database: Database_,
  p: DimensionAction & { reason: string },
): { revision: number } {
  const { db } = database;
  return inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    const lock = activeLock(db, p.workshopId, p.dimensionId);
    if (!lock) throw conflict('This consensus is not locked.');
    db.insert(consensusUnlocks)
      .values({
        lockId: lock.id,
        workshopId: p.workshopId,
        dimensionId: p.dimensionId,
        reason: p.reason,
        unlockedAt: p.now,
        unlockedBy: p.actor.memberId,
      })
      .run();
    const revision = lock.revision + 1;
    db.update(consensusDrafts)
      .set({ revision })
      .where(
        and(eq(consensusDrafts.workshopId, p.workshopId), eq(consensusDrafts.dimensionId, p.dimensionId)),
      )
      .run();
    auditAction(db, p, {
      action: 'consensus.unlock',
      target: p.dimensionId,
      before: { locked: true, revision: lock.revision, contentHash: lock.contentHash, lockId: lock.id },
      after: { locked: false, revision, reason: p.reason },
    });
    return { revision };
  });
}
