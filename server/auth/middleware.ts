import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';

// Placeholder until the session module lands: every request is anonymous.
export function sessionMiddleware(_deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    await next();
  };
}
