import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { onApiError } from './errors';
import { readJson } from './validate';

describe('readJson', () => {
  const app = new Hono();
  app.onError(onApiError);
  app.post('/', async (c) => c.json(await readJson(c, z.strictObject({ a: z.number() }))));
  const post = (type: string | null) =>
    app.request('/', {
      method: 'POST',
      body: '{"a":1}',
      headers: type === null ? {} : { 'Content-Type': type },
    });

  it('takes application/json with or without parameters, in any case', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset=UTF-8',
    ])
      expect((await post(type)).status).toBe(200);
  });

  it('refuses other media types that merely start alike, and a missing type, with 415', async () => {
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain', null]) {
      const res = await post(type);
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
  });
});
