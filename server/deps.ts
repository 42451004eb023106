import type { Rubric } from '../rubric/schema';
import type { Config } from './config';
import type { Database_ } from './db/client';
import type { RealtimeBridge } from './realtime/bridge';
import type { DeadlineScheduler } from './room/deadlineScheduler';

/** Everything the app needs from outside; tests pass their own (in-memory db, fixed clock). */
export interface AppDeps {
  config: Config;
  database: Database_;
  /** Rubrics by id, validated at start. */
  rubrics: ReadonlyMap<string, Rubric>;
  realtime: RealtimeBridge;
  /** Epoch ms; injectable so expiry logic is testable without waiting. */
  now: () => number;
  /**
   * Reveals at each workshop's rating deadline (ROOM12); routes tell it when a deadline changes.
   * The running server always has one; tests without it simply have no deadline timers.
   */
  deadlines?: DeadlineScheduler;
}
