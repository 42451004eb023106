import { eq } from 'drizzle-orm';
import { consensusForWorkshopDoc } from '../consensus/forWorkshopDoc';
import { reveals } from '../db/schema';
import type { AppDeps } from '../deps';
import { findWorkshop } from '../workshops/access';
import { readSettings } from '../workshops/settings';
import { ratingRules } from './ratingRules';
import { revealDimensions } from './reveal';

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
  if (!due()) return [];
  // Read before the reveal's transaction: ratings come from the member docs (ROOM3).
  const currentRatings = await deps.realtime.memberRatings(workshopId);
  // Checked again after the wait: the workshop may have been finalized or the deadline moved.
  const rules = due();
  if (!rules) return [];
  const locked = new Set(
    [...consensusForWorkshopDoc(db, workshopId)].filter(([, s]) => s.locked).map(([id]) => id),
  );
  const revealed = new Set(
    db
      .select({ id: reveals.dimensionId })
      .from(reveals)
      .where(eq(reveals.workshopId, workshopId))
      .all()
      .map((r) => r.id),
  );
  const dimensionIds = rules.dimensionIds.filter((id) => !locked.has(id) && !revealed.has(id));
  if (dimensionIds.length === 0) return [];
  revealDimensions(db, {
    workshopId,
    dimensionIds,
    actor: null,
    now: deps.now(),
    currentRatings,
    rules,
    locked,
    reason: 'rating deadline',
  });
  await deps.realtime.workshopChanged(workshopId);
  return dimensionIds;
}
