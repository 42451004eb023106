import { allDimensions, type Rubric, type RubricDimension } from '../../rubric/schema';
import type { Database_ } from '../db/client';
import { badRequest, conflict, notFound } from '../http/errors';

export type { Actor } from '../workshops/actions';

/** The dimension of the workshop's rubric, or 404 — ids from the URL are never trusted. */
export function rubricDimension(
  rubrics: ReadonlyMap<string, Rubric>,
  rubricId: string,
  dimensionId: string,
): RubricDimension {
  const rubric = rubrics.get(rubricId);
  const dimension = rubric ? allDimensions(rubric).find((d) => d.id === dimensionId) : undefined;
  if (!dimension) throw notFound(`Dimension "${dimensionId}"`);
  return dimension;
}

/** 400 unless `stage` is one of the rubric's stages ("not sure" is a rating, never a consensus). */
export function assertRubricStage(rubric: Rubric | undefined, stage: string): void {
  if (!rubric?.stages.some((s) => s.id === stage)) {
    const ids = rubric?.stages.map((s) => s.id).join(', ') ?? '';
    throw badRequest(`stage: "${stage}" is not a stage of this rubric (one of: ${ids}).`);
  }
}

/**
 * Runs `fn` in one IMMEDIATE transaction: the write lock is taken up front, so check-then-write
 * sequences cannot interleave even across connections. better-sqlite3 is synchronous, so within
 * one process concurrent requests run their transactions one after another.
 * A trigger or UNIQUE refusal (the database's own guard, SPEC LOCK2/LOCK3/LOCK6) becomes a 409.
 */
export function inTransaction<T>(database: Database_, fn: () => T): T {
  try {
    return database.sqlite.transaction(fn).immediate();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      code.startsWith('SQLITE_CONSTRAINT_') &&
      code !== 'SQLITE_CONSTRAINT_FOREIGNKEY'
    ) {
      throw conflict(`Refused by the database: ${(err as Error).message}`);
    }
    throw err;
  }
}
