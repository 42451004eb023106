import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadRubricFile, RubricError } from './loader';
import { allDimensions } from './schema';

/** Where the CLI writes; tests pass their own to capture output without spawning a process. */
export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE =
  'Usage: npm run rubric -- validate FILE [FILE...]\n  Checks rubric JSON files against the format in docs/rubrics.md.';

export const ExitCode = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** `rubric validate FILE...`: prints a one-line summary per valid file, the full problem list otherwise. */
export function main(
  argv: readonly string[],
  io: CliOutput = { out: console.log, err: console.error },
): ExitCode {
  const [command, ...files] = argv;
  if (command !== 'validate' || files.length === 0) {
    io.err(command && command !== 'validate' ? `Unknown command "${command}".\n${USAGE}` : USAGE);
    return ExitCode.usage;
  }
  let code: ExitCode = ExitCode.ok;
  for (const file of files) {
    try {
      const rubric = loadRubricFile(file);
      io.out(
        `OK ${rubric.id} v${rubric.version}: ${rubric.categories.length} categories, ${allDimensions(rubric).length} dimensions`,
      );
    } catch (err) {
      // Only a RubricError is an author's mistake; anything else is a bug and should crash loudly.
      if (!(err instanceof RubricError)) throw err;
      io.err(err.message);
      code = ExitCode.invalid;
    }
  }
  return code;
}

// Run only when executed (tsx rubric/cli.ts), not when a test imports main().
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  process.exitCode = main(process.argv.slice(2));
}
