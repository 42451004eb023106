import type * as Y from 'yjs';
import { diffMap } from './diffMap';
import { holdGrowth } from './holdGrowth';
import { isKeyOfAuthor, isKeyOfMember, type MemberState, type OwnedKeys } from './memberKeyIndex';
import {
  emptyMemberProjection,
  type IgnoredEntry,
  MEMBER_PARTS,
  type MemberContext,
  type MemberPart,
  type MemberProjection,
  projectMemberPart,
} from './projectMember';
import type { ProjectorContext } from './projectorContext';

/**
 * One member's entries in the workshop doc: the full path that (re)builds them and their key
 * index, and what both paths share (the member's state, one part's projection, the ignored log).
 * The incremental path is projectChangedParts.ts.
 */

export function memberState(ctx: ProjectorContext, memberId: string): MemberState {
  let st = ctx.memberStates.get(memberId);
  if (!st) {
    st = { parse: new Map(), ignored: new Map(), owned: null, ratingKeys: new Map() };
    ctx.memberStates.set(memberId, st);
  }
  return st;
}

export function memberContext(ctx: ProjectorContext, memberId: string): MemberContext {
  return {
    memberId,
    rules: ctx.facts.rules,
    isRevealed: (dimensionId: string) => ctx.facts.reveals.has(dimensionId),
  };
}

/** One member-doc map's contribution (empty for non-contributors, PROJ6). */
export function projectPart(
  ctx: ProjectorContext,
  memberId: string,
  doc: Y.Doc,
  part: MemberPart,
  st: MemberState,
): MemberProjection {
  const out = emptyMemberProjection();
  if (ctx.facts.contributorIds.has(memberId)) {
    projectMemberPart(part, doc, memberContext(ctx, memberId), out, st.parse);
    holdGrowth(ctx, part, out);
  }
  st.ignored.set(part, out.ignored);
  return out;
}

/** The full path (attach, refreshFacts): scans the shared maps and rebuilds the member's key index. */
export function projectOwnDoc(ctx: ProjectorContext, memberId: string, doc: Y.Doc): void {
  const { map, lockedByKey, lockedByValue } = ctx;
  const st = memberState(ctx, memberId);
  const ratings = projectPart(ctx, memberId, doc, 'ratings', st);
  const evidence = projectPart(ctx, memberId, doc, 'evidence', st);
  const comments = projectPart(ctx, memberId, doc, 'comments', st);
  const reactions = projectPart(ctx, memberId, doc, 'reactions', st);
  const owned: OwnedKeys = {
    rated: new Set(),
    ratings: new Set(),
    evidence: new Set(),
    comments: new Set(),
  };
  // `owns` runs for every key of the map, for each member: string tests instead of splitKey,
  // whose two slices per key were a good part of loading a big workshop (ids contain no ':').
  const byDimension = { owns: (k: string) => isKeyOfMember(k, memberId), frozen: lockedByKey };
  const byAuthor = { owns: (k: string) => isKeyOfAuthor(k, memberId), frozen: lockedByValue };
  diffMap(map('rated'), ratings.rated, byDimension, owned.rated);
  diffMap(map('ratings'), ratings.ratings, byDimension, owned.ratings);
  diffMap(map('evidence'), evidence.evidence, byAuthor, owned.evidence);
  diffMap(map('comments'), comments.comments, byAuthor, owned.comments);
  st.owned = owned;
  ctx.reactionsByMember.set(memberId, reactions.reactions);
  logIgnored(ctx, memberId, st);
}

export function logIgnored(ctx: ProjectorContext, memberId: string, st: MemberState): void {
  const before = ctx.loggedIgnored.get(memberId);
  // Runs on every edit; when nothing is ignored (the normal case) it allocates and keeps nothing,
  // since whatever it kept would live until the member's next edit and be copied by the GC.
  let current: Set<string> | undefined;
  for (const part of MEMBER_PARTS) {
    for (const entry of st.ignored.get(part) ?? NOTHING_IGNORED) {
      const signature = `${entry.map}\u0000${entry.key}\u0000${entry.reason}`;
      current ??= new Set();
      current.add(signature);
      // Once per entry and reason, not once per keystroke.
      if (!before?.has(signature))
        ctx.log.warn('ignored member-doc entry', { workshopId: ctx.workshopId, memberId, ...entry });
    }
  }
  if (current) ctx.loggedIgnored.set(memberId, current);
  else if (before) ctx.loggedIgnored.delete(memberId);
}

const NOTHING_IGNORED: readonly IgnoredEntry[] = [];
