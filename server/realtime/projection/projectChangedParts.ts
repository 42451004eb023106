import type * as Y from 'yjs';
import { holdGrowth } from './holdGrowth';
import { recountReactions } from './inStepBookkeeping';
import { logIgnored, memberContext, projectOwnDoc, projectPart } from './memberEntries';
import { diffOwned, diffOwnedKeys, type MemberState, type OwnedKeys, ratingKeyOf } from './memberKeyIndex';
import { emptyMemberProjection, type MemberPart, projectRatingsOf } from './projectMember';
import type { ProjectorContext } from './projectorContext';

/**
 * The incremental path (PROJ8): re-projects only the member-doc maps the transaction changed and
 * diffs them against the member's own workshop-doc keys (the index), never scanning whole maps.
 * Falls back to the full path when the index is missing or the member does not contribute.
 */
export function projectChangedParts(
  ctx: ProjectorContext,
  memberId: string,
  doc: Y.Doc,
  parts: ReadonlySet<MemberPart>,
  ratingKeys: ReadonlySet<string> | null,
): void {
  const st = ctx.memberStates.get(memberId);
  if (!st?.owned || !ctx.facts.contributorIds.has(memberId)) {
    projectOwnDoc(ctx, memberId, doc);
    recountReactions(ctx);
    return;
  }
  const { map, lockedByKey, lockedByValue } = ctx;
  const owned = st.owned;
  const commentKeys = new Set<string>();
  if (parts.has('ratings') && ratingKeys) projectRatingKeys(ctx, memberId, doc, ratingKeys, st, owned);
  else if (parts.has('ratings')) {
    const p = projectPart(ctx, memberId, doc, 'ratings', st);
    diffOwned(map('rated'), p.rated, owned.rated, lockedByKey);
    diffOwned(map('ratings'), p.ratings, owned.ratings, lockedByKey);
  }
  if (parts.has('evidence'))
    diffOwned(
      map('evidence'),
      projectPart(ctx, memberId, doc, 'evidence', st).evidence,
      owned.evidence,
      lockedByValue,
    );
  if (parts.has('comments')) {
    const p = projectPart(ctx, memberId, doc, 'comments', st);
    diffOwned(map('comments'), p.comments, owned.comments, lockedByValue, commentKeys);
  }
  if (parts.has('reactions')) {
    const p = projectPart(ctx, memberId, doc, 'reactions', st);
    for (const key of ctx.reactionsByMember.get(memberId)?.keys() ?? []) commentKeys.add(key);
    for (const key of p.reactions.keys()) commentKeys.add(key);
    ctx.reactionsByMember.set(memberId, p.reactions);
  }
  // A comment that appeared, vanished or was (un)deleted, or a reaction that changed: only those
  // comments' counts can differ from what the workshop doc holds.
  if (commentKeys.size > 0) recountReactions(ctx, commentKeys);
  logIgnored(ctx, memberId, st);
}

/**
 * A rating edit re-projects only the dimensions it changed: re-projecting all of the member's
 * ratings and diffing both maps was a fifth of the server's allocations per edit in the benchmark.
 * The member's ignored entries for those dimensions are replaced, the others kept.
 */
function projectRatingKeys(
  ctx: ProjectorContext,
  memberId: string,
  doc: Y.Doc,
  dimensionIds: ReadonlySet<string>,
  st: MemberState,
  owned: OwnedKeys,
): void {
  const out = emptyMemberProjection();
  projectRatingsOf(doc, dimensionIds, memberContext(ctx, memberId), out, st.parse);
  holdGrowth(ctx, 'ratings', out);
  // The list is rebuilt only when it changes: a new (empty) list per edit would live until the
  // member's next edit, long enough for the GC to copy it.
  const before = st.ignored.get('ratings');
  if (out.ignored.length > 0 || before?.some((e) => dimensionIds.has(e.key))) {
    const kept = (before ?? []).filter((e) => !dimensionIds.has(e.key));
    st.ignored.set('ratings', [...kept, ...out.ignored]);
  }
  const keys: string[] = [];
  for (const dimensionId of dimensionIds) keys.push(ratingKeyOf(st, ctx.facts.rules, dimensionId, memberId));
  diffOwnedKeys(ctx.map('rated'), out.rated, owned.rated, keys, ctx.lockedByKey);
  diffOwnedKeys(ctx.map('ratings'), out.ratings, owned.ratings, keys, ctx.lockedByKey);
}
