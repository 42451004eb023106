import type { Database_ } from '../db/client';
import { consensusDrafts } from '../db/schema';
import { conflict } from '../http/errors';
import { requireOpenWorkshop } from '../workshops/access';
import { auditAction } from '../workshops/actions';
import { type Actor, inTransaction } from './guards';
import { activeLock, type DraftRow, readDraft } from './records';

export interface DraftInput {
  stage: string;
  rationale: string;
  dissent?: string | undefined;
  nextSteps?: string | undefined;
}

function content(row: DraftRow | undefined) {
  return row
    ? { stage: row.stage, rationale: row.rationale, dissent: row.dissent, nextSteps: row.nextSteps }
    : null;
}

/**
 * Creates or replaces the draft consensus of a dimension. Refused while the dimension is locked
 * (SPEC LOCK5 — also a trigger) and once the workshop is finalized (LOCK6). Omitted optional fields
 * keep their stored value, so a client sending only stage + rationale never wipes the dissent.
 */
export function saveDraft(
  database: Database_,
  p: { workshopId: string; dimensionId: string; actor: Actor; now: number; input: DraftInput },
): DraftRow {
  const { db } = database;
  return inTransaction(database, () => {
    requireOpenWorkshop(db, p.workshopId);
    if (activeLock(db, p.workshopId, p.dimensionId)) {
      throw conflict('This consensus is locked. Unlock it (with a reason) before editing.');
    }
    const before = readDraft(db, p.workshopId, p.dimensionId);
    const values = {
      stage: p.input.stage,
      rationale: p.input.rationale,
      dissent: p.input.dissent ?? before?.dissent ?? '',
      nextSteps: p.input.nextSteps ?? before?.nextSteps ?? '',
      updatedAt: p.now,
      updatedBy: p.actor.memberId,
    };
    const row = db
      .insert(consensusDrafts)
      .values({ workshopId: p.workshopId, dimensionId: p.dimensionId, revision: 1, ...values })
      .onConflictDoUpdate({ target: [consensusDrafts.workshopId, consensusDrafts.dimensionId], set: values })
      .returning()
      .get();
    auditAction(db, p, {
      action: 'consensus.edit',
      target: p.dimensionId,
      before: content(before),
      after: { ...content(row), revision: row.revision },
    });
    return row;
  });
}
