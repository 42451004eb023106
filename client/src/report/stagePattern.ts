import type { ReportStage } from '../../../server/report/types';

/**
 * Each stage gets a fill pattern as well as a shade, and every chart prints its numbers, so no
 * information is carried by colour alone (WCAG 1.4.1). Ids are the SVG pattern ids in StagePatterns.
 */
export function stagePatternId(index: number): string {
  return `report-stage-pattern-${index % 4}`;
}

export function stageIndex(stages: readonly ReportStage[], id: string | null): number {
  return id === null ? -1 : stages.findIndex((s) => s.id === id);
}

export const pct = (share: number) => `${Math.round(share * 100)}%`;
