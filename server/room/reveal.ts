import { and, eq, isNull } from 'drizzle-orm';
import type { MemberRating } from '../../shared/docs/memberDoc';
import type { MemberRole } from '../../shared/domain';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import { members, reveals } from '../db/schema';
import { conflict } from '../http/errors';
import type { RatingRules } from './ratingRules';

export interface RevealActor {
  memberId: string;
  userId: string;
  role: MemberRole;
}

export interface RevealRequest {
  workshopId: string;
  /** Known, deduplicated dimension ids of the workshop's rubric (the caller checked them). */
  dimensionIds: readonly string[];
  /** The facilitator who asked, or null when the projector auto-reveals. */
  actor: RevealActor | null;
  now: number;
  /** Each member's current rating in their own doc: memberId → dimensionId → rating. */
  currentRatings: ReadonlyMap<string, ReadonlyMap<string, MemberRating>>;
  rules: RatingRules;
  /** Dimensions whose consensus is locked: revealing one now would change a final record (PROJ3). */
  locked?: ReadonlySet<string>;
  /** Why a server action revealed, for the audit entry (e.g. the rating deadline, ROOM12). */
  reason?: string;
}

export interface RevealedDimension {
  dimensionId: string;
  revealedAt: number;
}

/**
 * Reveals dimensions: one `reveals` row per dimension holding the first round (each active rating
 * member's stage at this moment) and one `dimension.reveal` audit entry, in one transaction.
 * Idempotent: a dimension already revealed keeps its original time and first round — re-snapshotting
 * would let a facilitator quietly rewrite the record of what people said before discussion.
 * Used by the reveal route and by auto-reveal, so both follow the same rules.
 */
export function revealDimensions(db: Db, request: RevealRequest): RevealedDimension[] {
  return db.transaction(() => {
    const existing = new Map(
      db
        .select({ dimensionId: reveals.dimensionId, revealedAt: reveals.revealedAt })
        .from(reveals)
        .where(eq(reveals.workshopId, request.workshopId))
        .all()
        .map((r) => [r.dimensionId, r.revealedAt]),
    );
    const raters = activeRaterIds(db, request.workshopId);
    const out: RevealedDimension[] = [];
    for (const dimensionId of request.dimensionIds) {
      const revealedAt = existing.get(dimensionId);
      if (revealedAt !== undefined) {
        out.push({ dimensionId, revealedAt });
        continue;
      }
      if (request.locked?.has(dimensionId)) {
        throw conflict(`Dimension ${dimensionId} is locked; unlock it before revealing its ratings.`);
      }
      const firstRound = snapshotFirstRound(request, dimensionId, raters);
      db.insert(reveals)
        .values({
          workshopId: request.workshopId,
          dimensionId,
          revealedAt: request.now,
          revealedBy: request.actor?.memberId ?? null,
          firstRound,
        })
        .run();
      recordAudit(db, {
        workshopId: request.workshopId,
        at: request.now,
        actorMemberId: request.actor?.memberId ?? null,
        actorUserId: request.actor?.userId ?? null,
        actorRole: request.actor?.role,
        action: 'dimension.reveal',
        target: dimensionId,
        after: {
          revealedAt: request.now,
          auto: request.actor === null,
          firstRoundCount: Object.keys(firstRound).length,
          ...(request.reason === undefined ? {} : { reason: request.reason }),
        },
      });
      out.push({ dimensionId, revealedAt: request.now });
    }
    return out;
  });
}

/** Members whose ratings count: not removed, and not observers (who own no member doc). */
function activeRaterIds(db: Db, workshopId: string): Set<string> {
  const rows = db
    .select({ id: members.id, role: members.role })
    .from(members)
    .where(and(eq(members.workshopId, workshopId), isNull(members.removedAt)))
    .all();
  return new Set(rows.filter((r) => r.role !== 'observer').map((r) => r.id));
}

/** Only valid stages of active raters enter the record; a cleared or malformed rating is no rating. */
function snapshotFirstRound(
  request: RevealRequest,
  dimensionId: string,
  raters: Set<string>,
): Record<string, string> {
  const firstRound: Record<string, string> = {};
  for (const [memberId, ratings] of request.currentRatings) {
    if (!raters.has(memberId)) continue;
    const stage = ratings.get(dimensionId)?.stage;
    if (stage && request.rules.isAllowedStage(stage)) firstRound[memberId] = stage;
  }
  return firstRound;
}

/** The dimensions of a workshop revealed so far. */
export function revealedDimensionIds(db: Db, workshopId: string): Set<string> {
  return new Set(
    db
      .select({ dimensionId: reveals.dimensionId })
      .from(reveals)
      .where(eq(reveals.workshopId, workshopId))
      .all()
      .map((r) => r.dimensionId),
  );
}
