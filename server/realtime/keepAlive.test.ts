import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { type KeepAlive, keepAlive, MISSES_BEFORE_TERMINATE, PING_SLICES } from './keepAlive';

const INTERVAL_MS = 1_000;
const TICK_MS = INTERVAL_MS / PING_SLICES;

/** A socket that answers each ping with a pong a moment later, or never (a dead peer). */
function fakeSocket(answersPings: boolean) {
  const ws = new EventEmitter() as EventEmitter & {
    ping: ReturnType<typeof vi.fn>;
    terminate: ReturnType<typeof vi.fn>;
  };
  ws.ping = vi.fn(() => {
    if (answersPings) setTimeout(() => ws.emit('pong'), 5);
  });
  ws.terminate = vi.fn(() => ws.emit('close'));
  return ws;
}
const asWs = (ws: EventEmitter) => ws as unknown as WebSocket;

describe('keepAlive', () => {
  let pings: KeepAlive;
  beforeEach(() => {
    vi.useFakeTimers();
    pings = keepAlive(INTERVAL_MS);
  });
  afterEach(() => {
    pings.stop();
    vi.useRealTimers();
  });

  it('pings every socket once per interval, spread so no tick pings more than its share', () => {
    const n = 100;
    const sockets = Array.from({ length: n }, () => fakeSocket(true));
    for (const ws of sockets) pings.track(asWs(ws));
    const total = () => sockets.reduce((sum, ws) => sum + ws.ping.mock.calls.length, 0);
    for (let round = 1; round <= 3; round++) {
      for (let tick = 0; tick < PING_SLICES; tick++) {
        const before = total();
        vi.advanceTimersByTime(TICK_MS);
        expect(total() - before).toBeLessThanOrEqual(Math.ceil(n / PING_SLICES));
      }
      for (const ws of sockets) expect(ws.ping).toHaveBeenCalledTimes(round);
    }
  });

  it('never terminates a socket that answers its pings', () => {
    const ws = fakeSocket(true);
    pings.track(asWs(ws));
    vi.advanceTimersByTime(20 * INTERVAL_MS);
    expect(ws.ping).toHaveBeenCalledTimes(20);
    expect(ws.terminate).not.toHaveBeenCalled();
    expect(pings.size).toBe(1);
  });

  it('terminates a silent socket once MISSES_BEFORE_TERMINATE pings went unanswered', () => {
    const alive = fakeSocket(true);
    const dead = fakeSocket(false);
    pings.track(asWs(alive));
    pings.track(asWs(dead));
    vi.advanceTimersByTime(MISSES_BEFORE_TERMINATE * INTERVAL_MS);
    expect(dead.ping).toHaveBeenCalledTimes(MISSES_BEFORE_TERMINATE);
    expect(dead.terminate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(INTERVAL_MS);
    expect(dead.terminate).toHaveBeenCalledTimes(1);
    expect(dead.ping).toHaveBeenCalledTimes(MISSES_BEFORE_TERMINATE);
    expect(alive.terminate).not.toHaveBeenCalled();
    expect(pings.size).toBe(1);
  });

  it('forgets a socket when it closes', () => {
    const ws = fakeSocket(false);
    pings.track(asWs(ws));
    expect(pings.size).toBe(1);
    ws.emit('close');
    expect(pings.size).toBe(0);
    vi.advanceTimersByTime(5 * INTERVAL_MS);
    expect(ws.ping).not.toHaveBeenCalled();
    expect(ws.terminate).not.toHaveBeenCalled();
  });
});
