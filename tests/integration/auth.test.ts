import { testConfig } from '../../server/config';
import { nullRealtimeBridge } from '../../server/realtime/bridge';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createWorkshop, rowCounts, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp, TEST_ORIGIN } from '../helpers/testApp';

type T = ReturnType<typeof makeTestApp>;
let t: T;
afterEach(() => t?.close());

const creds = { email: 'ana@example.edu', password: 'correct horse battery', name: 'Ana' };

describe('POST /api/auth/signup', () => {
  it('AUTH9: creates an account, returns it, and sets an HttpOnly SameSite=Lax session cookie', async () => {
    t = makeTestApp();
    const res = await api(t.app, 'POST', '/api/auth/signup', { body: creds });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ kind: 'account', email: 'ana@example.edu', name: 'Ana' });
    expect(res.json.user.passwordHash).toBeUndefined();
    expect(res.setCookie).toMatch(/^ler_session=[a-z0-9]+\.[a-z0-9]+;/);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Lax/);
    expect(res.setCookie).toMatch(/Path=\//);
    expect(res.setCookie).not.toMatch(/Secure/);
    const me = await api(t.app, 'GET', '/api/auth/me', { cookie: res.cookie });
    expect(me.json.user.id).toBe(res.json.user.id);
  });

  it('AUTH9: with secure cookies the cookie is __Host-ler_session, Secure, host-only', async () => {
    t = makeTestApp({ config: { secureCookies: true } });
    const res = await api(t.app, 'POST', '/api/auth/signup', { body: creds });
    expect(res.setCookie).toMatch(/^__Host-ler_session=/);
    expect(res.setCookie).toMatch(/Secure/);
    expect(res.setCookie).not.toMatch(/Domain=/);
    expect((await api(t.app, 'GET', '/api/auth/me', { cookie: res.cookie })).status).toBe(200);
  });

  it('stores the email lower-cased; a second signup with it (any case) is 409 and adds nothing', async () => {
    t = makeTestApp();
    await api(t.app, 'POST', '/api/auth/signup', { body: { ...creds, email: 'Ana@Example.EDU' } });
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', '/api/auth/signup', { body: creds });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
    expect(snapshot(t.database)).toBe(before);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"email":' }, 'malformed_json'],
    ['a missing field', { body: { email: creds.email, password: creds.password } }, 'validation_failed'],
    ['an extra field', { body: { ...creds, admin: true } }, 'validation_failed'],
    ['an invalid email', { body: { ...creds, email: 'not-an-email' } }, 'validation_failed'],
    ['a short password', { body: { ...creds, password: 'short' } }, 'validation_failed'],
    ['an over-long name', { body: { ...creds, name: 'x'.repeat(81) } }, 'validation_failed'],
    ['a name of control characters', { body: { ...creds, name: '\u0007\u0000' } }, 'validation_failed'],
    ['an over-long password', { body: { ...creds, password: 'x'.repeat(257) } }, 'validation_failed'],
  ])('PERM5: %s → 400 and nothing is stored', async (_what, options, code) => {
    t = makeTestApp();
    const res = await api(t.app, 'POST', '/api/auth/signup', options);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(res.setCookie).toBeNull();
    expect(rowCounts(t.database)).toMatchObject({ users: 0, sessions: 0 });
  });

  it('PERM5: without an Origin header → 403 csrf, nothing stored', async () => {
    t = makeTestApp();
    const res = await api(t.app, 'POST', '/api/auth/signup', { body: creds, origin: null });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('csrf');
    expect(rowCounts(t.database)).toMatchObject({ users: 0, sessions: 0 });
  });

  it('PERM5: with a foreign Origin → 403 csrf, nothing stored', async () => {
    t = makeTestApp();
    const res = await api(t.app, 'POST', '/api/auth/signup', { body: creds, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('csrf');
    expect(rowCounts(t.database)).toMatchObject({ users: 0, sessions: 0 });
  });

  it('PERM5: a body over MAX_BODY_BYTES → 413, nothing stored', async () => {
    t = makeTestApp({ config: { maxBodyBytes: 1024 } });
    const res = await api(t.app, 'POST', '/api/auth/signup', { body: { ...creds, name: 'x'.repeat(2000) } });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    expect(rowCounts(t.database)).toMatchObject({ users: 0, sessions: 0 });
  });

  it('AUTH12: after SIGNUP_MAX_PER_IP attempts from one client (refused ones count too) the next is 429 and stores nothing; other clients are not affected', async () => {
    t = makeTestApp({ config: { rateLimits: { ...testConfig().rateLimits, signupPerIp: 3 } } });
    /** A signup from `ip`, as @hono/node-server passes the socket to the app. */
    const signupFrom = (ip: string, email: string) =>
      t.app.request(
        `${TEST_ORIGIN}/api/auth/signup`,
        {
          method: 'POST',
          headers: { Host: 'localhost', Origin: TEST_ORIGIN, 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...creds, email }),
        },
        { incoming: { socket: { remoteAddress: ip } } },
      );
    expect((await signupFrom('10.0.0.1', 'a@example.edu')).status).toBe(201);
    expect((await signupFrom('10.0.0.1', 'a@example.edu')).status).toBe(409);
    expect((await signupFrom('10.0.0.1', 'b@example.edu')).status).toBe(201);
    const before = snapshot(t.database);
    const blocked = await signupFrom('10.0.0.1', 'c@example.edu');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // The scope travels as data, so the client never parses the message text.
    expect(await blocked.json()).toMatchObject({
      error: { code: 'rate_limited', details: { scope: 'network' } },
    });
    expect(snapshot(t.database)).toBe(before);
    // Another address has its own budget.
    expect((await signupFrom('10.0.0.2', 'c@example.edu')).status).toBe(201);
  });

  it('AUTH11: a signed-in guest who signs up becomes an account and keeps their memberships', async () => {
    t = makeTestApp();
    const facilitator = await signUp(t.app);
    const workshop = await createWorkshop(t.app, facilitator.cookie);
    const invite = await api(t.app, 'POST', `/api/workshops/${workshop.id}/invites`, {
      cookie: facilitator.cookie,
      body: { role: 'participant' },
    });
    const guest = await api(t.app, 'POST', `/api/invites/${invite.json.token}/redeem`, {
      body: { name: 'Guest Gil' },
    });
    const guestMe = await api(t.app, 'GET', '/api/auth/me', { cookie: guest.cookie });
    expect(guestMe.json.user.kind).toBe('guest');

    const res = await api(t.app, 'POST', '/api/auth/signup', {
      cookie: guest.cookie,
      body: { ...creds, name: 'Gil' },
    });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ id: guestMe.json.user.id, kind: 'account', name: 'Gil' });
    // A fresh token: the guest token no longer works (AUTH6 fixation).
    expect(res.cookie).not.toBe(guest.cookie);
    expect((await api(t.app, 'GET', '/api/auth/me', { cookie: guest.cookie })).status).toBe(401);
    const mine = await api(t.app, 'GET', '/api/workshops', { cookie: res.cookie });
    expect(mine.json.workshops.map((w: { id: string }) => w.id)).toEqual([workshop.id]);
  });
});

describe('POST /api/auth/login', () => {
  it('AUTH6: signs in with the right password (email in any case) and issues a new token', async () => {
    t = makeTestApp();
    const first = await signUp(t.app, creds);
    const res = await api(t.app, 'POST', '/api/auth/login', {
      body: { email: 'ANA@example.edu', password: creds.password },
    });
    expect(res.status).toBe(200);
    expect(res.json.user.id).toBe(first.user.id);
    expect(res.cookie).toBeDefined();
    expect(res.cookie).not.toBe(first.cookie);
    expect((await api(t.app, 'GET', '/api/auth/me', { cookie: res.cookie })).status).toBe(200);
  });

  it('AUTH6: signing in while signed in ends the previous session', async () => {
    t = makeTestApp();
    const first = await signUp(t.app, creds);
    const res = await api(t.app, 'POST', '/api/auth/login', {
      cookie: first.cookie,
      body: { email: creds.email, password: creds.password },
    });
    expect(res.status).toBe(200);
    expect((await api(t.app, 'GET', '/api/auth/me', { cookie: first.cookie })).status).toBe(401);
  });

  it('AUTH7: a wrong password and an unknown email get the identical answer, and no session', async () => {
    t = makeTestApp();
    await signUp(t.app, creds);
    const sessions = rowCounts(t.database).sessions;
    const wrong = await api(t.app, 'POST', '/api/auth/login', {
      body: { email: creds.email, password: 'wrong password!' },
    });
    const unknown = await api(t.app, 'POST', '/api/auth/login', {
      body: { email: 'nobody@example.edu', password: 'wrong password!' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.setCookie).toBeNull();
    expect(rowCounts(t.database).sessions).toBe(sessions);
  });

  it('AUTH8: after LOGIN_MAX_PER_ACCOUNT failures the account is locked with 429 + Retry-After, even for the right password', async () => {
    t = makeTestApp({
      config: {
        rateLimits: {
          loginPerAccount: 3,
          loginPerIp: 100,
          loginWindowSeconds: 900,
          signupPerIp: 100,
          invitePerIpPerMinute: 100,
        },
      },
    });
    await signUp(t.app, creds);
    for (let i = 0; i < 3; i++) {
      const res = await api(t.app, 'POST', '/api/auth/login', {
        body: { email: creds.email, password: 'wrong password!' },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await api(t.app, 'POST', '/api/auth/login', {
      body: { email: creds.email, password: creds.password },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('rate_limited');
    expect(blocked.json.error.details).toEqual({ scope: 'account' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.setCookie).toBeNull();
    // Another account from the same client is not affected by this account's lock.
    const other = await signUp(t.app, { email: 'bo@example.edu', password: creds.password });
    expect(other.cookie).toBeDefined();
    const bo = await api(t.app, 'POST', '/api/auth/login', {
      body: { email: 'bo@example.edu', password: creds.password },
    });
    expect(bo.status).toBe(200);
  });

  it('AUTH8: a successful sign-in clears the failure count', async () => {
    t = makeTestApp({
      config: {
        rateLimits: {
          loginPerAccount: 3,
          loginPerIp: 100,
          loginWindowSeconds: 900,
          signupPerIp: 100,
          invitePerIpPerMinute: 100,
        },
      },
    });
    await signUp(t.app, creds);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) {
        await api(t.app, 'POST', '/api/auth/login', {
          body: { email: creds.email, password: 'wrong password!' },
        });
      }
      const ok = await api(t.app, 'POST', '/api/auth/login', {
        body: { email: creds.email, password: creds.password },
      });
      expect(ok.status).toBe(200);
    }
  });

  it('AUTH8: after LOGIN_MAX_PER_IP attempts from one client, every login from it is 429', async () => {
    t = makeTestApp({
      config: {
        rateLimits: {
          loginPerAccount: 100,
          loginPerIp: 4,
          loginWindowSeconds: 900,
          signupPerIp: 100,
          invitePerIpPerMinute: 100,
        },
      },
    });
    await signUp(t.app, creds);
    for (let i = 0; i < 4; i++) {
      const res = await api(t.app, 'POST', '/api/auth/login', {
        body: { email: `x${i}@example.edu`, password: 'wrong password!' },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await api(t.app, 'POST', '/api/auth/login', {
      body: { email: creds.email, password: creds.password },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(blocked.json.error.details).toEqual({ scope: 'network' });
  });

  it.each([
    ['malformed JSON', { rawBody: 'nope' }, 'malformed_json'],
    ['a missing password', { body: { email: creds.email } }, 'validation_failed'],
    [
      'an extra field',
      { body: { email: creds.email, password: creds.password, remember: true } },
      'validation_failed',
    ],
    [
      'an over-long email',
      { body: { email: `${'a'.repeat(250)}@x.edu`, password: creds.password } },
      'validation_failed',
    ],
  ])('PERM5: %s → 400, no session', async (_what, options, code) => {
    t = makeTestApp();
    await signUp(t.app, creds);
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', '/api/auth/login', options);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM5: login with a foreign Origin → 403 csrf, no session', async () => {
    t = makeTestApp();
    await signUp(t.app, creds);
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', '/api/auth/login', {
      body: creds,
      origin: 'http://localhost.evil.example',
    });
    expect(res.status).toBe(403);
    expect(snapshot(t.database)).toBe(before);
  });
});

describe('POST /api/auth/logout and GET /api/auth/me', () => {
  it('AUTH6: logout deletes the session server-side, clears the cookie, and the old cookie stops working', async () => {
    const ended: string[] = [];
    t = makeTestApp({
      realtime: {
        workshopChanged: async () => {},
        memberRemoved: () => {},
        sessionEnded: (id) => ended.push(id),
        memberRatings: async () => new Map(),
        workshopDocState: nullRealtimeBridge.workshopDocState,
      },
    });
    const { cookie } = await signUp(t.app);
    const sessionsBefore = rowCounts(t.database).sessions;
    const res = await api(t.app, 'POST', '/api/auth/logout', { cookie });
    expect(res.status).toBe(204);
    expect(res.setCookie).toMatch(/ler_session=;.*Max-Age=0/);
    expect(rowCounts(t.database).sessions).toBe(sessionsBefore - 1);
    expect(ended).toEqual([cookie.split('=')[1]!.split('.')[0]]);
    const me = await api(t.app, 'GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(401);
    expect(me.json.error.code).toBe('unauthenticated');
  });

  it('AUTH6: logout without a session is a harmless 204', async () => {
    t = makeTestApp();
    expect((await api(t.app, 'POST', '/api/auth/logout')).status).toBe(204);
  });

  it('PERM5: logout from a foreign Origin is refused and the session survives', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const res = await api(t.app, 'POST', '/api/auth/logout', { cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await api(t.app, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
  });

  it('AUTH10: me without a cookie, or with a forged one, is 401; a bad cookie is cleared', async () => {
    t = makeTestApp();
    expect((await api(t.app, 'GET', '/api/auth/me')).status).toBe(401);
    const forged = await api(t.app, 'GET', '/api/auth/me', { cookie: 'ler_session=abc.def' });
    expect(forged.status).toBe(401);
    expect(forged.setCookie).toMatch(/ler_session=;.*Max-Age=0/);
  });

  it('AUTH10: an idle-expired session gets 401 on every route that needs a user', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const workshop = await createWorkshop(t.app, cookie);
    t.clock.now += 31 * 24 * 60 * 60 * 1000; // past the 30-day idle default
    for (const [method, path] of [
      ['GET', '/api/auth/me'],
      ['GET', '/api/workshops'],
      ['GET', `/api/workshops/${workshop.id}`],
      ['POST', '/api/workshops'],
    ] as const) {
      const res = await api(t.app, method, path, {
        cookie,
        ...(method === 'POST' ? { body: { title: 'x', institution: 'y' } } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(rowCounts(t.database).workshops).toBe(1);
  });

  it('AUTH4: a request past half the idle window re-sends the cookie with a later expiry', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const early = await api(t.app, 'GET', '/api/auth/me', { cookie });
    expect(early.setCookie).toBeNull();
    t.clock.now += 16 * 24 * 60 * 60 * 1000;
    const later = await api(t.app, 'GET', '/api/auth/me', { cookie });
    expect(later.status).toBe(200);
    expect(later.cookie).toBe(cookie);
    const expires = Date.parse(/Expires=([^;]+)/.exec(later.setCookie!)![1]!);
    expect(Math.abs(expires - (t.clock.now + 30 * 24 * 60 * 60 * 1000))).toBeLessThan(1000);
  });
});
