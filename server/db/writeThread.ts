import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One statement of a write transaction: a statement registered with `prepare`, and its arguments. */
export type WriteStep = readonly [statement: string, args: readonly unknown[]];

export interface WriteThread {
  /** The thread itself (tests stop it to play a crash). */
  readonly worker: Worker;
  /** False once the thread has died or was stopped: callers then write on their own connection. */
  readonly running: boolean;
  /** Registers a statement the thread can run by name. */
  prepare(name: string, sql: string): void;
  /**
   * Runs the steps in ONE transaction on the thread's connection. Resolves, once committed, with
   * each step's lastInsertRowid; rejects (nothing written) if any step fails. Transactions commit
   * in call order, so a caller may issue the next before the previous resolved.
   */
  transaction(steps: readonly WriteStep[]): Promise<number[]>;
  /** Waits (synchronously, bounded) until the thread's connection is closed; see stop's comment. */
  stop(): void;
}

/** How long stop() waits for the thread to finish what was posted before it. */
const STOP_TIMEOUT_MS = 5_000;
const CLOSED = 0;

// Why a thread: better-sqlite3 is synchronous, so every commit — and the WAL checkpoints and
// compactions that come with some of them — ran on the event loop, between reading an edit and
// relaying it. The benchmark profile had SQLite at 7 % of the main thread at 50 rooms × 20 clients
// and behind its longest stalls (100+ ms). In this thread they no longer hold back any socket.
//
// The code is a CommonJS string (eval: true), like backgroundCheckpoints.ts, so it runs the same
// under vitest, `node --import tsx` and compiled JS without a TypeScript loader in the thread. It
// knows no schema: callers register their SQL by name and send (name, args) steps, so the SQL and
// the logic stay in TypeScript next to the rest of the store.
const WORKER_CODE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.driver);
const state = new Int32Array(w.state);
const db = new Database(w.file, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const statements = new Map();
const prepareErrors = new Map();
// Structured clone delivers Uint8Array; the driver binds Buffers as blobs.
const bind = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
const step = ([name, args]) => {
  const s = statements.get(name);
  if (!s) throw new Error(prepareErrors.get(name) || 'unknown statement ' + name);
  return Number(s.run(...args.map(bind)).lastInsertRowid);
};
const run = db.transaction((steps) => steps.map(step));
parentPort.on('message', (m) => {
  if (m.type === 'prepare') {
    try { statements.set(m.name, db.prepare(m.sql)); } catch (err) { prepareErrors.set(m.name, String(err && err.message || err)); }
  } else if (m.type === 'transaction') {
    let reply;
    try { reply = { id: m.id, rowids: run(m.steps) }; } catch (err) { reply = { id: m.id, error: String(err && err.message || err) }; }
    parentPort.postMessage(reply);
  } else if (m.type === 'stop') {
    db.close();
    Atomics.store(state, 0, 1);
    Atomics.notify(state, 0);
    parentPort.close();
  }
});
`;

interface Pending {
  resolve: (rowids: number[]) => void;
  reject: (err: Error) => void;
}

/**
 * Starts a thread with its own connection to `file` (which must exist, in WAL mode) for write
 * transactions. Reads stay on the caller's connection: in WAL mode they see every transaction the
 * thread has committed, and the thread's commits never wait for them.
 */
export function startWriteThread(file: string): WriteThread {
  const state = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    execArgv: [],
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: path.resolve(file),
      state: state.buffer,
    },
  });
  // Referenced only while a transaction is in flight: an idle thread never keeps the process alive,
  // and a process never exits with a commit it is still waiting for.
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let running = true;
  let stopping = false;

  const fail = (why: string) => {
    if (!running) return;
    running = false;
    if (!stopping) console.error(`[db] the write thread stopped (${why}); writing on the main connection from now on`);
    const err = new Error(`database write thread stopped: ${why}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (m: { id: number; rowids?: number[]; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.rowids!);
  });
  // Without an 'error' listener a thread's error would be rethrown in the main thread.
  worker.on('error', (err) => fail(err instanceof Error ? err.message : String(err)));
  worker.on('exit', (code) => fail(`exit code ${code}`));

  return {
    worker,
    get running() {
      return running;
    },
    prepare(name, sql) {
      worker.postMessage({ type: 'prepare', name, sql });
    },
    transaction(steps) {
      if (!running) return Promise.reject(new Error('database write thread is not running'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        if (pending.size === 1) worker.ref();
        worker.postMessage({ type: 'transaction', id, steps });
      });
    },
    /**
     * Synchronous because Database_.close() is. Callers flush their writes first (the realtime
     * layer's close does); a transaction still posted is committed before the thread stops, but
     * its promise is left unresolved. The caller's connection then closes last, so its close runs
     * the final checkpoint and removes the WAL.
     */
    stop() {
      if (stopping) return;
      stopping = true;
      if (!running) return;
      worker.postMessage({ type: 'stop' });
      if (Atomics.wait(state, CLOSED, 0, STOP_TIMEOUT_MS) === 'timed-out') void worker.terminate();
      running = false;
    },
  };
}
