import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/preparedPerDb';
import { consensusDrafts, consensusLocks, consensusUnlocks, notAssessed } from '../db/schema';

export type DraftRow = typeof consensusDrafts.$inferSelect;
export type LockRow = typeof consensusLocks.$inferSelect;
export type UnlockRow = typeof consensusUnlocks.$inferSelect;
export type NotAssessedRow = typeof notAssessed.$inferSelect;

export function readDraft(db: Db, workshopId: string, dimensionId: string): DraftRow | undefined {
  return db
    .select()
    .from(consensusDrafts)
    .where(and(eq(consensusDrafts.workshopId, workshopId), eq(consensusDrafts.dimensionId, dimensionId)))
    .get();
}

/** The lock in force: the latest lock row of the dimension that has no unlock. (SPEC LOCK4) */
export function activeLock(db: Db, workshopId: string, dimensionId: string): LockRow | undefined {
  return db
    .select()
    .from(consensusLocks)
    .where(
      and(
        eq(consensusLocks.workshopId, workshopId),
        eq(consensusLocks.dimensionId, dimensionId),
        notExists(db.select().from(consensusUnlocks).where(eq(consensusUnlocks.lockId, consensusLocks.id))),
      ),
    )
    .orderBy(desc(consensusLocks.id))
    .get();
}

export function readNotAssessed(db: Db, workshopId: string, dimensionId: string): NotAssessedRow | undefined {
  return db
    .select()
    .from(notAssessed)
    .where(and(eq(notAssessed.workshopId, workshopId), eq(notAssessed.dimensionId, dimensionId)))
    .get();
}

// Every workshop load and facts refresh reads these (consensusForWorkshopDoc): prepared once.
const byWorkshop = sql.placeholder('workshopId');
const draftsOf = preparedPerDb((db) =>
  db.select().from(consensusDrafts).where(eq(consensusDrafts.workshopId, byWorkshop)).prepare(),
);
const locksOf = preparedPerDb((db) =>
  db
    .select()
    .from(consensusLocks)
    .where(eq(consensusLocks.workshopId, byWorkshop))
    .orderBy(consensusLocks.id)
    .prepare(),
);
const unlocksOf = preparedPerDb((db) =>
  db.select().from(consensusUnlocks).where(eq(consensusUnlocks.workshopId, byWorkshop)).prepare(),
);
const notAssessedOf = preparedPerDb((db) =>
  db.select().from(notAssessed).where(eq(notAssessed.workshopId, byWorkshop)).prepare(),
);

/** Every row of every consensus table for the workshop, for projections that cover all dimensions. */
export function workshopConsensusRows(db: Db, workshopId: string) {
  const params = { workshopId };
  return {
    drafts: draftsOf(db).all(params),
    locks: locksOf(db).all(params),
    unlocks: unlocksOf(db).all(params),
    notAssessed: notAssessedOf(db).all(params),
  };
}
