import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { type ReportRouteOptions, reportExportRoutes } from '../report/routes';

/** The report feature: report + exports, action plan, institutions, follow-ups. Mounted under /api. */
export function reportRoutes(deps: AppDeps, options: ReportRouteOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', reportExportRoutes(deps, options));
  return app;
}
