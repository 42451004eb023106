/** The JSON body of every API error: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: unknown };
}

/** Stable error codes. Clients branch on these, never on messages. */
export const ApiErrorCode = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  malformedJson: 'malformed_json',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  csrf: 'csrf',
  notFound: 'not_found',
  conflict: 'conflict',
  gone: 'gone',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  rateLimited: 'rate_limited',
  internal: 'internal_error',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/**
 * What a 429 rate_limited counted against, sent as `details: { scope }`: the client's network
 * address (sign-up, sign-in, invite links) or one account's email (failed sign-ins, AUTH8). The
 * client words its message from this field, never from the server's message text.
 */
export const RateLimitScope = {
  network: 'network',
  account: 'account',
} as const;
export type RateLimitScope = (typeof RateLimitScope)[keyof typeof RateLimitScope];

/** `error.details` of a 429 rate_limited. */
export interface RateLimitDetails {
  scope: RateLimitScope;
}
