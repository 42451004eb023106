import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubricFile, RUBRIC_DIR } from './loader';
import type { Rubric } from './schema';

/**
 * Proves rubric/ler-engagement.json is the seed text, verbatim. The seed is parsed here on its own
 * terms (prose lines, then tab-separated table rows), independently of how the JSON was written, and
 * each side is checked against the other: every JSON text comes from the seed, every seed cell is in
 * the JSON.
 */

const SEED_FILE = path.join(RUBRIC_DIR, 'sources', 'ler-engagement.seed.txt');
const RUBRIC_FILE = path.join(RUBRIC_DIR, 'ler-engagement.json');
const ORIGINAL_SEED_NAME = '000_b0e79141dfe0f415.txt';

/** The one place the JSON differs from the printed text; see the rubric's `source` note. */
const LAYOUT_FIXES: Record<string, string> = { 'Standard-ization': 'Standardization' };

const seed = fs.readFileSync(SEED_FILE, 'utf8');
const rubric: Rubric = loadRubricFile(RUBRIC_FILE);

interface SeedRow {
  category: string;
  dimension: string;
  foundation: string;
  cells: [string, string, string];
}

function parseSeed(text: string) {
  const lines = text.split('\n');
  const prose = lines.filter((l) => l.trim() !== '' && !l.includes('\t'));
  const table = lines.filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  const headers = table.filter((r) => r[2] === 'LER Foundation');
  const definitions = table.filter((r) => r[0] === '' && r[1] === '' && r[2] === '');
  const body = table.filter((r) => !headers.includes(r) && !definitions.includes(r));
  const rows: SeedRow[] = [];
  let category = '';
  for (const r of body) {
    // An empty first column continues the category above (a merged cell in the printed table).
    if (r[0]) category = r[0];
    rows.push({
      category,
      dimension: r[1] ?? '',
      foundation: r[2] ?? '',
      cells: [r[3] ?? '', r[4] ?? '', r[5] ?? ''],
    });
  }
  return { prose, table, headers, definitions, rows };
}

const parsed = parseSeed(seed);

function renderedCell(
  dimension: Rubric['categories'][number]['dimensions'][number],
  stageId: string,
): string {
  const label = dimension.stageLabels?.[stageId];
  const description = dimension.stages[stageId] ?? '';
  return label ? `${label} ${description}` : description;
}

describe('the seed as parsed by this test', () => {
  it('has the shape the notes describe, so a parsing slip cannot pass the checks below vacuously', () => {
    expect(parsed.table.every((r) => r.length === 6)).toBe(true);
    expect(parsed.headers.length).toBeGreaterThanOrEqual(1);
    expect(parsed.definitions.length).toBeGreaterThanOrEqual(1);
    expect(parsed.rows).toHaveLength(9);
    expect(new Set(parsed.rows.map((r) => r.category)).size).toBe(6);
  });
});

describe('rubric/ler-engagement.json is verbatim from the seed', () => {
  it('title, introduction paragraphs and stages heading are the prose lines, in order', () => {
    expect([rubric.title, ...rubric.introduction, rubric.stagesHeading]).toEqual(parsed.prose);
  });

  it('the header row gives the foundation heading and the stage labels (every header copy agrees)', () => {
    for (const header of parsed.headers) {
      expect(header).toEqual(['', '', rubric.foundationHeading, ...rubric.stages.map((s) => s.label)]);
    }
    expect(rubric.stages.map((s) => [s.id, s.label])).toEqual([
      ['new-emerging', 'New/Emerging'],
      ['developing', 'Developing'],
      ['effective-practice', 'Effective Practice'],
    ]);
  });

  it('each stage description is the general definition in the row under the header', () => {
    for (const definition of parsed.definitions) {
      expect(definition.slice(3)).toEqual(rubric.stages.map((s) => s.description));
    }
  });

  it('categories, dimensions, foundations and stage cells match the table row by row', () => {
    const dimensions = rubric.categories.flatMap((c) => c.dimensions.map((d) => ({ c, d })));
    expect(dimensions).toHaveLength(parsed.rows.length);
    parsed.rows.forEach((row, i) => {
      const { c, d } = dimensions[i]!;
      expect(c.title).toBe(row.category);
      // A category printed with no dimension column has a single dimension named like the category.
      const expectedTitle =
        row.dimension === '' ? row.category : (LAYOUT_FIXES[row.dimension] ?? row.dimension);
      expect(d.title).toBe(expectedTitle);
      expect(d.foundation).toBe(row.foundation);
      expect(rubric.stages.map((s) => renderedCell(d, s.id))).toEqual(row.cells);
    });
  });

  it('Workforce Partnerships splits PULSE / PARTNERSHIPS / PIPELINES off the cell text', () => {
    const wp = rubric.categories.find((c) => c.id === 'workforce-partnerships')!.dimensions[0]!;
    expect(wp.stageLabels).toEqual({
      'new-emerging': 'PULSE',
      developing: 'PARTNERSHIPS',
      'effective-practice': 'PIPELINES',
    });
    expect(Object.values(wp.stages).every((s) => !/^(PULSE|PARTNERSHIPS|PIPELINES)\b/.test(s))).toBe(true);
  });

  it('every non-empty seed cell is represented in the JSON', () => {
    const represented = new Set<string>([rubric.foundationHeading ?? '']);
    for (const s of rubric.stages) represented.add(s.label).add(s.description);
    for (const c of rubric.categories) {
      represented.add(c.title);
      for (const d of c.dimensions) {
        represented.add(d.foundation);
        represented.add(Object.entries(LAYOUT_FIXES).find(([, fixed]) => fixed === d.title)?.[0] ?? d.title);
        for (const s of rubric.stages) represented.add(renderedCell(d, s.id));
      }
    }
    const missing = parsed.table.flat().filter((cell) => cell !== '' && !represented.has(cell));
    expect(missing).toEqual([]);
  });

  it('every text in the JSON is a whole seed line or cell (or a label/description split of one)', () => {
    const seedTexts = new Set([...parsed.prose, ...parsed.table.flat(), ...Object.values(LAYOUT_FIXES)]);
    for (const cell of parsed.table.flat()) {
      const m = /^(PULSE|PARTNERSHIPS|PIPELINES) (.+)$/s.exec(cell);
      if (m) seedTexts.add(m[1]!).add(m[2]!);
    }
    // ids, version and the source note are ours, not the tool's; every other string must be the tool's.
    const notFromSeed: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (typeof value === 'string') {
        if (!seedTexts.has(value)) notFromSeed.push(`${at}: ${value}`);
      } else if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${at}[${i}]`);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value))
          if (!['id', 'version', 'source'].includes(k)) walk(v, `${at}.${k}`);
      }
    };
    walk(JSON.parse(fs.readFileSync(RUBRIC_FILE, 'utf8')), '');
    expect(notFromSeed).toEqual([]);
  });

  it('keeps the printed punctuation the tool uses, not a normalised one', () => {
    const json = fs.readFileSync(RUBRIC_FILE, 'utf8');
    expect(json).toContain('(K–12, postsecondary'); // en dash, as printed in Sharing
    expect(json).toContain('(K-12, social services'); // hyphen, as printed in Workforce Partnerships
    expect(json).toContain('(e.g. clinical placements'); // no comma after e.g., as printed
  });

  it('uses the stable dimension and category ids that URLs, exports and stored ratings rely on', () => {
    expect(rubric.id).toBe('ler-engagement');
    expect(rubric.version).toBe('1.0');
    expect(rubric.allowNotSure).toBe(true);
    expect(rubric.categories.map((c) => c.id)).toEqual([
      'faculty-engagement-and-development',
      'workforce-partnerships',
      'student-support',
      'data',
      'technical-capacity',
      'infrastructure-policies-and-processes',
    ]);
    expect(rubric.categories.flatMap((c) => c.dimensions.map((d) => d.id))).toEqual([
      'learning-evaluation',
      'curricular-flexibility',
      'workforce-partnerships',
      'student-support',
      'standardization',
      'sharing',
      'systems',
      'digital-readiness',
      'infrastructure-policies-and-processes',
    ]);
  });
});

describe('the in-repo seed copy', () => {
  // The handed-over material sits beside the checkout; a user's fresh clone has no ../shared.
  const original = [path.resolve(RUBRIC_DIR, '..', '..', 'shared', 'seed'), '/work/shared/seed']
    .map((dir) => path.join(dir, ORIGINAL_SEED_NAME))
    .find((file) => fs.existsSync(file));

  it.skipIf(!original)('is byte-identical to the original seed file', () => {
    expect(fs.readFileSync(SEED_FILE).equals(fs.readFileSync(original!))).toBe(true);
  });
});
