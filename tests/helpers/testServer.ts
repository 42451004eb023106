import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { createSqliteDocStore } from '../../server/realtime/sqliteDocStore';
import { loadRubrics } from '../../rubric/loader';
import { type Config, testConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { newId } from '../../server/db/ids';
import { institutions, members, users, workshops } from '../../server/db/schema';
import type { Principal } from '../../server/realtime/connection';
import { cookieAuthenticator } from '../../server/realtime/sessionAuth';
import { type RunningServer, type StartServerOptions, startServer } from '../../server/startServer';
import { defaultSettings, type WorkshopSettings } from '../../server/workshops/settings';
import type { MemberRole } from '../../shared/domain';

export interface TestServer extends RunningServer {
  wsUrl: string;
  /** The Origin a browser on this server sends. */
  origin: string;
  /** A session for `userId`: returns the Cookie header value. */
  login(userId: string): { cookie: string; sessionId: string };
  /** Ends a session: later upgrades with it fail (the bridge is told separately by the caller). */
  logout(sessionId: string): void;
}

/**
 * The real server (HTTP + websocket sync) in-process on port 0, on a private in-memory database
 * unless `dataDir` is given. Sessions come from a test authenticator keyed by random tokens, so
 * transport tests do not depend on the sign-up flow.
 */
export async function startTestServer(
  options: { config?: Partial<Config>; database?: StartServerOptions['database'] } & Pick<
    StartServerOptions,
    'realtime' | 'now'
  > = {},
): Promise<TestServer> {
  const config = testConfig({ port: 0, host: '127.0.0.1', logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent', ...options.config });
  const tokens = new Map<string, Principal>();
  const database = options.database ?? openDatabase(':memory:');
  const server = await startServer({
    config,
    database,
    rubrics: loadRubrics(),
    now: options.now,
    realtime: options.realtime,
    authenticate: cookieAuthenticator(['ler_session'], (token) => tokens.get(token) ?? null),
  });
  const close = server.close;
  return {
    ...server,
    wsUrl: `ws://localhost:${server.port}`,
    origin: `http://localhost:${server.port}`,
    login(userId) {
      const token = randomBytes(16).toString('hex');
      const sessionId = `s_${token.slice(0, 8)}`;
      tokens.set(token, { userId, sessionId });
      return { cookie: `ler_session=${token}`, sessionId };
    },
    logout(sessionId) {
      for (const [t, p] of tokens) if (p.sessionId === sessionId) tokens.delete(t);
    },
    async close() {
      await close();
      if (!options.database) database.close();
    },
  };
}

export interface SeededMember {
  userId: string;
  memberId: string;
  role: MemberRole;
  cookie: string;
  sessionId: string;
}

/** A workshop with members of the given roles, each signed in. Also returns a signed-in outsider. */
export function seedWorkshop(
  server: TestServer,
  roles: MemberRole[] = ['facilitator', 'participant', 'participant', 'observer'],
  options: { status?: 'open' | 'finalized'; settings?: Partial<WorkshopSettings> } = {},
): { workshopId: string; members: SeededMember[]; outsider: { userId: string; cookie: string; sessionId: string } } {
  const { db } = server.database;
  const now = Date.now();
  const user = (name: string) => {
    const id = newId();
    db.insert(users).values({ id, kind: 'guest', email: null, name, passwordHash: null, createdAt: now }).run();
    return id;
  };
  const creator = user('Creator');
  const institutionId = newId();
  db.insert(institutions).values({ id: institutionId, name: 'Test College', createdAt: now }).run();
  const workshopId = newId();
  db.insert(workshops)
    .values({
      id: workshopId,
      title: 'Workshop',
      institutionId,
      rubricId: 'ler-engagement',
      rubricVersion: '1.0',
      status: options.status ?? 'open',
      settings: { ...defaultSettings(), ...options.settings },
      createdBy: creator,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  const seeded = roles.map((role, i) => {
    const userId = i === 0 && role === 'facilitator' ? creator : user(`${role} ${i}`);
    const memberId = newId();
    db.insert(members)
      .values({
        id: memberId,
        workshopId,
        userId,
        displayName: `Person ${i}`,
        role,
        perspective: 'Faculty',
        pseudonym: `Participant ${i + 1}`,
        createdAt: now,
      })
      .run();
    return { userId, memberId, role, ...server.login(userId) };
  });
  const outsiderId = user('Outsider');
  return { workshopId, members: seeded, outsider: { userId: outsiderId, ...server.login(outsiderId) } };
}

/** The doc as the database holds it (snapshot + later updates): what a restart would load. */
export async function storedDoc(server: { database: RunningServer['database'] }, docName: string): Promise<Y.Doc> {
  const stored = await createSqliteDocStore(server.database.db, Date.now).load(docName);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}
