import { and, eq, isNull } from 'drizzle-orm';
import type { MemberRole } from '../../shared/domain';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { actionItems, members, users, workshops } from '../db/schema';
import type { MemberAccess, WorkshopRow } from '../workshops/access';
import { createInvite } from '../workshops/invites';
import { addMember } from '../workshops/members';
import { insertWorkshop } from '../workshops/repo';
import { readSettings } from '../workshops/settings';

/** How long the re-invite links for guests stay valid. */
export const FOLLOW_UP_INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface FollowUpResult {
  workshop: WorkshopRow;
  carriedMembers: number;
  copiedActionItems: number;
  /** One link per role that had guests: guests have no account to re-attach, so they re-join. */
  invites: Array<{ role: MemberRole; token: string; maxUses: number; expiresAt: number }>;
}

/**
 * Starts a follow-up assessment (docs/report.md "Follow-up"): same institution and rubric (its
 * current version), same settings but no rating deadline; the caller becomes facilitator; every active member with an
 * account is carried over with their role, perspective and display name; guests get invite links
 * (one per role, as many uses as there were guests of that role); the action plan is copied with
 * its statuses as the starting point. One transaction, audited on both workshops.
 */
export function startFollowUp(
  db: Db,
  access: MemberAccess,
  input: { title: string; rubricVersion: string; now: number },
): FollowUpResult {
  const previous = access.workshop;
  const { now } = input;
  return db.transaction((tx) => {
    const created = insertWorkshop(tx as unknown as Db, {
      title: input.title,
      institutionId: previous.institutionId,
      rubricId: previous.rubricId,
      rubricVersion: input.rubricVersion,
      // The previous cycle's rating deadline is over; a new one is the facilitator's to set (ROOM12).
      settings: { ...readSettings(previous.settings), ratingDeadline: null },
      userId: access.user.id,
      now,
    });
    tx.update(workshops).set({ previousWorkshopId: previous.id }).where(eq(workshops.id, created.id)).run();
    const workshop = { ...created, previousWorkshopId: previous.id };

    const me = addMember(tx as unknown as Db, {
      workshopId: workshop.id,
      userId: access.user.id,
      displayName: access.member.displayName,
      role: 'facilitator',
      perspective: access.member.perspective,
      now,
    });
    const others = tx
      .select({ member: members, kind: users.kind })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.workshopId, previous.id), isNull(members.removedAt)))
      .orderBy(members.createdAt, members.id)
      .all()
      .filter((r) => r.member.userId !== access.user.id);
    let carriedMembers = 0;
    const guestsByRole = new Map<MemberRole, number>();
    for (const { member, kind } of others) {
      if (kind === 'account') {
        addMember(tx as unknown as Db, {
          workshopId: workshop.id,
          userId: member.userId,
          displayName: member.displayName,
          role: member.role,
          perspective: member.perspective,
          now,
        });
        carriedMembers++;
      } else {
        guestsByRole.set(member.role, (guestsByRole.get(member.role) ?? 0) + 1);
      }
    }
    const invites = [...guestsByRole].map(([role, maxUses]) => {
      const expiresAt = now + FOLLOW_UP_INVITE_TTL_MS;
      const { token } = createInvite(tx as unknown as Db, { workshopId: workshop.id, role, perspective: null, expiresAt, maxUses, createdBy: me.id, now });
      return { role, token, maxUses, expiresAt };
    });

    const plan = tx.select().from(actionItems).where(eq(actionItems.workshopId, previous.id)).all();
    for (const item of plan) {
      tx.insert(actionItems)
        .values({ ...item, id: newId(), workshopId: workshop.id, copiedFromId: item.id, createdBy: me.id, createdAt: now, updatedAt: now })
        .run();
    }

    const summary = { previousWorkshopId: previous.id, followUpWorkshopId: workshop.id, carriedMembers, copiedActionItems: plan.length, inviteRoles: [...guestsByRole.keys()] };
    const actor = { at: now, actorUserId: access.user.id, target: workshop.id, after: summary };
    recordAudit(tx as unknown as Db, { ...actor, workshopId: previous.id, actorMemberId: access.member.id, actorRole: access.member.role, action: 'workshop.follow_up_started' });
    recordAudit(tx as unknown as Db, { ...actor, workshopId: workshop.id, actorMemberId: me.id, actorRole: me.role, action: 'workshop.created_as_follow_up' });
    return { workshop, carriedMembers, copiedActionItems: plan.length, invites };
  });
}
