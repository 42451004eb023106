// Part of `npm start`: build the client if dist/client is missing or older than its sources. The
// server itself is then exec'd by the npm script (not spawned from here), so a SIGTERM from a
// supervisor reaches the server directly and it can flush and close cleanly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { newestMtime } from './newestMtime.mjs';

const builtIndex = 'dist/client/index.html';
const sources = Math.max(newestMtime('client'), newestMtime('shared'), newestMtime('rubric'));
if (!fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < sources) {
  console.log('Building the client…');
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
