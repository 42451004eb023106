import { allDimensions, type Rubric } from '../../rubric/schema';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import { stageLabel } from './model';
import type { ActionItem } from './types';

export const Direction = { up: 'up', down: 'down', same: 'same', new: 'new', notAssessed: 'not-assessed' } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

interface Side {
  stage: string | null;
  stageLabel: string | null;
  locked: boolean;
  notAssessed: boolean;
}

export interface Comparison {
  previousWorkshopId: string;
  currentWorkshopId: string;
  dimensions: Array<{ id: string; title: string; categoryTitle: string; previous: Side; current: Side; direction: Direction }>;
  /** The previous plan's items and what became of them. */
  actionItems: Array<ActionItem & { dimensionTitle: string; targetStageLabel: string | null; targetReached: boolean | null }>;
}

/**
 * Previous vs current consensus per dimension of the current rubric. Direction:
 * - not-assessed: the current workshop has no stage for it (no consensus yet, or marked not assessed);
 * - new: the current one has a stage but the previous had none (or the dimension is new);
 * - up / down / same: by the stages' order in the current rubric (matched by stage id).
 */
export function compareConsensus(
  rubric: Rubric,
  ids: { previous: string; current: string },
  previous: ReadonlyMap<string, ConsensusState>,
  current: ReadonlyMap<string, ConsensusState>,
  previousItems: readonly ActionItem[],
): Comparison {
  const order = rubric.stages.map((s) => s.id);
  const side = (c: ConsensusState | undefined): Side => {
    const notAssessed = c?.notAssessedReason != null;
    const stage = notAssessed || !c?.stage || !order.includes(c.stage) ? null : c.stage;
    return { stage, stageLabel: stageLabel(rubric, stage), locked: c?.locked ?? false, notAssessed };
  };
  const dims = allDimensions(rubric);
  const dimensions = dims.map((d) => {
    const p = side(previous.get(d.id));
    const c = side(current.get(d.id));
    let direction: Direction;
    if (c.stage === null) direction = Direction.notAssessed;
    else if (p.stage === null) direction = Direction.new;
    else {
      const delta = order.indexOf(c.stage) - order.indexOf(p.stage);
      direction = delta > 0 ? Direction.up : delta < 0 ? Direction.down : Direction.same;
    }
    return { id: d.id, title: d.title, categoryTitle: d.categoryTitle, previous: p, current: c, direction };
  });
  const rank = (id: string) => {
    const i = dims.findIndex((d) => d.id === id);
    return i < 0 ? dims.length : i;
  };
  const ordered = [...previousItems].sort((a, b) => rank(a.dimensionId) - rank(b.dimensionId) || a.createdAt - b.createdAt);
  const actionItems = ordered.map((item) => {
    const now = dimensions.find((d) => d.id === item.dimensionId)?.current.stage ?? null;
    const target = order.indexOf(item.targetStage);
    return {
      ...item,
      dimensionTitle: dims.find((d) => d.id === item.dimensionId)?.title ?? item.dimensionId,
      targetStageLabel: stageLabel(rubric, item.targetStage),
      targetReached: now === null || target < 0 ? null : order.indexOf(now) >= target,
    };
  });
  return { previousWorkshopId: ids.previous, currentWorkshopId: ids.current, dimensions, actionItems };
}
