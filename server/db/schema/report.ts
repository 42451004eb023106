import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members, workshops } from './workshops';

/**
 * One item of a workshop's action plan: what the team will do on a dimension to reach a target
 * stage. Unlike consensus rows these stay editable after finalize (a living plan); every create,
 * update and delete is audited instead. A follow-up workshop starts with copies (copiedFromId).
 */
export const actionItems = sqliteTable(
  'action_items',
  {
    id: text('id').primaryKey(),
    workshopId: text('workshop_id')
      .notNull()
      .references(() => workshops.id),
    dimensionId: text('dimension_id').notNull(),
    /** A stage id of the workshop's rubric. */
    targetStage: text('target_stage').notNull(),
    actions: text('actions').notNull(),
    /** Free text (a person, an office): typed by a facilitator, never derived from member names. */
    owner: text('owner').notNull().default(''),
    /** ISO date (YYYY-MM-DD) or null. */
    dueDate: text('due_date'),
    status: text('status', { enum: ['not-started', 'in-progress', 'done', 'dropped'] }).notNull(),
    /** The item of the previous workshop this one was copied from by a follow-up. */
    copiedFromId: text('copied_from_id'),
    createdBy: text('created_by').references(() => members.id),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('action_items_workshop_idx').on(t.workshopId, t.dimensionId)],
);
