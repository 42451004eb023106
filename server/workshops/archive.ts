import { eq } from 'drizzle-orm';
import type { AuditAction } from '../../shared/auditActions';
import type { Database_ } from '../db/client';
import { workshops } from '../db/schema';
import { conflict } from '../http/errors';
import { auditAction, type WorkshopAction } from './actions';

type Status = 'open' | 'finalized' | 'archived';

/**
 * Archives a workshop (open or finalized): it becomes read-only like a finalized one — every write
 * goes through requireOpenWorkshop, which refuses any status but `open` (LOCK6) — and the list
 * groups it apart. Audited `workshop.archive` with the status before/after, in one transaction.
 */
export function archiveWorkshop(database: Database_, p: WorkshopAction): { status: Status } {
  return database.sqlite.transaction(() => {
    const before = currentStatus(database, p.workshopId);
    if (before === 'archived') throw conflict('This workshop is already archived.');
    return setStatus(database, p, before, 'archived', 'workshop.archive');
  }).immediate();
}

/**
 * Restores an archived workshop to what it was: `finalized` if it had been finalized (finalizedAt
 * is set; unarchiving must never reopen a sealed result), otherwise `open`.
 */
export function unarchiveWorkshop(database: Database_, p: WorkshopAction): { status: Status } {
  return database.sqlite.transaction(() => {
    const { db } = database;
    const row = db
      .select({ status: workshops.status, finalizedAt: workshops.finalizedAt })
      .from(workshops)
      .where(eq(workshops.id, p.workshopId))
      .get()!;
    if (row.status !== 'archived') throw conflict('This workshop is not archived.');
    const to = row.finalizedAt === null ? 'open' : 'finalized';
    return setStatus(database, p, 'archived', to, 'workshop.unarchive');
  }).immediate();
}

function currentStatus(database: Database_, workshopId: string): Status {
  return database.db.select({ status: workshops.status }).from(workshops).where(eq(workshops.id, workshopId)).get()!
    .status;
}

function setStatus(database: Database_, p: WorkshopAction, from: Status, to: Status, action: AuditAction) {
  const { db } = database;
  db.update(workshops).set({ status: to, updatedAt: p.now }).where(eq(workshops.id, p.workshopId)).run();
  auditAction(db, p, { action, target: p.workshopId, before: { status: from }, after: { status: to } });
  return { status: to };
}
