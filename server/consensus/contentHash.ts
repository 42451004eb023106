import { createHash } from 'node:crypto';
import type { RatingSnapshot } from '../db/schema/consensus';

/** Everything a lock seals. The hash covers all of it, so changing any field is detectable. */
export interface LockContent {
  workshopId: string;
  dimensionId: string;
  revision: number;
  stage: string;
  rationale: string;
  dissent: string;
  nextSteps: string;
  finalRatings: RatingSnapshot;
  firstRound: RatingSnapshot;
  lockedAt: number;
  lockedBy: string;
}

/**
 * JSON with object keys sorted at every level, so the same content always gives the same bytes —
 * whatever order a JSON column or a Map happened to produce after a restart.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of a lock's content. */
export function lockContentHash(content: LockContent): string {
  const { workshopId, dimensionId, revision, stage, rationale, dissent, nextSteps } = content;
  const { finalRatings, firstRound, lockedAt, lockedBy } = content;
  // Rebuilt field by field: a row object carrying extra columns (id, contentHash) must hash the same.
  const sealed = {
    workshopId,
    dimensionId,
    revision,
    stage,
    rationale,
    dissent,
    nextSteps,
    finalRatings,
    firstRound,
    lockedAt,
    lockedBy,
  };
  return createHash('sha256').update(canonicalJson(sealed), 'utf8').digest('hex');
}
