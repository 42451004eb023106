import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PERSPECTIVES } from '../../shared/domain';
import { createGuest } from '../auth/users';
import { type Database_, openDatabase } from '../db/client';
import { createInvite, findInviteByToken, hashInviteToken, inviteState, takeInviteUse } from './invites';
import { addMember } from './members';
import { createInstitution, insertWorkshop } from './repo';

describe('invite repository', () => {
  let database: Database_;
  let workshopId: string;
  let memberId: string;
  const now = 1_800_000_000_000;

  beforeEach(() => {
    database = openDatabase(':memory:');
    const { db } = database;
    const user = createGuest(db, { name: 'Fay', now });
    const inst = createInstitution(db, { name: 'X', userId: user.id, now });
    workshopId = insertWorkshop(db, {
      title: 'W',
      institutionId: inst.id,
      rubricId: 'r',
      rubricVersion: '1',
      settings: {
        anonymity: 'named',
        allowNotSure: true,
        autoReveal: false,
        ratingDeadline: null,
        perspectives: [...DEFAULT_PERSPECTIVES],
      },
      userId: user.id,
      now,
    }).id;
    memberId = addMember(db, {
      workshopId,
      userId: user.id,
      displayName: 'Fay',
      role: 'facilitator',
      perspective: 'Other',
      now,
    }).id;
  });
  afterEach(() => database.close());

  const make = (over: { expiresAt?: number | null; maxUses?: number | null } = {}) =>
    createInvite(database.db, {
      workshopId,
      role: 'participant',
      perspective: null,
      expiresAt: null,
      maxUses: null,
      createdBy: memberId,
      now,
      ...over,
    });

  it('INV1: stores the SHA-256 of the token and finds the invite by the token', () => {
    const { token, invite } = make();
    expect(invite.tokenHash).toBe(hashInviteToken(token));
    expect(invite.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(findInviteByToken(database.db, token)?.id).toBe(invite.id);
    expect(findInviteByToken(database.db, `${token}x`)).toBeUndefined();
  });

  it('INV3: the conditional update hands out exactly maxUses uses', () => {
    const { invite } = make({ maxUses: 3 });
    const taken = Array.from({ length: 6 }, () => takeInviteUse(database.db, invite.id, now));
    expect(taken).toEqual([true, true, true, false, false, false]);
    const row = database.sqlite.prepare('select uses from invites where id = ?').get(invite.id) as {
      uses: number;
    };
    expect(row.uses).toBe(3);
  });

  it('INV3: no use is taken from an expired or revoked invite, even if the caller checked earlier', () => {
    const expiring = make({ expiresAt: now + 10 }).invite;
    expect(takeInviteUse(database.db, expiring.id, now + 10)).toBe(false);
    const revoked = make().invite;
    database.sqlite.prepare('update invites set revoked_at = ? where id = ?').run(now, revoked.id);
    expect(takeInviteUse(database.db, revoked.id, now)).toBe(false);
  });

  it('INV2: state names why an invite no longer works, revoked first', () => {
    const { invite } = make({ expiresAt: now + 10, maxUses: 1 });
    expect(inviteState(invite, now)).toBe('active');
    expect(inviteState({ ...invite, uses: 1 }, now)).toBe('used-up');
    expect(inviteState(invite, now + 10)).toBe('expired');
    expect(inviteState({ ...invite, revokedAt: now }, now + 10)).toBe('revoked');
  });
});
