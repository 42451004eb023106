import { and, eq, isNull } from 'drizzle-orm';
import * as Y from 'yjs';
import { memberDocName } from '../../shared/docNames';
import { MemberDoc, type MemberRating } from '../../shared/docs/memberDoc';
import type { Db } from '../db/client';
import { members } from '../db/schema';
import type { DocStore } from './docStore';

/**
 * Every active member's valid ratings, read from their own docs: the live doc if its room is loaded
 * (it may hold updates still being stored), otherwise the stored snapshot + log.
 */
export async function loadMemberRatings(
  db: Db,
  store: DocStore,
  workshopId: string,
  liveDoc: (memberId: string) => Y.Doc | undefined,
): Promise<Map<string, Map<string, MemberRating>>> {
  const rows = db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workshopId, workshopId), isNull(members.removedAt)))
    .all();
  const out = new Map<string, Map<string, MemberRating>>();
  for (const { id } of rows) {
    const live = liveDoc(id);
    if (live) {
      out.set(id, new MemberDoc(live).validRatings());
      continue;
    }
    const doc = await loadStoredDoc(store, memberDocName(workshopId, id));
    out.set(id, new MemberDoc(doc).validRatings());
    doc.destroy();
  }
  return out;
}

/** A detached Y.Doc rebuilt from storage (snapshot + later updates). The caller destroys it. */
export async function loadStoredDoc(store: DocStore, docName: string): Promise<Y.Doc> {
  const stored = await store.load(docName);
  // A guid given, so lib0 does not generate a random UUID (~0.13 ms per doc, one per member here).
  const doc = new Y.Doc({ guid: docName });
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}
