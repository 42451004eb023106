import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/bench';

// The benchmark harness end to end at toy size: our real server in a child process, accounts and
// a revealed workshop through the HTTP API, one decoding and two light clients over the real
// y-websocket protocol — and the same against the relay, whose clients write from private docs.
// Asserts only that it works and reports sane numbers — never how fast.
const DRAIN_SECONDS = 5;

describe('bench harness (smoke)', () => {
  it.each(['ours', 'relay'] as const)(
    'drives 1 room × 3 clients through %s and reports every delivery',
    {
      timeout: 180_000,
    },
    async (server) => {
      const result = await runBench({
        mode: 'custom',
        loads: [{ rooms: 1, clients: 3 }],
        servers: [server],
        rate: 2,
        warmupSeconds: 1,
        // Two slices: a second turn's clients get the first turn's markers in their sync, which must
        // never count as this turn's deliveries; and a relay client's private doc must not race the
        // entries the first turn left.
        windowSeconds: 4,
        slices: 2,
        // Generous: a loaded CI machine may be slow, and "missing" must mean lost, not late.
        drainSeconds: DRAIN_SECONDS,
        decodePerRoom: 1,
        workers: 2,
        storage: false,
        bundle: false,
        profile: false,
        // Never pinned inside the test run: it would tie the test worker to a few CPUs.
        pin: false,
        generatorNice: 0,
        log: () => {},
      });
      const [load] = result.loads;
      expect(load).toBeDefined();
      expect(load!.unexpectedCloses).toEqual([]);
      expect(load!.errors).toEqual([]);
      expect(load!.sent).toBeGreaterThan(0);
      expect(load!.expected).toBe(load!.sent * 2);
      expect(load!.missing).toBe(0);
      expect(load!.delivered).toBe(load!.expected);
      for (const v of [load!.latency.p50, load!.latency.p95, load!.latency.p99, load!.latency.max]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(load!.latency.p50).toBeLessThanOrEqual(load!.latency.p99);
      // Attribution, not speed: a delivery counted in a slice is of an edit sent in that slice, so it
      // landed before the slice stopped waiting. A marker left by the first slice and read again in
      // the second slice's sync would carry a send time from before that wait.
      expect(load!.latency.max).toBeLessThan(DRAIN_SECONDS * 1000);
      expect(load!.serverCpuPct).toBeGreaterThanOrEqual(0);
      expect(load!.serverRssMb).toBeGreaterThan(0);
    },
  );
});
