import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/testApp';

let close = () => {};
afterEach(() => close());

interface Operation {
  summary?: unknown;
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  responses: Record<string, { description?: unknown; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDoc {
  openapi: string;
  info: { title: unknown; version: unknown };
  paths: Record<string, Record<string, Operation>>;
}

async function openApi(): Promise<OpenApiDoc> {
  const t = makeTestApp();
  close = t.close;
  const res = await t.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as OpenApiDoc;
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose every operation has a summary and described responses', async () => {
    const doc = await openApi();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    for (const [p, operations] of Object.entries(doc.paths)) {
      expect(p).toMatch(/^\/api\//);
      for (const [method, op] of Object.entries(operations)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        expect(typeof op.summary).toBe('string');
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description).toBe('string');
        }
        // Every {param} in the path is declared, or generated clients cannot call the route.
        const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect((op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name)).toEqual(names);
      }
    }
  });

  it('lists the rubric routes with their response schemas', async () => {
    const doc = await openApi();
    const list = doc.paths['/api/rubrics']?.get;
    const one = doc.paths['/api/rubrics/{id}']?.get;
    expect(list?.responses['200']?.content?.['application/json']?.schema).toMatchObject({
      type: 'object',
      properties: { rubrics: { type: 'array' } },
    });
    expect(one?.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(one?.responses['200']?.content?.['application/json']?.schema).toMatchObject({
      type: 'object',
      properties: { rubric: { type: 'object', properties: { categories: { type: 'array' } } } },
    });
    expect(Object.keys(one?.responses ?? {})).toContain('404');
  });
});
