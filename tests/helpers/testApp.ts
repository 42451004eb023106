import { loadRubrics } from '../../rubric/loader';
import { createApp } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import { type Database_, openDatabase } from '../../server/db/client';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import { DeadlineScheduler } from '../../server/room/deadlineScheduler';

export const TEST_ORIGIN = 'http://localhost';

/**
 * A network-free app on a private in-memory database, for `app.request()` tests.
 * `now` is a mutable clock so expiry can be tested without waiting. `deadlines: true` adds the
 * rating-deadline scheduler the real server runs (ROOM12); its failures land in `deadlineErrors`,
 * and `close()` then returns a promise (it waits for a reveal in progress).
 */
export function makeTestApp(options: { config?: Partial<Config>; realtime?: RealtimeBridge; deadlines?: boolean } = {}) {
  const database: Database_ = openDatabase(':memory:');
  const clock = { now: Date.now() };
  const rubrics = loadRubrics();
  const realtime = options.realtime ?? nullRealtimeBridge;
  const now = () => clock.now;
  const deadlineErrors: unknown[] = [];
  const deadlines = options.deadlines
    ? new DeadlineScheduler({ database, rubrics, realtime, now, onError: (_id, err) => deadlineErrors.push(err) })
    : undefined;
  const app = createApp({ config: testConfig(options.config), database, rubrics, realtime, now, deadlines });
  const close = deadlines
    ? async () => {
        await deadlines.stop();
        database.close();
      }
    : () => database.close();
  return { app, database, clock, deadlines, deadlineErrors, close };
}
