import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only record of every facilitator action and refused write. Triggers forbid UPDATE/DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workshopId: text('workshop_id').notNull(),
    at: integer('at', { mode: 'number' }).notNull(),
    actorMemberId: text('actor_member_id'),
    actorUserId: text('actor_user_id'),
    /**
     * The actor's member role when the row was written (roles change later: demotion, handoff).
     * Null for rows written before this column existed, and when there is no acting member.
     */
    actorRole: text('actor_role', { enum: ['facilitator', 'participant', 'observer'] }),
    action: text('action').notNull(),
    target: text('target'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('audit_workshop_idx').on(t.workshopId, t.id)],
);
