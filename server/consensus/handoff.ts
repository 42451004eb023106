import { and, eq, isNull } from 'drizzle-orm';
import type { Database_ } from '../db/client';
import { members } from '../db/schema';
import { badRequest, notFound } from '../http/errors';
import { requireOpenWorkshop } from '../workshops/access';
import { auditAction } from '../workshops/actions';
import { type Actor, inTransaction } from './guards';

/**
 * The facilitator hands the role to another active member and becomes a participant, in one
 * transaction — so the workshop is never without a facilitator, even for a moment (SPEC LOCK9).
 */
export function handOffFacilitation(
  database: Database_,
  p: { workshopId: string; toMemberId: string; actor: Actor; now: number },
): void {
  const { db } = database;
  inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    if (p.toMemberId === p.actor.memberId) throw badRequest('memberId: hand the role to someone else.');
    const target = db
      .select()
      .from(members)
      .where(
        and(eq(members.workshopId, p.workshopId), eq(members.id, p.toMemberId), isNull(members.removedAt)),
      )
      .get();
    if (!target) throw notFound('Member');
    db.update(members).set({ role: 'facilitator' }).where(eq(members.id, target.id)).run();
    db.update(members).set({ role: 'participant' }).where(eq(members.id, p.actor.memberId)).run();
    auditAction(db, p, {
      action: 'member.handoff',
      target: target.id,
      before: { [target.id]: target.role, [p.actor.memberId]: 'facilitator' },
      after: { [target.id]: 'facilitator', [p.actor.memberId]: 'participant' },
    });
  });
}
