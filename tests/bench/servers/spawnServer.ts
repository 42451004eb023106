import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { serverCommand } from '../cpuSplit';

export interface RunningServer {
  name: string;
  pid: number;
  port: number;
  /** Every line the child printed (for the report when something fails). */
  output: string[];
  stop(): Promise<void>;
}

/**
 * Starts a server in its own process and waits for the line that tells its port. Always `node`
 * itself (never `npx`/`tsx` wrappers), so `pid` is the server itself and the CPU and RSS read from
 * /proc are the server's own. A built program (`.mjs`) runs as is; a `.ts` entry (a baseline
 * commit that has no build script) runs with `--import tsx`, whose loader thread adds ~32 MB RSS.
 */
/**
 * For investigations (docs/benchmarks.md): BENCH_SERVER_NODE_ARGS="--trace-gc" adds node flags to every
 * server the bench starts, BENCH_SERVER_LOG=/tmp/x.log appends every line they print to a file.
 */
function extraNodeArgs(): string[] {
  return process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

export function spawnServer(opts: {
  name: string;
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  nodeArgs?: string[];
  readyLine: RegExp;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const command = serverCommand([
    ...(opts.nodeArgs ?? []),
    ...extraNodeArgs(),
    ...(opts.entry.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps']),
    opts.entry,
    ...(opts.args ?? []),
  ]);
  const child = spawn(command.file, command.args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${opts.name} did not start within ${opts.timeoutMs ?? 30_000} ms:\n${output.join('\n')}`),
      );
    }, opts.timeoutMs ?? 30_000);
    const onLine = (line: string) => {
      if (output.length < 200) output.push(line);
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, `${line}\n`);
      const m = opts.readyLine.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ name: opts.name, pid: child.pid!, port: Number(m[1]), output, stop: () => stop(child) });
      }
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buf += chunk;
        let nl = buf.indexOf('\n');
        while (nl !== -1) {
          onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
          nl = buf.indexOf('\n');
        }
      });
    }
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${code ?? signal}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

/** SIGTERM (lets a server flush), then SIGKILL after 5 s: never leaves a child behind. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
