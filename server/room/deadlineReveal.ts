import { lockedDimensionIds } from '../consensus/forWorkshopDoc';
import type { AppDeps } from '../deps';
import { findWorkshop } from '../workshops/access';
import { readSettings } from '../workshops/settings';
import { ratingRules } from './ratingRules';
import { revealDimensions, revealedDimensionIds } from './reveal';

export type DeadlineRevealDeps = Pick<AppDeps, 'database' | 'rubrics' | 'realtime' | 'now'>;

/**
 * ROOM12: once an open workshop's rating deadline has passed, every dimension neither revealed nor
 * locked is revealed as a server action — the ratings given so far become its first round — so a
 * workshop rated over several days moves on to discussion without waiting for its facilitator.
 * Same code as the facilitator's reveal (ROOM3), audited with no actor. Returns the dimensions
 * this call revealed: none when the deadline was moved or cleared, or the workshop is not open.
 */
export async function revealAtDeadline(deps: DeadlineRevealDeps, workshopId: string): Promise<string[]> {
  const { db } = deps.database;
  const due = () => {
    const workshop = findWorkshop(db, workshopId);
    if (!workshop || workshop.status !== 'open') return null;
    const settings = readSettings(workshop.settings);
    const rubric = deps.rubrics.get(workshop.rubricId);
    if (settings.ratingDeadline === null || settings.ratingDeadline > deps.now() || !rubric) return null;
    return ratingRules(rubric, settings);
  };
  const first = due();
  // Every start re-checks each open workshop's passed deadline: once its dimensions are all revealed
  // (or locked) there is nothing to do, and no member doc needs reading.
  if (!first || !hasUnrevealed(db, workshopId, first.dimensionIds)) return [];
  // Read before the reveal's transaction: ratings come from the member docs (ROOM3).
  const currentRatings = await deps.realtime.memberRatings(workshopId);
  // Checked again after the wait: the workshop may have been finalized or the deadline moved.
  const rules = due();
  if (!rules) return [];
  const locked = lockedDimensionIds(db, workshopId);
  const now = deps.now();
  const out = revealDimensions(db, {
    workshopId,
    dimensionIds: rules.dimensionIds.filter((id) => !locked.has(id)),
    actor: null,
    now,
    currentRatings,
    rules,
    locked,
    reason: 'rating deadline',
  });
  // Dimensions revealed before keep their time (ROOM3): only those stamped now are this call's.
  const revealed = out.filter((r) => r.revealedAt === now).map((r) => r.dimensionId);
  if (revealed.length === 0) return [];
  await deps.realtime.workshopChanged(workshopId);
  return revealed;
}

function hasUnrevealed(
  db: DeadlineRevealDeps['database']['db'],
  workshopId: string,
  dimensionIds: readonly string[],
): boolean {
  const revealed = revealedDimensionIds(db, workshopId);
  const locked = lockedDimensionIds(db, workshopId);
  return dimensionIds.some((id) => !revealed.has(id) && !locked.has(id));
}
