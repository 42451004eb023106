import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode, main } from './cli';
import { RUBRIC_DIR } from './loader';

const LER_FILE = path.join(RUBRIC_DIR, 'ler-engagement.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function invalidFile(): string {
  const rubric = JSON.parse(fs.readFileSync(LER_FILE, 'utf8'));
  rubric.categories[1].dimensions[0].stages.developing = '';
  const file = path.join(tmp, 'broken.json');
  fs.writeFileSync(file, JSON.stringify(rubric));
  return file;
}

describe('rubric CLI main()', () => {
  it('validate FILE prints a one-line summary of a valid rubric and exits 0', () => {
    expect(run(['validate', LER_FILE])).toEqual({
      code: ExitCode.ok,
      out: 'OK ler-engagement v1.0: 6 categories, 9 dimensions',
      err: '',
    });
  });

  it('prints the RubricError (file and field) for an invalid rubric and exits 1', () => {
    const file = invalidFile();
    const result = run(['validate', file]);
    expect(result.code).toBe(ExitCode.invalid);
    expect(result.out).toBe('');
    expect(result.err).toContain(`Invalid rubric ${file}`);
    expect(result.err).toContain('categories[1].dimensions[0].stages.developing: must not be empty');
  });

  it('checks every file given and fails if any one is invalid', () => {
    const result = run(['validate', LER_FILE, invalidFile()]);
    expect(result.code).toBe(ExitCode.invalid);
    expect(result.out).toContain('OK ler-engagement');
  });

  it.each([[[]], [['validate']], [['check', LER_FILE]]])('exits 2 with usage for %j', (argv) => {
    const result = run(argv);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('Usage: npm run rubric -- validate FILE');
  });
});

describe('rubric CLI as a process', () => {
  // One spawn proves the entry-point wiring (argv slicing, exit code) that main() tests cannot see.
  const tsx = path.join(RUBRIC_DIR, '..', 'node_modules', '.bin', 'tsx');
  const cli = path.join(RUBRIC_DIR, 'cli.ts');

  it('exits 0 for a valid file and 1 for an invalid one', () => {
    const ok = spawnSync(tsx, [cli, 'validate', LER_FILE], { encoding: 'utf8' });
    expect(ok.stdout.trim()).toBe('OK ler-engagement v1.0: 6 categories, 9 dimensions');
    expect(ok.status).toBe(0);
    const bad = spawnSync(tsx, [cli, 'validate', invalidFile()], { encoding: 'utf8' });
    expect(bad.stderr).toContain('stages.developing');
    expect(bad.status).toBe(1);
  }, 30_000);
});
