import { authoredKey, type WorkshopComment } from '../../../shared/docs/workshopDoc';
import { useDocSelector, useWorkshopDoc } from '../sync/hooks';
import { useRoom } from './RoomContext';

export interface ThreadComment extends WorkshopComment {
  key: string;
  mine: boolean;
  /** Mine, written to my member doc but not yet projected into the workshop doc (e.g. offline). */
  pending: boolean;
  replies: ThreadComment[];
}

/**
 * The discussion of one dimension as a tree (replies nest one level; a reply to a reply joins the
 * same thread). Merges my own not-yet-projected comments so what I post offline shows at once.
 */
export function useThread(dimensionId: string): ThreadComment[] {
  const { connection, myMemberId } = useRoom();
  const shared = useDocSelector(useWorkshopDoc(connection), (w) => w.comments(dimensionId), new Map(), [dimensionId]);
  const mineLocal = useDocSelector(
    connection.member,
    (m) => new Map([...m.validComments()].filter(([, c]) => c.dimensionId === dimensionId)),
    new Map(),
    [dimensionId],
  );
  const all = new Map<string, ThreadComment>();
  for (const [key, c] of shared) all.set(key, { ...c, key, mine: c.memberId === myMemberId, pending: false, replies: [] });
  for (const [id, c] of mineLocal) {
    const key = authoredKey(myMemberId, id);
    const existing = all.get(key);
    // My doc is the source of truth for my own edits; the workshop doc may lag behind it.
    all.set(key, { ...c, key, memberId: myMemberId, mine: true, pending: !existing, replies: [] });
  }
  const roots: ThreadComment[] = [];
  const rootOf = (c: ThreadComment): ThreadComment | null => {
    let cur = c;
    for (let i = 0; i < 20 && cur.parentKey; i++) {
      const parent = all.get(cur.parentKey);
      if (!parent) return null;
      cur = parent;
    }
    return cur;
  };
  const sorted = [...all.values()].sort((a, b) => a.createdAt - b.createdAt);
  for (const c of sorted) {
    if (!c.parentKey) roots.push(c);
    else {
      const root = rootOf(c);
      if (root && root !== c) root.replies.push(c);
      else roots.push(c); // orphaned reply (parent not visible): still shown, never dropped
    }
  }
  return roots;
}
