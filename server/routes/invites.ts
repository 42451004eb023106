import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';

// Placeholder: filled in by its feature. Mounted under /api by createApp.
export function inviteRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
