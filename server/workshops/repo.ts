import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { institutions, members, workshops } from '../db/schema';
import type { WorkshopRow } from './access';
import { readSettings, type WorkshopSettings } from './settings';

export type InstitutionRow = typeof institutions.$inferSelect;

/**
 * An institution record for the caller: an existing one they created or facilitate a workshop of,
 * or null. Scoped to the caller so one college cannot attach its workshop to another's history —
 * and to facilitators, because creating a workshop makes its creator a facilitator, who may then
 * change the institution (PATCH /api/institutions/:id): a participant, observer or guest reusing
 * it would have been a way round that route's rule.
 */
export function findCallerInstitution(db: Db, userId: string, match: { id?: string; name?: string }) {
  const mine = db
    .selectDistinct({ institution: institutions })
    .from(institutions)
    .leftJoin(workshops, eq(workshops.institutionId, institutions.id))
    .leftJoin(
      members,
      and(eq(members.workshopId, workshops.id), isNull(members.removedAt), eq(members.role, 'facilitator')),
    )
    .where(
      and(
        sql`(${institutions.createdBy} = ${userId} or ${members.userId} = ${userId})`,
        match.id !== undefined
          ? eq(institutions.id, match.id)
          : sql`lower(${institutions.name}) = lower(${match.name ?? ''})`,
      ),
    )
    .orderBy(institutions.createdAt)
    .get();
  return mine?.institution ?? null;
}

export function createInstitution(
  db: Db,
  input: { name: string; system?: string | null; state?: string | null; userId: string; now: number },
): InstitutionRow {
  const row = {
    id: newId(),
    name: input.name,
    system: input.system ?? null,
    state: input.state ?? null,
    createdBy: input.userId,
    createdAt: input.now,
  };
  db.insert(institutions).values(row).run();
  return row;
}

export function insertWorkshop(
  db: Db,
  input: {
    title: string;
    institutionId: string;
    rubricId: string;
    rubricVersion: string;
    settings: WorkshopSettings;
    userId: string;
    now: number;
  },
): WorkshopRow {
  const row: WorkshopRow = {
    id: newId(),
    title: input.title,
    institutionId: input.institutionId,
    rubricId: input.rubricId,
    rubricVersion: input.rubricVersion,
    status: 'open',
    settings: input.settings,
    previousWorkshopId: null,
    createdBy: input.userId,
    createdAt: input.now,
    updatedAt: input.now,
    finalizedAt: null,
  };
  db.insert(workshops).values(row).run();
  return row;
}

export function getInstitution(db: Db, id: string): InstitutionRow {
  return db.select().from(institutions).where(eq(institutions.id, id)).get()!;
}

export function updateWorkshopRow(
  db: Db,
  id: string,
  patch: { title?: string; settings?: WorkshopSettings; now: number },
) {
  const { now, ...rest } = patch;
  return db
    .update(workshops)
    .set({ ...rest, updatedAt: now })
    .where(eq(workshops.id, id))
    .returning()
    .get()!;
}

/** The caller's workshops (active memberships), newest first, with their role and the head count. */
export function listWorkshopsOf(db: Db, userId: string) {
  const memberCount = db
    .select({ workshopId: members.workshopId, n: count().as('n') })
    .from(members)
    .where(isNull(members.removedAt))
    .groupBy(members.workshopId)
    .as('member_count');
  return db
    .select({
      id: workshops.id,
      title: workshops.title,
      institution: { id: institutions.id, name: institutions.name },
      status: workshops.status,
      role: members.role,
      memberCount: sql<number>`coalesce(${memberCount.n}, 0)`,
      createdAt: workshops.createdAt,
    })
    .from(members)
    .innerJoin(workshops, eq(workshops.id, members.workshopId))
    .innerJoin(institutions, eq(institutions.id, workshops.institutionId))
    .leftJoin(memberCount, eq(memberCount.workshopId, workshops.id))
    .where(and(eq(members.userId, userId), isNull(members.removedAt)))
    .orderBy(desc(workshops.createdAt))
    .all();
}

export function workshopJson(workshop: WorkshopRow, institution: InstitutionRow) {
  return {
    id: workshop.id,
    title: workshop.title,
    institution: {
      id: institution.id,
      name: institution.name,
      system: institution.system,
      state: institution.state,
    },
    rubricId: workshop.rubricId,
    rubricVersion: workshop.rubricVersion,
    status: workshop.status,
    settings: readSettings(workshop.settings),
    createdAt: workshop.createdAt,
    updatedAt: workshop.updatedAt,
    finalizedAt: workshop.finalizedAt,
    previousWorkshopId: workshop.previousWorkshopId,
  };
}
