import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const READY_LINE = /LER Workshop listening on (http:\/\/localhost:\d+)/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface AppServerOptions {
  /** Reuse a data directory (restart tests). Default: a fresh temp dir, deleted on close(). */
  dataDir?: string;
  /** Default 'warn' so test output stays readable; 'debug' when chasing a failure. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Extra environment (limits, PUBLIC_ORIGIN…). PORT is always 0. */
  env?: Record<string, string>;
}

export interface AppServer {
  /** "http://localhost:<port>", no trailing slash. */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far (stdout + stderr), for failure messages. */
  output: () => string;
  /** SIGTERM, wait for exit (SIGKILL after 10 s), delete a temp data dir. Safe to call twice. */
  close: () => Promise<void>;
  /** Send a signal to the server's whole process group, e.g. 'SIGKILL' for a crash test; resolves on exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts the real server (the built `dist/server/index.mjs`, serving dist/client) on a free port
 * with its own data directory and resolves once it prints its "listening" line.
 *
 * The server runs in its own process group (with its background-checkpoint thread and anything it
 * spawns): signals go to the group, so `kill('SIGKILL')` really kills the process holding the
 * database, and nothing is left running when a test fails.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ler-e2e-'));
  // The built server, as `npm start` runs it (`npm test` and `npm run test:e2e` build it first).
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/index.mjs'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      ...options.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => {
    alive = false;
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The server did not start within ${START_TIMEOUT_MS} ms. Output:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited before listening (code ${code}, signal ${signal}). Output:\n${output}`));
    });
  }).catch(async (err) => {
    signalGroup(child, 'SIGKILL');
    await exited;
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (alive) signalGroup(child, signal);
    await exited;
  };

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      if (alive) {
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    })();
    return closing;
  };

  return { url, port: Number(new URL(url).port), dataDir, output: () => output, close, kill };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the process group this spawn created (detached: true).
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}
