import type { Hono } from 'hono';
import type { Database_ } from '../../server/db/client';
import type { AppEnv } from '../../server/http/env';
import type { MemberRole } from '../../shared/domain';
import { TEST_ORIGIN } from './testApp';

type App = Hono<AppEnv>;

export interface ApiOptions {
  /** `name=value` of the session cookie, as returned by signUp/joinWorkshop/api(). */
  cookie?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** A raw body sent as is (e.g. malformed JSON). */
  rawBody?: string;
  /** Origin header for non-GET requests; default TEST_ORIGIN; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

export interface ApiResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  json: any;
  /** `name=value` from Set-Cookie (ready to send back), or undefined if none was set. */
  cookie: string | undefined;
  /** The raw Set-Cookie header, to check its attributes. */
  setCookie: string | null;
  headers: Headers;
}

/** One request through `app.request()`, as a same-origin browser would send it. */
export async function api(
  app: App,
  method: string,
  path: string,
  options: ApiOptions = {},
): Promise<ApiResult> {
  // app.request() sends no Host header of its own; a browser always does, and the Origin check
  // compares against it.
  const headers: Record<string, string> = { Host: new URL(TEST_ORIGIN).host, ...options.headers };
  const safe = method === 'GET' || method === 'HEAD';
  if (!safe && options.origin !== null) headers.Origin = options.origin ?? TEST_ORIGIN;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['Content-Type'] ??= 'application/json';
  else if (!safe) headers['Content-Type'] ??= 'application/json';
  if (options.cookie) headers.Cookie = options.cookie;
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  const res = await app.request(`${TEST_ORIGIN}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  const setCookie = res.headers.get('set-cookie');
  const pair = setCookie?.split(';')[0];
  // A deletion (empty value / Max-Age=0) is not a cookie to send back.
  const cookie = pair && !/=$/.test(pair) && !/Max-Age=0/i.test(setCookie ?? '') ? pair : undefined;
  return { status: res.status, json, cookie, setCookie, headers: res.headers };
}

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

/** Signs up a fresh account (unique email by default); returns its cookie and user. */
export async function signUp(app: App, input: { email?: string; name?: string; password?: string } = {}) {
  const res = await api(app, 'POST', '/api/auth/signup', {
    body: {
      email: input.email ?? `user-${unique()}@example.edu`,
      name: input.name ?? 'Test Facilitator',
      password: input.password ?? 'correct horse battery',
    },
  });
  if (res.status !== 201 || !res.cookie)
    throw new Error(`signUp failed: ${res.status} ${JSON.stringify(res.json)}`);
  return {
    cookie: res.cookie,
    user: res.json.user as { id: string; kind: string; email: string | null; name: string },
  };
}

/** Creates a workshop as the cookie's user (who becomes its facilitator); returns the workshop JSON. */
export async function createWorkshop(
  app: App,
  cookie: string,
  input: { title?: string; institution?: string; settings?: Record<string, unknown>; rubricId?: string } = {},
) {
  const res = await api(app, 'POST', '/api/workshops', {
    cookie,
    body: {
      title: input.title ?? 'Spring LER self-assessment',
      institution: input.institution ?? 'Example College',
      ...input,
    },
  });
  if (res.status !== 201) throw new Error(`createWorkshop failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.workshop;
}

/** Creates a one-use invite as the facilitator and redeems it as a new guest. */
export async function joinWorkshop(
  app: App,
  facilitatorCookie: string,
  workshopId: string,
  input: { role: MemberRole; name?: string; perspective?: string },
) {
  const invite = await api(app, 'POST', `/api/workshops/${workshopId}/invites`, {
    cookie: facilitatorCookie,
    body: { role: input.role, maxUses: 1 },
  });
  if (invite.status !== 201)
    throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.json)}`);
  const redeem = await api(app, 'POST', `/api/invites/${invite.json.token}/redeem`, {
    body: {
      name: input.name ?? `Guest ${unique()}`,
      ...(input.perspective ? { perspective: input.perspective } : {}),
    },
  });
  if (redeem.status !== 201 || !redeem.cookie)
    throw new Error(`redeem failed: ${redeem.status} ${JSON.stringify(redeem.json)}`);
  return { cookie: redeem.cookie, memberId: redeem.json.memberId as string };
}

/** The tables account and workshop actions touch. */
const TABLES = ['users', 'sessions', 'institutions', 'workshops', 'members', 'invites', 'audit_log'] as const;

/** Row counts of those tables, to prove a refused request added nothing. */
export function rowCounts(database: Database_): Record<(typeof TABLES)[number], number> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    out[table] = (database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  }
  return out;
}

/** A fingerprint of every row of those tables: equal before and after ⇒ nothing changed at all. */
export function snapshot(database: Database_): string {
  const parts: string[] = [];
  for (const table of TABLES) {
    parts.push(JSON.stringify(database.sqlite.prepare(`select * from ${table} order by rowid`).all()));
  }
  return parts.join('\n');
}
