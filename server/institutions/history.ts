import { and, asc, count, eq, isNull, max } from 'drizzle-orm';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import type { Db } from '../db/client';
import { institutions, members, workshops } from '../db/schema';

/** Institutions in which the user is an active member of at least one workshop. */
export function institutionsOf(db: Db, userId: string) {
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      system: institutions.system,
      state: institutions.state,
      workshopCount: count(workshops.id),
      lastWorkshopAt: max(workshops.createdAt),
    })
    .from(members)
    .innerJoin(workshops, eq(workshops.id, members.workshopId))
    .innerJoin(institutions, eq(institutions.id, workshops.institutionId))
    .where(and(eq(members.userId, userId), isNull(members.removedAt)))
    .groupBy(institutions.id)
    .orderBy(asc(institutions.name))
    .all();
}

/**
 * One institution's assessments over time, oldest first — only the workshops the user is a member
 * of: belonging to the same college does not grant a look at another team's workshop. Each carries
 * its consensus stage per dimension so the history reads as one table. Null if the user has none.
 */
export function institutionHistory(
  db: Db,
  userId: string,
  institutionId: string,
  consensusOf: (workshopId: string) => Map<string, ConsensusState>,
) {
  const institution = db.select().from(institutions).where(eq(institutions.id, institutionId)).get();
  if (!institution) return null;
  const rows = db
    .select({ workshop: workshops, role: members.role })
    .from(members)
    .innerJoin(workshops, eq(workshops.id, members.workshopId))
    .where(and(eq(members.userId, userId), isNull(members.removedAt), eq(workshops.institutionId, institutionId)))
    .orderBy(asc(workshops.createdAt), asc(workshops.id))
    .all();
  if (rows.length === 0) return null;
  return {
    institution: { id: institution.id, name: institution.name, system: institution.system, state: institution.state },
    workshops: rows.map(({ workshop: w, role }) => ({
      id: w.id,
      title: w.title,
      status: w.status,
      rubricId: w.rubricId,
      rubricVersion: w.rubricVersion,
      createdAt: w.createdAt,
      finalizedAt: w.finalizedAt,
      previousWorkshopId: w.previousWorkshopId,
      myRole: role,
      consensus: Object.fromEntries(
        [...consensusOf(w.id)].map(([dimensionId, c]) => [
          dimensionId,
          { stage: c.notAssessedReason ? null : c.stage, locked: c.locked, notAssessed: c.notAssessedReason !== null },
        ]),
      ),
    })),
  };
}
