import type { Context } from 'hono';
import { Hono } from 'hono';
import { allDimensions } from '../../rubric/schema';
import { consensusDraftBodySchema, handoffBodySchema, reasonBodySchema } from '../../shared/consensusApi';
import { saveDraft } from '../consensus/draft';
import { finalizeWorkshop } from '../consensus/finalize';
import { assertRubricStage, rubricDimension } from '../consensus/guards';
import { handOffFacilitation } from '../consensus/handoff';
import { lockConsensus, unlockConsensus } from '../consensus/lock';
import { clearNotAssessed, markNotAssessed } from '../consensus/notAssessed';
import { raterIds, ratingsSnapshot } from '../consensus/ratingsSnapshot';
import { consensusRecords, lockView } from '../consensus/view';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { describeRoute } from '../http/openapi';
import { readJson } from '../http/validate';
import { requireMember } from '../workshops/access';
import { actionBy } from '../workshops/actions';

const DIM = '/workshops/{id}/dimensions/{dimensionId}';
const facilitator = 'facilitator of the workshop';
const errors = {
  400: { description: 'Invalid body' },
  403: { description: 'Not a facilitator of this workshop' },
  404: { description: 'No such workshop or dimension' },
  409: { description: 'Locked, not locked, or the workshop is finalized' },
};
const doc = (method: 'get' | 'post' | 'put' | 'delete', path: string, summary: string, extra = {}) =>
  describeRoute({
    method,
    path: `/api${path}`,
    summary,
    tag: 'consensus',
    auth: facilitator,
    responses: { 200: { description: 'Done' }, ...errors },
    ...extra,
  });

doc('put', `${DIM}/consensus`, 'Save the draft consensus of a dimension (everyone sees it live)', {
  body: consensusDraftBodySchema,
});
doc(
  'get',
  '/workshops/{id}/consensus',
  'Every dimension: draft, lock in force, content hash, revision history',
  { auth: 'any member' },
);
doc(
  'post',
  `${DIM}/lock`,
  'Lock the consensus: an immutable, hash-sealed record with the final and first-round ratings (needs a draft and a reveal)',
  {
    responses: {
      200: { description: '{lock}' },
      ...errors,
      409: { description: 'No draft, not revealed yet, already locked, marked not assessed, or finalized' },
    },
  },
);
doc('post', `${DIM}/unlock`, 'Unlock with a reason: a new revision; the old lock stays in the history', {
  body: reasonBodySchema,
});
doc(
  'post',
  `${DIM}/not-assessed`,
  'Mark the dimension "not assessed" (with a reason), accepted by finalize',
  { body: reasonBodySchema },
);
doc('delete', `${DIM}/not-assessed`, 'Remove the "not assessed" mark');
doc('post', '/workshops/{id}/finalize', 'Finalize: every dimension locked or not assessed; then read-only');
doc(
  'post',
  '/workshops/{id}/handoff',
  'Hand the facilitator role to another member and become a participant',
  { body: handoffBodySchema },
);

/** The facilitator's membership and the dimension named in the URL (403 before 404, per PERM1). */
function dimensionAccess(deps: AppDeps, c: Context<AppEnv>) {
  const { id, dimensionId } = c.req.param() as { id: string; dimensionId: string };
  const access = requireMember(deps, c, id, ['facilitator']);
  rubricDimension(deps.rubrics, access.workshop.rubricId, dimensionId);
  return { access, dimensionId, ...actionBy(access, deps.now()) };
}

export function consensusRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { database } = deps;
  const changed = (id: string) => deps.realtime.workshopChanged(id);

  app.put('/workshops/:id/dimensions/:dimensionId/consensus', async (c) => {
    const a = dimensionAccess(deps, c);
    const body = await readJson(c, consensusDraftBodySchema);
    assertRubricStage(deps.rubrics.get(a.access.workshop.rubricId), body.stage);
    const row = saveDraft(database, { ...a, input: body });
    await changed(a.workshopId);
    return c.json({ draft: row });
  });

  app.get('/workshops/:id/consensus', (c) => {
    const id = c.req.param('id');
    const { workshop } = requireMember(deps, c, id);
    const rubric = deps.rubrics.get(workshop.rubricId);
    const dimensionIds = rubric ? allDimensions(rubric).map((d) => d.id) : [];
    return c.json({
      workshopId: id,
      status: workshop.status,
      dimensions: consensusRecords(database.db, id, dimensionIds),
    });
  });

  app.post('/workshops/:id/dimensions/:dimensionId/lock', async (c) => {
    const a = dimensionAccess(deps, c);
    const rubric = deps.rubrics.get(a.access.workshop.rubricId)!;
    // Read the member docs before the (synchronous) transaction: the transaction itself cannot await.
    const ratings = await deps.realtime.memberRatings(a.workshopId);
    const raters = raterIds(database.db, a.workshopId);
    const finalRatings = ratingsSnapshot(
      ratings,
      a.dimensionId,
      raters,
      rubric.stages.map((s) => s.id),
    );
    const row = lockConsensus(database, { ...a, now: deps.now(), finalRatings });
    await changed(a.workshopId);
    return c.json({ lock: lockView(row, undefined) });
  });

  app.post('/workshops/:id/dimensions/:dimensionId/unlock', async (c) => {
    const a = dimensionAccess(deps, c);
    const { reason } = await readJson(c, reasonBodySchema);
    const result = unlockConsensus(database, { ...a, reason });
    await changed(a.workshopId);
    return c.json(result);
  });

  app.post('/workshops/:id/dimensions/:dimensionId/not-assessed', async (c) => {
    const a = dimensionAccess(deps, c);
    const { reason } = await readJson(c, reasonBodySchema);
    markNotAssessed(database, { ...a, reason });
    await changed(a.workshopId);
    return c.json({ notAssessed: { reason } });
  });

  app.delete('/workshops/:id/dimensions/:dimensionId/not-assessed', async (c) => {
    const a = dimensionAccess(deps, c);
    clearNotAssessed(database, a);
    await changed(a.workshopId);
    return c.json({ notAssessed: null });
  });

  app.post('/workshops/:id/finalize', async (c) => {
    const id = c.req.param('id');
    const access = requireMember(deps, c, id, ['facilitator']);
    const rubric = deps.rubrics.get(access.workshop.rubricId);
    const dimensionIds = rubric ? allDimensions(rubric).map((d) => d.id) : [];
    const result = finalizeWorkshop(database, { dimensionIds, ...actionBy(access, deps.now()) });
    await changed(id);
    return c.json({ status: 'finalized', ...result });
  });

  app.post('/workshops/:id/handoff', async (c) => {
    const id = c.req.param('id');
    const access = requireMember(deps, c, id, ['facilitator']);
    const { memberId } = await readJson(c, handoffBodySchema);
    handOffFacilitation(database, { toMemberId: memberId, ...actionBy(access, deps.now()) });
    await changed(id);
    return c.json({ facilitator: memberId, you: 'participant' });
  });

  return app;
}
