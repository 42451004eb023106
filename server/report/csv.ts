import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from './types';

export const CSV_COLUMNS = [
  'record_type',
  'institution',
  'workshop_id',
  'workshop_title',
  'rubric_id',
  'rubric_version',
  'category',
  'dimension_id',
  'dimension',
  'participant',
  'perspective',
  'first_round_stage',
  'stage',
  'stage_label',
  'rationale',
  'dissent',
  'next_steps',
  'locked',
  'locked_at',
  'content_hash',
  'not_assessed_reason',
] as const;
type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/**
 * Formula injection (CWE-1236): a spreadsheet runs a cell starting with = + - @ (or tab / CR, which
 * some programs strip first) as a formula, so `=HYPERLINK(…)` typed as a rationale could exfiltrate
 * data when a provost opens the file. Prefixing a single quote makes the cell plain text.
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One row per individual rating and one per dimension's consensus (every dimension, so the file
 * always lists the whole rubric), plus a `note` row when nothing is rated. UTF-8 with a BOM so
 * Excel detects the encoding.
 */
export function reportToCsv(model: ReportModel): string {
  const rows: Row[] = [];
  const base = {
    institution: model.institution.name,
    workshop_id: model.workshop.id,
    workshop_title: model.workshop.title,
    rubric_id: model.rubric.id,
    rubric_version: model.rubric.version,
  };
  const empty = { participant: '', perspective: '', first_round_stage: '', rationale: '', dissent: '', next_steps: '' };
  const none = { locked: '', locked_at: '', content_hash: '', not_assessed_reason: '' };
  if (!model.hasRatings) {
    rows.push({
      ...base,
      ...empty,
      ...none,
      record_type: 'note',
      category: '',
      dimension_id: '',
      dimension: '',
      stage: '',
      stage_label: '',
      rationale: 'No ratings yet',
    });
  }
  for (const category of model.categories) {
    for (const d of category.dimensions) {
      const where = { category: category.title, dimension_id: d.id, dimension: d.title };
      for (const r of d.ratings) {
        rows.push({
          ...base,
          ...where,
          ...empty,
          ...none,
          record_type: 'rating',
          participant: r.participant,
          perspective: r.perspective,
          first_round_stage: r.firstRoundStage ?? '',
          stage: r.stage ?? '',
          stage_label: r.stageLabel ?? '',
          rationale: r.rationale,
        });
      }
      const c = d.consensus;
      rows.push({
        ...base,
        ...where,
        ...empty,
        record_type: 'consensus',
        stage: c?.stage ?? '',
        stage_label: c?.stageLabel ?? '',
        rationale: c?.rationale ?? '',
        dissent: c?.dissent ?? '',
        next_steps: c?.nextSteps ?? '',
        locked: c?.locked ? 'yes' : 'no',
        locked_at: c?.lockedAt ? new Date(c.lockedAt).toISOString() : '',
        content_hash: c?.contentHash ?? '',
        not_assessed_reason: c?.notAssessedReason ?? '',
      });
    }
  }
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: inertCell },
  });
}
