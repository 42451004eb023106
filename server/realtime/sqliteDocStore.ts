import type Database from 'better-sqlite3';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { yjsSnapshots, yjsUpdates } from '../db/schema';
import type { DocStore, PendingUpdate, StoredDoc } from './docStore';

interface SnapshotRow {
  doc_name: string;
  state: Buffer;
  last_update_id: number;
}
interface UpdateRow {
  doc_name: string;
  id: number;
  update: Buffer;
}

/** better-sqlite3 binds Buffers; a view over the same bytes avoids a copy (SQLite copies on bind). */
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * DocStore on the SQLite tables `yjs_updates` and `yjs_snapshots`. better-sqlite3 is synchronous,
 * so each method finishes its transaction before its promise resolves: an awaited appendUpdates is
 * on disk (WAL) and survives kill -9.
 *
 * The hot paths (append, load, compact) use statements prepared once on the raw connection: the
 * drizzle builder re-prepared its INSERT for every batch and built the query each time, which the
 * benchmark profile showed as most of the storage cost per edit. A workshop's docs load with two
 * range queries, not two queries per doc.
 */
export function createSqliteDocStore(db: Db, now: () => number): DocStore {
  // drizzle's better-sqlite3 database carries its connection as `$client` at runtime; the `Db` type
  // (BetterSQLite3Database) does not declare it.
  const sqlite = (db as Db & { $client: Database.Database }).$client;
  // A doc's next id: one past the larger of its newest log row and its snapshot's mark, so an id is
  // never reused below the mark even once a compaction has emptied the log (a reused id would be
  // taken as already folded in and skipped at load). Both are lookups in a primary key.
  const insertUpdate = sqlite
    .prepare<{ doc: string; update: Buffer; at: number }, number>(
      `INSERT INTO yjs_updates (doc_name, id, "update", created_at)
       VALUES (@doc, max(coalesce((SELECT max(id) FROM yjs_updates WHERE doc_name = @doc), 0),
                         coalesce((SELECT last_update_id FROM yjs_snapshots WHERE doc_name = @doc), 0)) + 1,
               @update, @at)
       RETURNING id`,
    )
    .pluck();
  // A doc and every doc named `<it>:…` (a workshop doc and its member docs) in one index range:
  // [name, name + ';') — ';' follows ':' in byte order. The range can also hold other names
  // (`<it>-x`, `<it>0`); rows nobody asked for are skipped.
  const groupSnapshots = sqlite.prepare<[string, string], SnapshotRow>(
    'SELECT doc_name, state, last_update_id FROM yjs_snapshots WHERE doc_name >= ? AND doc_name < ?',
  );
  const groupUpdates = sqlite.prepare<[string, string], UpdateRow>(
    'SELECT doc_name, id, "update" FROM yjs_updates WHERE doc_name >= ? AND doc_name < ? ORDER BY doc_name, id',
  );
  const docSnapshot = sqlite.prepare<[string], SnapshotRow>(
    'SELECT doc_name, state, last_update_id FROM yjs_snapshots WHERE doc_name = ?',
  );
  const docUpdates = sqlite.prepare<[string], UpdateRow>(
    'SELECT doc_name, id, "update" FROM yjs_updates WHERE doc_name = ? ORDER BY id',
  );
  const previousMark = sqlite.prepare<[string], { last_update_id: number }>(
    'SELECT last_update_id FROM yjs_snapshots WHERE doc_name = ?',
  );
  const upsertSnapshot = sqlite.prepare(
    `INSERT INTO yjs_snapshots (doc_name, state, last_update_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_name) DO UPDATE SET state = excluded.state, last_update_id = excluded.last_update_id,
     updated_at = excluded.updated_at`,
  );
  const deleteFolded = sqlite.prepare('DELETE FROM yjs_updates WHERE doc_name = ? AND id <= ?');

  // One read transaction, so a snapshot and the log after it are seen at the same instant.
  const loadAll = sqlite.transaction((names: readonly string[]): StoredDoc[] => {
    const [first] = names;
    const grouped = names.length > 1 && names.every((n) => n === first || n.startsWith(`${first}:`));
    let snapshots: SnapshotRow[];
    let updates: Iterable<UpdateRow>;
    if (grouped) {
      // Measured on the day-long workshop (31 docs): 0.4 ms, against 0.9 ms for one prepared query
      // per doc and 1.8 ms for `IN (json_each(?))`.
      const range = [first!, `${first};`] as const;
      snapshots = groupSnapshots.all(...range);
      updates = groupUpdates.all(...range);
    } else {
      snapshots = names.flatMap((n) => docSnapshot.all(n));
      updates = names.flatMap((n) => docUpdates.all(n));
    }
    const out = new Map<string, StoredDoc>();
    const marks = new Map<string, number>();
    for (const name of names) out.set(name, { snapshot: null, updates: [], lastUpdateId: 0 });
    for (const r of snapshots) {
      const doc = out.get(r.doc_name);
      if (!doc) continue; // a doc of the group nobody asked for (a removed member's)
      doc.snapshot = r.state;
      doc.lastUpdateId = r.last_update_id;
      marks.set(r.doc_name, r.last_update_id);
    }
    for (const row of updates) {
      const doc = out.get(row.doc_name);
      // Rows at or below the snapshot's mark are already folded in (compaction is one transaction,
      // so this cannot happen — but stay robust).
      if (!doc || row.id <= (marks.get(row.doc_name) ?? 0)) continue;
      doc.updates.push(row.update);
      doc.lastUpdateId = row.id;
    }
    return names.map((n) => out.get(n)!);
  });
  const append = sqlite.transaction((updates: readonly PendingUpdate[], at: number) =>
    updates.map((u) => insertUpdate.get({ doc: u.docName, update: asBuffer(u.update), at })!),
  );
  const compact = sqlite.transaction((docName: string, state: Uint8Array, throughId: number, at: number) => {
    const mark = Math.max(throughId, previousMark.get(docName)?.last_update_id ?? 0);
    upsertSnapshot.run(docName, asBuffer(state), mark, at);
    deleteFolded.run(docName, throughId);
  });

  return {
    // Blobs come back as fresh Buffers (copies owned by the caller), which are Uint8Arrays.
    async load(docName: string): Promise<StoredDoc> {
      return loadAll([docName])[0]!;
    },
    async loadMany(docNames: readonly string[]): Promise<StoredDoc[]> {
      return docNames.length === 0 ? [] : loadAll(docNames);
    },
    async appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]> {
      if (updates.length === 0) return [];
      return append(updates, now());
    },
    async compact(docName: string, state: Uint8Array, throughId: number): Promise<void> {
      compact(docName, state, throughId, now());
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
