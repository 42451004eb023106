import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every accepted Yjs update, appended before it is relayed. Compaction folds it into a snapshot.
 *
 * Keyed by (doc, id) and stored WITHOUT ROWID (migration 0007), so a doc's log lies together on
 * disk: a compaction deletes a few neighbouring pages instead of one page per folded update
 * (docs/benchmarks.md item 39). Ids grow per doc and are never reused below the doc's snapshot
 * mark — the store assigns them (sqliteDocStore).
 */
export const yjsUpdates = sqliteTable(
  'yjs_updates',
  {
    docName: text('doc_name').notNull(),
    id: integer('id').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.docName, t.id] })],
);

/** The compacted state of a doc: all updates with id ≤ lastUpdateId folded in. */
export const yjsSnapshots = sqliteTable('yjs_snapshots', {
  docName: text('doc_name').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  lastUpdateId: integer('last_update_id').notNull(),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
});
