import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/bench';

// The benchmark harness end to end at toy size: our real server in a child process, accounts and
// a revealed workshop through the HTTP API, one decoding and two light clients over the real
// y-websocket protocol. Asserts only that it works and reports sane numbers — never how fast.
describe('bench harness (smoke)', () => {
  it('drives 1 room × 3 clients through our server and reports every delivery', { timeout: 180_000 }, async () => {
    const result = await runBench({
      mode: 'custom',
      loads: [{ rooms: 1, clients: 3 }],
      servers: ['ours'],
      rate: 2,
      warmupSeconds: 1,
      windowSeconds: 3,
      // Generous: a loaded CI machine may be slow, and "missing" must mean lost, not late.
      drainSeconds: 5,
      decodePerRoom: 1,
      workers: 2,
      storage: false,
      bundle: false,
      profile: false,
      // Never pinned inside the test run: it would tie the test worker to a few CPUs.
      pin: false,
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
    expect(load!.serverCpuPct).toBeGreaterThanOrEqual(0);
    expect(load!.serverRssMb).toBeGreaterThan(0);
  });
});
