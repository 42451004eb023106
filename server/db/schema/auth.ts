
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A person. Accounts have an email and password hash; guests (joined by invite link with only a
 * name) have neither. Both get sessions the same way, so every request has exactly one user.
 */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['account', 'guest'] }).notNull(),
  email: text('email').unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  createdAt: integer('created_at', { mode: 'number' }).notNull(),
});

/**
 * Sessions as Lucia's current guide teaches: the token is `<id>.<secret>`; we store the id and the
 * SHA-256 of the secret only, so a leaked database (or backup) holds no usable token, and the secret
 * is compared in constant time after a lookup by id, so lookup timing reveals nothing about it.
 * expiresAt slides on use (idle timeout); absoluteExpiresAt never moves.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
    absoluteExpiresAt: integer('absolute_expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

