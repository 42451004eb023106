import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { WorkshopDoc } from '../../shared/docs/workshopDoc';
import { consensusForWorkshopDoc } from '../consensus/forWorkshopDoc';
import type { AppDeps } from '../deps';
import { consensusLocks, consensusUnlocks, reveals } from '../db/schema';
import type { CommentInput, EvidenceInput, RatingInput, ReportSource } from './input';

/**
 * The production ReportSource: consensus as the workshop doc shows it, first rounds from the
 * reveals, current ratings from the members' own docs through the realtime bridge — except for
 * locked dimensions, whose ratings are the final snapshot sealed in the lock row, so the report of a
 * locked dimension cannot drift when someone edits their doc afterwards.
 */
export function dbReportSource(deps: AppDeps, workshopId: string): ReportSource {
  const { db } = deps.database;
  // Evidence and comments are read from the workshop doc — what members already see, so blind
  // rating (no evidence before reveal) and authorship stamping carry over to the report unchanged.
  let workshopDoc: Promise<WorkshopDoc> | null = null;
  const readWorkshopDoc = () => {
    workshopDoc ??= deps.realtime.workshopDocState(workshopId).then((state) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return new WorkshopDoc(doc);
    });
    return workshopDoc;
  };
  return {
    consensus: () => consensusForWorkshopDoc(db, workshopId),
    firstRound: () => {
      const rows = db.select().from(reveals).where(eq(reveals.workshopId, workshopId)).all();
      return new Map(rows.map((r) => [r.dimensionId, r.firstRound]));
    },
    ratings: async () => {
      const live = await deps.realtime.memberRatings(workshopId);
      const out = new Map<string, Map<string, RatingInput>>();
      for (const [memberId, byDimension] of live) out.set(memberId, new Map(byDimension));
      for (const lock of activeLocks(deps, workshopId)) {
        // Exactly the sealed snapshot: nobody's later edit (or late first rating) shows up. Keep
        // each member's live entry first: its rationale is shown next to the sealed stage (REPORT4).
        const liveEntry = new Map([...out].map(([memberId, mine]) => [memberId, mine.get(lock.dimensionId)]));
        for (const mine of out.values()) mine.delete(lock.dimensionId);
        for (const [memberId, stage] of Object.entries(lock.finalRatings)) {
          const mine = out.get(memberId) ?? new Map<string, RatingInput>();
          const current = liveEntry.get(memberId);
          mine.set(lock.dimensionId, {
            stage,
            // The rationale is not part of the sealed snapshot; keep the member's own text.
            rationale: current?.rationale ?? '',
            updatedAt: current?.updatedAt ?? lock.lockedAt,
          });
          out.set(memberId, mine);
        }
      }
      return out;
    },
    evidence: async () => {
      const doc = await readWorkshopDoc();
      return [...doc.evidence().values()].map(
        (e): EvidenceInput => ({
          memberId: e.memberId,
          dimensionId: e.dimensionId,
          url: e.url,
          title: e.title,
          note: e.note,
          createdAt: e.createdAt,
        }),
      );
    },
    comments: async () => {
      const doc = await readWorkshopDoc();
      return [...doc.comments()].map(
        ([key, c]): CommentInput => ({
          memberId: c.memberId,
          dimensionId: c.dimensionId,
          text: c.text,
          createdAt: c.createdAt,
          deleted: c.deleted,
          reactions: Object.values(doc.reactions(key)).reduce((sum, n) => sum + n, 0),
        }),
      );
    },
    notes: () => [],
  };
}

/** The lock in force per dimension: the newest lock row without an unlock. */
function activeLocks(deps: AppDeps, workshopId: string) {
  const { db } = deps.database;
  const locks = db.select().from(consensusLocks).where(eq(consensusLocks.workshopId, workshopId)).all();
  const unlocked = new Set(
    db
      .select({ lockId: consensusUnlocks.lockId })
      .from(consensusUnlocks)
      .where(eq(consensusUnlocks.workshopId, workshopId))
      .all()
      .map((u) => u.lockId),
  );
  const latest = new Map<string, (typeof locks)[number]>();
  for (const lock of locks) {
    const prev = latest.get(lock.dimensionId);
    if (!prev || prev.id < lock.id) latest.set(lock.dimensionId, lock);
  }
  return [...latest.values()].filter((l) => !unlocked.has(l.id));
}
