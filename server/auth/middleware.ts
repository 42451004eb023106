import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from './cookie';
import { validateSessionToken } from './session';

/**
 * Sets `c.var.user` and `c.var.session` from the session cookie (null when absent or invalid).
 * A cookie that no longer validates is cleared so the browser stops sending it; a session whose
 * expiry slid forward gets its cookie re-sent with the new date.
 */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c, deps.config);
    const result = token ? validateSessionToken(deps, token) : null;
    c.set('user', result?.user ?? null);
    c.set('session', result?.session ?? null);
    if (token && !result) deleteSessionCookie(c, deps.config);
    if (token && result?.extended) setSessionCookie(c, deps.config, token, result.session.expiresAt);
    await next();
  };
}
