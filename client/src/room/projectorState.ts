import type { WorkshopDoc } from '../../../shared/docs/workshopDoc';

/**
 * What the projector says about the spotlighted dimension. A recorded outcome (locked consensus,
 * "not assessed") outranks the rating phase: a dimension marked not assessed was never revealed, and
 * must not read "Rating in progress" to the room once the team has moved on.
 */
export type ProjectorDimensionState =
  | { kind: 'not-assessed'; reason: string }
  | { kind: 'locked'; stageId: string | null; revealed: boolean }
  | { kind: 'revealed' }
  | { kind: 'rating'; rated: number };

export function projectorDimensionState(ws: WorkshopDoc, dimensionId: string): ProjectorDimensionState {
  const consensus = ws.consensus(dimensionId);
  const phase = ws.dimensionState(dimensionId).phase;
  if (consensus?.notAssessedReason != null && !consensus.locked)
    return { kind: 'not-assessed', reason: consensus.notAssessedReason };
  if (consensus?.locked) return { kind: 'locked', stageId: consensus.stage, revealed: phase !== 'rating' };
  if (phase !== 'rating') return { kind: 'revealed' };
  return { kind: 'rating', rated: ws.ratedBy(dimensionId).length };
}

/** A finalized (or archived) workshop is over: no countdown, no "Time's up". */
export function isWorkshopClosed(ws: WorkshopDoc): boolean {
  const status = ws.meta()?.status;
  return status === 'finalized' || status === 'archived';
}
