import * as Y from 'yjs';
import type { DocStore, StoredDoc } from './docStore';
import { errorMessage, type RealtimeLog } from './log';

/**
 * Re-basing the workshop doc (SYNC64). Every projected change replaces a map entry, and Yjs keeps a
 * replaced entry as a tombstone for good: only a deleted *parent* lets tombstones collapse into
 * garbage-collected ranges, and the workshop doc's maps are never deleted. A day-long workshop doc
 * is ~5,100 tombstones for ~1,100 live entries, and decoding them is most of what loading it costs
 * (docs/benchmarks.md items 23 and 34). A re-based doc holds the same live entries, written afresh
 * by a client id the old doc never used, so it shares no history with the old one: a reader still
 * holding the old doc is told to start from an empty one (CloseCode.staleDocument, isAheadOf).
 */

export interface ItemCount {
  /** Items whose content is gone but whose struct stays (tombstones). */
  deleted: number;
  live: number;
}

export function countItems(doc: Y.Doc): ItemCount {
  let deleted = 0;
  let live = 0;
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue; // a GC range: already collapsed
      if (struct.deleted) deleted++;
      else live++;
    }
  }
  return { deleted, live };
}

/** Worth it once tombstones are both many and the larger part of the doc. */
export function worthRebasing({ deleted, live }: ItemCount, minTombstones: number): boolean {
  return deleted >= minTombstones && deleted >= live;
}

/**
 * The state of a fresh doc holding `doc`'s live content, or null if the doc holds anything but
 * top-level maps of plain values (the workshop doc's shape, shared/docs/workshopDoc.ts): copying
 * nested shared types or sub-docs is not needed, so it is not attempted.
 */
export function rebasedState(doc: Y.Doc): Uint8Array | null {
  const fresh = new Y.Doc({ gc: true });
  // A client id the old lineage used would let an old copy's state vector look like a prefix of the
  // new doc's, and the stale copy would go unnoticed.
  while (doc.store.clients.has(fresh.clientID)) fresh.clientID = Math.floor(Math.random() * 2 ** 32);
  try {
    let copied = true;
    fresh.transact(() => {
      for (const [name, root] of doc.share) {
        // Content of a list type (array, text) hangs off _start; a map's entries live in _map only.
        if (root._start !== null) {
          copied = false;
          return;
        }
        const target = fresh.getMap(name);
        for (const [key, value] of doc.getMap(name).entries()) {
          if (value instanceof Y.AbstractType || value instanceof Y.Doc) {
            copied = false;
            return;
          }
          target.set(key, value);
        }
      }
    });
    return copied ? Y.encodeStateAsUpdate(fresh) : null;
  } finally {
    fresh.destroy();
  }
}

/**
 * Re-bases a loaded doc that is worth it and stores the result in place of its snapshot and log, in
 * one transaction. Returns what to load instead, or null (not worth it, not re-basable, or the store
 * refused: the old doc stays, which is always correct). Call it only while nobody is connected to
 * the doc and nothing else writes it: the group does, before its load resolves.
 */
export async function rebaseStoredDoc(
  doc: Y.Doc,
  stored: StoredDoc,
  deps: { store: DocStore; docName: string; minTombstones: number; log: RealtimeLog },
): Promise<StoredDoc | null> {
  const before = countItems(doc);
  if (!worthRebasing(before, deps.minTombstones)) return null;
  const state = rebasedState(doc);
  if (!state) return null;
  try {
    await deps.store.compact(deps.docName, state, stored.lastUpdateId);
  } catch (err) {
    deps.log.error('re-basing failed; keeping the doc as it was', {
      docName: deps.docName,
      error: errorMessage(err),
    });
    return null;
  }
  deps.log.info('re-based a doc', { docName: deps.docName, tombstones: before.deleted, live: before.live });
  return { snapshot: state, updates: [], lastUpdateId: stored.lastUpdateId };
}
