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

/**
 * The interval is cut into this many ticks, each pinging only its own slice of the sockets: a
 * `ws.ping()` costs ~45 µs (a syscall), so pinging 2,000 sockets in one tick blocked the event loop
 * ~90 ms and delayed every realtime message in that window.
 */
export const PING_SLICES = 10;

export function keepAlive(intervalMs: number): KeepAlive {
  // At least 1 ms per tick; a very short interval gets fewer slices rather than a longer round.
  const sliceCount = Math.max(1, Math.min(PING_SLICES, Math.floor(intervalMs)));
  // One map per slice: socket → pings sent since its last pong. A tick handles one slice, so every
  // socket is visited once per round of sliceCount ticks (≈ intervalMs).
  const slices = Array.from({ length: sliceCount }, () => new Map<WebSocket, number>());
  let cursor = 0;
  const timer = setInterval(
    () => {
      const slice = slices[cursor]!;
      cursor = (cursor + 1) % sliceCount;
      for (const [ws, unanswered] of slice) {
        if (unanswered >= MISSES_BEFORE_TERMINATE) {
          slice.delete(ws);
          ws.terminate();
          continue;
        }
        slice.set(ws, unanswered + 1);
        try {
          ws.ping();
        } catch {
          // Not open any more (closing): its 'close' event removes it.
        }
      }
    },
    Math.max(1, Math.floor(intervalMs / sliceCount)),
  );
  timer.unref();
  return {
    track(ws) {
      // The emptiest slice (round-robin while nothing closes): keeps slices even as sockets churn.
      const slice = slices.reduce((least, s) => (s.size < least.size ? s : least));
      slice.set(ws, 0);
      ws.on('pong', () => {
        if (slice.has(ws)) slice.set(ws, 0);
      });
      ws.once('close', () => slice.delete(ws));
    },
    get size() {
      return slices.reduce((n, s) => n + s.size, 0);
    },
    stop() {
      clearInterval(timer);
      for (const s of slices) s.clear();
    },
  };
}
