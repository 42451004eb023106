import { GENERATOR_LIMIT_PCT, type LoadResult, type SliceResult } from './load';
import { percentiles } from './stats';

/**
 * A load's measured window is cut into slices and the servers take turns, slice by slice, so that
 * whatever else the machine does during a run falls on every server alike. Run back to back, one
 * server's 30 s could land in a quiet minute and another's in a busy one: on this 2-core machine
 * the same configuration gave a p99 of 14 ms in one run and 44 ms in the next (docs/benchmarks.md,
 * item 27).
 */

/** Warm-up of a server's later slices: the server is warm by then; the new clients only connect. */
export const LATER_SLICE_WARMUP_SECONDS = 2;

/** Sequence numbers a slice may use before the next slice's start (far above 0.5 edits/s × 30 s). */
export const SEQ_PER_SLICE = 100_000;

/**
 * The order in which the servers run in each round: rotated by one every round, so no server is
 * always first after another's run (whose unloading, compaction or GC may still be going on).
 */
export function sliceOrder<T>(servers: readonly T[], rounds: number): T[][] {
  return Array.from({ length: rounds }, (_, r) => servers.map((_, i) => servers[(i + r) % servers.length]!));
}

/** One server's slices as one result: deliveries pooled, CPU weighted by time, RSS from the last. */
export function combineSlices(slices: readonly SliceResult[]): LoadResult {
  const [first] = slices;
  if (!first) throw new Error('combineSlices: no slices');
  const last = slices[slices.length - 1]!;
  const total = slices.reduce((n, s) => n + s.latencies.length, 0);
  const pooled = new Float32Array(total);
  let at = 0;
  for (const s of slices) {
    pooled.set(s.latencies, at);
    at += s.latencies.length;
  }
  const seconds = slices.reduce((n, s) => n + s.windowSeconds, 0);
  const weighted = (pick: (s: SliceResult) => number) =>
    seconds > 0 ? slices.reduce((n, s) => n + pick(s) * s.windowSeconds, 0) / seconds : 0;
  const sum = (pick: (s: SliceResult) => number) => slices.reduce((n, s) => n + pick(s), 0);
  const generatorCpuPct = weighted((s) => s.generatorCpuPct);
  return {
    server: first.server,
    label: first.label,
    rooms: first.rooms,
    clients: first.clients,
    latency: percentiles(pooled),
    sent: sum((s) => s.sent),
    expected: sum((s) => s.expected),
    delivered: sum((s) => s.delivered),
    missing: sum((s) => s.missing),
    serverCpuPct: weighted((s) => s.serverCpuPct),
    serverRssMb: last.serverRssMb,
    serverPeakRssMb: Math.max(...slices.map((s) => s.serverPeakRssMb)),
    generatorCpuPct,
    // Flagged if any slice was generator-bound, not only on average.
    generatorFlag: slices.some((s) => s.generatorFlag) || generatorCpuPct > GENERATOR_LIMIT_PCT,
    connectSeconds: Math.max(...slices.map((s) => s.connectSeconds)),
    unexpectedCloses: slices.flatMap((s) => s.unexpectedCloses),
    errors: slices.flatMap((s) => s.errors),
  };
}
