import { Hono } from 'hono';
import { z } from 'zod';
import { ApiErrorCode } from '../../shared/apiError';
import { DEFAULT_RUBRIC_ID } from '../../rubric/loader';
import { allDimensions, type Rubric, rubricSchema } from '../../rubric/schema';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { describeRoute } from '../http/openapi';

const rubricSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  dimensionCount: z.number().int(),
  stageCount: z.number().int(),
});
const listResponse = z.object({ rubrics: z.array(rubricSummary) });
const detailResponse = z.object({ rubric: rubricSchema });

function summarize(rubric: Rubric): z.infer<typeof rubricSummary> {
  return {
    id: rubric.id,
    version: rubric.version,
    title: rubric.title,
    dimensionCount: allDimensions(rubric).length,
    stageCount: rubric.stages.length,
  };
}

/**
 * The rubrics the server loaded at start. Public, no session needed: the rubric text is published
 * material, and the join page shows it before a person has signed in.
 */
export function rubricRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  // Default first (a picker preselects it), then by title; computed once, the set never changes.
  const summaries = [...deps.rubrics.values()]
    .sort(
      (a, b) =>
        Number(b.id === DEFAULT_RUBRIC_ID) - Number(a.id === DEFAULT_RUBRIC_ID) ||
        a.title.localeCompare(b.title),
    )
    .map(summarize);

  describeRoute({
    method: 'get',
    path: '/api/rubrics',
    tag: 'rubrics',
    summary: 'List the available rubrics (the default rubric first)',
    auth: 'anyone',
    responses: { 200: { description: 'The rubrics', schema: listResponse } },
  });
  r.get('/rubrics', (c) => c.json({ rubrics: summaries }));

  describeRoute({
    method: 'get',
    path: '/api/rubrics/{id}',
    tag: 'rubrics',
    summary: 'One rubric in full: stages, categories, dimensions and their verbatim text',
    auth: 'anyone',
    responses: {
      200: { description: 'The rubric', schema: detailResponse },
      404: { description: 'No rubric with this id' },
    },
  });
  r.get('/rubrics/:id', (c) => {
    const id = c.req.param('id');
    const rubric = deps.rubrics.get(id);
    if (!rubric) {
      // Echo only a short id: the message is for a person, not a reflection channel for any input.
      const shown = id.length <= 64 ? `"${id}"` : 'with that id';
      throw new ApiError(
        404,
        ApiErrorCode.notFound,
        `No rubric ${shown}. GET /api/rubrics lists the available rubrics.`,
      );
    }
    return c.json({ rubric });
  });

  return r;
}
