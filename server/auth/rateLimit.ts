import type { Context } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiErrorCode, type RateLimitDetails, type RateLimitScope } from '../../shared/apiError';
import type { Config } from '../config';
import { ApiError } from '../http/errors';

/**
 * Per-app rate limiters (one set per createApp, so tests never share counters). In memory: limits
 * are per process, which matches the single-process SQLite deployment; a multi-instance deployment
 * swaps in a shared store behind the same functions.
 *
 * - login per account: stops online password guessing against one person (counts failures only,
 *   so the real owner signing in successfully clears it).
 * - login per IP: stops credential stuffing across many accounts from one client.
 * - signup per IP: every attempt costs an argon2 hash (19 MiB, CPU) and a success a new account, so
 *   one client must not be able to burn the server's CPU or fill the users table (SPEC AUTH12).
 * - invites per IP: invite tokens carry 160 bits so guessing is hopeless anyway; this stops one
 *   client flooding a workshop with guest members or hammering the lookup.
 */
export interface RateLimiters {
  loginAccount: RateLimiterMemory;
  loginIp: RateLimiterMemory;
  signupIp: RateLimiterMemory;
  invite: RateLimiterMemory;
}

export function createRateLimiters(limits: Config['rateLimits']): RateLimiters {
  const duration = limits.loginWindowSeconds;
  return {
    loginAccount: new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: limits.loginPerAccount,
      duration,
    }),
    loginIp: new RateLimiterMemory({ keyPrefix: 'login-ip', points: limits.loginPerIp, duration }),
    signupIp: new RateLimiterMemory({ keyPrefix: 'signup-ip', points: limits.signupPerIp, duration }),
    invite: new RateLimiterMemory({
      keyPrefix: 'invite-ip',
      points: limits.invitePerIpPerMinute,
      duration: 60,
    }),
  };
}

/**
 * The client address from the socket. X-Forwarded-For is deliberately ignored: any client can send
 * it, so trusting it would let an attacker pick a fresh "IP" per request and never be limited.
 */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * A 429 with Retry-After (set on the context, which the error response keeps) and the limit's scope
 * as `details`, so clients can tell a network limit from an account lock without parsing `what`.
 */
function tooMany(c: Context, res: RateLimiterRes, what: string, scope: RateLimitScope): ApiError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  c.header('Retry-After', String(seconds));
  const details: RateLimitDetails = { scope };
  return new ApiError(
    429,
    ApiErrorCode.rateLimited,
    `Too many ${what}. Try again in ${seconds} seconds.`,
    details,
  );
}

/** Takes one point or throws 429. */
export async function consume(
  c: Context,
  limiter: RateLimiterMemory,
  key: string,
  what: string,
  scope: RateLimitScope,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw tooMany(c, res, what, scope);
    throw res;
  }
}

/** Throws 429 if the key has used all its points, without taking one. */
export async function ensureNotBlocked(
  c: Context,
  limiter: RateLimiterMemory,
  key: string,
  what: string,
  scope: RateLimitScope,
): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) throw tooMany(c, res, what, scope);
}
