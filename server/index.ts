import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadRubrics } from '../rubric/loader';
import { createApp } from './app';
import { readConfig } from './config';
import { databaseFile, openDatabase } from './db/client';
import { nullRealtimeBridge } from './realtime/bridge';
import { mountClient } from './static';

/** The composition root: the only place that reads the environment and listens. */
const config = readConfig();
let rubrics: ReturnType<typeof loadRubrics>;
try {
  rubrics = loadRubrics();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
const database = openDatabase(databaseFile(config.dataDir));
const app = createApp({ config, database, rubrics, realtime: nullRealtimeBridge, now: Date.now });
mountClient(app, path.resolve('dist/client'));

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`LER Workshop listening on http://localhost:${info.port} (data in ${config.dataDir})`);
});

function shutdown(signal: string): void {
  console.log(`${signal}: shutting down`);
  server.close(() => {
    database.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
