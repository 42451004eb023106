import * as Y from 'yjs';
import { MemberDoc, type MemberRating } from '../../../shared/docs/memberDoc';
import { type ConsensusState, WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { openDatabase } from '../../db/client';
import { ratingRules } from '../../room/ratingRules';
import { revealDimensions } from '../../room/reveal';
import { type SeedMember, seedWorkshop, TEST_RUBRIC, TEST_RUBRICS } from '../../room/testWorkshop';
import type { WorkshopSettings } from '../../workshops/settings';
import { createWorkshopProjector } from './workshopProjector';

/**
 * A projector over local Y.Docs and an in-memory database, with every member's doc attached, a
 * controllable consensus source and captured warnings — the unit-test rig for the projection rules.
 */
export function makeProjection(options: {
  members: SeedMember[];
  settings?: Partial<WorkshopSettings>;
  /** The workshop doc's size limit reached (PROJ11); never if not given. */
  isFull?: () => boolean;
}) {
  const database = openDatabase(':memory:');
  const { db } = database;
  const { workshopId, memberIds } = seedWorkshop(db, options);
  const workshopDoc = new Y.Doc();
  const updates: Uint8Array[] = [];
  workshopDoc.on('update', (update: Uint8Array) => updates.push(update));
  const warnings: Array<{ message: string; details?: Record<string, unknown> }> = [];
  const consensus = new Map<string, ConsensusState>();
  const clock = { now: 1_700_000_100_000 };
  const projectorOptions = (doc: Y.Doc, requestAllMembers?: () => void) => ({
    db,
    rubrics: TEST_RUBRICS,
    now: () => clock.now,
    workshopId,
    workshopDoc: doc,
    log: {
      warn: (message: string, details?: Record<string, unknown>) => warnings.push({ message, details }),
    },
    consensus: () => new Map(consensus),
    requestAllMembers,
    isFull: options.isFull,
  });
  const projector = createWorkshopProjector(projectorOptions(workshopDoc));
  const memberDocs = memberIds.map((id) => {
    const doc = new Y.Doc();
    projector.attachMemberDoc(id, doc);
    return doc;
  });
  const settings = { allowNotSure: true, ...options.settings };

  return {
    db,
    workshopId,
    memberIds,
    memberDocs,
    workshopDoc,
    view: new WorkshopDoc(workshopDoc),
    updates,
    warnings,
    clock,
    projector,
    rate(i: number, dimensionId: string, rating: Partial<MemberRating> & { stage: string | null }) {
      new MemberDoc(memberDocs[i]!).ratings.set(dimensionId, {
        rationale: '',
        updatedAt: clock.now,
        ...rating,
      });
    },
    /** A facilitator reveal through the same code as the route, then the route's workshopChanged. */
    reveal(dimensionIds: string[]) {
      const currentRatings = new Map(
        memberIds.map((id, i) => [id, new MemberDoc(memberDocs[i]!).validRatings()]),
      );
      const revealed = revealDimensions(db, {
        workshopId,
        dimensionIds,
        actor: null,
        now: clock.now,
        currentRatings,
        rules: ratingRules(TEST_RUBRIC, settings),
      });
      projector.refreshFacts();
      return revealed;
    },
    setConsensus(dimensionId: string, locked: boolean) {
      consensus.set(dimensionId, {
        stage: 'developing',
        rationale: 'agreed',
        dissent: '',
        nextSteps: '',
        updatedAt: clock.now,
        locked,
        lockedAt: locked ? clock.now : null,
        revision: 1,
        contentHash: null,
        notAssessedReason: null,
      });
      projector.refreshFacts();
    },
    /** Another projector of this workshop (same database, consensus and log) over `doc`. */
    projectorOver(doc: Y.Doc) {
      return createWorkshopProjector(projectorOptions(doc));
    },
    /**
     * The workshop loaded again as the server does after a restart: copies of the stored workshop
     * doc and member docs, and a projector with lazy member docs — nothing attached yet, and every
     * request for all members counted. The rig's own projector is destroyed first (an unload).
     */
    reopenLazily() {
      projector.destroy();
      const copy = (doc: Y.Doc) => {
        const out = new Y.Doc();
        Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
        return out;
      };
      const doc = copy(workshopDoc);
      const docs = memberDocs.map(copy);
      const requests = { count: 0 };
      const lazy = createWorkshopProjector(projectorOptions(doc, () => requests.count++));
      return {
        doc,
        view: new WorkshopDoc(doc),
        memberDocs: docs,
        requests,
        projector: lazy,
        attach(i: number) {
          lazy.attachMemberDoc(memberIds[i]!, docs[i]!);
        },
      };
    },
    bytes(): Buffer {
      return Buffer.from(Y.encodeStateAsUpdate(workshopDoc));
    },
    close() {
      projector.destroy();
      database.close();
    },
  };
}

export function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}
