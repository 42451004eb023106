import { diffMap, sameJson } from './diffMap';
import type { ProjectorContext } from './projectorContext';
import { projectReactions } from './projectReactions';

/**
 * PROJ9: the workshop doc's reaction counts, from every contributor's last known reactions
 * (`ctx.reactionsByMember`). With `only`, recounts just those comment keys (the incremental path).
 */
export function projectReactionCounts(ctx: ProjectorContext, only?: ReadonlySet<string>): void {
  const { facts, map, lockedComment } = ctx;
  const comments = map('comments');
  const active = [...ctx.reactionsByMember].filter(([id]) => facts.contributorIds.has(id)).map(([, r]) => r);
  const visible = (key: string) => {
    if (only && !only.has(key)) return false;
    const comment = comments.get(key) as { deleted?: unknown } | undefined;
    return comment !== undefined && comment.deleted === false;
  };
  const desired = projectReactions(active, visible);
  const reactions = map('reactions');
  if (!only) {
    diffMap(reactions, desired, { owns: () => true, frozen: lockedComment });
    return;
  }
  for (const key of only) {
    const current = reactions.get(key);
    const next = desired.get(key);
    if (next === undefined ? current === undefined : sameJson(current, next)) continue;
    if (lockedComment(key)) continue;
    if (next === undefined) reactions.delete(key);
    else reactions.set(key, next);
  }
}
