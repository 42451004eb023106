import type { WebSocketServer } from 'ws';

/**
 * Dead peers (a laptop lid closed, a dropped Wi-Fi) never send a close frame and would hold their
 * room open forever: ping every socket each interval and terminate those that did not answer the
 * previous ping.
 */
export function keepAlive(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<object>();
  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
