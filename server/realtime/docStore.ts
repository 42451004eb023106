/**
 * Durable storage of Yjs documents as an append-only update log plus a compacted snapshot.
 * Every implementation (memory, SQLite, later PostgreSQL) passes the one contract suite in
 * docStoreContract.ts, so the rooms above never depend on which one runs.
 */

export interface StoredDoc {
  /** The compacted state (a Yjs V1 update), or null if the doc was never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Id of the newest update folded into `snapshot` or listed in `updates` (0 = empty doc). */
  lastUpdateId: number;
}

export interface PendingUpdate {
  docName: string;
  update: Uint8Array;
}

export interface DocStore {
  /** The doc's snapshot and every later update. An unknown doc loads as empty, never throws. */
  load(docName: string): Promise<StoredDoc>;
  /** `load` for several docs at once (a workshop's docs load together), in input order. */
  loadMany(docNames: readonly string[]): Promise<StoredDoc[]>;
  /**
   * Appends updates (any docs) atomically: all of them are durable when the promise resolves, or
   * none are and it rejects. Returns the id given to each update, in input order; ids grow.
   */
  appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]>;
  /**
   * Replaces the snapshot with `state`, which must contain every update with id ≤ `throughId` (or,
   * when re-basing, replace the doc they make up: rebase.ts), and drops those updates. Updates with
   * a larger id stay. Atomic.
   */
  compact(docName: string, state: Uint8Array, throughId: number): Promise<void>;
  /** How many updates are stored after the snapshot (drives compaction). */
  countUpdates(docName: string): Promise<number>;
  /** Every doc name with stored content whose name starts with `prefix` (tests, tools). */
  listDocs(prefix: string): Promise<string[]>;
}
