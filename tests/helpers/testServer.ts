import * as Y from 'yjs';
import { loadRubrics } from '../../rubric/loader';
import { sessionCookieName } from '../../server/auth/cookie';
import { createSession, invalidateSession } from '../../server/auth/session';
import { type Config, testConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { newId } from '../../server/db/ids';
import { institutions, members, users, workshops } from '../../server/db/schema';
import { createSqliteDocStore } from '../../server/realtime/sqliteDocStore';
import { type RunningServer, type StartServerOptions, startServer } from '../../server/startServer';
import { defaultSettings, type WorkshopSettings } from '../../server/workshops/settings';
import type { MemberRole } from '../../shared/domain';

export interface TestServer extends RunningServer {
  wsUrl: string;
  /** The Origin a browser on this server sends. */
  origin: string;
  /** A session for `userId`: returns the Cookie header value. */
  login(userId: string): { cookie: string; sessionId: string };
  /** Ends a session as logout does: later upgrades fail and open sockets close (4411). */
  logout(sessionId: string): void;
}

/**
 * The real server (HTTP + websocket sync) in-process on port 0, on a private in-memory database
 * unless one is given. `login(userId)` issues a real session (server/auth/session.ts); the
 * upgrade validates it exactly as in production.
 */
export async function startTestServer(
  options: { config?: Partial<Config>; database?: StartServerOptions['database'] } & Pick<
    StartServerOptions,
    'realtime' | 'now'
  > = {},
): Promise<TestServer> {
  const config = testConfig({ port: 0, host: '127.0.0.1', logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent', ...options.config });
  const database = options.database ?? openDatabase(':memory:');
  const server = await startServer({
    config,
    database,
    rubrics: loadRubrics(),
    now: options.now,
    realtime: options.realtime,
  });
  const close = server.close;
  return {
    ...server,
    wsUrl: `ws://localhost:${server.port}`,
    origin: `http://localhost:${server.port}`,
    login(userId) {
      const { token, session } = createSession({ database, config, now: options.now ?? Date.now }, userId);
      return { cookie: `${sessionCookieName(config)}=${token}`, sessionId: session.id };
    },
    logout(sessionId) {
      // The real logout path: deletes the row and tells the bridge (sockets close with 4411).
      invalidateSession({ database, config, now: options.now ?? Date.now, realtime: server.realtime.bridge }, sessionId);
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
