import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC_ID,
  formatPath,
  loadRubricFile,
  loadRubrics,
  RUBRIC_DIR,
  RubricError,
} from './loader';
import { allDimensions, type Rubric } from './schema';

/** A minimal valid rubric; each test breaks one thing. */
function minimalRubric(): Rubric {
  return {
    id: 'tiny',
    version: '1',
    title: 'Tiny rubric',
    source: 'Written for the loader tests.',
    introduction: [],
    stages: [
      { id: 'low', label: 'Low', description: 'Just starting' },
      { id: 'high', label: 'High', description: 'Doing it well' },
    ],
    categories: [
      {
        id: 'only',
        title: 'Only',
        dimensions: [
          { id: 'dim', title: 'Dim', foundation: 'Why it matters', stages: { low: 'a', high: 'b' } },
        ],
      },
    ],
    allowNotSure: false,
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(fn: () => unknown): RubricError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RubricError) return err;
    throw err;
  }
  throw new Error('expected a RubricError, but nothing was thrown');
}

describe('loadRubricFile', () => {
  it('accepts a minimal valid rubric', () => {
    const file = write('tiny.json', minimalRubric());
    expect(loadRubricFile(file).id).toBe('tiny');
  });

  it('names the file and the exact field path of a bad field, and says how to check again', () => {
    const rubric = minimalRubric();
    (rubric.categories[0]!.dimensions[0] as { foundation: string }).foundation = '';
    const file = write('bad.json', rubric);
    const err = errorOf(() => loadRubricFile(file));
    expect(err.file).toBe(file);
    expect(err.field).toBe('categories[0].dimensions[0].foundation');
    expect(err.message).toContain(file);
    expect(err.message).toContain('categories[0].dimensions[0].foundation: must not be empty');
    expect(err.message).toContain(`npm run rubric -- validate ${file}`);
  });

  it('lists every problem, not just the first', () => {
    const rubric = minimalRubric() as unknown as Record<string, unknown>;
    rubric.version = 'one';
    rubric.colour = 'blue';
    const err = errorOf(() => loadRubricFile(write('bad.json', rubric)));
    expect(err.problems.map((p) => p.field).sort()).toEqual(['(root)', 'version']);
    expect(err.message).toContain('colour');
  });

  it('refuses text with stray whitespace rather than trimming it, so what loads is what the file says', () => {
    const rubric = minimalRubric();
    rubric.stages[0]!.description = 'Just starting ';
    const err = errorOf(() => loadRubricFile(write('ws.json', rubric)));
    expect(err.field).toBe('stages[0].description');
  });

  it('refuses a dimension missing a stage description or naming an unknown stage', () => {
    const rubric = minimalRubric();
    rubric.categories[0]!.dimensions[0]!.stages = { low: 'a', middle: 'x' };
    const err = errorOf(() => loadRubricFile(write('stages.json', rubric)));
    const fields = err.problems.map((p) => p.field);
    expect(fields).toContain('categories[0].dimensions[0].stages.high');
    expect(fields).toContain('categories[0].dimensions[0].stages.middle');
  });

  it('refuses a stage label for an unknown stage', () => {
    const rubric = minimalRubric();
    rubric.categories[0]!.dimensions[0]!.stageLabels = { nope: 'NOPE' };
    expect(errorOf(() => loadRubricFile(write('labels.json', rubric))).field).toBe(
      'categories[0].dimensions[0].stageLabels.nope',
    );
  });

  it('refuses duplicate dimension ids across categories, and duplicate stage and category ids', () => {
    const rubric = minimalRubric();
    rubric.stages.push({ ...rubric.stages[0]! });
    rubric.categories.push(structuredClone(rubric.categories[0]!));
    const err = errorOf(() => loadRubricFile(write('dup.json', rubric)));
    expect(err.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'duplicate stage id "low"',
        'duplicate category id "only"',
        'duplicate dimension id "dim"',
      ]),
    );
  });

  it('reports malformed JSON as a problem with the file', () => {
    const file = write('broken.json', '{"id": ');
    const err = errorOf(() => loadRubricFile(file));
    expect(err.field).toBe('(file)');
    expect(err.message).toContain(file);
  });
});

describe('loadRubrics', () => {
  it('loads every top-level *.json and ignores subfolders and other files', () => {
    write('tiny.json', minimalRubric());
    write('notes.txt', 'not a rubric');
    fs.mkdirSync(path.join(dir, 'sources'));
    fs.writeFileSync(path.join(dir, 'sources', 'other.json'), '{}');
    expect([...loadRubrics(dir).keys()]).toEqual(['tiny']);
  });

  it('refuses two files with the same rubric id, naming both', () => {
    const first = write('a.json', minimalRubric());
    const second = write('b.json', minimalRubric());
    const err = errorOf(() => loadRubrics(dir));
    expect(err.file).toBe(second);
    expect(err.field).toBe('id');
    expect(err.message).toContain(`duplicate rubric id "tiny", already used by ${first}`);
  });

  it('refuses to load the directory when any one rubric is invalid', () => {
    write('a.json', minimalRubric());
    write('b.json', { ...minimalRubric(), id: 'other', stages: [] });
    expect(errorOf(() => loadRubrics(dir)).field).toBe('stages');
  });

  it('loads the real rubric directory, with the default LER rubric and its nine dimensions', () => {
    const rubrics = loadRubrics(RUBRIC_DIR);
    const ler = rubrics.get(DEFAULT_RUBRIC_ID);
    expect(ler?.title).toBe('LER Engagement and Implementation Tool');
    expect(allDimensions(ler!)).toHaveLength(9);
    expect(allDimensions(ler!)[4]).toMatchObject({
      id: 'standardization',
      categoryId: 'data',
      categoryTitle: 'Data',
    });
  });
});

describe('formatPath', () => {
  it('writes array indexes in brackets, the way a JSON reader finds them', () => {
    expect(formatPath(['categories', 2, 'dimensions', 0, 'stages', 'new-emerging'])).toBe(
      'categories[2].dimensions[0].stages.new-emerging',
    );
    expect(formatPath([])).toBe('(root)');
  });
});
