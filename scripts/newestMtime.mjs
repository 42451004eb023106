import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time (ms) of any file under `dir`: how the start scripts tell a build is stale. */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
