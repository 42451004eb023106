import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/testApp';

describe('GET /healthz', () => {
  let close = () => {};
  afterEach(() => close());

  it('answers 200 {"status":"ok"} once the database is migrated', async () => {
    const t = makeTestApp();
    close = t.close;
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    const tables = t.database.sqlite.prepare("select name from sqlite_master where type='table'").all() as Array<{ name: string }>;
    expect(tables.map((r) => r.name)).toContain('workshops');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const t = makeTestApp();
    close = t.close;
    const res = await t.app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
