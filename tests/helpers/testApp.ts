import { loadRubrics } from '../../rubric/loader';
import { createApp } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import { type Database_, openDatabase } from '../../server/db/client';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';

export const TEST_ORIGIN = 'http://localhost';

/**
 * A network-free app on a private in-memory database, for `app.request()` tests.
 * `now` is a mutable clock so expiry can be tested without waiting.
 */
export function makeTestApp(options: { config?: Partial<Config>; realtime?: RealtimeBridge } = {}) {
  const database: Database_ = openDatabase(':memory:');
  const clock = { now: Date.now() };
  const app = createApp({
    config: testConfig(options.config),
    database,
    rubrics: loadRubrics(),
    realtime: options.realtime ?? nullRealtimeBridge,
    now: () => clock.now,
  });
  return { app, database, clock, close: () => database.close() };
}
