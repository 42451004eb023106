import { and, eq } from 'drizzle-orm';
import type { Database_ } from '../db/client';
import { notAssessed } from '../db/schema';
import { conflict } from '../http/errors';
import { requireOpenWorkshop } from '../workshops/access';
import { auditAction, type WorkshopAction } from '../workshops/actions';
import { inTransaction } from './guards';
import { activeLock, readNotAssessed } from './records';

/** An action on one dimension of the workshop's rubric. */
type MarkAction = WorkshopAction & { dimensionId: string };

/**
 * Marks a dimension "not assessed" with a reason, which finalize accepts in place of a lock
 * (SPEC LOCK7). A locked dimension has been assessed: unlock it first.
 */
export function markNotAssessed(database: Database_, p: MarkAction & { reason: string }): void {
  const { db } = database;
  inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    if (activeLock(db, p.workshopId, p.dimensionId)) {
      throw conflict('This dimension has a locked consensus: unlock it before marking it not assessed.');
    }
    const before = readNotAssessed(db, p.workshopId, p.dimensionId);
    const values = { reason: p.reason, markedAt: p.now, markedBy: p.actor.memberId };
    db.insert(notAssessed)
      .values({ workshopId: p.workshopId, dimensionId: p.dimensionId, ...values })
      .onConflictDoUpdate({ target: [notAssessed.workshopId, notAssessed.dimensionId], set: values })
      .run();
    auditAction(db, p, {
      action: 'consensus.not_assessed',
      target: p.dimensionId,
      before: before ? { reason: before.reason } : null,
      after: { reason: p.reason },
    });
  });
}

/** Removes the "not assessed" mark; 409 if there is none (nothing to undo). */
export function clearNotAssessed(database: Database_, p: MarkAction): void {
  const { db } = database;
  inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    const before = readNotAssessed(db, p.workshopId, p.dimensionId);
    if (!before) throw conflict('This dimension is not marked "not assessed".');
    db.delete(notAssessed)
      .where(and(eq(notAssessed.workshopId, p.workshopId), eq(notAssessed.dimensionId, p.dimensionId)))
      .run();
    auditAction(db, p, {
      action: 'consensus.not_assessed_clear',
      target: p.dimensionId,
      before: { reason: before.reason },
      after: null,
    });
  });
}
