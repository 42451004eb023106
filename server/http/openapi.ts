import { z } from 'zod';
import type { RateLimitScope } from '../../shared/apiError';

/**
 * A small registry from which /api/openapi.json is built. Each route module describes its routes
 * next to their handlers with `describeRoute`, reusing the same zod schemas that validate requests,
 * so the document cannot drift from what the server accepts.
 */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/workshops/{id}. */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** Status → description (and optional schema). */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Who may call it, e.g. "facilitator of the workshop". */
  auth?: string;
}

/** The refusals every facilitator-only workshop route shares (SPEC PERM1, PERM2). */
export const facilitatorRefusals = {
  403: { description: 'Not a facilitator' },
  404: { description: 'No such workshop' },
} as const;

/**
 * A 429 rate_limited whose body names the limit's scope (`details.scope`), restricted to the scopes
 * the route can actually hit, e.g. only `network` for sign-up.
 */
export function rateLimitedResponse(
  description: string,
  scopes: [RateLimitScope, ...RateLimitScope[]],
): { description: string; schema: z.ZodType } {
  return {
    description,
    schema: z.object({
      error: z.object({
        code: z.literal('rate_limited'),
        message: z.string(),
        details: z.object({ scope: z.enum(scopes) }),
      }),
    }),
  };
}

const routes: RouteDoc[] = [];

export function describeRoute(doc: RouteDoc): void {
  if (!routes.some((r) => r.method === doc.method && r.path === doc.path)) routes.push(doc);
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function schemaOf(s: z.ZodType): unknown {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
}

export function openApiDocument(): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const schema = res.schema ?? (Number(status) >= 400 ? errorSchema : undefined);
      responses[status] = schema
        ? { description: res.description, content: { 'application/json': { schema: schemaOf(schema) } } }
        : { description: res.description };
    }
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth ? { description: `Who may call: ${r.auth}.` } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LER Workshop API',
      version: '1',
      description:
        'JSON over HTTPS. Errors are {error:{code,message,details?}}. State-changing requests need a same-origin Origin header.',
    },
    paths,
  };
}
