import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Rubric, rubricSchema } from './schema';

export const RUBRIC_DIR = path.dirname(fileURLToPath(import.meta.url));

export class RubricError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`Invalid rubric ${file}: ${field}: ${detail}`);
    this.name = 'RubricError';
  }
}

/** Parses and validates one rubric file; throws RubricError naming the file and the field. */
export function loadRubricFile(file: string): Rubric {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RubricError(file, '(file)', err instanceof Error ? err.message : String(err));
  }
  const parsed = rubricSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RubricError(file, issue.path.join('.') || '(root)', issue.message);
  }
  return parsed.data;
}

/** Loads every `*.json` rubric in the directory; refuses duplicates. */
export function loadRubrics(dir: string = RUBRIC_DIR): Map<string, Rubric> {
  const rubrics = new Map<string, Rubric>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const rubric = loadRubricFile(file);
    if (rubrics.has(rubric.id)) throw new RubricError(file, 'id', `duplicate rubric id "${rubric.id}"`);
    rubrics.set(rubric.id, rubric);
  }
  return rubrics;
}

export const DEFAULT_RUBRIC_ID = 'ler-engagement';
