import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionItems } from '../db/schema';
import type { ActionItem } from './types';

export type ActionItemRow = typeof actionItems.$inferSelect;

export function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    dimensionId: row.dimensionId,
    targetStage: row.targetStage,
    actions: row.actions,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status,
    copiedFromId: row.copiedFromId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The workshop's action plan in a stable order: by dimension, then creation. */
export function listActionItems(db: Db, workshopId: string): ActionItem[] {
  return db
    .select()
    .from(actionItems)
    .where(eq(actionItems.workshopId, workshopId))
    .orderBy(asc(actionItems.dimensionId), asc(actionItems.createdAt), asc(actionItems.id))
    .all()
    .map(toActionItem);
}

export function readActionItem(db: Db, workshopId: string, itemId: string): ActionItemRow | undefined {
  return db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.workshopId, workshopId), eq(actionItems.id, itemId)))
    .get();
}
