import { execFileSync } from 'node:child_process';

/**
 * `--pin`, for investigations: the CPUs split between the load generator (this process and its
 * worker threads) and the server under test, with `taskset` (util-linux). Every server of a run gets
 * the same CPUs, so the comparison stays like for like.
 *
 * In production the clients run on other machines; sharing two cores, the generator's threads and
 * the server wait for each other and evict each other's caches. Pinned, that contention is gone, but
 * the server's GC helper threads share its single core and the generator's threads share theirs —
 * which is why it is not the default (docs/benchmarks.md, item 24).
 */
export interface CpuSplit {
  generator: readonly number[];
  servers: readonly number[];
}

/** Parses a CPU list as taskset prints it: "0-3,6,8-9". */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`not a CPU list: "${list}"`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let c = from; c <= to; c++) cpus.push(c);
  }
  return cpus;
}

export function formatCpuList(cpus: readonly number[]): string {
  return cpus.join(',');
}

/**
 * The first half of the CPUs this process may use goes to the generator, the rest to the servers.
 * Null, with the reason, when that is not possible: fewer than 2 CPUs, or no taskset (not Linux).
 */
export function planCpuSplit(): { split: CpuSplit } | { split: null; why: string } {
  let allowed: number[];
  try {
    const out = execFileSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' });
    allowed = parseCpuList(out.slice(out.lastIndexOf(':') + 1));
  } catch (err) {
    return {
      split: null,
      why: `taskset unavailable (${err instanceof Error ? err.message.split('\n')[0] : err})`,
    };
  }
  if (allowed.length < 2) return { split: null, why: `only ${allowed.length} CPU` };
  const half = Math.floor(allowed.length / 2);
  return { split: { generator: allowed.slice(0, half), servers: allowed.slice(half) } };
}

let serverCpus: readonly number[] | null = null;

/**
 * Pins every thread of this process to the generator's CPUs (worker threads started later inherit
 * it) and makes `serverCommand` pin every server started from now on.
 */
export function applyCpuSplit(split: CpuSplit): void {
  execFileSync('taskset', ['-a', '-c', '-p', formatCpuList(split.generator), String(process.pid)], {
    stdio: 'ignore',
  });
  serverCpus = split.servers;
}

/**
 * The command that runs `node <args>` for a server: through `taskset -c <servers>` once a split is
 * applied. taskset execs node, so the child's pid is the server's own (its /proc stats are read).
 */
export function serverCommand(args: readonly string[]): { file: string; args: string[] } {
  if (serverCpus === null) return { file: process.execPath, args: [...args] };
  return { file: 'taskset', args: ['-c', formatCpuList(serverCpus), process.execPath, ...args] };
}
