import type { ConsensusState } from '../../shared/docs/workshopDoc';
import type { Db } from '../db/client';

/**
 * The consensus state of every dimension of a workshop, as the workshop doc shows it
 * (dimensionId → state). The projection calls this whenever the workshop's DB facts change.
 * Placeholder until the consensus feature lands: no consensus anywhere.
 */
export function consensusForWorkshopDoc(_db: Db, _workshopId: string): Map<string, ConsensusState> {
  return new Map();
}
