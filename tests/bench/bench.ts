import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { type BundleResult, firstScreenBundle } from './bundle';
import type { ServerKind } from './clients/types';
import { applyCpuSplit, type CpuSplit, planCpuSplit } from './cpuSplit';
import { type LoadResult, runLoad, type SliceResult } from './load';
import {
  removeScratchDirs,
  specsForSlice,
  type Shape,
  startHocuspocus,
  startOurs,
  startRelay,
  type Target,
} from './servers/targets';
import { combineSlices, LATER_SLICE_WARMUP_SECONDS, SEQ_PER_SLICE, sliceOrder } from './slices';
import { type DayLongResult, dayLongWorkshop } from './storage/dayLong';

/** A server a run measures: one of the three, or our server as another commit built it (--baseline). */
export type Contender = ServerKind | 'baseline';

export interface BenchOptions {
  mode: 'quick' | 'full' | 'custom';
  loads: { rooms: number; clients: number }[];
  servers: Contender[];
  /** The checkout the 'baseline' contender runs from (servers/baseline.ts). */
  baselineRoot?: string;
  rate: number;
  warmupSeconds: number;
  /** The measured time per server and load, cut into `slices` turns (slices.ts). */
  windowSeconds: number;
  slices: number;
  drainSeconds: number;
  decodePerRoom: number;
  workers: number;
  storage: boolean;
  bundle: boolean;
  /** Run our server with --cpu-prof (profiles land in tests/bench/.work/prof). */
  profile: boolean;
  /** Give the generator and the servers CPUs of their own (cpuSplit.ts), where the machine allows. */
  pin: boolean;
  /**
   * Nice value of the generator's worker threads: above 0, a server that wants the CPU wins it from
   * the generator, as it would on a machine of its own (item 41). 0 by default.
   */
  generatorNice: number;
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
  quick: {
    loads: [{ rooms: 10, clients: 20 }],
    warmupSeconds: 1.5,
    windowSeconds: 6,
    slices: 1,
    drainSeconds: 1.5,
  },
  full: {
    loads: [
      { rooms: 10, clients: 20 },
      { rooms: 50, clients: 20 },
    ],
    warmupSeconds: 5,
    windowSeconds: 30,
    slices: 3,
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

const starters: Record<Contender, (shape: Shape, o: BenchOptions) => Promise<Target>> = {
  relay: (shape) => startRelay(shape),
  hocuspocus: (shape) => startHocuspocus(shape),
  ours: (shape, o) =>
    startOurs(shape, {
      nodeArgs: o.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'tests/bench/.work/prof')] : [],
    }),
  baseline: async (shape, o) => {
    if (!o.baselineRoot) throw new Error('the baseline server needs --baseline <commit>');
    const target = await startOurs(shape, { root: o.baselineRoot });
    return { ...target, name: 'baseline', label: `ours as built at ${path.basename(o.baselineRoot)}` };
  },
};

/**
 * The whole benchmark: for every load, all servers started (each in its own process) and taking
 * turns, one slice at a time and each alone while it runs; then storage and bundle.
 */
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
  const cpus = o.pin ? planCpuSplit() : { split: null, why: 'the default; --pin splits them' };
  if (cpus.split) applyCpuSplit(cpus.split);
  const loadBefore = loadavg();
  const { dimensionIds, stageIds } = rubricIds();
  const loads: LoadResult[] = [];
  for (const load of o.loads) {
    const targets = new Map<Contender, Target>();
    try {
      for (const kind of o.servers)
        targets.set(kind, await starters[kind]({ ...load, decodePerRoom: o.decodePerRoom }, o));
      const slices = new Map<Contender, SliceResult[]>(o.servers.map((k) => [k, []]));
      for (const [round, order] of sliceOrder(o.servers, o.slices).entries()) {
        for (const kind of order) {
          const slice = await runSlice(targets.get(kind)!, round, o, dimensionIds, stageIds);
          slices.get(kind)!.push(slice);
        }
      }
      for (const kind of o.servers) {
        const r = combineSlices(slices.get(kind)!);
        o.log(
          `${kind} @ ${load.rooms}×${load.clients}: p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, ` +
            `missing ${r.missing}/${r.expected}, server CPU ${r.serverCpuPct.toFixed(0)} %, RSS ${r.serverRssMb.toFixed(0)} MB, ` +
            `generator ${r.generatorCpuPct.toFixed(0)} %`,
        );
        loads.push(r);
      }
    } finally {
      for (const target of targets.values()) await target.server.stop();
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

/**
 * One slice of one server: fresh clients connect, warm up, are measured, drain. A server's first
 * slice warms up fully (the JIT, the first loads); later ones only let the reconnection settle.
 */
async function runSlice(
  target: Target,
  round: number,
  o: BenchOptions,
  dimensionIds: string[],
  stageIds: string[],
): Promise<SliceResult> {
  const window = o.windowSeconds / o.slices;
  o.log(
    `${target.kind} @ ${target.specs.length} clients, slice ${round + 1}/${o.slices}: ` +
      `${o.rate} edits/s/client, ${window} s window`,
  );
  const r = await runLoad(
    { ...target, specs: specsForSlice(target.specs, round) },
    {
      rate: o.rate,
      warmupSeconds: round === 0 ? o.warmupSeconds : Math.min(o.warmupSeconds, LATER_SLICE_WARMUP_SECONDS),
      windowSeconds: window,
      drainSeconds: o.drainSeconds,
      workers: o.workers,
      generatorNice: o.generatorNice,
      dimensionIds,
      stageIds,
      rationaleChars: 160,
      hocuspocusVersion: hocuspocusVersion(),
      seqBase: round * SEQ_PER_SLICE,
      log: o.log,
    },
  );
  o.log(
    `  p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, missing ${r.missing}/${r.expected}`,
  );
  return r;
}
