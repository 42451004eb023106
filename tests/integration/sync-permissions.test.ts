import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testConfig } from '../../server/config';
import { auditLog, members, sessions, workshops } from '../../server/db/schema';
import { SESSIONS_PER_USER } from '../../server/realtime/attachRealtime';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { CloseCode } from '../../shared/protocol';
import { seedWorkshop, startTestServer, storedDoc, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { frames, mapSetUpdate, type RawClient, rawClient } from '../helpers/wsClient';

type Expect = 'none' | 'read' | 'write';

/**
 * SYNC10–SYNC14: role × doc kind → none / read / write, each cell asserted by really trying:
 * "none" must be closed with the named code before any state is sent, "read" must receive the doc
 * and be closed with 4405 on a write that is then found nowhere, "write" must see its edit echoed
 * and stored.
 */
describe('sync permissions matrix', () => {
  let server: TestServer;
  let seed: ReturnType<typeof seedWorkshop>;
  beforeAll(async () => {
    server = await startTestServer();
    seed = seedWorkshop(server, ['facilitator', 'participant', 'participant', 'observer']);
  });
  afterAll(() => server.close());

  const open = (docName: string, cookie: string | undefined): RawClient =>
    rawClient(server.wsUrl, docName, { cookie, origin: server.origin });

  const storedProbe = async (docName: string) => (await storedDoc(server, docName)).getMap('probe').toJSON();

  async function assertCell(docName: string, cookie: string | undefined, expected: Expect, noneCode: number = CloseCode.forbidden) {
    const c = open(docName, cookie);
    if (expected === 'none') {
      expect(await c.closed).toBe(noneCode);
      expect(c.frames).toHaveLength(0);
      return;
    }
    await c.opened;
    c.send(frames.step1(new Y.Doc()));
    // The server greets with its step 1 and answers ours with step 2: the client can read.
    await waitFor(() => c.frames.length >= 2, { what: 'server sync frames' });
    const key = `k${Math.random().toString(36).slice(2)}`;
    c.send(frames.update(mapSetUpdate('probe', key, 1)));
    if (expected === 'write') {
      // The writer's own update is not echoed back: wait until it is durable.
      await waitFor(async () => (await storedProbe(docName))[key] === 1, { what: 'write stored' });
      c.ws.close();
      await c.closed;
    } else {
      expect(await c.closed).toBe(CloseCode.readOnly);
      expect((await storedProbe(docName))[key]).toBeUndefined();
      const refused = server.database.db.select().from(auditLog).where(eq(auditLog.action, 'sync.write_refused')).all();
      const row = refused.filter((r) => r.target === docName).at(-1);
      expect(row).toBeDefined();
      // The actor's role at the time is recorded with the refusal (AUDIT4).
      const actor = server.database.db.select().from(members).where(eq(members.id, row!.actorMemberId!)).get();
      expect(row!.actorRole).toBe(actor!.role);
    }
  }

  const cells: Array<[string, () => string | undefined, Expect, Expect, Expect, number?]> = [
    // who, cookie, workshop doc, own member doc, other's member doc
    ['facilitator', () => seed.members[0]!.cookie, 'read', 'write', 'none'],
    ['participant', () => seed.members[1]!.cookie, 'read', 'write', 'none'],
    ['observer', () => seed.members[3]!.cookie, 'read', 'none', 'none'],
    ['non-member', () => seed.outsider.cookie, 'none', 'none', 'none'],
    ['no session', () => undefined, 'none', 'none', 'none', CloseCode.unauthenticated],
  ];
  const ownIndex: Record<string, number> = { facilitator: 0, participant: 1, observer: 3 };
  for (const [who, cookie, workshopCell, ownCell, otherCell, noneCode] of cells) {
    it(`SYNC10${workshopCell === 'read' ? ' SYNC13' : ''} ${who}: workshop doc → ${workshopCell}`, () =>
      assertCell(workshopDocName(seed.workshopId), cookie(), workshopCell, noneCode));
    it(`SYNC11 ${who}: own member doc → ${ownCell}`, () => {
      // Non-members own no member doc: they try the first participant's id as "their own".
      const own = seed.members[ownIndex[who] ?? 1]!.memberId;
      return assertCell(memberDocName(seed.workshopId, own), cookie(), ownCell, noneCode);
    });
    it(`SYNC12 ${who}: another member's doc → ${otherCell}`, () =>
      assertCell(memberDocName(seed.workshopId, seed.members[2]!.memberId), cookie(), otherCell, noneCode));
  }

  it('SYNC01 a foreign Origin is refused with HTTP 403 before the upgrade', async () => {
    const c = rawClient(server.wsUrl, workshopDocName(seed.workshopId), {
      cookie: seed.members[1]!.cookie,
      origin: 'http://evil.example',
    });
    await expect(c.opened).rejects.toThrow('HTTP 403');
  });

  it('SYNC01 a session token in the query string is never accepted (4401)', async () => {
    const token = seed.members[1]!.cookie.split('=')[1]!;
    const c = rawClient(server.wsUrl, `${workshopDocName(seed.workshopId)}?token=${token}`, { origin: server.origin });
    expect(await c.closed).toBe(CloseCode.unauthenticated);
  });

  it('SYNC01 an unknown doc name closes with 4404', async () => {
    const c = open('workshop:x:evil:y', seed.members[1]!.cookie);
    expect(await c.closed).toBe(CloseCode.unknownDocument);
  });

  it('SYNC16 removing a member closes their sockets at once (4410) and they cannot reconnect', async () => {
    const s = await startTestServer();
    try {
      const w = seedWorkshop(s, ['facilitator', 'participant']);
      const bob = w.members[1]!;
      const c = rawClient(s.wsUrl, memberDocName(w.workshopId, bob.memberId), { cookie: bob.cookie, origin: s.origin });
      await c.opened;
      await waitFor(() => s.realtime.stats().peers === 1);
      s.database.db.update(members).set({ removedAt: Date.now() }).where(eq(members.id, bob.memberId)).run();
      s.realtime.bridge.memberRemoved(w.workshopId, bob.memberId);
      // Closed server-side synchronously: nothing more is read from that socket.
      expect(s.realtime.stats().connections).toBe(0);
      expect(await c.closed).toBe(CloseCode.memberRemoved);
      const again = rawClient(s.wsUrl, workshopDocName(w.workshopId), { cookie: bob.cookie, origin: s.origin });
      expect(await again.closed).toBe(CloseCode.memberRemoved);
    } finally {
      await s.close();
    }
  });

  it('SYNC17 ending a session closes its sockets at once (4411)', async () => {
    const s = await startTestServer();
    try {
      const w = seedWorkshop(s, ['facilitator', 'participant']);
      const bob = w.members[1]!;
      const a = rawClient(s.wsUrl, workshopDocName(w.workshopId), { cookie: bob.cookie, origin: s.origin });
      const b = rawClient(s.wsUrl, memberDocName(w.workshopId, bob.memberId), { cookie: bob.cookie, origin: s.origin });
      await Promise.all([a.opened, b.opened]);
      await waitFor(() => s.realtime.stats().peers === 2);
      s.logout(bob.sessionId);
      expect(s.realtime.stats().connections).toBe(0);
      expect(await a.closed).toBe(CloseCode.sessionEnded);
      expect(await b.closed).toBe(CloseCode.sessionEnded);
    } finally {
      await s.close();
    }
  });

  it('SYNC14 SYNC15 once the workshop is finalized, member docs are read-only (workshopChanged re-decides open sockets)', async () => {
    const s = await startTestServer();
    try {
      const w = seedWorkshop(s, ['facilitator', 'participant']);
      const bob = w.members[1]!;
      const docName = memberDocName(w.workshopId, bob.memberId);
      const c = rawClient(s.wsUrl, docName, { cookie: bob.cookie, origin: s.origin });
      await c.opened;
      c.send(frames.update(mapSetUpdate('probe', 'before', 1)));
      await waitFor(async () => (await storedDoc(s, docName)).getMap('probe').get('before') === 1);
      s.database.db.update(workshops).set({ status: 'finalized' }).where(eq(workshops.id, w.workshopId)).run();
      await s.realtime.bridge.workshopChanged(w.workshopId);
      c.send(frames.update(mapSetUpdate('probe', 'after', 1)));
      expect(await c.closed).toBe(CloseCode.readOnly);
      expect((await storedDoc(s, docName)).getMap('probe').toJSON()).toEqual({ before: 1 });
    } finally {
      await s.close();
    }
  });

  it('SYNC18 a session may hold at most WS_MAX_CONNECTIONS_PER_SESSION sockets (4430)', async () => {
    const s = await startTestServer({ config: { ws: { ...testConfig().ws, maxConnectionsPerSession: 2 } } });
    try {
      const w = seedWorkshop(s, ['facilitator']);
      const f = w.members[0]!;
      const open2 = () => rawClient(s.wsUrl, workshopDocName(w.workshopId), { cookie: f.cookie, origin: s.origin });
      const a = open2();
      const b = open2();
      await Promise.all([a.opened, b.opened]);
      await waitFor(() => s.realtime.stats().connections === 2);
      expect(await open2().closed).toBe(CloseCode.tooManyConnections);
      a.ws.close();
      await waitFor(() => s.realtime.stats().connections === 1);
      const d = open2();
      await d.opened;
      await waitFor(() => s.realtime.stats().connections === 2);
    } finally {
      await s.close();
    }
  });

  it('SYNC18 signing in again does not raise the cap: a user holds at most SESSIONS_PER_USER sessions’ worth (4430)', async () => {
    const s = await startTestServer({ config: { ws: { ...testConfig().ws, maxConnectionsPerSession: 2 } } });
    try {
      const w = seedWorkshop(s, ['facilitator', 'participant']);
      const f = w.members[0]!;
      const open = (cookie: string) => rawClient(s.wsUrl, workshopDocName(w.workshopId), { cookie, origin: s.origin });
      const held = [];
      for (let i = 0; i < SESSIONS_PER_USER; i++) {
        const { cookie } = s.login(f.userId);
        held.push(open(cookie), open(cookie));
      }
      await Promise.all(held.map((c) => c.opened));
      await waitFor(() => s.realtime.stats().connections === 2 * SESSIONS_PER_USER);
      expect(await open(s.login(f.userId).cookie).closed).toBe(CloseCode.tooManyConnections);
      // Another user is not affected, and a closed socket frees a place.
      const other = open(w.members[1]!.cookie);
      await other.opened;
      held[0]!.ws.close();
      await waitFor(() => s.realtime.stats().connections === 2 * SESSIONS_PER_USER);
      await open(s.login(f.userId).cookie).opened;
    } finally {
      await s.close();
    }
  });

  it('SYNC17 a session that expires while a socket is open is closed by the periodic re-check (4411)', async () => {
    const s = await startTestServer();
    try {
      const w = seedWorkshop(s, ['facilitator', 'participant']);
      const bob = w.members[1]!;
      const c = rawClient(s.wsUrl, workshopDocName(w.workshopId), { cookie: bob.cookie, origin: s.origin });
      await c.opened;
      await waitFor(() => s.realtime.stats().peers === 1);
      s.realtime.revalidateSessions();
      expect(s.realtime.stats().connections).toBe(1);
      s.database.db.update(sessions).set({ expiresAt: Date.now() - 1 }).where(eq(sessions.id, bob.sessionId)).run();
      s.realtime.revalidateSessions();
      expect(await c.closed).toBe(CloseCode.sessionEnded);
    } finally {
      await s.close();
    }
  });
});
