import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { requiredLineText } from '../http/textSchemas';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import { Limits } from '../../shared/domain';
import { consensusForWorkshopDoc } from '../consensus/forWorkshopDoc';
import type { AppDeps } from '../deps';
import { workshops } from '../db/schema';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { describeRoute } from '../http/openapi';
import { readJson } from '../http/validate';
import { requireMember } from '../workshops/access';
import { getInstitution, workshopJson } from '../workshops/repo';
import { listActionItems } from './actionItems';
import { compareConsensus } from './comparison';
import { startFollowUp } from './followUp';
import { workshopRubric } from './load';

export const followUpSchema = z.strictObject({ title: requiredLineText(Limits.titleMax).optional() });

describeRoute({
  method: 'post',
  path: '/api/workshops/{id}/follow-up',
  summary: 'Start a follow-up assessment: same institution and rubric, members carried over, action plan copied',
  tag: 'report',
  auth: 'facilitator',
  body: followUpSchema,
  responses: {
    201: { description: '{workshop, carriedMembers, copiedActionItems, invites:[{role,url,maxUses,expiresAt}]}' },
    400: { description: 'Invalid title' },
    403: { description: 'Not a facilitator' },
    404: { description: 'No such workshop' },
  },
});
describeRoute({
  method: 'get',
  path: '/api/workshops/{id}/comparison',
  summary: "Previous vs current consensus per dimension (direction) and the previous action items' outcomes",
  tag: 'report',
  auth: 'any member of the (current) workshop',
  responses: { 200: { description: 'The comparison' }, 403: { description: 'Not a member' }, 404: { description: 'No such workshop, or not a follow-up' } },
});

export interface FollowUpRouteOptions {
  /** Replaces the consensus source (tests staging consensus before its producer exists). */
  consensusFor?: (workshopId: string) => Map<string, ConsensusState>;
}

export function followUpRoutes(deps: AppDeps, options: FollowUpRouteOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;
  const consensusOf = options.consensusFor ?? ((id: string) => consensusForWorkshopDoc(db, id));

  app.post('/workshops/:id/follow-up', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const body = await readJson(c, followUpSchema);
    const rubric = workshopRubric(deps, access.workshop);
    const result = startFollowUp(db, access, {
      title: body.title ?? `${access.workshop.title} (follow-up)`.slice(0, Limits.titleMax),
      rubricVersion: rubric.version,
      now: deps.now(),
    });
    await deps.realtime.workshopChanged(result.workshop.id);
    const origin = new URL(c.req.url).origin;
    return c.json(
      {
        workshop: workshopJson(result.workshop, getInstitution(db, result.workshop.institutionId)),
        carriedMembers: result.carriedMembers,
        copiedActionItems: result.copiedActionItems,
        // The tokens are shown once, here, like any new invite.
        invites: result.invites.map((i) => ({ ...i, url: `${origin}/join/${i.token}` })),
      },
      201,
    );
  });

  app.get('/workshops/:id/comparison', (c) => {
    const { workshop } = requireMember(deps, c, c.req.param('id'));
    const previousId = workshop.previousWorkshopId;
    const previous = previousId ? db.select().from(workshops).where(eq(workshops.id, previousId)).get() : undefined;
    if (!previous) throw notFound('A previous assessment of this workshop');
    return c.json(
      compareConsensus(
        workshopRubric(deps, workshop),
        { previous: previous.id, current: workshop.id },
        consensusOf(previous.id),
        consensusOf(workshop.id),
        listActionItems(db, previous.id),
      ),
    );
  });

  return app;
}
