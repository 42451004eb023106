import { describe, expect, it } from 'vitest';
import type { SliceResult } from '../bench/load';
import { combineSlices, sliceOrder } from '../bench/slices';

function slice(over: Partial<Omit<SliceResult, 'latencies'>> & { latencies: number[] }): SliceResult {
  const { latencies, ...rest } = over;
  return {
    server: 'ours',
    label: 'ours',
    rooms: 2,
    clients: 3,
    latency: { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 },
    sent: 10,
    expected: 20,
    delivered: 20,
    missing: 0,
    serverCpuPct: 10,
    serverRssMb: 100,
    serverPeakRssMb: 110,
    generatorCpuPct: 20,
    generatorFlag: false,
    connectSeconds: 1,
    unexpectedCloses: [],
    errors: [],
    windowSeconds: 10,
    ...rest,
    latencies: Float32Array.from(latencies),
  };
}

describe('bench slices', () => {
  it('rotates the servers so none always follows the same one', () => {
    expect(sliceOrder(['relay', 'hocuspocus', 'ours'], 3)).toEqual([
      ['relay', 'hocuspocus', 'ours'],
      ['hocuspocus', 'ours', 'relay'],
      ['ours', 'relay', 'hocuspocus'],
    ]);
    expect(sliceOrder(['ours'], 2)).toEqual([['ours'], ['ours']]);
  });

  it('pools the deliveries of every slice before taking percentiles', () => {
    // 99 fast deliveries in one slice, one slow one in the other: the pooled p99 is the fast one,
    // the max the slow one — a mean of per-slice p99s would say otherwise.
    const fast = Array.from({ length: 99 }, (_, i) => 1 + i / 1000);
    const r = combineSlices([
      slice({ latencies: fast }),
      slice({ latencies: [50], sent: 5, expected: 10, delivered: 9, missing: 1 }),
    ]);
    expect(r.latency.count).toBe(100);
    expect(r.latency.p99).toBeLessThan(2);
    expect(r.latency.max).toBe(50);
    expect([r.sent, r.expected, r.delivered, r.missing]).toEqual([15, 30, 29, 1]);
  });

  it('weights CPU by each slice’s time, keeps the last RSS and the highest peak, and flags any generator-bound slice', () => {
    const r = combineSlices([
      slice({
        latencies: [1],
        serverCpuPct: 10,
        windowSeconds: 30,
        serverRssMb: 100,
        serverPeakRssMb: 150,
        generatorFlag: true,
        generatorCpuPct: 75,
      }),
      slice({
        latencies: [1],
        serverCpuPct: 50,
        windowSeconds: 10,
        serverRssMb: 120,
        serverPeakRssMb: 130,
        generatorCpuPct: 15,
      }),
    ]);
    expect(r.serverCpuPct).toBeCloseTo(20);
    expect(r.generatorCpuPct).toBeCloseTo(60);
    expect(r.serverRssMb).toBe(120);
    expect(r.serverPeakRssMb).toBe(150);
    expect(r.generatorFlag).toBe(true);
  });

  it('refuses to combine nothing', () => {
    expect(() => combineSlices([])).toThrow(/no slices/);
  });
});
