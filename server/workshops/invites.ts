import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { MemberRole } from '../../shared/domain';
import { generateSecureRandomString, hashSecret } from '../auth/token';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { invites } from '../db/schema';

export type InviteRow = typeof invites.$inferSelect;
export type InviteState = 'active' | 'expired' | 'revoked' | 'used-up';

/** Invite tokens are looked up by hash: the database never holds a working link. */
export function hashInviteToken(token: string): string {
  return encodeHexLowerCase(hashSecret(token));
}

export function createInvite(
  db: Db,
  input: {
    workshopId: string;
    role: MemberRole;
    perspective: string | null;
    expiresAt: number | null;
    maxUses: number | null;
    createdBy: string;
    now: number;
  },
): { token: string; invite: InviteRow } {
  // 32 characters × 5 bits = 160 bits: unguessable, so the link itself is the capability.
  const token = generateSecureRandomString(32);
  const invite: InviteRow = {
    id: newId(),
    workshopId: input.workshopId,
    tokenHash: hashInviteToken(token),
    role: input.role,
    perspective: input.perspective,
    expiresAt: input.expiresAt,
    maxUses: input.maxUses,
    uses: 0,
    revokedAt: null,
    createdBy: input.createdBy,
    createdAt: input.now,
  };
  db.insert(invites).values(invite).run();
  return { token, invite };
}

export function findInviteByToken(db: Db, token: string): InviteRow | undefined {
  if (token.length === 0 || token.length > 100) return undefined;
  return db
    .select()
    .from(invites)
    .where(eq(invites.tokenHash, hashInviteToken(token)))
    .get();
}

export function findInvite(db: Db, workshopId: string, inviteId: string): InviteRow | undefined {
  return db
    .select()
    .from(invites)
    .where(and(eq(invites.workshopId, workshopId), eq(invites.id, inviteId)))
    .get();
}

export function listInvites(db: Db, workshopId: string): InviteRow[] {
  return db
    .select()
    .from(invites)
    .where(eq(invites.workshopId, workshopId))
    .orderBy(desc(invites.createdAt))
    .all();
}

export function inviteState(invite: InviteRow, now: number): InviteState {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt !== null && now >= invite.expiresAt) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used-up';
  return 'active';
}

/**
 * Takes one use if the invite is still usable, in a single conditional UPDATE: two redemptions
 * racing for the last use cannot both succeed (no over-redemption), on SQLite or PostgreSQL.
 */
export function takeInviteUse(db: Db, inviteId: string, now: number): boolean {
  const res = db
    .update(invites)
    .set({ uses: sql`${invites.uses} + 1` })
    .where(
      and(
        eq(invites.id, inviteId),
        isNull(invites.revokedAt),
        or(isNull(invites.expiresAt), gt(invites.expiresAt, now)),
        or(isNull(invites.maxUses), lt(invites.uses, invites.maxUses)),
      ),
    )
    .run();
  return res.changes === 1;
}

export function revokeInvite(db: Db, inviteId: string, now: number): void {
  db.update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.id, inviteId), isNull(invites.revokedAt)))
    .run();
}

export function inviteJson(invite: InviteRow, now: number) {
  return {
    id: invite.id,
    role: invite.role,
    perspective: invite.perspective,
    expiresAt: invite.expiresAt,
    maxUses: invite.maxUses,
    uses: invite.uses,
    revokedAt: invite.revokedAt,
    createdAt: invite.createdAt,
    state: inviteState(invite, now),
  };
}
