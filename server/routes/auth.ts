import { Hono } from 'hono';
import { z } from 'zod';
import { ApiErrorCode, RateLimitScope } from '../../shared/apiError';
import { deleteSessionCookie, setSessionCookie } from '../auth/cookie';
import { hashPassword, verifyAgainstDummy, verifyPasswordHash } from '../auth/password';
import { clientIp, consume, createRateLimiters, ensureNotBlocked } from '../auth/rateLimit';
import { loginBody, signupBody, userSchema } from '../auth/schemas';
import { createSession, invalidateSession } from '../auth/session';
import { createAccount, findAccountByEmail, normalizeEmail, toUserRecord, upgradeGuest } from '../auth/users';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { ApiError, conflict } from '../http/errors';
import { describeRoute, rateLimitedResponse } from '../http/openapi';
import { readJson } from '../http/validate';
import { requireUser } from '../workshops/access';

const userResponse = z.object({ user: userSchema });

/** What every sign-in route answers on success and on a bad body (for the OpenAPI description). */
const signInResponses = (status: 200 | 201) => ({
  [status]: { description: 'Signed in; session cookie set', schema: userResponse },
  400: { description: 'Invalid body' },
});

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed/.test(err.message);
}

/** Sign up, sign in, sign out, who am I. */
export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const limiters = createRateLimiters(deps.config.rateLimits);
  const { db } = deps.database;

  /** Ends the caller's current session (if any) and starts a fresh one for `userId`. */
  function startSession(c: Parameters<typeof requireUser>[0], userId: string) {
    // A new token on every sign-in: a token planted before sign-in (session fixation) is worthless.
    const previous = c.get('session');
    if (previous) invalidateSession(deps, previous.id);
    const { token, session } = createSession(deps, userId);
    setSessionCookie(c, deps.config, token, session.expiresAt);
  }

  describeRoute({
    method: 'post',
    path: '/api/auth/signup',
    tag: 'auth',
    summary: 'Create an account and sign in (a signed-in guest keeps their workshops)',
    auth: 'anyone (rate-limited per client)',
    body: signupBody,
    responses: {
      ...signInResponses(201),
      409: { description: 'An account with this email exists' },
      429: rateLimitedResponse('Too many sign-ups from this client; see Retry-After', [
        RateLimitScope.network,
      ]),
    },
  });
  r.post('/auth/signup', async (c) => {
    const body = await readJson(c, signupBody);
    // Before the hash: a refused attempt must not cost the server an argon2 run (AUTH12).
    await consume(c, limiters.signupIp, clientIp(c), 'sign-ups from this network', RateLimitScope.network);
    const passwordHash = await hashPassword(body.password);
    const current = c.get('user');
    let user: ReturnType<typeof toUserRecord> | null;
    try {
      user =
        current?.kind === 'guest'
          ? upgradeGuest(db, current.id, { ...body, passwordHash })
          : createAccount(db, { ...body, passwordHash, now: deps.now() });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('An account with this email already exists. Sign in instead.');
      throw err;
    }
    if (!user) throw conflict('This guest profile changed meanwhile. Reload and try again.');
    startSession(c, user.id);
    return c.json({ user }, 201);
  });

  describeRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in with email and password',
    auth: 'anyone (rate-limited per account and per client)',
    body: loginBody,
    responses: {
      ...signInResponses(200),
      401: { description: 'Wrong email or password (never says which)' },
      429: rateLimitedResponse(
        'Too many attempts from this client, or failures for this account; see Retry-After',
        [RateLimitScope.network, RateLimitScope.account],
      ),
    },
  });
  r.post('/auth/login', async (c) => {
    const body = await readJson(c, loginBody);
    const email = normalizeEmail(body.email);
    await consume(
      c,
      limiters.loginIp,
      clientIp(c),
      'sign-in attempts from this network',
      RateLimitScope.network,
    );
    await ensureNotBlocked(
      c,
      limiters.loginAccount,
      email,
      'sign-in attempts for this account',
      RateLimitScope.account,
    );
    const row = findAccountByEmail(db, email);
    const ok = row?.passwordHash
      ? await verifyPasswordHash(row.passwordHash, body.password)
      : await verifyAgainstDummy(body.password);
    if (!row || !ok) {
      // Count failures against the email even when no account has it, so the limiter's behaviour
      // does not reveal which emails exist either.
      await limiters.loginAccount.penalty(email);
      throw new ApiError(401, ApiErrorCode.unauthenticated, 'Wrong email or password.');
    }
    await limiters.loginAccount.delete(email);
    startSession(c, row.id);
    return c.json({ user: toUserRecord(row) });
  });

  describeRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out: the session is deleted on the server and the cookie cleared',
    auth: 'anyone (no-op when signed out)',
    responses: { 204: { description: 'Signed out' } },
  });
  r.post('/auth/logout', (c) => {
    const session = c.get('session');
    if (session) invalidateSession(deps, session.id);
    deleteSessionCookie(c, deps.config);
    return c.body(null, 204);
  });

  describeRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'auth',
    summary: 'The signed-in user (account or guest)',
    auth: 'signed in',
    responses: {
      200: { description: 'The user', schema: userResponse },
      401: { description: 'Not signed in' },
    },
  });
  r.get('/auth/me', (c) => c.json({ user: requireUser(c) }));

  return r;
}
