import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RealtimeLog } from './log';

/**
 * Watches event-loop delay. A hostile update that slipped past the guard, or an overloaded server,
 * shows up here first: every room shares this one loop. Logs a warning when the worst delay of a
 * window exceeds `warnMs`.
 */
export function watchEventLoopLag(log: RealtimeLog, options: { windowMs?: number; warnMs?: number } = {}) {
  const windowMs = options.windowMs ?? 10_000;
  const warnMs = options.warnMs ?? 200;
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let last = { p99Ms: 0, maxMs: 0 };
  const timer = setInterval(() => {
    last = { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
    if (last.maxMs > warnMs) log.warn('event loop lag', { p99Ms: Math.round(last.p99Ms), maxMs: Math.round(last.maxMs) });
    histogram.reset();
  }, windowMs);
  timer.unref();
  return {
    current: () => last,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
