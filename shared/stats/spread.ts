import { NOT_SURE } from '../domain';

/**
 * Spread statistics of one dimension's revealed ratings. Pure functions over plain data, shared by the
 * room, the projector and the report so every view flags divergence the same way.
 *
 * Divergence rule (issue 4): a dimension is divergent when its stage ratings
 *   (a) span more than one stage — the lowest and highest rated stages are more than one step apart
 *       (e.g. New/Emerging and Effective Practice on a three-stage scale), or
 *   (b) no stage has a majority — no stage holds more than half of the stage ratings.
 * "Not sure" and cleared ratings are counted apart and take part in neither (a) nor (b): being unsure
 * is not disagreeing. Fewer than two stage ratings are never divergent (nothing to diverge from).
 */

export interface SpreadInput {
  memberId: string;
  /** A stage id, NOT_SURE, or null (cleared / not rated). */
  stage: string | null;
  perspective: string;
}

export interface StageCount {
  stageId: string;
  count: number;
  memberIds: string[];
}

export interface Spread {
  stages: StageCount[];
  notSure: number;
  /** Ratings whose stage is null or not on the scale (e.g. a stage removed from the rubric). */
  unrated: number;
  /** Stage ratings only (not sure and unrated excluded). */
  total: number;
  /** The stage holding more than half of the stage ratings, or null. */
  majorityStageId: string | null;
  /** Steps between the lowest and highest rated stage; 0 when fewer than one stage rating. */
  span: number;
  divergent: boolean;
  divergenceReasons: DivergenceReason[];
}

export const DivergenceReason = { wideSpan: 'wide-span', noMajority: 'no-majority' } as const;
export type DivergenceReason = (typeof DivergenceReason)[keyof typeof DivergenceReason];

export function computeSpread(ratings: readonly SpreadInput[], stageIds: readonly string[]): Spread {
  const stages: StageCount[] = stageIds.map((stageId) => ({ stageId, count: 0, memberIds: [] }));
  let notSure = 0;
  let unrated = 0;
  for (const r of ratings) {
    if (r.stage === NOT_SURE) {
      notSure++;
      continue;
    }
    const index = r.stage === null ? -1 : stageIds.indexOf(r.stage);
    if (index < 0) {
      unrated++;
      continue;
    }
    const bucket = stages[index]!;
    bucket.count++;
    bucket.memberIds.push(r.memberId);
  }
  const total = stages.reduce((sum, s) => sum + s.count, 0);
  const rated = stages.map((s, i) => (s.count > 0 ? i : -1)).filter((i) => i >= 0);
  const span = rated.length > 0 ? rated[rated.length - 1]! - rated[0]! : 0;
  const majority = stages.find((s) => s.count * 2 > total);
  const majorityStageId = total > 0 && majority ? majority.stageId : null;

  const divergenceReasons: DivergenceReason[] = [];
  if (total >= 2) {
    if (span > 1) divergenceReasons.push(DivergenceReason.wideSpan);
    if (majorityStageId === null) divergenceReasons.push(DivergenceReason.noMajority);
  }
  return {
    stages,
    notSure,
    unrated,
    total,
    majorityStageId,
    span,
    divergent: divergenceReasons.length > 0,
    divergenceReasons,
  };
}

/** The spread of each perspective, in first-seen order of `perspectives` (then any others, sorted). */
export function spreadByPerspective(
  ratings: readonly SpreadInput[],
  stageIds: readonly string[],
  perspectives: readonly string[] = [],
): Array<{ perspective: string; spread: Spread }> {
  const groups = new Map<string, SpreadInput[]>();
  for (const p of perspectives) groups.set(p, []);
  const extra = [...new Set(ratings.map((r) => r.perspective))].filter((p) => !groups.has(p)).sort();
  for (const p of extra) groups.set(p, []);
  for (const r of ratings) groups.get(r.perspective)!.push(r);
  return [...groups]
    .filter(([, rs]) => rs.length > 0)
    .map(([perspective, rs]) => ({ perspective, spread: computeSpread(rs, stageIds) }));
}

export const OTHER_PERSPECTIVE = 'Other';

/**
 * In anonymous modes a perspective held by fewer than `min` members would identify them ("the only
 * registrar rated Developing"), so such perspectives are merged into "Other". Counts members (not
 * ratings) so the merge does not change as people rate. Returns memberId → displayed perspective.
 */
export function mergeSmallPerspectives(
  perspectiveByMember: ReadonlyMap<string, string>,
  min = 3,
): Map<string, string> {
  const sizes = new Map<string, number>();
  for (const p of perspectiveByMember.values()) sizes.set(p, (sizes.get(p) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const [memberId, p] of perspectiveByMember) {
    out.set(memberId, (sizes.get(p) ?? 0) < min ? OTHER_PERSPECTIVE : p);
  }
  return out;
}

export interface RoundComparison {
  first: Spread;
  current: Spread;
  /** Members whose current stage differs from their first-round stage. */
  changed: Array<{ memberId: string; from: string | null; to: string | null }>;
}

/** First round (the state at reveal) against the current ratings. */
export function compareRounds(
  first: readonly SpreadInput[],
  current: readonly SpreadInput[],
  stageIds: readonly string[],
): RoundComparison {
  const firstBy = new Map(first.map((r) => [r.memberId, r.stage]));
  const changed: RoundComparison['changed'] = [];
  for (const r of current) {
    if (!firstBy.has(r.memberId)) continue;
    const from = firstBy.get(r.memberId) ?? null;
    if (from !== r.stage) changed.push({ memberId: r.memberId, from, to: r.stage });
  }
  return { first: computeSpread(first, stageIds), current: computeSpread(current, stageIds), changed };
}
