import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/testApp';

/**
 * Every route the app mounts under /api must be described in /api/openapi.json (and nothing
 * described may be missing from the app), so the published contract cannot drift from the server.
 * Routes are read from Hono's own route table, not from a hand-written list.
 */
describe('OpenAPI document covers the mounted API', () => {
  let close = () => {};
  afterEach(() => close());

  it('lists exactly the mounted /api routes (method + path)', async () => {
    const t = makeTestApp();
    close = t.close;
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
        // Hono writes path params as :id; OpenAPI as {id}.
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const res = await t.app.request('http://localhost/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)),
    );
    expect(mounted.size).toBeGreaterThan(30);
    expect([...mounted].filter((r) => !described.has(r)).sort()).toEqual([]);
    expect([...described].filter((r) => !mounted.has(r)).sort()).toEqual([]);
  });
});
