import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * `--baseline <rev>`: our server as another commit built it, run beside this checkout's in the same
 * run, taking its turn in the slices like any other server. On this 2-core machine two runs of the
 * same build differ by up to 3× at the tail (docs/benchmarks.md item 27), so "did this change help"
 * is only answerable by measuring both builds in the same minutes.
 *
 * The commit's files are exported once into `<workDir>/baseline-<sha>` (with `git archive`, so no
 * worktree is registered) and use this checkout's node_modules: compare commits whose dependencies
 * are the same. A directory holding a checkout is used as it is.
 */
export function baselineCheckout(rev: string, repoRoot: string, workDir: string): string {
  if (existsSync(path.join(rev, 'server', 'index.ts'))) return path.resolve(rev);
  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(`--baseline: "${rev}" is neither a commit of this repository nor a checkout folder`);
  }
  const dir = path.join(workDir, `baseline-${sha.slice(0, 12)}`);
  if (existsSync(path.join(dir, 'server', 'index.ts'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', sha], {
      cwd: repoRoot,
      maxBuffer: 1 << 30,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return dir;
}
