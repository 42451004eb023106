import type * as Y from 'yjs';
import type { Rubric } from '../../rubric/schema';
import type { Db } from '../db/client';

/**
 * What the transport needs from the projection (server/realtime/projection/, another module):
 * given the workshop doc, keep it in step with the member docs and the database. The projector
 * writes the workshop doc with its own transaction origin; the room persists and relays those
 * updates like any other.
 */
export interface ProjectorLike {
  attachMemberDoc(memberId: string, doc: Y.Doc): void;
  detachMemberDoc(memberId: string): void;
  /** Re-read DB-owned facts (members, reveals, consensus, focus, settings) and re-project. */
  refreshFacts(): void;
  destroy(): void;
}

export type ProjectorFactory = (options: {
  db: Db;
  rubrics: ReadonlyMap<string, Rubric>;
  now: () => number;
  workshopId: string;
  workshopDoc: Y.Doc;
  /** The projector needs every contributor's doc attached (lazy member docs, SYNC60). */
  requestAllMembers: () => void;
  /** The workshop doc has reached the size limit of a document: member changes may not grow it. */
  isFull: () => boolean;
}) => ProjectorLike;

/** For transport tests that do not involve projection. */
export const noopProjectorFactory: ProjectorFactory = () => ({
  attachMemberDoc: () => {},
  detachMemberDoc: () => {},
  refreshFacts: () => {},
  destroy: () => {},
});
