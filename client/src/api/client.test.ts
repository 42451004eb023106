import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, apiRequest, onSignedInAgain, parseRetryAfter, setReauthenticateHandler, setSignedIn } from './client';

/** A fetch double answering from a queue, recording each call. */
function fakeFetch(responses: Array<() => Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('unexpected fetch');
    return next();
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const expired = json(401, { error: { code: 'unauthenticated', message: 'Your session has expired.' } });

describe('apiRequest', () => {
  beforeEach(() => {
    setSignedIn(false);
    setReauthenticateHandler(null);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends JSON with same-origin credentials and parses the reply', async () => {
    const calls = fakeFetch([json(201, { workshop: { id: 'w1' } })]);
    const result = await apiRequest<{ workshop: { id: string } }>('POST', '/api/workshops', { title: 'T' });
    expect(result.workshop.id).toBe('w1');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(calls[0]!.init.body).toBe('{"title":"T"}');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns an error body into ApiRequestError with code, message and status', async () => {
    fakeFetch([json(410, { error: { code: 'gone', message: 'This invite link has expired.' } })]);
    const err = await apiRequest('GET', '/api/invites/x').catch((e) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ status: 410, code: 'gone', message: 'This invite link has expired.' });
  });

  it('a 429 carries its Retry-After (seconds) as retryAfterSeconds; other errors have none', async () => {
    fakeFetch([
      () =>
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many sign-ups.' } }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '897' },
        }),
    ]);
    await expect(apiRequest('POST', '/api/auth/signup', {})).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 897 });
    fakeFetch([json(410, { error: { code: 'gone', message: 'Expired.' } })]);
    const err = (await apiRequest('GET', '/api/invites/x').catch((e: unknown) => e)) as ApiRequestError;
    expect(err.retryAfterSeconds).toBeUndefined();
  });

  it('parseRetryAfter reads seconds and HTTP dates, and gives up on anything else', () => {
    const now = Date.parse('2026-05-04T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Mon, 04 May 2026 12:02:30 GMT', now)).toBe(150);
    expect(parseRetryAfter('Mon, 04 May 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('reports an unreachable server as network_error (status 0) and a non-JSON reply as bad_response', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiRequest('GET', '/api/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    fakeFetch([() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })]);
    await expect(apiRequest('GET', '/api/x')).rejects.toMatchObject({ status: 502, code: 'bad_response' });
  });

  it('on 401 for a signed-in user waits for re-authentication, then retries once', async () => {
    setSignedIn(true);
    const handler = vi.fn(async () => {});
    setReauthenticateHandler(handler);
    const calls = fakeFetch([expired, json(200, { ok: true })]);
    await expect(apiRequest('PATCH', '/api/workshops/w1', { title: 'New' })).resolves.toEqual({ ok: true });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.init.body).toBe('{"title":"New"}');
  });

  it('tells onSignedInAgain listeners of a sign-in prompted by a 401, not of a declined one', async () => {
    setSignedIn(true);
    const heard = vi.fn();
    const stop = onSignedInAgain(heard);
    setReauthenticateHandler(async () => {});
    fakeFetch([expired, json(200, 1)]);
    await apiRequest('POST', '/api/workshops/w1/focus', {});
    expect(heard).toHaveBeenCalledTimes(1);
    setReauthenticateHandler(() => Promise.reject(new Error('declined')));
    fakeFetch([expired]);
    await expect(apiRequest('GET', '/api/a')).rejects.toMatchObject({ status: 401 });
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });

  it('concurrent 401s share one prompt', async () => {
    setSignedIn(true);
    let release!: () => void;
    const handler = vi.fn(() => new Promise<void>((r) => (release = r)));
    setReauthenticateHandler(handler);
    fakeFetch([expired, expired, json(200, 1), json(200, 2)]);
    const both = Promise.all([apiRequest('GET', '/api/a'), apiRequest('GET', '/api/b')]);
    await vi.waitFor(() => expect(handler).toHaveBeenCalled());
    release();
    await expect(both).resolves.toEqual([1, 2]);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('when the person declines to sign in, the original 401 is thrown', async () => {
    setSignedIn(true);
    setReauthenticateHandler(() => Promise.reject(new Error('declined')));
    fakeFetch([expired]);
    await expect(apiRequest('GET', '/api/a')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('never prompts for signed-out users or noReauth calls (a wrong password is not an expiry)', async () => {
    const handler = vi.fn(async () => {});
    setReauthenticateHandler(handler);
    fakeFetch([expired]);
    await expect(apiRequest('GET', '/api/a')).rejects.toMatchObject({ status: 401 });
    setSignedIn(true);
    fakeFetch([expired]);
    await expect(apiRequest('POST', '/api/auth/login', {}, { noReauth: true })).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
  });
});
