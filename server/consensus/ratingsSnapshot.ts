import { and, eq, isNull, ne } from 'drizzle-orm';
import type { MemberRating } from '../../shared/docs/memberDoc';
import { NOT_SURE } from '../../shared/domain';
import type { Db } from '../db/client';
import { members } from '../db/schema';
import type { RatingSnapshot } from '../db/schema/consensus';

/** Members whose ratings count: active, and not observers (who never rate). */
export function raterIds(db: Db, workshopId: string): Set<string> {
  const rows = db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workshopId, workshopId), isNull(members.removedAt), ne(members.role, 'observer')))
    .all();
  return new Set(rows.map((r) => r.id));
}

/**
 * The final individual ratings of one dimension, as sealed into a lock: memberId → stage.
 * Only current, non-removed members count (`memberIds`); a value that is not a stage of the rubric
 * (or "not sure") is recorded as null rather than trusted, since member docs are client-written.
 */
export function ratingsSnapshot(
  ratings: ReadonlyMap<string, ReadonlyMap<string, MemberRating>>,
  dimensionId: string,
  memberIds: ReadonlySet<string>,
  stageIds: readonly string[],
): RatingSnapshot {
  const out: RatingSnapshot = {};
  for (const [memberId, byDimension] of ratings) {
    if (!memberIds.has(memberId)) continue;
    const rating = byDimension.get(dimensionId);
    if (!rating) continue;
    const stage = rating.stage;
    out[memberId] = stage !== null && (stageIds.includes(stage) || stage === NOT_SURE) ? stage : null;
  }
  return out;
}
