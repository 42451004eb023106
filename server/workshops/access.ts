import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { MemberRole } from '../../shared/domain';
import type { UserRecord } from '../auth/types';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/preparedPerDb';
import { type members, workshops } from '../db/schema';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { conflict, forbidden, notFound, unauthenticated } from '../http/errors';
import { findMembership } from './members';

export type WorkshopRow = typeof workshops.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

export interface MemberAccess {
  user: UserRecord;
  workshop: WorkshopRow;
  member: MemberRow;
}

const workshopById = preparedPerDb((db) =>
  db
    .select()
    .from(workshops)
    .where(eq(workshops.id, sql.placeholder('workshopId')))
    .prepare(),
);

/**
 * The workshop row, or undefined. Prepared once: every authorised API request and every websocket
 * upgrade reads it (docs/benchmarks.md item 33).
 */
export function findWorkshop(db: Db, workshopId: string): WorkshopRow | undefined {
  return workshopById(db).get({ workshopId });
}

/** The signed-in user, or 401. */
export function requireUser(c: Context<AppEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}

/**
 * The caller's active membership of the workshop, or an error: 401 not signed in, 404 no such
 * workshop, 403 not a member (or removed) or not in `roles`. Authorisation is always decided here,
 * on the server, from the session — never from anything the client says about itself. (SPEC PERM1)
 */
export function requireMember(
  deps: AppDeps,
  c: Context<AppEnv>,
  workshopId: string,
  roles?: readonly MemberRole[],
): MemberAccess {
  const user = requireUser(c);
  const { db } = deps.database;
  const workshop = findWorkshop(db, workshopId);
  if (!workshop) throw notFound('Workshop');
  const member = findMembership(db, workshopId, user.id);
  if (!member || member.removedAt !== null) throw forbidden('You are not a member of this workshop.');
  if (roles && !roles.includes(member.role)) {
    throw forbidden(`Only a ${roles.join(' or ')} of this workshop can do this.`);
  }
  return { user, workshop, member };
}

/**
 * 409 unless the workshop is open. Once finalized (or archived) a workshop is the institution's
 * record and read-only for everyone (SPEC LOCK6, PERM4, INV7); only the action plan stays editable.
 * Every write checks it here, and reads the status through `db`: pass the action's transaction, so
 * an action racing a finalize sees the committed status, never one read before it awaited its body.
 */
export function requireOpenWorkshop(db: Db, workshopId: string): void {
  const row = db
    .select({ status: workshops.status })
    .from(workshops)
    .where(eq(workshops.id, workshopId))
    .get();
  if (!row) throw notFound('Workshop');
  if (row.status !== 'open') {
    throw conflict(`This workshop is ${row.status}: it is read-only now, nothing in it can change.`);
  }
}
