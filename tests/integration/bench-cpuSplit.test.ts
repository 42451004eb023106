import { describe, expect, it } from 'vitest';
import { parseCpuList, planCpuSplit, serverCommand } from '../bench/cpuSplit';

describe('bench CPU split', () => {
  it('reads CPU lists as taskset prints them', () => {
    expect(parseCpuList('0')).toEqual([0]);
    expect(parseCpuList(' 0,1\n')).toEqual([0, 1]);
    expect(parseCpuList('0-3,6,8-9')).toEqual([0, 1, 2, 3, 6, 8, 9]);
    expect(() => parseCpuList('0-')).toThrow(/not a CPU list/);
    expect(() => parseCpuList('')).toThrow(/not a CPU list/);
  });

  it('gives the generator and the servers disjoint halves of the CPUs this process may use', () => {
    const plan = planCpuSplit();
    if (plan.split === null) {
      // No taskset or a single CPU: the bench then says why in its report.
      expect(plan.why).toMatch(/taskset|CPU/);
      return;
    }
    const { generator, servers } = plan.split;
    expect(generator.length).toBeGreaterThan(0);
    expect(servers.length).toBeGreaterThanOrEqual(generator.length);
    expect(generator.some((c) => servers.includes(c))).toBe(false);
  });

  it('starts servers with plain node until a split is applied', () => {
    expect(serverCommand(['--import', 'tsx', 'x.ts'])).toEqual({
      file: process.execPath,
      args: ['--import', 'tsx', 'x.ts'],
    });
  });
});
