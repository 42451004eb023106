/** The JSON body of every API error: `{ error: { code, message } }`. */
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
