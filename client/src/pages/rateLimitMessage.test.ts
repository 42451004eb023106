import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client';
import { rateLimitMessage, withRateLimitMessage } from './rateLimitMessage';

const limited = (
  retryAfterSeconds?: number,
  scope: string = 'network',
  message = 'Too many sign-ups from this network. Try again in 897 seconds.',
) => new ApiRequestError(429, 'rate_limited', message, { scope }, retryAfterSeconds);

describe('rateLimitMessage', () => {
  it('says it is the network and how many whole minutes to wait, rounded up', () => {
    expect(rateLimitMessage(limited(897))).toBe(
      'Too many attempts from this network — try again in 15 minutes.',
    );
    expect(rateLimitMessage(limited(901))).toBe(
      'Too many attempts from this network — try again in 16 minutes.',
    );
    expect(rateLimitMessage(limited(120))).toBe(
      'Too many attempts from this network — try again in 2 minutes.',
    );
  });

  it('says "1 minute" (singular) for anything up to a minute, never "0 minutes"', () => {
    expect(rateLimitMessage(limited(60))).toBe(
      'Too many attempts from this network — try again in 1 minute.',
    );
    expect(rateLimitMessage(limited(1))).toBe('Too many attempts from this network — try again in 1 minute.');
    expect(rateLimitMessage(limited(0))).toBe('Too many attempts from this network — try again in 1 minute.');
  });

  it('without a Retry-After says "later" rather than guessing a time', () => {
    expect(rateLimitMessage(limited(undefined))).toBe(
      'Too many attempts from this network — try again later.',
    );
  });

  it('keeps the per-account sign-in limit apart from the network one, by details.scope', () => {
    expect(rateLimitMessage(limited(300, 'account', 'Slow down. Try again in 300 seconds.'))).toBe(
      'Too many sign-in attempts for this account — try again in 5 minutes.',
    );
  });

  it('never reads the scope from the message text', () => {
    const network = limited(
      300,
      'network',
      'Too many sign-in attempts for this account. Try again in 300 seconds.',
    );
    expect(rateLimitMessage(network)).toBe('Too many attempts from this network — try again in 5 minutes.');
  });

  it('without details (an older server, a proxy) falls back to the network wording both pages share', () => {
    const bare = new ApiRequestError(429, 'rate_limited', 'Too many requests.', undefined, 60);
    expect(rateLimitMessage(bare)).toBe('Too many attempts from this network — try again in 1 minute.');
    expect(rateLimitMessage(limited(60, 'galaxy'))).toBe(
      'Too many attempts from this network — try again in 1 minute.',
    );
  });

  it('leaves every other error alone', () => {
    expect(
      rateLimitMessage(new ApiRequestError(401, 'unauthenticated', 'Wrong email or password.')),
    ).toBeNull();
    expect(rateLimitMessage(new Error('boom'))).toBeNull();
    expect(rateLimitMessage(undefined)).toBeNull();
    const other = new ApiRequestError(409, 'conflict', 'Email taken.');
    expect(withRateLimitMessage(other)).toBe(other);
  });

  it('withRateLimitMessage keeps code and status, so the error title stays "Too many attempts"', () => {
    const shown = withRateLimitMessage(limited(600));
    expect(shown).toBeInstanceOf(ApiRequestError);
    expect(shown).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Too many attempts from this network — try again in 10 minutes.',
    });
  });
});
