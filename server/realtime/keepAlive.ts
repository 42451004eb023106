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
 * room open forever: ping every socket each interval and terminate those that did not answer the
 * previous ping.
 *
 * Sockets are registered explicitly with `track` rather than through `wss.on('connection')`: our
 * upgrade path (noServer + a handleUpgrade callback) never emits 'connection', and a socket missed
 * there would be terminated on the first tick though perfectly alive.
 */
export function keepAlive(intervalMs: number): KeepAlive {
  // Socket → answered since the last ping.
  const sockets = new Map<WebSocket, boolean>();
  const timer = setInterval(() => {
    for (const [ws, answered] of sockets) {
      if (!answered) {
        sockets.delete(ws);
        ws.terminate();
        continue;
      }
      sockets.set(ws, false);
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
      sockets.set(ws, true);
      ws.on('pong', () => {
        if (sockets.has(ws)) sockets.set(ws, true);
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
