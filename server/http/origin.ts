import type { MiddlewareHandler } from 'hono';
import { ApiErrorCode } from '../../shared/apiError';
import type { Config } from '../config';
import { errorBody } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Is `origin` allowed for a request that arrived with this Host header? With PUBLIC_ORIGIN set, only
 * those origins; otherwise the request's own origin (same-origin). Shared by the HTTP middleware and
 * the websocket upgrade.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, config: Config): boolean {
  if (!origin || origin === 'null') return false;
  const normalized = origin.replace(/\/$/, '');
  if (config.allowedOrigins.length > 0) return config.allowedOrigins.includes(normalized);
  if (!host) return false;
  try {
    const url = new URL(normalized);
    // An Origin is exactly scheme://host[:port]: anything else (user-info, a path) is not one a
    // browser sends. Without PUBLIC_ORIGIN the scheme cannot be checked — behind a TLS proxy the
    // request arrives as http — which is why production sets it (docs/operations.md).
    return url.origin === normalized && url.host === host;
  } catch {
    return false;
  }
}

/**
 * CSRF defence: every state-changing request must carry a same-origin `Origin` header. SameSite=Lax
 * cookies already stop most cross-site POSTs; this also stops same-site attackers (a sibling
 * subdomain) and old browsers.
 */
export function requireSameOrigin(config: Config): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (!isAllowedOrigin(c.req.header('origin'), c.req.header('host'), config)) {
      return c.json(
        errorBody(ApiErrorCode.csrf, 'This request must come from the app itself (missing or foreign Origin header).'),
        403,
      );
    }
    return next();
  };
}
