import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting, from the environment, with its default. README.md's configuration table mirrors
 * this file: keep them in step.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** The origin(s) browsers use to reach the app, comma-separated. Empty = the request's own Host. */
  PUBLIC_ORIGIN: z.string().default(''),
  /** Serve cookies with Secure + __Host- prefix. Defaults to on when PUBLIC_ORIGIN is https. */
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_IDLE_DAYS: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(90),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  WS_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  WS_MAX_DOC_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  WS_MAX_CONNECTIONS_PER_SESSION: z.coerce.number().int().positive().default(20),
  WS_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(60),
  WS_REBASE_AFTER_TOMBSTONES: z.coerce.number().int().positive().default(1000),
  /** Login attempts allowed per email address, and per client IP, in each window. */
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_PER_IP: z.coerce.number().int().positive().default(100),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  /** Sign-up attempts per client IP in the same window (each costs an argon2 hash, AUTH12). */
  SIGNUP_MAX_PER_IP: z.coerce.number().int().positive().default(30),
  /** Invite previews + redemptions per client IP per minute (a whole room may share one NAT IP). */
  INVITE_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(120),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Origins allowed on state-changing requests and websocket upgrades; empty = same as Host. */
  allowedOrigins: string[];
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  maxBodyBytes: number;
  ws: {
    maxMessageBytes: number;
    maxDocBytes: number;
    maxConnectionsPerSession: number;
    maxMessagesPerSecond: number;
    /**
     * Tombstones (and more of them than live items) after which a workshop doc is re-based when it
     * loads (SYNC64). Each re-base costs the clients that held the old doc one full download.
     */
    rebaseAfterTombstones: number;
  };
  rateLimits: {
    loginPerAccount: number;
    loginPerIp: number;
    loginWindowSeconds: number;
    signupPerIp: number;
    invitePerIpPerMinute: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const allowedOrigins = e.PUBLIC_ORIGIN.split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  const secureCookies =
    e.SECURE_COOKIES === 'auto' ? allowedOrigins.some((o) => o.startsWith('https:')) : e.SECURE_COOKIES === 'true';
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    allowedOrigins,
    secureCookies,
    sessionIdleMs: e.SESSION_IDLE_DAYS * DAY_MS,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * DAY_MS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    ws: {
      maxMessageBytes: e.WS_MAX_MESSAGE_BYTES,
      maxDocBytes: e.WS_MAX_DOC_BYTES,
      maxConnectionsPerSession: e.WS_MAX_CONNECTIONS_PER_SESSION,
      maxMessagesPerSecond: e.WS_MAX_MESSAGES_PER_SECOND,
      rebaseAfterTombstones: e.WS_REBASE_AFTER_TOMBSTONES,
    },
    rateLimits: {
      loginPerAccount: e.LOGIN_MAX_PER_ACCOUNT,
      loginPerIp: e.LOGIN_MAX_PER_IP,
      loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
      signupPerIp: e.SIGNUP_MAX_PER_IP,
      invitePerIpPerMinute: e.INVITE_MAX_PER_IP_PER_MINUTE,
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** A config for tests: in-memory-ish defaults, overridable. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent' }), ...overrides };
}
