import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every accepted Yjs update, appended before it is relayed. Compaction folds it into a snapshot. */
export const yjsUpdates = sqliteTable(
  'yjs_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docName: text('doc_name').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('yjs_updates_doc_idx').on(t.docName, t.id)],
);

/** The compacted state of a doc: all updates with id ≤ lastUpdateId folded in. */
export const yjsSnapshots = sqliteTable('yjs_snapshots', {
  docName: text('doc_name').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  lastUpdateId: integer('last_update_id').notNull(),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
});
