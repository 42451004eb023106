import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { workshops } from './workshops';

/**
 * A dimension's reveal: when, by whom (null = auto-reveal), and the first-round ratings as they
 * stood at that moment (memberId → stage id, "not-sure" or null). Later rating changes are the
 * current round; this row keeps the first round for the record. One row per revealed dimension.
 */
export const reveals = sqliteTable(
  'reveals',
  {
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    dimensionId: text('dimension_id').notNull(),
    revealedAt: integer('revealed_at', { mode: 'number' }).notNull(),
    revealedBy: text('revealed_by'),
    firstRound: text('first_round', { mode: 'json' }).$type<Record<string, string | null>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.dimensionId] })],
);

/** The room's focus: the spotlighted dimension and the countdown timer. One row per workshop. */
export const roomFocus = sqliteTable('room_focus', {
  workshopId: text('workshop_id')
    .primaryKey()
    .references(() => workshops.id),
  spotlight: text('spotlight'),
  timerEndsAt: integer('timer_ends_at', { mode: 'number' }),
  timerLabel: text('timer_label').notNull().default(''),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
});
