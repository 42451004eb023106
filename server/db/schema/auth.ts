
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
 * Sessions as Lucia's guide teaches: the id is the SHA-256 (hex) of the random token, so a leaked
 * database does not leak usable tokens. expiresAt slides on use; absoluteExpiresAt never moves.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
    absoluteExpiresAt: integer('absolute_expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

