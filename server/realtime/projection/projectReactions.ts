import { REACTION_EMOJI } from '../../../shared/docs/memberDoc';

/**
 * Reaction counts per comment: how many members reacted with each emoji. Only comments present and
 * not deleted are counted — a reaction cannot conjure an entry for a comment nobody can see.
 */
export function projectReactions(
  byMember: Iterable<ReadonlyMap<string, ReadonlySet<string>>>,
  commentVisible: (commentKey: string) => boolean,
): Map<string, Record<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const reactions of byMember) {
    for (const [commentKey, emojis] of reactions) {
      if (!commentVisible(commentKey)) continue;
      const perEmoji = counts.get(commentKey) ?? new Map<string, number>();
      for (const emoji of emojis) perEmoji.set(emoji, (perEmoji.get(emoji) ?? 0) + 1);
      counts.set(commentKey, perEmoji);
    }
  }
  const out = new Map<string, Record<string, number>>();
  for (const [commentKey, perEmoji] of counts) {
    const record: Record<string, number> = {};
    for (const emoji of REACTION_EMOJI) {
      const n = perEmoji.get(emoji);
      if (n) record[emoji] = n;
    }
    out.set(commentKey, record);
  }
  return out;
}
