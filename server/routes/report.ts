import { Hono } from 'hono';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { institutionRoutes } from '../institutions/routes';
import { actionPlanRoutes } from '../report/actionPlanRoutes';
import { followUpRoutes } from '../report/followUpRoutes';
import { type ReportRouteOptions, reportExportRoutes } from '../report/routes';

export interface ReportFeatureOptions extends ReportRouteOptions {
  consensusFor?: (workshopId: string) => Map<string, ConsensusState>;
}

/** The report feature: report + exports, action plan, institutions, follow-ups. Mounted under /api. */
export function reportRoutes(deps: AppDeps, options: ReportFeatureOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', reportExportRoutes(deps, options));
  app.route('/', actionPlanRoutes(deps));
  app.route('/', followUpRoutes(deps, options));
  app.route('/', institutionRoutes(deps, options.consensusFor));
  return app;
}
