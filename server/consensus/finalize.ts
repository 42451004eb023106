import { eq } from 'drizzle-orm';
import { ApiErrorCode } from '../../shared/apiError';
import type { Database_ } from '../db/client';
import { workshops } from '../db/schema';
import { ApiError } from '../http/errors';
import { requireOpenWorkshop } from '../workshops/access';
import { auditAction } from '../workshops/actions';
import { type Actor, inTransaction } from './guards';
import { activeLock, readNotAssessed } from './records';

/**
 * Finalizes the workshop: every dimension of its rubric must be locked or marked not assessed
 * (else 409 naming the missing ones). From then on the workshop is read-only (SPEC LOCK6):
 * consensus tables refuse writes by trigger, and every write route checks the status.
 */
export function finalizeWorkshop(
  database: Database_,
  p: { workshopId: string; dimensionIds: readonly string[]; actor: Actor; now: number },
): { finalizedAt: number } {
  const { db } = database;
  return inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    const missing = p.dimensionIds.filter(
      (d) => !activeLock(db, p.workshopId, d) && !readNotAssessed(db, p.workshopId, d),
    );
    if (missing.length > 0) {
      throw new ApiError(
        409,
        ApiErrorCode.conflict,
        `Lock or mark "not assessed" every dimension before finalizing. Still open: ${missing.join(', ')}.`,
        { missing },
      );
    }
    db.update(workshops)
      .set({ status: 'finalized', finalizedAt: p.now, updatedAt: p.now })
      .where(eq(workshops.id, p.workshopId))
      .run();
    auditAction(db, p, {
      action: 'workshop.finalize',
      target: p.workshopId,
      before: { status: 'open' },
      after: { status: 'finalized', finalizedAt: p.now },
    });
    return { finalizedAt: p.now };
  });
}
