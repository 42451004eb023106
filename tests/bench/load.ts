import { Worker } from 'node:worker_threads';
import { nowMicros } from './clients/marker';
import type { ClientSpec, EditPlan, FromWorker, ToWorker, WorkerResult } from './clients/types';
import type { Target } from './servers/targets';
import { cpuPercent, type Percentiles, percentiles, sampleProcess, watchRss } from './stats';

export interface LoadOptions {
  rate: number;
  warmupSeconds: number;
  windowSeconds: number;
  /** Time after the last edit for the last deliveries to land before counting what is missing. */
  drainSeconds: number;
  workers: number;
  /** Nice value the generator's threads take (0: share the CPUs equally with the servers; item 41). */
  generatorNice: number;
  dimensionIds: string[];
  stageIds: string[];
  rationaleChars: number;
  hocuspocusVersion: string;
  /** See EditPlan.seqBase: 0 for a server's first slice. */
  seqBase: number;
  log: (line: string) => void;
}

export interface LoadResult {
  server: string;
  label: string;
  rooms: number;
  clients: number;
  latency: Percentiles;
  sent: number;
  expected: number;
  delivered: number;
  missing: number;
  serverCpuPct: number;
  serverRssMb: number;
  serverPeakRssMb: number;
  generatorCpuPct: number;
  generatorFlag: boolean;
  connectSeconds: number;
  unexpectedCloses: string[];
  errors: string[];
}

/** One slice's result, with what combining slices needs (slices.ts). */
export interface SliceResult extends LoadResult {
  /** Every measured delivery's latency in ms. */
  latencies: Float32Array;
  windowSeconds: number;
}

export const GENERATOR_LIMIT_PCT = 70;

function startWorker(nice: number): Worker {
  return new Worker(new URL('./clients/workerBoot.mjs', import.meta.url), { workerData: { nice } });
}

function send(w: Worker, msg: ToWorker): void {
  w.postMessage(msg);
}

function next(w: Worker, type: FromWorker['type'], timeoutMs: number): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`worker: no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: FromWorker) => {
      if (m.type === 'failed') {
        cleanup();
        reject(new Error(m.error));
      } else if (m.type === type) {
        cleanup();
        resolve(m);
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    };
    w.on('message', onMessage);
    w.on('error', onError);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Drives the target's clients through connect → warm-up → window → drain and measures it. */
export async function runLoad(target: Target, opts: LoadOptions): Promise<SliceResult> {
  const rooms = new Set(target.specs.map((s) => s.room)).size;
  const clientsPerRoom = target.specs.length / rooms;
  const nWorkers = Math.max(1, Math.min(opts.workers, target.specs.length));
  const shares: ClientSpec[][] = Array.from({ length: nWorkers }, () => []);
  for (const [i, s] of target.specs.entries()) shares[i % nWorkers]!.push(s);
  const workers = shares.map(() => startWorker(opts.generatorNice));
  try {
    // Thread start-up (loading tsx, yjs, the providers) is not connection time.
    await Promise.all(workers.map((w) => next(w, 'ready', 120_000)));
    const connectStarted = performance.now();
    const connected = workers.map((w) => next(w, 'connected', 120_000));
    for (const [i, w] of workers.entries()) {
      send(w, { type: 'connect', clients: shares[i]!, hocuspocusVersion: opts.hocuspocusVersion });
    }
    await Promise.all(connected);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    opts.log(`  ${target.kind}: ${target.specs.length} clients synced in ${connectSeconds.toFixed(1)} s`);

    const t0 = nowMicros();
    const plan: EditPlan = {
      rate: opts.rate,
      measureFromMicros: t0 + opts.warmupSeconds * 1e6,
      stopAtMicros: t0 + (opts.warmupSeconds + opts.windowSeconds) * 1e6,
      dimensionIds: opts.dimensionIds,
      stageIds: opts.stageIds,
      rationaleChars: opts.rationaleChars,
      seqBase: opts.seqBase,
    };
    for (const w of workers) send(w, { type: 'run', plan });
    await sleep(opts.warmupSeconds * 1000);
    const rss = watchRss(target.server.pid);
    const serverBefore = sampleProcess(target.server.pid);
    const genBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await sleep(opts.windowSeconds * 1000);
    const serverAfter = sampleProcess(target.server.pid);
    const gen = process.cpuUsage(genBefore);
    const wall = (performance.now() - wallBefore) / 1000;
    const peakRss = rss.stop();
    await sleep(opts.drainSeconds * 1000);

    const results = await Promise.all(
      workers.map(async (w) => {
        const got = next(w, 'result', 60_000);
        send(w, { type: 'collect' });
        return ((await got) as { result: WorkerResult }).result;
      }),
    );
    return summarise(target, results, {
      rooms,
      clientsPerRoom,
      serverCpuPct: cpuPercent(serverBefore, serverAfter),
      serverRss: serverAfter.rssBytes,
      peakRss,
      generatorCpuPct: (100 * (gen.user + gen.system)) / 1e6 / wall,
      connectSeconds,
      windowSeconds: wall,
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function summarise(
  target: Target,
  results: WorkerResult[],
  m: {
    rooms: number;
    clientsPerRoom: number;
    serverCpuPct: number;
    serverRss: number;
    peakRss: number;
    generatorCpuPct: number;
    connectSeconds: number;
    windowSeconds: number;
  },
): SliceResult {
  const measured = new Set<number>();
  for (const r of results) for (const id of r.sentMeasured) measured.add(id);
  const kept: number[] = [];
  for (const r of results) {
    for (let i = 0; i < r.recvEditIds.length; i++) {
      if (measured.has(r.recvEditIds[i]!)) kept.push(r.recvLatencyMs[i]!);
    }
  }
  const latencies = Float32Array.from(kept);
  const expected = measured.size * (m.clientsPerRoom - 1);
  return {
    server: target.name ?? target.kind,
    label: target.label,
    rooms: m.rooms,
    clients: m.clientsPerRoom,
    latency: percentiles(latencies),
    sent: measured.size,
    expected,
    delivered: latencies.length,
    missing: expected - latencies.length,
    serverCpuPct: m.serverCpuPct,
    serverRssMb: m.serverRss / 2 ** 20,
    serverPeakRssMb: m.peakRss / 2 ** 20,
    generatorCpuPct: m.generatorCpuPct,
    generatorFlag: m.generatorCpuPct > GENERATOR_LIMIT_PCT,
    connectSeconds: m.connectSeconds,
    unexpectedCloses: results.flatMap((r) => r.unexpectedCloses),
    errors: results.flatMap((r) => r.errors),
    latencies,
    windowSeconds: m.windowSeconds,
  };
}
