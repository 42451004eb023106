import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from '../helpers/fixtures';
import { makeTestApp, TEST_ORIGIN } from '../helpers/testApp';

/** API answers hold people's data: no browser or proxy may keep them (a shared library computer). */
describe('Cache-Control on API answers', () => {
  let t: ReturnType<typeof makeTestApp>;
  afterEach(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.request(`${TEST_ORIGIN}${path}`, { headers: { Host: new URL(TEST_ORIGIN).host, ...headers } });

  it('is no-store on data, on errors and on refusals, and on unknown routes', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const me = await get('/api/auth/me', { Cookie: cookie });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const anonymous = await get('/api/workshops');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    const csrf = await t.app.request(`${TEST_ORIGIN}/api/workshops`, {
      method: 'POST',
      headers: {
        Host: new URL(TEST_ORIGIN).host,
        Cookie: cookie,
        'Content-Type': 'application/json',
        Origin: 'https://evil.example',
      },
      body: '{}',
    });
    expect(csrf.status).toBe(403);
    expect(csrf.headers.get('cache-control')).toBe('no-store');
    expect((await get('/api/nope')).headers.get('cache-control')).toBe('no-store');
  });
});
