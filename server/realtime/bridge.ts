import * as Y from 'yjs';
import type { MemberRating } from '../../shared/docs/memberDoc';

/**
 * What HTTP server actions need from the real-time layer. The database is the source of truth for
 * facilitator-owned facts (members, reveals, consensus, locks, focus); after an action commits, the
 * route tells the bridge, which re-projects those facts into the workshop doc (if the room is
 * loaded — otherwise the next load projects them anyway).
 */
export interface RealtimeBridge {
  /** Re-project the database-owned parts of the workshop doc. Resolves once the doc is updated. */
  workshopChanged(workshopId: string): Promise<void>;
  /** Close the member's open sockets (removed from the workshop) within a second. */
  memberRemoved(workshopId: string, memberId: string): void;
  /** Close every socket opened with this session (logout, invalidation). */
  sessionEnded(sessionId: string): void;
  /** Current ratings in each member's own doc: memberId → dimensionId → rating. Loads docs as needed. */
  memberRatings(workshopId: string): Promise<Map<string, Map<string, MemberRating>>>;
  /**
   * The workshop doc's full state as a Yjs update (the live doc if loaded, else storage), for
   * server-side readers such as the report. It holds only what members may already see.
   */
  workshopDocState(workshopId: string): Promise<Uint8Array>;
}

/** For tests of HTTP routes that do not involve sockets. */
export const nullRealtimeBridge: RealtimeBridge = {
  workshopChanged: async () => {},
  memberRemoved: () => {},
  sessionEnded: () => {},
  memberRatings: async () => new Map(),
  workshopDocState: async () => Y.encodeStateAsUpdate(new Y.Doc()),
};
