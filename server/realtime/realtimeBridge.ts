import { CloseCode } from '../../shared/protocol';
import type { Db } from '../db/client';
import type { RealtimeBridge } from './bridge';
import type { DocStore } from './docStore';
import * as Y from 'yjs';
import { workshopDocName } from '../../shared/docNames';
import { loadMemberRatings, loadStoredDoc } from './memberRatings';
import { resolveAccess } from './permissions';
import type { RoomRegistry } from './roomRegistry';
import type { SessionConnections } from './sessionConnections';

/** What HTTP actions tell the transport after they commit (server/realtime/bridge.ts). */
export function createRealtimeBridge(deps: {
  db: Db;
  store: DocStore;
  registry: RoomRegistry;
  sessions: SessionConnections;
}): RealtimeBridge {
  const { db, store, registry, sessions } = deps;
  return {
    async workshopChanged(workshopId) {
      // Membership, roles and status may have changed: re-decide every open connection (SYNC15).
      for (const conn of registry.connectionsOf(workshopId)) {
        const decision = resolveAccess(db, conn.principal.userId, conn.address);
        if (decision.access === 'none') conn.close(decision.code, 'access withdrawn');
        else {
          conn.access = decision.access;
          conn.member = decision.member;
          conn.user = decision.user;
        }
      }
      await registry.group(workshopId)?.refreshFacts();
    },
    memberRemoved(workshopId, memberId) {
      for (const conn of registry.connectionsOf(workshopId)) {
        if (conn.member.id === memberId) conn.close(CloseCode.memberRemoved, 'member removed');
      }
    },
    sessionEnded(sessionId) {
      sessions.end(sessionId);
    },
    async memberRatings(workshopId) {
      const group = registry.group(workshopId);
      return loadMemberRatings(db, store, workshopId, (memberId) => group?.memberRoom(memberId)?.doc);
    },
    async workshopDocState(workshopId) {
      const live = registry.group(workshopId)?.workshopRoom.doc;
      if (live) return Y.encodeStateAsUpdate(live);
      const doc = await loadStoredDoc(store, workshopDocName(workshopId));
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    },
  };
}
