import * as Y from 'yjs';
import type { UpdateSummary } from './updateGuard';

/**
 * Would applying this (already inspected) update change the doc? True only if every struct it
 * carries is already integrated and every range it deletes is already deleted. Used for read-only
 * connections, whose sync step 2 always repeats their (i.e. our) delete set.
 */
export function isNoopFor(doc: Y.Doc, summary: UpdateSummary): boolean {
  if (summary.structs.length === 0 && summary.deletes.length === 0) return true;
  const sv = Y.encodeStateVector(doc);
  const known = Y.decodeStateVector(sv);
  for (const s of summary.structs) {
    if (s.clock + s.length > (known.get(s.client) ?? 0)) return false;
  }
  if (summary.deletes.length === 0) return true;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const d of summary.deletes) {
    const items = deleted.clients.get(d.client) ?? [];
    // Adjacent deleted structs are merged into one item, so a covered range lies inside one item.
    if (!items.some((it) => it.clock <= d.clock && d.clock + d.length <= it.clock + it.len)) return false;
  }
  return true;
}

/**
 * Does a client's state vector claim history this doc does not have? A doc only the server writes
 * (the workshop doc) can never legitimately be behind a reader: the reader holds an older lineage
 * of it — the server re-based the doc (SYNC64) or its database was restored from a backup. Syncing
 * would merge two unrelated histories, so the reader must start again from an empty doc.
 */
export function isAheadOf(doc: Y.Doc, clientStateVector: Uint8Array): boolean {
  for (const [client, clock] of Y.decodeStateVector(clientStateVector)) {
    if (clock > Y.getState(doc.store, client)) return true;
  }
  return false;
}
