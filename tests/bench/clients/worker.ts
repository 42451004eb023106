import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DecodeClient } from './decodeClient';
import { LightClient } from './lightClient';
import { nowMicros } from './marker';
import { Recorder } from './recorder';
import type { ClientSpec, EditPlan, FromWorker, ToWorker } from './types';

/**
 * One load-generator thread: plays its share of the clients, writes on schedule, and hands back
 * what it saw. Clients of one room are spread over all threads, so every delivery the runner
 * measures crosses threads as often as not — the shared hrtime clock makes that harmless.
 */
const port = parentPort!;
// On Linux a nice value belongs to a thread: this lowers only this generator thread. The runner's
// main thread, which spawns the servers (a child inherits its parent's value), stays at 0. (--nice, item 41.)
const { nice } = workerData as { nice: number };
if (nice !== 0) setPriority(0, nice);
// Each stock provider (y-websocket, Hocuspocus) adds a process 'exit' listener; hundreds per thread is expected.
process.setMaxListeners(0);
const recorder = new Recorder();
const clients: (LightClient | DecodeClient)[] = [];
const sentMeasured: number[] = [];
const unexpectedCloses: string[] = [];
const errors: string[] = [];
const timers = new Set<NodeJS.Timeout>();
let sentTotal = 0;

function post(msg: FromWorker): void {
  port.postMessage(msg);
}

/** Deterministic per-client phase so two runs schedule the same way (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function connectAll(specs: ClientSpec[], hocuspocusVersion: string): Promise<void> {
  const started = Date.now();
  const onClose = (why: string) => {
    if (unexpectedCloses.length < 50) unexpectedCloses.push(why);
  };
  for (const spec of specs) {
    clients.push(
      spec.decode
        ? new DecodeClient(spec, recorder, onClose)
        : new LightClient(spec, recorder, hocuspocusVersion, onClose),
    );
  }
  // A bounded number of handshakes at once: a thundering herd would measure the accept queue.
  const CONCURRENCY = 16;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < clients.length) {
        const c = clients[next++]!;
        await withTimeout(c.connect(), 20_000, `client ${c.spec.index} did not sync within 20 s`);
      }
    }),
  );
  post({ type: 'connected', count: clients.length, millis: Date.now() - started });
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function run(plan: EditPlan): void {
  const periodMs = 1000 / plan.rate;
  for (const client of clients) {
    const rnd = random(client.spec.index + 1);
    let seq = plan.seqBase;
    const tick = () => {
      const now = nowMicros();
      if (now >= plan.stopAtMicros) return; // bounded: every chain ends at the window's end
      try {
        const editId = client.edit(seq++, plan);
        sentTotal++;
        if (now >= plan.measureFromMicros) sentMeasured.push(editId);
      } catch (err) {
        if (errors.length < 20) errors.push(String(err));
      }
      // ±20 % jitter keeps clients from falling into lockstep.
      schedule(periodMs * (0.8 + 0.4 * rnd()));
    };
    const schedule = (ms: number) => {
      const t = setTimeout(() => {
        timers.delete(t);
        tick();
      }, ms);
      timers.add(t);
    };
    schedule(periodMs * rnd());
  }
}

function collect(): void {
  for (const t of timers) clearTimeout(t);
  const { ids, latencies } = recorder.take();
  post({
    type: 'result',
    result: {
      sentMeasured,
      sentTotal,
      recvEditIds: ids,
      recvLatencyMs: latencies,
      bytesReceived: recorder.bytesReceived,
      unexpectedCloses,
      errors,
    },
  });
  for (const c of clients) c.close();
  // Let close frames go out, then end the thread even if a socket lingers.
  setTimeout(() => process.exit(0), 300).unref();
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'connect')
    connectAll(msg.clients, msg.hocuspocusVersion).catch((err) =>
      post({ type: 'failed', error: String(err) }),
    );
  else if (msg.type === 'run') run(msg.plan);
  else collect();
});
post({ type: 'ready' });
