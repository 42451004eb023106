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
