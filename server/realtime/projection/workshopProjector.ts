import type * as Y from 'yjs';
import type { Rubric } from '../../../rubric/schema';
import type { Db } from '../../db/client';
import { maybeAutoReveal } from './autoReveal';
import { guarded } from './guarded';
import { complete, recountReactions, write } from './inStepBookkeeping';
import { memberFactsStamp } from './inStepStamp';
import { loadFacts } from './loadFacts';
import { projectOwnDoc } from './memberEntries';
import { changedParts, changedRatingKeys } from './memberKeyIndex';
import { projectChangedParts } from './projectChangedParts';
import { projectFacts } from './projectFacts';
import type { MemberPart } from './projectMember';
import { createProjectorContext, PROJECTION_ORIGIN } from './projectorContext';
import { projectReactionCounts } from './projectReactionCounts';
import type { ConsensusSource, ProjectionLog } from './types';

export { PROJECTION_ORIGIN };

export interface WorkshopProjectorOptions {
  db: Db;
  rubrics: ReadonlyMap<string, Rubric>;
  now: () => number;
  workshopId: string;
  /** The workshop doc; the projector is its only writer. */
  workshopDoc: Y.Doc;
  log?: ProjectionLog;
  /** Defaults to the consensus feature's `consensusForWorkshopDoc`. */
  consensus?: ConsensusSource;
  /**
   * Lazy member docs (SYNC60): given, the projector trusts the stored workshop doc for contributors
   * whose docs are not attached, as long as the doc's in-step stamp matches the facts, and calls this
   * when it needs every contributor's doc (the stamp did not match, reaction counts, an auto-reveal,
   * facts that change what members project to). Without it, only attached docs count — the
   * caller attaches everyone.
   */
  requestAllMembers?: () => void;
  /**
   * Whether the workshop doc has reached its size limit (PROJ11): then member changes are projected
   * only as far as they do not grow it. Without it, never.
   */
  isFull?: () => boolean;
}

export interface WorkshopProjector {
  /** Starts projecting a member's own doc (and projects it now). Replaces an earlier doc of that member. */
  attachMemberDoc(memberId: string, doc: Y.Doc): void;
  /** Stops observing; what the member contributed stays until their doc is attached again. */
  detachMemberDoc(memberId: string): void;
  /** Re-reads the database (members, settings, reveals, consensus, focus) and re-projects everything. */
  refreshFacts(): void;
  destroy(): void;
}

/**
 * Maintains the workshop doc from the database and the members' own docs (docs/documents.md,
 * PROJ1–PROJ9). Synchronous: when a call returns, or a member doc's update event has fired, the
 * workshop doc already reflects it.
 *
 * The steps live beside it, sharing one explicit context (projectorContext.ts): projectFacts.ts
 * (database-owned maps), memberEntries.ts and projectChangedParts.ts (a member's entries, full and
 * incremental), projectReactionCounts.ts, inStepBookkeeping.ts (every write and its stamp) and
 * autoReveal.ts.
 */
export function createWorkshopProjector(options: WorkshopProjectorOptions): WorkshopProjector {
  const ctx = createProjectorContext(options);
  const { workshopDoc, attached } = ctx;

  /** `parts` null: the full path (attach); otherwise only those member-doc maps changed. */
  function onMemberChange(
    memberId: string,
    doc: Y.Doc,
    parts: ReadonlySet<MemberPart> | null,
    ratingKeys: ReadonlySet<string> | null = null,
  ): void {
    if (ctx.destroyed) return;
    if (parts?.size === 0) {
      maybeAutoReveal(ctx, refreshFacts); // drafts, visits: nothing the workshop doc shows changed
      return;
    }
    guarded(ctx, 'member projection', () =>
      write(ctx, () => {
        if (parts) projectChangedParts(ctx, memberId, doc, parts, ratingKeys);
        else {
          projectOwnDoc(ctx, memberId, doc);
          // A trusted doc already counts an attaching member's reactions; an untrusted one is
          // recounted by settle once everyone is attached.
          if (ctx.trusted && complete(ctx)) projectReactionCounts(ctx);
        }
      }),
    );
    maybeAutoReveal(ctx, refreshFacts);
  }

  function refreshFacts(): void {
    if (ctx.destroyed) return;
    ctx.facts = loadFacts(ctx.db, ctx.rubrics, ctx.workshopId, ctx.consensusSource);
    const before = ctx.factsStamp;
    ctx.factsStamp = memberFactsStamp(ctx.facts);
    write(ctx, () => {
      projectFacts(ctx, !ctx.trusted || ctx.factsStamp !== before);
      for (const [memberId, { doc }] of attached) projectOwnDoc(ctx, memberId, doc);
      // Facts that change what members project to (a reveal, a lock, a member added) need everyone;
      // the others (names, focus, consensus text) leave unattached members' entries as they are.
      if (complete(ctx) || ctx.factsStamp !== before) recountReactions(ctx);
    });
    maybeAutoReveal(ctx, refreshFacts);
  }

  function detachMemberDoc(memberId: string): void {
    const entry = attached.get(memberId);
    if (!entry) return;
    entry.doc.off('update', entry.onUpdate);
    attached.delete(memberId);
    ctx.memberStates.delete(memberId);
  }

  // The key indexes are only as good as the assumption that the projector is the doc's only writer:
  // any other change to the workshop doc sends every member through the full path once.
  const onWorkshopTransaction = (tr: Y.Transaction) => {
    if (tr.origin !== PROJECTION_ORIGIN && tr.changed.size > 0)
      for (const st of ctx.memberStates.values()) st.owned = null;
  };
  workshopDoc.on('afterTransaction', onWorkshopTransaction);

  if (ctx.requestAllMembers === null) workshopDoc.transact(() => projectFacts(ctx, true), PROJECTION_ORIGIN);
  else {
    write(ctx, () => projectFacts(ctx, !ctx.trusted));
    maybeAutoReveal(ctx, refreshFacts);
  }

  return {
    attachMemberDoc(memberId, doc) {
      if (ctx.destroyed) return;
      detachMemberDoc(memberId);
      const onUpdate = (...args: unknown[]) => {
        const parts = changedParts(doc, args[3]);
        onMemberChange(memberId, doc, parts, parts?.has('ratings') ? changedRatingKeys(doc, args[3]) : null);
      };
      doc.on('update', onUpdate);
      attached.set(memberId, { doc, onUpdate });
      onMemberChange(memberId, doc, null);
    },
    detachMemberDoc,
    refreshFacts,
    destroy() {
      for (const memberId of [...attached.keys()]) detachMemberDoc(memberId);
      workshopDoc.off('afterTransaction', onWorkshopTransaction);
      ctx.destroyed = true;
    },
  };
}
