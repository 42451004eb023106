import type { MemberDoc } from '../../../shared/docs/memberDoc';
import type { WorkshopComment, WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { AnonymityMode, NOT_SURE } from '../../../shared/domain';
import { mergeSmallPerspectives, type SpreadInput } from '../../../shared/stats/spread';
import type { Rubric } from '../../../rubric/schema';

/** Derived, plain-data views of the two docs. Pure so they can be unit-tested without a browser. */

export const DimensionStatus = {
  notRated: 'not-rated',
  rated: 'rated',
  revealed: 'revealed',
  consensus: 'consensus',
  locked: 'locked',
} as const;
export type DimensionStatus = (typeof DimensionStatus)[keyof typeof DimensionStatus];

export const statusLabel: Record<DimensionStatus, string> = {
  'not-rated': 'not rated by me',
  rated: 'rated',
  revealed: 'revealed',
  consensus: 'consensus set',
  locked: 'locked',
};

export interface DimensionSummary {
  id: string;
  status: DimensionStatus;
  ratedCount: number;
  commentCount: number;
  newCommentCount: number;
}

/** Status precedence: locked > consensus set > revealed > rated by me > not rated. */
export function dimensionStatus(ws: WorkshopDoc, dimensionId: string, myStage: string | null | undefined): DimensionStatus {
  const consensus = ws.consensus(dimensionId);
  const phase = ws.dimensionState(dimensionId).phase;
  if (phase === 'locked' || consensus?.locked) return DimensionStatus.locked;
  if (consensus && (consensus.stage !== null || consensus.notAssessedReason !== null)) return DimensionStatus.consensus;
  if (phase === 'revealed') return DimensionStatus.revealed;
  if (myStage != null) return DimensionStatus.rated;
  return DimensionStatus.notRated;
}

export function isLocked(ws: WorkshopDoc, dimensionId: string): boolean {
  return ws.dimensionState(dimensionId).phase === 'locked' || ws.consensus(dimensionId)?.locked === true;
}

/** Comments by others created after my last visit (a first visit counts everything as new). */
export function countNew(comments: Iterable<[string, WorkshopComment]>, lastVisit: number | null, myMemberId: string | null): number {
  let n = 0;
  for (const [, c] of comments) {
    if (c.deleted || c.memberId === myMemberId) continue;
    if (lastVisit === null || c.createdAt > lastVisit) n++;
  }
  return n;
}

export function lastVisitOf(member: MemberDoc | null, dimensionId: string): number | null {
  const v = member?.visits.get(dimensionId);
  return typeof v === 'number' ? v : null;
}

export function summarize(rubric: Rubric, ws: WorkshopDoc, member: MemberDoc | null, myMemberId: string | null): DimensionSummary[] {
  const myRatings = member?.validRatings() ?? new Map();
  const allComments = [...ws.comments()];
  return rubric.categories.flatMap((c) =>
    c.dimensions.map((d) => {
      const comments = allComments.filter(([, x]) => x.dimensionId === d.id && !x.deleted);
      return {
        id: d.id,
        status: dimensionStatus(ws, d.id, myRatings.get(d.id)?.stage),
        ratedCount: ws.ratedBy(d.id).length,
        commentCount: comments.length,
        newCommentCount: countNew(comments, lastVisitOf(member, d.id), myMemberId),
      };
    }),
  );
}

/** Revealed ratings as spread input; perspectives merged into "Other" in anonymous modes. */
export function spreadInputs(ws: WorkshopDoc, dimensionId: string, round: 'current' | 'first'): SpreadInput[] {
  const members = ws.members();
  const anonymous = ws.meta()?.anonymity !== undefined && ws.meta()?.anonymity !== AnonymityMode.named;
  const perspectives = new Map(
    [...members].filter(([, m]) => m.role !== 'observer' && !m.removed).map(([id, m]) => [id, m.perspective]),
  );
  const shown = anonymous ? mergeSmallPerspectives(perspectives) : perspectives;
  const source = round === 'current' ? ws.ratings(dimensionId) : ws.firstRound(dimensionId);
  return [...source].map(([memberId, r]) => ({
    memberId,
    stage: r.stage,
    perspective: shown.get(memberId) ?? members.get(memberId)?.perspective ?? 'Other',
  }));
}

export function stageLabel(rubric: Rubric, stageId: string | null): string {
  if (stageId === NOT_SURE) return 'Not sure';
  if (stageId === null) return 'No rating';
  return rubric.stages.find((s) => s.id === stageId)?.label ?? stageId;
}

export function findDimension(rubric: Rubric, dimensionId: string | undefined) {
  for (const c of rubric.categories) for (const d of c.dimensions) if (d.id === dimensionId) return { category: c, dimension: d };
  return null;
}
