import { Hono } from 'hono';
import { auditQuerySchema } from '../../shared/consensusApi';
import { AnonymityMode } from '../../shared/domain';
import { auditNames } from '../audit/auditNames';
import { listAudit } from '../audit/listAudit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { describeRoute } from '../http/openapi';
import { parseWith } from '../http/validate';
import { workshopRubric } from '../report/load';
import { requireMember } from '../workshops/access';
import { readSettings } from '../workshops/settings';

describeRoute({
  method: 'get',
  path: '/api/workshops/{id}/audit',
  summary:
    'The audit log, newest first: when, who (member, role at the time + account), what, target, before/after, and readable names for the ids it holds. ?before=<id>&limit=',
  tag: 'audit',
  auth: 'facilitator of the workshop',
  responses: {
    200: { description: 'One page of entries and the cursor of the next' },
    400: { description: 'Bad query' },
    403: { description: 'Not a facilitator' },
    404: { description: 'No such workshop' },
  },
});

export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/workshops/:id/audit', (c) => {
    const id = c.req.param('id');
    const { workshop } = requireMember(deps, c, id, ['facilitator']);
    const query = parseWith(auditQuerySchema, c.req.query());
    const anonymous = readSettings(workshop.settings).anonymity !== AnonymityMode.named;
    const page = listAudit(deps.database.db, { workshopId: id, anonymous, ...query });
    const rubric = workshopRubric(deps, workshop);
    return c.json({ ...page, names: auditNames(deps.database.db, { workshop, rubric, anonymous }, page.entries) });
  });
  return app;
}
