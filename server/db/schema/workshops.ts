import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

/** An institution: the workshops assessing it form its history. */
export const institutions = sqliteTable('institutions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  system: text('system'),
  state: text('state'),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at', { mode: 'number' }).notNull(),
});

export const workshops = sqliteTable(
  'workshops',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: text('rubric_version').notNull(),
    status: text('status', { enum: ['open', 'finalized', 'archived'] }).notNull(),
    /** JSON of WorkshopSettings (server/workshops/settings.ts): anonymity, allowNotSure, deadline, … */
    settings: text('settings', { mode: 'json' }).notNull(),
    /** The earlier assessment this one follows up, if any. */
    previousWorkshopId: text('previous_workshop_id'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
    finalizedAt: integer('finalized_at', { mode: 'number' }),
  },
  (t) => [index('workshops_institution_idx').on(t.institutionId)],
);

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['facilitator', 'participant', 'observer'] }).notNull(),
    perspective: text('perspective').notNull(),
    /** Stable pseudonym ("Participant 4") shown in anonymous modes. */
    pseudonym: text('pseudonym').notNull(),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    removedAt: integer('removed_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('members_workshop_user_idx').on(t.workshopId, t.userId), index('members_user_idx').on(t.userId)],
);

export const invites = sqliteTable(
  'invites',
  {
    id: text('id').primaryKey(),
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    /** SHA-256 (hex) of the invite token; the token itself is shown once, to its creator. */
    tokenHash: text('token_hash').notNull().unique(),
    role: text('role', { enum: ['facilitator', 'participant', 'observer'] }).notNull(),
    perspective: text('perspective'),
    expiresAt: integer('expires_at', { mode: 'number' }),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    revokedAt: integer('revoked_at', { mode: 'number' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('invites_workshop_idx').on(t.workshopId)],
);
