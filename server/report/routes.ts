import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { describeRoute } from '../http/openapi';
import { requireMember, type WorkshopRow } from '../workshops/access';
import type { ReportSource } from './input';
import { reportToCsv } from './csv';
import { attachmentHeader } from './filename';
import { loadReport } from './load';
import type { ReportModel } from './types';

const forMembers = 'any member of the workshop (observers too)';
const errors = { 401: { description: 'Not signed in' }, 403: { description: 'Not a member' }, 404: { description: 'No such workshop' } };
for (const [suffix, summary] of [
  ['', 'The report as JSON, for the report page (live until finalized)'],
  ['.json', 'Download the report as JSON (rubric id/version, schemaVersion)'],
  ['.csv', 'Download the report as CSV: one row per rating and per consensus (UTF-8 with BOM)'],
  ['.pdf', 'Download the report as a tagged PDF with charts'],
] as const) {
  describeRoute({
    method: 'get',
    path: `/api/workshops/{id}/report${suffix}`,
    summary,
    tag: 'report',
    auth: forMembers,
    responses: { 200: { description: 'The report' }, ...errors },
  });
}

export interface ReportRouteOptions {
  /** Replaces the database-backed source (tests that stage facts whose producers are elsewhere). */
  sourceFor?: (workshopId: string) => ReportSource;
}

/** The report and its exports. All read-only; every one starts with the membership check. */
export function reportExportRoutes(deps: AppDeps, options: ReportRouteOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const load = (workshop: WorkshopRow) => loadReport(deps, workshop, options.sourceFor?.(workshop.id));

  app.get('/workshops/:id/report', async (c) => {
    const { workshop } = requireMember(deps, c, c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return c.json(await load(workshop));
  });

  /** A download: the same membership check, a file name from the report, never cached. */
  const download = (
    ext: 'json' | 'csv' | 'pdf',
    contentType: string,
    render: (model: ReportModel) => Promise<string | Uint8Array<ArrayBuffer>> | string,
  ) =>
    app.get(`/workshops/:id/report.${ext}`, async (c) => {
      const { workshop } = requireMember(deps, c, c.req.param('id'));
      const model = await load(workshop);
      return c.body(await render(model), 200, {
        'Content-Type': contentType,
        'Content-Disposition': attachmentHeader(model, ext),
        'Cache-Control': 'no-store',
      });
    });

  download('json', 'application/json; charset=utf-8', (model) => `${JSON.stringify(model, null, 2)}\n`);
  download('csv', 'text/csv; charset=utf-8', reportToCsv);
  download('pdf', 'application/pdf', async (model) => {
    // Loaded on the first PDF, not at start: pdfkit and its fonts are ~20 MB of a server's memory
    // that most servers need a few times a year (measured: RSS of `import('pdfkit')`).
    const { reportToPdf } = await import('./pdf/render');
    return new Uint8Array(await reportToPdf(model));
  });

  return app;
}
