/**
 * The stage to suggest for the consensus: the most common current rating, if one stage is strictly
 * the most common. "Not sure", empty ratings and unknown stages do not count; a tie suggests
 * nothing, since picking one would anchor the discussion for no reason.
 */
export function suggestStage(ratings: Iterable<string | null>, stageIds: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const stage of ratings)
    if (stage && stageIds.includes(stage)) counts.set(stage, (counts.get(stage) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [stage, n] of counts) {
    if (n > bestCount) [best, bestCount, tied] = [stage, n, false];
    else if (n === bestCount) tied = true;
  }
  return tied ? null : best;
}
