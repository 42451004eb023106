import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { AnonymityMode, type MemberRole } from '../../shared/domain';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { preparedPerDb } from '../db/preparedPerDb';
import { members } from '../db/schema';
import type { MemberRow } from './access';
import type { WorkshopSettings } from './settings';

/**
 * Adds a member with a stable pseudonym ("Participant 7"): numbered by join order, counting removed
 * members too, so a number is never reused and never changes. Call inside the action's transaction.
 */
export function addMember(
  db: Db,
  input: {
    workshopId: string;
    userId: string;
    displayName: string;
    role: MemberRole;
    perspective: string;
    now: number;
  },
): MemberRow {
  const joined = db
    .select({ n: count() })
    .from(members)
    .where(eq(members.workshopId, input.workshopId))
    .get()!.n;
  const row: MemberRow = {
    id: newId(),
    workshopId: input.workshopId,
    userId: input.userId,
    displayName: input.displayName,
    role: input.role,
    perspective: input.perspective,
    pseudonym: `Participant ${joined + 1}`,
    createdAt: input.now,
    removedAt: null,
  };
  db.insert(members).values(row).run();
  return row;
}

const membershipOf = preparedPerDb((db) =>
  db
    .select()
    .from(members)
    .where(
      and(
        eq(members.workshopId, sql.placeholder('workshopId')),
        eq(members.userId, sql.placeholder('userId')),
      ),
    )
    .prepare(),
);

/**
 * The user's membership row of the workshop, removed or not. Prepared once: every authorised API
 * request and every websocket upgrade reads it (docs/benchmarks.md item 33).
 */
export function findMembership(db: Db, workshopId: string, userId: string): MemberRow | undefined {
  return membershipOf(db).get({ workshopId, userId });
}

export function findActiveMember(db: Db, workshopId: string, memberId: string): MemberRow | undefined {
  return db
    .select()
    .from(members)
    .where(and(eq(members.workshopId, workshopId), eq(members.id, memberId), isNull(members.removedAt)))
    .get();
}

export function listActiveMembers(db: Db, workshopId: string): MemberRow[] {
  return (
    db
      .select()
      .from(members)
      .where(and(eq(members.workshopId, workshopId), isNull(members.removedAt)))
      // rowid breaks ties in join order (two joins in the same millisecond).
      .orderBy(members.createdAt, sql`rowid`)
      .all()
  );
}

export function countActiveFacilitators(db: Db, workshopId: string): number {
  return db
    .select({ n: count() })
    .from(members)
    .where(
      and(eq(members.workshopId, workshopId), eq(members.role, 'facilitator'), isNull(members.removedAt)),
    )
    .get()!.n;
}

/**
 * The name other people see for `member`. In both anonymous modes a name never leaves the server
 * except to its owner — facilitators included, since a facilitator's screen is often projected
 * (SPEC ANON1–ANON3).
 */
export function visibleName(member: MemberRow, viewerMemberId: string, settings: WorkshopSettings): string {
  if (member.id === viewerMemberId || settings.anonymity === AnonymityMode.named) return member.displayName;
  return member.pseudonym;
}

export function memberJson(member: MemberRow, viewerMemberId: string, settings: WorkshopSettings) {
  return {
    id: member.id,
    name: visibleName(member, viewerMemberId, settings),
    role: member.role,
    perspective: member.perspective,
    joinedAt: member.createdAt,
    isMe: member.id === viewerMemberId,
  };
}
