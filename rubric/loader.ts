import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { type Rubric, rubricSchema } from './schema';

/**
 * Where rubrics live. Every top-level `*.json` here is loaded as a rubric, so sources and other
 * material go in subfolders (e.g. `sources/`).
 */
export const RUBRIC_DIR = path.dirname(fileURLToPath(import.meta.url));

export const DEFAULT_RUBRIC_ID = 'ler-engagement';

export interface RubricProblem {
  /** Field path, e.g. `categories[2].dimensions[0].foundation`; `(file)` when the file is unreadable. */
  field: string;
  message: string;
}

/** A rubric file that cannot be used. The message names the file, each bad field, and what to do. */
export class RubricError extends Error {
  readonly field: string;
  constructor(
    readonly file: string,
    readonly problems: readonly [RubricProblem, ...RubricProblem[]],
  ) {
    const lines = problems.map((p) => `  ${p.field}: ${p.message}`);
    super(
      `Invalid rubric ${file}:\n${lines.join('\n')}\n` +
        `Fix the file (format: docs/rubrics.md), then check it with: npm run rubric -- validate ${file}`,
    );
    this.name = 'RubricError';
    this.field = problems[0].field;
  }
}

/** `['categories', 2, 'id']` → `categories[2].id`: the way an author finds it in the JSON. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out || '(root)';
}

function problemsOf(error: z.ZodError): [RubricProblem, ...RubricProblem[]] {
  const [first, ...rest] = error.issues.map((i) => ({ field: formatPath(i.path), message: i.message }));
  // A failed parse always has at least one issue; the fallback only satisfies the type.
  return [first ?? { field: '(root)', message: 'invalid' }, ...rest];
}

/** Parses and validates one rubric file; throws RubricError naming the file and the field. */
export function loadRubricFile(file: string): Rubric {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RubricError(file, [
      { field: '(file)', message: err instanceof Error ? err.message : String(err) },
    ]);
  }
  const parsed = rubricSchema.safeParse(raw);
  if (!parsed.success) throw new RubricError(file, problemsOf(parsed.error));
  return parsed.data;
}

/** Loads every top-level `*.json` rubric in the directory, in file-name order; refuses duplicate ids. */
export function loadRubrics(dir: string = RUBRIC_DIR): Map<string, Rubric> {
  const rubrics = new Map<string, Rubric>();
  const fileOfId = new Map<string, string>();
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const rubric = loadRubricFile(file);
    const other = fileOfId.get(rubric.id);
    if (other)
      throw new RubricError(file, [
        {
          field: 'id',
          message: `duplicate rubric id "${rubric.id}", already used by ${other}; give each rubric its own id`,
        },
      ]);
    fileOfId.set(rubric.id, file);
    rubrics.set(rubric.id, rubric);
  }
  return rubrics;
}
