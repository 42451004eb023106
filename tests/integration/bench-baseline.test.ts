import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineCheckout } from '../bench/servers/baseline';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const workDir = mkdtempSync(path.join(tmpdir(), 'bench-baseline-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('bench --baseline checkout', () => {
  it("exports a commit's files once, with this checkout's node_modules", () => {
    const dir = baselineCheckout('HEAD', repoRoot, workDir);
    expect(path.dirname(dir)).toBe(workDir);
    expect(readFileSync(path.join(dir, 'server', 'index.ts'), 'utf8')).toBe(
      readFileSync(path.join(repoRoot, 'server', 'index.ts'), 'utf8'),
    );
    expect(realpathSync(path.join(dir, 'node_modules'))).toBe(
      realpathSync(path.join(repoRoot, 'node_modules')),
    );
    const exportedAt = statSync(path.join(dir, 'server', 'index.ts')).mtimeMs;
    // Asked again (a later run), the export is reused rather than redone.
    expect(baselineCheckout('HEAD', repoRoot, workDir)).toBe(dir);
    expect(statSync(path.join(dir, 'server', 'index.ts')).mtimeMs).toBe(exportedAt);
  });

  it('takes a checkout folder as it is', () => {
    expect(baselineCheckout(repoRoot, repoRoot, workDir)).toBe(repoRoot);
  });

  it('says what is wrong with a name that is neither', () => {
    expect(() => baselineCheckout('no-such-commit-anywhere', repoRoot, workDir)).toThrow(
      /neither a commit of this repository nor a checkout folder/,
    );
    // Nothing was exported for it: the only export is the first test's.
    expect(readdirSync(workDir).filter((f) => f.startsWith('baseline-'))).toHaveLength(1);
  });
});
