import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onApiError } from '../http/errors';
import { clientIp, consume, createRateLimiters } from './rateLimit';

/** A tiny app limited per clientIp, called with the env @hono/node-server would pass. */
function limitedApp(points: number) {
  const limiters = createRateLimiters({
    loginPerAccount: 1,
    loginPerIp: points,
    loginWindowSeconds: 60,
    signupPerIp: 1,
    invitePerIpPerMinute: 1,
  });
  const app = new Hono();
  app.onError(onApiError);
  app.post('/x', async (c) => {
    await consume(c, limiters.loginIp, clientIp(c), 'attempts', 'network');
    return c.json({ ip: clientIp(c) });
  });
  const call = (remoteAddress: string | undefined, headers: Record<string, string> = {}) =>
    app.request(
      '/x',
      { method: 'POST', headers },
      remoteAddress ? { incoming: { socket: { remoteAddress } } } : {},
    );
  return call;
}

describe('client rate limiting', () => {
  it('AUTH8: keys by the socket address and ignores a forged X-Forwarded-For', async () => {
    const call = limitedApp(2);
    expect(await (await call('10.0.0.1')).json()).toEqual({ ip: '10.0.0.1' });
    // Rotating X-Forwarded-For does not buy a fresh budget.
    expect((await call('10.0.0.1', { 'x-forwarded-for': '1.2.3.4' })).status).toBe(200);
    const blocked = await call('10.0.0.1', { 'x-forwarded-for': '5.6.7.8' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await blocked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another client has its own budget.
    expect((await call('10.0.0.2')).status).toBe(200);
  });

  it('AUTH8: without a socket (tests, other runtimes) the client is "unknown"', async () => {
    const call = limitedApp(1);
    expect(await (await call(undefined)).json()).toEqual({ ip: 'unknown' });
    expect((await call(undefined)).status).toBe(429);
  });
});
