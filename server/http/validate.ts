import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiErrorCode } from '../../shared/apiError';
import { ApiError } from './errors';

/**
 * Reads and validates a JSON body. Malformed JSON → 400 malformed_json; schema failure → 400
 * validation_failed naming the first bad field (schemas are strict, so extra fields fail too).
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  // The media type only: parameters (`; charset=utf-8`) may follow, other types may not
  // (`application/jsonp` is not JSON).
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(415, ApiErrorCode.unsupportedMediaType, 'Send the body as JSON (Content-Type: application/json).');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, ApiErrorCode.malformedJson, 'The request body is not valid JSON.');
  }
  return parseWith(schema, raw);
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : 'body';
    throw new ApiError(400, ApiErrorCode.validation, `${field}: ${issue.message}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
