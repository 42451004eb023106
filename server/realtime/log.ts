import type { Config } from '../config';

/** The realtime layer's logger: every refused message and every failure goes through it, never lost. */
export interface RealtimeLog {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

const ORDER = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

export function consoleRealtimeLog(level: Config['logLevel']): RealtimeLog {
  const at = ORDER[level];
  const out =
    (l: keyof typeof ORDER, write: (...args: unknown[]) => void) =>
    (message: string, details?: Record<string, unknown>) => {
      if (ORDER[l] >= at) write(`[sync] ${message}`, details ?? '');
    };
  return {
    debug: out('debug', console.debug),
    info: out('info', console.info),
    warn: out('warn', console.warn),
    error: out('error', console.error),
  };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
