import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/testApp';

/**
 * docs/api.md is the overview of EVERY route: its table must list each route that
 * /api/openapi.json describes (which the openapi coverage test ties to the mounted routes), and
 * nothing that does not exist — so the overview cannot drift from the server.
 */
describe('docs/api.md overview', () => {
  let close = () => {};
  afterEach(() => close());

  it('lists exactly the routes of /api/openapi.json (method + path)', async () => {
    const t = makeTestApp();
    close = t.close;
    const doc = (await (await t.app.request('http://localhost/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const text = fs.readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const overview = text.slice(text.indexOf('## Overview'), text.indexOf('## Rules for every route'));
    const listed = [...overview.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `(\/api\/[^`]+)` \|/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(described.length).toBeGreaterThan(30);
    expect(described.filter((r) => !listed.includes(r)).sort()).toEqual([]);
    expect(listed.filter((r) => r !== 'GET /api/openapi.json' && !described.includes(r)).sort()).toEqual([]);
  });
});
