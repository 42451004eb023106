import type { ConsensusState } from '../../../shared/docs/workshopDoc';
import type { Db } from '../../db/client';

/** Where consensus comes from; injectable so tests (and the consensus team's work) can supply it. */
export type ConsensusSource = (db: Db, workshopId: string) => Map<string, ConsensusState>;

/** Where the projector reports ignored entries and failed actions. */
export interface ProjectionLog {
  warn(message: string, details?: Record<string, unknown>): void;
}

export const consoleProjectionLog: ProjectionLog = {
  warn: (message, details) => console.warn(`[projection] ${message}`, details ?? ''),
};
