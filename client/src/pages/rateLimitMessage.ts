import { RateLimitScope } from '../../../shared/apiError';
import { ApiRequestError } from '../api/client';
import { countOf } from './format';

/**
 * The sign-up / sign-in wording for a 429 (rate_limited), or null for any other error.
 *
 * The server's own message counts in seconds ("Try again in 897 seconds"), which is hard to take in
 * — and a screen reader reads the whole number. People need to know two things: that it is not
 * their password or email that is wrong, and roughly how long to wait; so whole minutes, rounded up
 * (waiting slightly too long works, too short fails again).
 *
 * Both pages are limited per network address; sign-in is also limited per account. The server
 * says which in `details.scope` (shared RateLimitScope); anything else reads as the network limit,
 * the one both pages share.
 */
export function rateLimitMessage(error: unknown): string | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'rate_limited') return null;
  const seconds = error.retryAfterSeconds;
  const minutes = seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds / 60));
  const when = minutes === undefined ? 'later' : `in ${countOf(minutes, 'minute')}`;
  const scope =
    scopeOf(error.details) === RateLimitScope.account
      ? 'sign-in attempts for this account'
      : 'attempts from this network';
  return `Too many ${scope} — try again ${when}.`;
}

/** `details.scope` of a 429, if the body carried one (details is untyped JSON from the server). */
function scopeOf(details: unknown): unknown {
  return typeof details === 'object' && details !== null && 'scope' in details ? details.scope : undefined;
}

/** The error to show: a rate-limited one reworded by rateLimitMessage, any other unchanged. */
export function withRateLimitMessage(error: unknown): unknown {
  const message = rateLimitMessage(error);
  if (message === null || !(error instanceof ApiRequestError)) return error;
  return new ApiRequestError(error.status, error.code, message, error.details, error.retryAfterSeconds);
}
