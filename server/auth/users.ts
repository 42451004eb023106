import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { users } from '../db/schema';
import type { UserRecord } from './types';

/** Emails compare case-insensitively: "Ana@X.edu" and "ana@x.edu" are one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserRecord(row: typeof users.$inferSelect): UserRecord {
  return { id: row.id, kind: row.kind, email: row.email, name: row.name };
}

export function findAccountByEmail(db: Db, email: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
}

export function createAccount(
  db: Db,
  input: { email: string; name: string; passwordHash: string; now: number },
): UserRecord {
  const row = {
    id: newId(),
    kind: 'account' as const,
    email: normalizeEmail(input.email),
    name: input.name,
    passwordHash: input.passwordHash,
    createdAt: input.now,
  };
  db.insert(users).values(row).run();
  return toUserRecord(row);
}

/**
 * Turns a guest (joined by link) into an account in place, so the workshops they joined stay
 * theirs. Returns null if the row is no longer a guest.
 */
export function upgradeGuest(
  db: Db,
  userId: string,
  input: { email: string; name: string; passwordHash: string },
): UserRecord | null {
  const row = db
    .update(users)
    .set({
      kind: 'account',
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: input.passwordHash,
    })
    .where(and(eq(users.id, userId), eq(users.kind, 'guest')))
    .returning()
    .get();
  return row ? toUserRecord(row) : null;
}

export function createGuest(db: Db, input: { name: string; now: number }): UserRecord {
  const row = {
    id: newId(),
    kind: 'guest' as const,
    email: null,
    name: input.name,
    passwordHash: null,
    createdAt: input.now,
  };
  db.insert(users).values(row).run();
  return toUserRecord(row);
}
