import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * The main connection's wal_autocheckpoint while a background thread checkpoints: high enough that
 * it never fires while the thread keeps up (a synchronous checkpoint stalls the event loop for
 * 10–15 ms), low enough that the WAL stays bounded (~40 MB of 4 KB pages) if the thread dies.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
const INTERVAL_MS = 250;
/**
 * Extra rounds while commits keep arriving. SQLite reuses the WAL from its start only when a commit
 * begins after a checkpoint that copied every frame; a round that commits raced with leaves a tail
 * (the WAL would grow to the fallback), and copying just that tail is short enough to finish between
 * commits. Measured at ~1,000 commits/s: WAL 4–12 MB with the retries, 41 MB (the fallback) without.
 */
const RETRIES = 10;
/** How long close() waits for a checkpoint in progress to finish before closing anyway. */
const STOP_TIMEOUT_MS = 5_000;

// Slots of the shared Int32Array: close() sets STOP; the worker sets CLOSED once its connection is closed.
const STOP = 0;
const CLOSED = 1;

// The worker's code is a CommonJS string (eval: true) rather than a .ts file: it must run the same under
// vitest, `node --import tsx` and compiled JS, and a worker file would need a TypeScript loader in the
// first and a path that differs between source and build. It sleeps on Atomics.wait (no event loop
// needed) so stop() can wake it at once; PASSIVE never blocks or waits for the writer, and is cheap
// when there is nothing to copy. `log` is the WAL's frame count when the round began: the same count
// twice means no commit came in between.
const WORKER_CODE = `
const { workerData: w } = require('node:worker_threads');
const Database = require(w.driver);
const state = new Int32Array(w.state);
try {
  if (Atomics.load(state, ${STOP}) === 0) {
    const db = new Database(w.file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0].log;
      while (Atomics.wait(state, ${STOP}, 0, w.intervalMs) === 'timed-out') {
        for (let i = 0, log = checkpoint(), last = -1; i < w.retries && log !== last; i++) [last, log] = [log, checkpoint()];
      }
    } finally {
      db.close();
    }
  }
} finally {
  Atomics.store(state, ${CLOSED}, 1);
  Atomics.notify(state, ${CLOSED});
}
`;

export interface BackgroundCheckpoints {
  /** The checkpointing thread (tests watch its exit). */
  readonly worker: Worker;
  /**
   * Stops the thread and waits (synchronously, bounded) until its connection is closed, so the main
   * connection's close() is the last one and runs the final checkpoint and removes the WAL.
   */
  stop(): void;
}

/**
 * Moves WAL checkpointing of `file` (already open in WAL mode on `sqlite`) to a worker thread with its
 * own connection. The main connection keeps a high autocheckpoint as the fallback bound.
 */
export function startBackgroundCheckpoints(sqlite: Database.Database, file: string): BackgroundCheckpoints {
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    execArgv: [], // plain CommonJS: no need to load the parent's `--import tsx` in the thread
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: path.resolve(file),
      state: state.buffer,
      intervalMs: INTERVAL_MS,
      retries: RETRIES,
    },
  });
  // Never keeps the process alive; close() stops it explicitly.
  worker.unref();
  let stopping = false;
  let exited = false;
  let reported = false;
  const report = (why: unknown) => {
    if (stopping || reported) return;
    reported = true;
    console.error(
      `[db] background WAL checkpoints stopped; falling back to wal_autocheckpoint=${FALLBACK_AUTOCHECKPOINT_PAGES}:`,
      why,
    );
  };
  // Without an 'error' listener a worker error would be rethrown in the main thread.
  worker.on('error', report);
  worker.on('exit', (code) => {
    exited = true;
    report(`worker exited with code ${code}`);
  });
  return {
    worker,
    stop() {
      if (stopping) return;
      stopping = true;
      Atomics.store(state, STOP, 1);
      Atomics.notify(state, STOP);
      // Synchronous because Database_.close() is; at most one PASSIVE checkpoint is in progress.
      if (exited) return;
      if (Atomics.wait(state, CLOSED, 0, STOP_TIMEOUT_MS) === 'timed-out') void worker.terminate();
    },
  };
}
