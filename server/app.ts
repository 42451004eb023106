import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { ApiErrorCode } from '../shared/apiError';
import { sessionMiddleware } from './auth/middleware';
import type { AppDeps } from './deps';
import type { AppEnv } from './http/env';
import { errorBody, onApiError } from './http/errors';
import { openApiDocument } from './http/openapi';
import { requireSameOrigin } from './http/origin';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { consensusRoutes } from './routes/consensus';
import { inviteRoutes } from './routes/invites';
import { memberRoutes } from './routes/members';
import { reportRoutes } from './routes/report';
import { roomActionRoutes } from './routes/roomActions';
import { rubricRoutes } from './routes/rubrics';
import { workshopRoutes } from './routes/workshops';

/**
 * Builds the HTTP app. Never listens: server/index.ts does that, tests call `app.request()`.
 * Static client files are mounted by the caller (see server/static.ts) so tests need no build.
 */
/**
 * API answers hold a person's data (their account, ratings, reports): no browser or proxy cache may
 * keep them, e.g. for the next user of a shared computer in a college library. A route that knows
 * better sets its own Cache-Control.
 */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(onApiError);

  app.get('/healthz', (c) => {
    // A trivial query proves the database is open and migrated (the migration ran in openDatabase).
    deps.database.sqlite.prepare('select 1').get();
    return c.json({ status: 'ok' });
  });

  const api = new Hono<AppEnv>();
  api.use(
    '*',
    noStore,
    // overwrite: false lets a route tighten a header (invite routes send Referrer-Policy: no-referrer).
    secureHeaders({ crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'same-origin', overwrite: false }),
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      onError: (c) =>
        c.json(
          errorBody(ApiErrorCode.payloadTooLarge, `The request body is larger than ${deps.config.maxBodyBytes} bytes.`),
          413,
        ),
    }),
    requireSameOrigin(deps.config),
    sessionMiddleware(deps),
  );
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.route('/', rubricRoutes(deps));
  api.route('/', authRoutes(deps));
  api.route('/', workshopRoutes(deps));
  api.route('/', inviteRoutes(deps));
  api.route('/', memberRoutes(deps));
  api.route('/', roomActionRoutes(deps));
  api.route('/', consensusRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.all('*', (c) => c.json(errorBody(ApiErrorCode.notFound, `No API route ${c.req.method} ${c.req.path}.`), 404));
  app.route('/api', api);
  return app;
}
