import { computeSpread } from '../../shared/stats/spread';
import type { Distribution, HeatmapRow, ReportRating, SpreadSummary } from './types';

/** Counts of one round's ratings, using the room's own spread statistics so every view agrees. */
export function distribution(stages: ReadonlyArray<string | null>, stageIds: readonly string[]): Distribution {
  const s = computeSpread(
    stages.map((stage, i) => ({ memberId: String(i), stage, perspective: '' })),
    stageIds,
  );
  return {
    counts: Object.fromEntries(s.stages.map((x) => [x.stageId, x.count])),
    notSure: s.notSure,
    unrated: s.unrated,
    total: s.total,
  };
}

/** Dimension × perspective: the share of each perspective's stage ratings on each stage. */
export function heatmap(ratings: readonly ReportRating[], stageIds: readonly string[]): HeatmapRow[] {
  const perspectives = [...new Set(ratings.map((r) => r.perspective))].sort();
  return perspectives.map((perspective) => {
    const d = distribution(
      ratings.filter((r) => r.perspective === perspective).map((r) => r.stage),
      stageIds,
    );
    const shares = Object.fromEntries(
      stageIds.map((id) => [id, d.total === 0 ? 0 : Math.round(((d.counts[id] ?? 0) / d.total) * 1000) / 1000]),
    );
    return { perspective, total: d.total, shares, counts: d.counts };
  });
}

function range(stages: ReadonlyArray<string | null>, stageIds: readonly string[]): number | null {
  const idx = stages.map((s) => (s === null ? -1 : stageIds.indexOf(s))).filter((i) => i >= 0);
  return idx.length === 0 ? null : Math.max(...idx) - Math.min(...idx);
}

/** First round vs final: did the team converge? */
export function spreadSummary(ratings: readonly ReportRating[], stageIds: readonly string[]): SpreadSummary {
  const firstRange = range(
    ratings.map((r) => r.firstRoundStage),
    stageIds,
  );
  const finalRange = range(
    ratings.map((r) => r.stage),
    stageIds,
  );
  const change =
    firstRange === null || finalRange === null
      ? null
      : finalRange < firstRange
        ? 'narrowed'
        : finalRange > firstRange
          ? 'widened'
          : 'unchanged';
  const changedCount = ratings.filter((r) => r.firstRoundStage !== null && r.firstRoundStage !== r.stage).length;
  return { firstRange, finalRange, change, agreed: finalRange === 0, changedCount };
}
