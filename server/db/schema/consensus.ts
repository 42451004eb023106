import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members, workshops } from './workshops';

/** memberId → stage id, "not-sure" or null. */
export type RatingSnapshot = Record<string, string | null>;

/**
 * The facilitator's working consensus for one dimension: edited freely until locked. `revision`
 * is the revision the next lock will seal; an unlock bumps it, so a new lock never collides with
 * (or rewrites) an earlier one. A trigger refuses any UPDATE while the current revision is locked.
 */
export const consensusDrafts = sqliteTable(
  'consensus_drafts',
  {
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    dimensionId: text('dimension_id').notNull(),
    stage: text('stage').notNull(),
    rationale: text('rationale').notNull(),
    dissent: text('dissent').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
    updatedBy: text('updated_by')
      .notNull()
      .references(() => members.id),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.dimensionId] })],
);

/**
 * One row per lock, never updated or deleted (triggers). The UNIQUE (workshop, dimension, revision)
 * index makes "exactly one of two concurrent locks wins" a property of the database, not of timing.
 * contentHash is SHA-256 of the canonical JSON of the row's content (server/consensus/contentHash.ts).
 */
export const consensusLocks = sqliteTable(
  'consensus_locks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    dimensionId: text('dimension_id').notNull(),
    revision: integer('revision').notNull(),
    stage: text('stage').notNull(),
    rationale: text('rationale').notNull(),
    dissent: text('dissent').notNull(),
    nextSteps: text('next_steps').notNull(),
    finalRatings: text('final_ratings', { mode: 'json' }).$type<RatingSnapshot>().notNull(),
    firstRound: text('first_round', { mode: 'json' }).$type<RatingSnapshot>().notNull(),
    contentHash: text('content_hash').notNull(),
    lockedAt: integer('locked_at', { mode: 'number' }).notNull(),
    lockedBy: text('locked_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [uniqueIndex('consensus_locks_revision_idx').on(t.workshopId, t.dimensionId, t.revision)],
);

/** One row per unlock of a lock row (at most one each), append-only like the locks. */
export const consensusUnlocks = sqliteTable(
  'consensus_unlocks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lockId: integer('lock_id')
      .notNull()
      .unique()
      .references(() => consensusLocks.id),
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    dimensionId: text('dimension_id').notNull(),
    reason: text('reason').notNull(),
    unlockedAt: integer('unlocked_at', { mode: 'number' }).notNull(),
    unlockedBy: text('unlocked_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [index('consensus_unlocks_dimension_idx').on(t.workshopId, t.dimensionId)],
);

/** A dimension the team chose not to assess, with why — finalize accepts it in place of a lock. */
export const notAssessed = sqliteTable(
  'not_assessed',
  {
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    dimensionId: text('dimension_id').notNull(),
    reason: text('reason').notNull(),
    markedAt: integer('marked_at', { mode: 'number' }).notNull(),
    markedBy: text('marked_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.dimensionId] })],
);
