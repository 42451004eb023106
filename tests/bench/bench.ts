import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { type BundleResult, firstScreenBundle } from './bundle';
import type { ServerKind } from './clients/types';
import { applyCpuSplit, type CpuSplit, planCpuSplit } from './cpuSplit';
import { type LoadResult, runLoad } from './load';
import { removeScratchDirs, type Shape, startHocuspocus, startOurs, startRelay, type Target } from './servers/targets';
import { type DayLongResult, dayLongWorkshop } from './storage/dayLong';

export interface BenchOptions {
  mode: 'quick' | 'full' | 'custom';
  loads: { rooms: number; clients: number }[];
  servers: ServerKind[];
  rate: number;
  warmupSeconds: number;
  windowSeconds: number;
  drainSeconds: number;
  decodePerRoom: number;
  workers: number;
  storage: boolean;
  bundle: boolean;
  /** Run our server with --cpu-prof (profiles land in tests/bench/.work/prof). */
  profile: boolean;
  /** Give the generator and the servers CPUs of their own (cpuSplit.ts), where the machine allows. */
  pin: boolean;
  log: (line: string) => void;
}

export interface BenchResult {
  options: Omit<BenchOptions, 'log'>;
  loads: LoadResult[];
  dayLong: DayLongResult | null;
  bundle: BundleResult | null;
  startedAt: string;
  /** How the CPUs were split between generator and servers, or why they were not. */
  cpus: { split: CpuSplit } | { split: null; why: string };
  loadAverage: { before: number[]; after: number[] };
  seconds: number;
}

export const PROFILES = {
  quick: { loads: [{ rooms: 10, clients: 20 }], warmupSeconds: 1.5, windowSeconds: 6, drainSeconds: 1.5 },
  full: {
    loads: [
      { rooms: 10, clients: 20 },
      { rooms: 50, clients: 20 },
    ],
    warmupSeconds: 5,
    windowSeconds: 30,
    drainSeconds: 3,
  },
} as const;

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

function rubricIds(): { dimensionIds: string[]; stageIds: string[] } {
  const rubric = JSON.parse(readFileSync(path.join(ROOT, 'rubric', 'ler-engagement.json'), 'utf8')) as {
    stages: { id: string }[];
    categories: { dimensions: { id: string }[] }[];
  };
  return {
    dimensionIds: rubric.categories.flatMap((c) => c.dimensions.map((d) => d.id)),
    stageIds: rubric.stages.map((s) => s.id),
  };
}

function hocuspocusVersion(): string {
  // Read from disk: the package's exports map does not expose its package.json.
  const file = path.join(ROOT, 'node_modules', '@hocuspocus', 'provider', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const starters: Record<ServerKind, (shape: Shape, o: BenchOptions) => Promise<Target>> = {
  relay: (shape) => startRelay(shape),
  hocuspocus: (shape) => startHocuspocus(shape),
  ours: (shape, o) =>
    startOurs(shape, {
      nodeArgs: o.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'tests/bench/.work/prof')] : [],
    }),
};

/** The whole benchmark: every load on every server (one at a time, each alone), then storage and bundle. */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  try {
    return await runAll(o);
  } finally {
    // Every server is stopped by then; its data folder is of no further use.
    removeScratchDirs();
  }
}

async function runAll(o: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const cpus = o.pin ? planCpuSplit() : { split: null, why: 'the default (--pin splits them)' };
  if (cpus.split) applyCpuSplit(cpus.split);
  const loadBefore = loadavg();
  const { dimensionIds, stageIds } = rubricIds();
  const loads: LoadResult[] = [];
  for (const load of o.loads) {
    for (const kind of o.servers) {
      o.log(`${kind} @ ${load.rooms}×${load.clients}, ${o.rate} edits/s/client, ${o.windowSeconds} s window`);
      const target = await starters[kind]({ ...load, decodePerRoom: o.decodePerRoom }, o);
      try {
        const r = await runLoad(target, {
          rate: o.rate,
          warmupSeconds: o.warmupSeconds,
          windowSeconds: o.windowSeconds,
          drainSeconds: o.drainSeconds,
          workers: o.workers,
          dimensionIds,
          stageIds,
          rationaleChars: 160,
          hocuspocusVersion: hocuspocusVersion(),
          log: o.log,
        });
        o.log(
          `  p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, missing ${r.missing}/${r.expected}, ` +
            `server CPU ${r.serverCpuPct.toFixed(0)} %, RSS ${r.serverRssMb.toFixed(0)} MB, generator ${r.generatorCpuPct.toFixed(0)} %`,
        );
        loads.push(r);
      } finally {
        await target.server.stop();
      }
    }
  }
  let dayLong: DayLongResult | null = null;
  if (o.storage) {
    o.log('day-long workshop (30 members × 9 dimensions × 20 changes + 500 comments)');
    dayLong = await dayLongWorkshop({ members: 30, changesPerDimension: 20, comments: 500, log: o.log });
  }
  let bundle: BundleResult | null = null;
  if (o.bundle) {
    o.log('first-screen JavaScript (vite build)');
    bundle = await firstScreenBundle();
  }
  const { log: _log, ...options } = o;
  return {
    options,
    loads,
    dayLong,
    bundle,
    startedAt: new Date().toISOString(),
    cpus,
    loadAverage: { before: loadBefore, after: loadavg() },
    seconds: (performance.now() - started) / 1000,
  };
}
