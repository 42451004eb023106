import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC_ID, loadRubricFile, RUBRIC_DIR } from '../../rubric/loader';
import { makeTestApp } from '../helpers/testApp';

let close = () => {};
afterEach(() => close());

function app() {
  const t = makeTestApp();
  close = t.close;
  return t.app;
}

describe('GET /api/rubrics', () => {
  it('lists the loaded rubrics with counts, without a session', async () => {
    const res = await app().request('/api/rubrics');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rubrics: Array<Record<string, unknown>> };
    expect(body.rubrics[0]).toEqual({
      id: DEFAULT_RUBRIC_ID,
      version: '1.0',
      title: 'LER Engagement and Implementation Tool',
      dimensionCount: 9,
      stageCount: 3,
    });
  });
});

describe('GET /api/rubrics/:id', () => {
  it('returns the full rubric exactly as the file defines it, without a session', async () => {
    const res = await app().request(`/api/rubrics/${DEFAULT_RUBRIC_ID}`);
    expect(res.status).toBe(200);
    const { rubric } = (await res.json()) as { rubric: unknown };
    expect(rubric).toEqual(loadRubricFile(`${RUBRIC_DIR}/ler-engagement.json`));
  });

  it('answers an unknown id with 404 not_found and a hint where to look', async () => {
    const res = await app().request('/api/rubrics/no-such-rubric');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'No rubric "no-such-rubric". GET /api/rubrics lists the available rubrics.',
      },
    });
  });

  it('does not treat the id as a path: an encoded traversal is just an unknown id', async () => {
    const res = await app().request('/api/rubrics/..%2Fpackage');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('does not echo an over-long id back', async () => {
    const id = 'x'.repeat(500);
    const res = await app().request(`/api/rubrics/${id}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(id);
  });
});
