import { NOT_SURE } from '../../shared/domain';
import { allDimensions, type Rubric } from '../../rubric/schema';
import type { WorkshopSettings } from '../workshops/settings';

/**
 * What counts as a rating in a workshop: a stage of the workshop's own rubric, or "not sure" only
 * when the workshop allows it. Shared by the projection (what enters the workshop doc) and the
 * reveal (what is kept as the first round), so the two can never disagree.
 */
export interface RatingRules {
  readonly dimensionIds: readonly string[];
  isKnownDimension(dimensionId: string): boolean;
  isAllowedStage(stage: string): boolean;
}

export function ratingRules(rubric: Rubric, settings: Pick<WorkshopSettings, 'allowNotSure'>): RatingRules {
  const dimensionIds = allDimensions(rubric).map((d) => d.id);
  const dimensions = new Set(dimensionIds);
  const stages = new Set(rubric.stages.map((s) => s.id));
  return {
    dimensionIds,
    isKnownDimension: (id) => dimensions.has(id),
    isAllowedStage: (stage) => stages.has(stage) || (stage === NOT_SURE && settings.allowNotSure),
  };
}
