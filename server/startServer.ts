import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { loadRubrics } from '../rubric/loader';
import type { Rubric } from '../rubric/schema';
import { createApp } from './app';
import { sessionCookieName } from './auth/cookie';
import { type SessionDeps, validateSessionToken } from './auth/session';
import type { Config } from './config';
import { type Database_, databaseFile, openDatabase } from './db/client';
import type { AppEnv } from './http/env';
import { attachRealtime, type Realtime, type RealtimeDeps } from './realtime/attachRealtime';
import type { RealtimeBridge } from './realtime/bridge';
import { createWorkshopProjector } from './realtime/projection/workshopProjector';
import { cookieAuthenticator, type UpgradeAuthenticator } from './realtime/sessionAuth';
import { DeadlineScheduler } from './room/deadlineScheduler';
import { mountClient } from './static';

export interface StartServerOptions {
  config: Config;
  /** An open database; default: open (and migrate) `config.dataDir`'s database. Closed by close() only if opened here. */
  database?: Database_;
  rubrics?: ReadonlyMap<string, Rubric>;
  now?: () => number;
  /** Session check for websocket upgrades; default: the session cookie via server/auth. */
  authenticate?: UpgradeAuthenticator;
  /** Serve the built client from this directory. */
  clientDir?: string;
  /** Overrides for the realtime layer (store, projector, limits) — tests only. */
  realtime?: Partial<Omit<RealtimeDeps, 'config' | 'database' | 'rubrics' | 'now' | 'authenticate'>>;
}

export interface RunningServer {
  port: number;
  /** http://localhost:<port> */
  url: string;
  app: Hono<AppEnv>;
  database: Database_;
  realtime: Realtime;
  httpServer: Server;
  /** Flushes and closes sockets (1001), stops listening, closes the database if it opened it. */
  close(): Promise<void>;
}

/**
 * Builds and starts the whole server — HTTP app and websocket sync on one port. server/index.ts
 * calls it with the environment's config; tests call it with port 0 and get a real server in-process.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const ownsDatabase = !options.database;
  const database =
    options.database ?? openDatabase(databaseFile(config.dataDir), { backgroundCheckpoints: true });
  const rubrics = options.rubrics ?? loadRubrics();
  const now = options.now ?? Date.now;
  // The app needs the bridge and the bridge needs the HTTP server the app runs on: a forwarding
  // bridge breaks the cycle until attachRealtime has run (before the first request can arrive).
  let bridge: RealtimeBridge | null = null;
  const forward: RealtimeBridge = {
    workshopChanged: (id) => bridge!.workshopChanged(id),
    memberRemoved: (w, m) => bridge!.memberRemoved(w, m),
    sessionEnded: (s) => bridge!.sessionEnded(s),
    memberRatings: (id) => bridge!.memberRatings(id),
    workshopDocState: (id) => bridge!.workshopDocState(id),
  };
  const deadlines = new DeadlineScheduler({
    database,
    rubrics,
    realtime: forward,
    now,
    onError: (workshopId, err) =>
      console.error('rating deadline: reveal failed; retried at the next start', { workshopId, err }),
  });
  const app = createApp({ config, database, rubrics, realtime: forward, now, deadlines });
  if (options.clientDir) mountClient(app, options.clientDir);

  const httpServer = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  // Keep idle HTTP connections longer than load balancers do (60 s is common), and than Node's 5 s
  // default: a client that reuses a socket the server is just closing gets ECONNRESET, and only
  // browsers retry such a request — API clients and proxies do not.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const realtime = attachRealtime(httpServer, {
    createProjector: createWorkshopProjector,
    ...options.realtime,
    config,
    database,
    rubrics,
    now,
    authenticate: options.authenticate ?? sessionCookieAuthenticator({ database, config, now }),
  });
  bridge = realtime.bridge;
  // After the bridge: a deadline that passed while the server was down reveals at once (ROOM12).
  deadlines.start();
  await new Promise<void>((resolve, reject) => {
    if (httpServer.listening) return resolve();
    httpServer.once('listening', () => resolve());
    httpServer.once('error', reject);
  });
  const port = (httpServer.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    port,
    url: `http://localhost:${port}`,
    app,
    database,
    realtime,
    httpServer,
    close() {
      closed ??= (async () => {
        await deadlines.stop();
        await realtime.close();
        httpServer.closeAllConnections?.();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        if (ownsDatabase) database.close();
      })();
      return closed;
    },
  };
}

/**
 * The websocket upgrade authenticates exactly like an HTTP request: the session cookie, validated
 * by server/auth/session.ts (which also slides its expiry).
 */
function sessionCookieAuthenticator(deps: SessionDeps): UpgradeAuthenticator {
  return cookieAuthenticator([sessionCookieName(deps.config)], (token) => {
    const valid = validateSessionToken(deps, token);
    return valid ? { userId: valid.user.id, sessionId: valid.session.id } : null;
  });
}
