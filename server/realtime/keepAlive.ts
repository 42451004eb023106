import type { WebSocket } from 'ws';

export interface KeepAlive {
  /** Starts watching a socket; call it where the socket is created (the handleUpgrade callback). */
  track(ws: WebSocket): void;
  /** Sockets currently watched (tests, stats). */
  readonly size: number;
  stop(): void;
}

/**
 * Dead peers (a laptop lid closed, a dropped Wi-Fi) never send a close frame and would hold their
 * room open forever: ping every socket each interval and terminate those that left the last
 * MISSES_BEFORE_TERMINATE pings unanswered. One miss is tolerated because a pong can arrive just
 * after a tick when the event loop was busy (GC, a big load) — that is a slow peer, not a dead one.
 *
 * Sockets are registered explicitly with `track` rather than through `wss.on('connection')`: our
 * upgrade path (noServer + a handleUpgrade callback) never emits 'connection', and a socket missed
 * there would be terminated on the first tick though perfectly alive.
 */
export const MISSES_BEFORE_TERMINATE = 2;

export function keepAlive(intervalMs: number): KeepAlive {
  // Socket → pings sent since its last pong.
  const sockets = new Map<WebSocket, number>();
  const timer = setInterval(() => {
    for (const [ws, unanswered] of sockets) {
      if (unanswered >= MISSES_BEFORE_TERMINATE) {
        sockets.delete(ws);
        ws.terminate();
        continue;
      }
      sockets.set(ws, unanswered + 1);
      try {
        ws.ping();
      } catch {
        // Not open any more (closing): its 'close' event removes it.
      }
    }
  }, intervalMs);
  timer.unref();
  return {
    track(ws) {
      sockets.set(ws, 0);
      ws.on('pong', () => {
        if (sockets.has(ws)) sockets.set(ws, 0);
      });
      ws.once('close', () => sockets.delete(ws));
    },
    get size() {
      return sockets.size;
    },
    stop() {
      clearInterval(timer);
      sockets.clear();
    },
  };
}
