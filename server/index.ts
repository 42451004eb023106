import path from 'node:path';
import { readConfig } from './config';
import { startServer } from './startServer';

/** The composition root: the only place that reads the environment, listens and handles signals. */
const config = readConfig();
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({ config, clientDir: path.resolve('dist/client') });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
// e2e tests and scripts parse this line: keep its wording.
console.log(`LER Workshop listening on http://localhost:${server.port} (data in ${config.dataDir})`);

let shuttingDown = false;
function shutdown(signal: string): void {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: shutting down`);
  // Flush every accepted update, close sockets with 1001, then the database.
  server.close().then(
    () => process.exit(0),
    (err) => {
      console.error('shutdown failed', err);
      process.exit(1);
    },
  );
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
