import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { Rubric } from '../../rubric/schema';
import { parseDocName } from '../../shared/docNames';
import { CloseCode, CloseReason } from '../../shared/protocol';
import { recordAudit } from '../audit/record';
import type { Config } from '../config';
import type { Database_ } from '../db/client';
import type { RealtimeBridge } from './bridge';
import { Connection, type ConnectionLimits } from './connection';
import type { DocStore } from './docStore';
import { watchEventLoopLag } from './eventLoopLag';
import { keepAlive } from './keepAlive';
import { consoleRealtimeLog, errorMessage, type RealtimeLog } from './log';
import { resolveAccess } from './permissions';
import { PersistQueue } from './persistQueue';
import { noopProjectorFactory, type ProjectorFactory } from './projectorPort';
import { createRealtimeBridge } from './realtimeBridge';
import { RoomRegistry } from './roomRegistry';
import type { UpgradeAuthenticator } from './sessionAuth';
import { SessionConnections } from './sessionConnections';
import { createSqliteDocStore } from './sqliteDocStore';
import { handleUpgrade } from './upgrade';

/**
 * A user's sockets across all their sessions are capped at this many sessions' worth: a laptop, a
 * phone and the room's projector signed in as the same facilitator, each with several tabs.
 */
export const SESSIONS_PER_USER = 3;

export interface RealtimeDeps {
  config: Config;
  database: Database_;
  rubrics: ReadonlyMap<string, Rubric>;
  now: () => number;
  authenticate: UpgradeAuthenticator;
  /** Defaults to the SQLite store on `database`. */
  store?: DocStore;
  /** Defaults to a projector that does nothing (transport-only tests). */
  createProjector?: ProjectorFactory;
  log?: RealtimeLog;
  /** Least updates after a snapshot before compaction (default 200); the log must also have reached the snapshot's size. */
  compactEvery?: number;
  limits?: Partial<ConnectionLimits>;
  /** Keep-alive ping period; a socket that has not answered the previous ping is terminated (default 30 s). */
  pingIntervalMs?: number;
}

export interface RealtimeStats {
  workshops: number;
  rooms: number;
  connections: number;
  peers: number;
  unloading: number;
  sockets: number;
  pendingWrites: number;
  eventLoop: { p99Ms: number; maxMs: number };
}

export interface Realtime {
  bridge: RealtimeBridge;
  stats(): RealtimeStats;
  /**
   * Closes (4411) sockets whose session has expired or disappeared without a logout telling the
   * bridge. Runs every SESSION_RECHECK_MS; exposed so tests need not wait.
   */
  revalidateSessions(): void;
  /** The loaded doc of that name, or null (tests compare it with clients and storage). */
  liveDoc(docName: string): Y.Doc | null;
  /** SIGTERM: stop accepting, flush every accepted update, close sockets with 1001. Idempotent. */
  close(): Promise<void>;
}

const PING_INTERVAL_MS = 30_000;
const SESSION_RECHECK_MS = 30_000;

/**
 * The real-time transport on an existing HTTP server: `/sync/<docName>` speaking the unmodified
 * y-websocket protocol (docs/sync.md). Returns the bridge the HTTP routes use.
 */
export function attachRealtime(httpServer: Server, deps: RealtimeDeps): Realtime {
  const { config, database, now } = deps;
  const log = deps.log ?? consoleRealtimeLog(config.logLevel);
  const store = deps.store ?? createSqliteDocStore(database.db, now);
  const queue = new PersistQueue(store);
  const limits: ConnectionLimits = {
    maxMessagesPerSecond: config.ws.maxMessagesPerSecond,
    maxDocBytes: config.ws.maxDocBytes,
    maxQueuedMessages: 256,
    maxQueuedBytes: config.ws.maxMessageBytes * 2,
    maxAwarenessPerSecond: 20,
    maxBufferedBytes: Math.max(16 * 1024 * 1024, config.ws.maxMessageBytes * 4),
    ...deps.limits,
  };
  const registry = new RoomRegistry(
    {
      db: database.db,
      rubrics: deps.rubrics,
      now,
      store,
      queue,
      log,
      compactEvery: deps.compactEvery ?? 200,
      rebaseAfterTombstones: config.ws.rebaseAfterTombstones,
      maxDocBytes: config.ws.maxDocBytes,
      createProjector: deps.createProjector ?? noopProjectorFactory,
    },
    log,
  );
  // maxPayload: ws refuses bigger frames itself, closing with 1009 before buffering them.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.ws.maxMessageBytes });
  const openSessions = new SessionConnections();
  const lag = watchEventLoopLag(log);
  const pings = keepAlive(deps.pingIntervalMs ?? PING_INTERVAL_MS);
  let closing = false;

  const hooks = {
    log,
    limits,
    onWriteRefused(conn: Connection, bytes: number) {
      log.warn('write to read-only document refused', { docName: conn.docName, memberId: conn.member.id, bytes });
      try {
        // One transaction: the actor's role is read and recorded at the same instant (AUDIT4), as
        // every other audited action does it.
        database.db.transaction((tx) =>
          recordAudit(tx, {
            workshopId: conn.address.workshopId,
            at: now(),
            actorMemberId: conn.member.id,
            actorUserId: conn.principal.userId,
            action: 'sync.write_refused',
            target: conn.docName,
            after: { bytes },
          }),
        );
      } catch (err) {
        log.error('could not audit a refused write', { error: errorMessage(err) });
      }
    },
    onClose(conn: Connection) {
      openSessions.remove(conn);
      registry.leave(conn);
    },
  };

  const onUpgrade = (req: Parameters<typeof handleUpgrade>[1], socket: Parameters<typeof handleUpgrade>[2], head: Buffer) => {
    if (closing) return socket.destroy();
    try {
      handleUpgrade(
        {
          config,
          wss,
          authenticate: deps.authenticate,
          log,
          keepAlive: pings,
          onSocket(ws, principal, docName, address, socket) {
            const decision = resolveAccess(database.db, principal.userId, address);
            if (decision.access === 'none') {
              ws.close(decision.code, CloseReason[decision.code]);
              setTimeout(() => ws.terminate(), 1000).unref();
              return;
            }
            // One session opening hundreds of sockets would exhaust memory for everyone; so would
            // one account signing in again and again, each sign-in a new session with a cap of its own.
            if (
              openSessions.count(principal.sessionId) >= config.ws.maxConnectionsPerSession ||
              openSessions.countForUser(principal.userId) >= config.ws.maxConnectionsPerSession * SESSIONS_PER_USER
            ) {
              ws.close(CloseCode.tooManyConnections, CloseReason[CloseCode.tooManyConnections]);
              setTimeout(() => ws.terminate(), 1000).unref();
              return;
            }
            const conn = new Connection(ws, principal, docName, address, decision.access, decision.member, decision.user, hooks, socket);
            openSessions.add(conn);
            void registry.join(conn);
          },
        },
        req,
        socket,
        head,
      );
    } catch (err) {
      log.error('upgrade failed', { error: errorMessage(err) });
      socket.destroy();
    }
  };
  httpServer.on('upgrade', onUpgrade);

  const revalidateSessions = () => openSessions.closeExpired(database.db, now());
  const sessionTimer = setInterval(() => {
    try {
      revalidateSessions();
    } catch (err) {
      log.error('session re-check failed', { error: errorMessage(err) });
    }
  }, SESSION_RECHECK_MS);
  sessionTimer.unref();

  const bridge = createRealtimeBridge({ db: database.db, store, registry, sessions: openSessions });

  return {
    bridge,
    revalidateSessions,
    liveDoc(docName) {
      const address = parseDocName(docName);
      const group = address && registry.group(address.workshopId);
      if (!address || !group) return null;
      return address.kind === 'workshop' ? group.workshopRoom.doc : (group.memberRoom(address.memberId)?.doc ?? null);
    },
    stats: () => ({
      ...registry.stats(),
      sockets: wss.clients.size,
      pendingWrites: queue.pending,
      eventLoop: lag.current(),
    }),
    async close() {
      if (closing) return;
      closing = true;
      httpServer.off('upgrade', onUpgrade);
      pings.stop();
      clearInterval(sessionTimer);
      lag.stop();
      // Stop reading new frames first, so nothing is accepted after the final flush.
      for (const conn of registry.allConnections()) conn.close(CloseCode.goingAway);
      await queue.flush();
      await registry.closeAll();
      await queue.flush();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

