import type { ConsensusState } from '../../shared/docs/workshopDoc';
import type { Db } from '../db/client';
import { workshopConsensusRows } from './records';

/**
 * The consensus state of every dimension of a workshop, as the workshop doc shows it
 * (dimensionId → state). The projection calls this whenever the workshop's DB facts change.
 * A locked dimension shows the sealed lock row — never the draft — so what everyone sees is
 * exactly what the hash covers (SPEC LOCK5). Dimensions with no draft, lock or mark are absent.
 */
export function consensusForWorkshopDoc(db: Db, workshopId: string): Map<string, ConsensusState> {
  const rows = workshopConsensusRows(db, workshopId);
  const unlocked = new Set(rows.unlocks.map((u) => u.lockId));
  const out = new Map<string, ConsensusState>();
  const dimensionIds = new Set(
    [...rows.drafts, ...rows.locks, ...rows.notAssessed].map((r) => r.dimensionId),
  );
  for (const dimensionId of dimensionIds) {
    const draft = rows.drafts.find((d) => d.dimensionId === dimensionId);
    // rows.locks is in id order, so the last lock without an unlock is the one in force.
    const lock = rows.locks.filter((l) => l.dimensionId === dimensionId && !unlocked.has(l.id)).at(-1);
    const mark = rows.notAssessed.find((n) => n.dimensionId === dimensionId);
    const source = lock ?? draft;
    out.set(dimensionId, {
      stage: source?.stage ?? null,
      rationale: source?.rationale ?? '',
      dissent: source?.dissent ?? '',
      nextSteps: source?.nextSteps ?? '',
      updatedAt: lock?.lockedAt ?? draft?.updatedAt ?? mark?.markedAt ?? 0,
      locked: lock !== undefined,
      lockedAt: lock?.lockedAt ?? null,
      revision: lock?.revision ?? draft?.revision ?? 1,
      contentHash: lock?.contentHash ?? null,
      notAssessedReason: mark?.reason ?? null,
    });
  }
  return out;
}

/** Dimensions whose consensus is locked now: a reveal must leave them alone (ROOM3, PROJ3). */
export function lockedDimensionIds(db: Db, workshopId: string): Set<string> {
  return new Set([...consensusForWorkshopDoc(db, workshopId)].filter(([, s]) => s.locked).map(([id]) => id));
}
