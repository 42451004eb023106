import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ApiErrorBody, ApiErrorCode } from '../../shared/apiError';

/** The one error type routes throw; `onApiError` turns it into `{error:{code,message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, ApiErrorCode.notFound, `${what} not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new ApiError(403, ApiErrorCode.forbidden, message);
export const conflict = (message: string) => new ApiError(409, ApiErrorCode.conflict, message);
export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, ApiErrorCode.badRequest, message, details);
export const unauthenticated = (message = 'Sign in to continue.') =>
  new ApiError(401, ApiErrorCode.unauthenticated, message);

export function errorBody(code: ApiErrorCode, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Maps any thrown error to the JSON error shape. Unknown errors are logged and become a 500. */
export function onApiError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  console.error('Unhandled error on', c.req.method, c.req.path, err);
  return c.json(errorBody(ApiErrorCode.internal, 'Something went wrong on the server. Try again.'), 500);
}
