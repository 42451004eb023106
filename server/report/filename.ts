import type { ReportModel } from './types';

/**
 * `attachment; filename="ler-report-<institution>-<date>.<ext>"`. The slug is ASCII only: a quote,
 * CR/LF or non-Latin name must never break the header (header injection), and every browser accepts
 * a plain ASCII filename.
 */
export function attachmentHeader(model: ReportModel, ext: 'json' | 'csv' | 'pdf'): string {
  const slug =
    model.institution.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'workshop';
  const date = model.generatedAt.slice(0, 10);
  return `attachment; filename="ler-report-${slug}-${date}.${ext}"`;
}
