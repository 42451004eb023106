import { and, asc, count, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { yjsSnapshots, yjsUpdates } from '../db/schema';
import type { DocStore, PendingUpdate, StoredDoc } from './docStore';

/**
 * DocStore on the drizzle/SQLite tables `yjs_updates` and `yjs_snapshots`. better-sqlite3 is
 * synchronous, so each method finishes its transaction before its promise resolves: an awaited
 * appendUpdates is on disk (WAL) and survives kill -9.
 */
export function createSqliteDocStore(db: Db, now: () => number): DocStore {
  return {
    async load(docName: string): Promise<StoredDoc> {
      return db.transaction((tx) => {
        const snap = tx.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName)).get();
        const rows = tx
          .select({ id: yjsUpdates.id, update: yjsUpdates.update })
          .from(yjsUpdates)
          .where(eq(yjsUpdates.docName, docName))
          .orderBy(asc(yjsUpdates.id))
          .all();
        // Rows at or below the snapshot's mark are already folded in (a compaction that crashed
        // between its two statements cannot happen — it is one transaction — but stay robust).
        const later = rows.filter((r) => !snap || r.id > snap.lastUpdateId);
        return {
          snapshot: snap ? new Uint8Array(snap.state) : null,
          updates: later.map((r) => new Uint8Array(r.update)),
          lastUpdateId: later.at(-1)?.id ?? snap?.lastUpdateId ?? 0,
        };
      });
    },
    async appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]> {
      if (updates.length === 0) return [];
      const at = now();
      return db.transaction((tx) =>
        updates.map(
          (u) =>
            tx
              .insert(yjsUpdates)
              .values({ docName: u.docName, update: Buffer.from(u.update), createdAt: at })
              .returning({ id: yjsUpdates.id })
              .get().id,
        ),
      );
    },
    async compact(docName: string, state: Uint8Array, throughId: number): Promise<void> {
      const at = now();
      db.transaction((tx) => {
        const prev = tx.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName)).get();
        const mark = Math.max(throughId, prev?.lastUpdateId ?? 0);
        tx.insert(yjsSnapshots)
          .values({ docName, state: Buffer.from(state), lastUpdateId: mark, updatedAt: at })
          .onConflictDoUpdate({
            target: yjsSnapshots.docName,
            set: { state: Buffer.from(state), lastUpdateId: mark, updatedAt: at },
          })
          .run();
        tx.delete(yjsUpdates)
          .where(and(eq(yjsUpdates.docName, docName), lte(yjsUpdates.id, throughId)))
          .run();
      });
    },
    async countUpdates(docName: string): Promise<number> {
      const row = db.select({ n: count() }).from(yjsUpdates).where(eq(yjsUpdates.docName, docName)).get();
      return row?.n ?? 0;
    },
    async listDocs(prefix: string): Promise<string[]> {
      // Filtered in JS: doc names contain `_`, a LIKE wildcard. Only tests and tools call this.
      const a = db.selectDistinct({ name: yjsUpdates.docName }).from(yjsUpdates).all();
      const b = db.select({ name: yjsSnapshots.docName }).from(yjsSnapshots).all();
      return [...new Set([...a, ...b].map((r) => r.name))].filter((n) => n.startsWith(prefix)).sort();
    },
  };
}
