import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { loadRubrics } from '../../rubric/loader';
import { testConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { users } from '../../server/db/schema';
import type { AppDeps } from '../../server/deps';
import type { AppEnv } from '../../server/http/env';
import { onApiError } from '../../server/http/errors';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import { auditRoutes } from '../../server/routes/audit';
import { consensusRoutes } from '../../server/routes/consensus';
import type { MemberRating } from '../../shared/docs/memberDoc';
import { seedWorkshop } from './consensusSeed';

type Ratings = Map<string, Map<string, MemberRating>>;

/**
 * The consensus and audit routers on a private in-memory database, with the signed-in user taken
 * from an `x-test-user` header. Route logic (roles, validation, transactions) is exercised as in
 * production; sign-in itself is the auth feature's and is tested there.
 */
export function makeConsensusApp() {
  const database = openDatabase(':memory:');
  const clock = { now: 1_700_000_000_000 };
  const changed: string[] = [];
  const state: { ratings: Ratings } = { ratings: new Map() };
  const realtime: RealtimeBridge = {
    workshopChanged: async (id) => {
      changed.push(id);
    },
    memberRemoved: () => {},
    sessionEnded: () => {},
    // Yield to the event loop like a real doc load would, so concurrent requests truly interleave.
    memberRatings: () => new Promise((resolve) => setImmediate(() => resolve(state.ratings))),
    workshopDocState: nullRealtimeBridge.workshopDocState,
  };
  const deps: AppDeps = {
    config: testConfig(),
    database,
    rubrics: loadRubrics(),
    realtime,
    now: () => clock.now,
  };
  const app = new Hono<AppEnv>();
  app.onError(onApiError);
  app.use('*', async (c, next) => {
    const id = c.req.header('x-test-user');
    const user = id ? database.db.select().from(users).where(eq(users.id, id)).get() : undefined;
    c.set('user', user ? { id: user.id, kind: user.kind, email: user.email, name: user.name } : null);
    c.set('session', null);
    await next();
  });
  app.route('/api', consensusRoutes(deps));
  app.route('/api', auditRoutes(deps));
  const seed = seedWorkshop(database);

  async function call(as: { userId: string }, method: string, path: string, body?: unknown) {
    const res = await app.request(`/api/workshops/${seed.workshopId}${path}`, {
      method,
      headers: {
        'x-test-user': as.userId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: test responses are asserted field by field
    return { status: res.status, body: (await res.json()) as any };
  }

  /** Every row any of these routes could change: compared before/after a refused request. */
  function snapshot() {
    const all = (table: string) => database.sqlite.prepare(`select * from ${table}`).all();
    return {
      tables: [
        'consensus_drafts',
        'consensus_locks',
        'consensus_unlocks',
        'not_assessed',
        'audit_log',
        'members',
        'workshops',
      ].map(all),
      changed: changed.length,
    };
  }

  return { app, database, clock, seed, state, changed, call, snapshot, close: () => database.close() };
}
