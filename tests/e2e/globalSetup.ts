import fs from 'node:fs';
import path from 'node:path';
import { serverBuildIsStale } from '../../scripts/build-server.mjs';

/**
 * Fails the e2e project at once, with the fix in the message, instead of letting every test time
 * out: the browser tests need the system Chromium and a built client (the server serves dist/client).
 */
export default function setup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary. playwright-core never downloads one.',
    );
  }
  const index = path.resolve('dist/client/index.html');
  if (!fs.existsSync(index)) {
    throw new Error(
      `The client is not built (${index} is missing). Run \`npm run build\` first ` +
        '(`npm test` and `npm run test:e2e` do it for you).',
    );
  }
  if (serverBuildIsStale()) {
    throw new Error(
      'The server build (dist/server) is missing or older than its sources. Run `npm run build` first ' +
        '(`npm test` and `npm run test:e2e` do it for you).',
    );
  }
}
