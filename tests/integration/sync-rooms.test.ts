import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import type { DocStore } from '../../server/realtime/docStore';
import { createSqliteDocStore } from '../../server/realtime/sqliteDocStore';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { CloseCode, MessageType } from '../../shared/protocol';
import { seedWorkshop, startTestServer, storedDoc, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { frames, mapSetUpdate, rawClient } from '../helpers/wsClient';

/** A SQLite store whose loads and appends can be held back by the test. */
function gatedStore(database: ReturnType<typeof openDatabase>) {
  const inner = createSqliteDocStore(database.db, Date.now);
  const gates = { load: null as Promise<void> | null, append: null as Promise<void> | null, failAppends: false };
  const loads = new Map<string, number>();
  /** The doc names of each appendUpdates call (one call = one transaction). */
  const batches: string[][] = [];
  const store: DocStore = {
    ...inner,
    async load(name) {
      loads.set(name, (loads.get(name) ?? 0) + 1);
      await gates.load;
      return inner.load(name);
    },
    async loadMany(names) {
      for (const name of names) loads.set(name, (loads.get(name) ?? 0) + 1);
      await gates.load;
      return inner.loadMany(names);
    },
    async appendUpdates(updates) {
      batches.push(updates.map((u) => u.docName));
      await gates.append;
      if (gates.failAppends) throw new Error('disk full (test)');
      return inner.appendUpdates(updates);
    },
  };
  const hold = (which: 'load' | 'append') => {
    let release = () => {};
    gates[which] = new Promise<void>((r) => {
      release = () => {
        gates[which] = null;
        r();
      };
    });
    return release;
  };
  return { store, loads, batches, hold, gates };
}

describe('rooms: loading, queueing, unloading, limits', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('SYNC60 concurrent first connections share one load of the workshop', async () => {
    const database = openDatabase(':memory:');
    const gated = gatedStore(database);
    server = await startTestServer({ database, realtime: { store: gated.store } });
    const w = seedWorkshop(server, ['facilitator', 'participant']);
    const release = gated.hold('load');
    const clients = w.members.flatMap((m) => [
      rawClient(server!.wsUrl, workshopDocName(w.workshopId), { cookie: m.cookie, origin: server!.origin }),
      rawClient(server!.wsUrl, memberDocName(w.workshopId, m.memberId), { cookie: m.cookie, origin: server!.origin }),
    ]);
    await Promise.all(clients.map((c) => c.opened));
    await waitFor(() => server!.realtime.stats().connections === 4);
    release();
    await waitFor(() => server!.realtime.stats().peers === 4);
    expect(gated.loads.get(workshopDocName(w.workshopId))).toBe(1);
    for (const m of w.members) expect(gated.loads.get(memberDocName(w.workshopId, m.memberId))).toBe(1);
    for (const c of clients) c.ws.close();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    database.close();
  });

  it('SYNC61 frames sent while the room loads are queued and applied in order; too many close with 4408', async () => {
    const database = openDatabase(':memory:');
    const gated = gatedStore(database);
    server = await startTestServer({ database, realtime: { store: gated.store, limits: { maxQueuedMessages: 5 } } });
    const w = seedWorkshop(server, ['facilitator', 'participant']);
    const bob = w.members[1]!;
    const docName = memberDocName(w.workshopId, bob.memberId);
    let release = gated.hold('load');
    const ok = rawClient(server.wsUrl, docName, { cookie: bob.cookie, origin: server.origin });
    await ok.opened;
    const writer = new Y.Doc();
    const sent: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => sent.push(u));
    for (let i = 0; i < 4; i++) writer.getMap('drafts').set('n', i);
    for (const u of sent) ok.send(frames.update(u));
    await waitFor(() => server!.realtime.stats().connections === 1);
    release();
    // Durable means applied: the server does not echo a writer's own update back to it.
    await waitFor(async () => (await storedDoc(server!, docName)).getMap('drafts').get('n') === 3);
    ok.ws.close();
    await waitFor(() => server!.realtime.stats().workshops === 0);

    release = gated.hold('load');
    const flood = rawClient(server.wsUrl, docName, { cookie: bob.cookie, origin: server.origin });
    await flood.opened;
    for (let i = 0; i < 6; i++) flood.send(frames.update(mapSetUpdate('drafts', 'x', i)));
    expect(await flood.closed).toBe(CloseCode.queueOverflow);
    release();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    expect((await storedDoc(server, docName)).getMap('drafts').toJSON()).toEqual({ n: 3 });
    database.close();
  });

  it('SYNC62 a room does not unload while a save is pending; the save lands', async () => {
    const database = openDatabase(':memory:');
    const gated = gatedStore(database);
    server = await startTestServer({ database, realtime: { store: gated.store } });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const c = rawClient(server.wsUrl, docName, { cookie: f.cookie, origin: server.origin });
    await c.opened;
    c.send(frames.step1(new Y.Doc()));
    await waitFor(() => c.frames.length >= 2);
    const release = gated.hold('append');
    c.send(frames.update(mapSetUpdate('drafts', 'k', 'v')));
    await waitFor(() => server!.realtime.stats().pendingWrites === 1);
    c.ws.close();
    await waitFor(() => server!.realtime.stats().connections === 0);
    // Still loaded: the update is not durable yet.
    expect(server.realtime.stats().workshops).toBe(1);
    release();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    expect((await storedDoc(server, docName)).getMap('drafts').get('k')).toBe('v');
    database.close();
  });

  it('SYNC48 a write that would grow the doc past WS_MAX_DOC_BYTES closes with 4413 and is not stored', async () => {
    server = await startTestServer({ config: { ws: { ...testConfig().ws, maxDocBytes: 4000 } } });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const c = rawClient(server.wsUrl, docName, { cookie: f.cookie, origin: server.origin });
    await c.opened;
    c.send(frames.update(mapSetUpdate('drafts', 'small', 'x'.repeat(1000))));
    await waitFor(async () => (await storedDoc(server!, docName)).getMap('drafts').has('small'));
    c.send(frames.update(mapSetUpdate('drafts', 'big', 'x'.repeat(3500))));
    expect(await c.closed).toBe(CloseCode.documentTooLarge);
    await waitFor(() => server!.realtime.stats().workshops === 0);
    expect(Object.keys((await storedDoc(server, docName)).getMap('drafts').toJSON())).toEqual(['small']);
  });

  it('SYNC63 1,000 connect/disconnect cycles leave no workshops, rooms, peers, sockets or listeners behind', async () => {
    server = await startTestServer();
    const w = seedWorkshop(server, ['facilitator', 'participant', 'observer']);
    const upgradeListeners = server.httpServer.listenerCount('upgrade');
    const targets = [
      [w.members[0]!, workshopDocName(w.workshopId)],
      [w.members[1]!, memberDocName(w.workshopId, w.members[1]!.memberId)],
      [w.members[2]!, workshopDocName(w.workshopId)],
      [w.members[0]!, memberDocName(w.workshopId, w.members[0]!.memberId)],
    ] as const;
    const heapBefore = process.memoryUsage().heapUsed;
    const BATCH = 8;
    for (let i = 0; i < 1000; i += BATCH) {
      await Promise.all(
        Array.from({ length: BATCH }, async (_, j) => {
          const [m, docName] = targets[(i + j) % targets.length]!;
          const c = rawClient(server!.wsUrl, docName, { cookie: m.cookie, origin: server!.origin });
          await c.opened;
          c.send(frames.step1(new Y.Doc()));
          await waitFor(() => c.frames.length >= 2);
          c.ws.close();
          await c.closed;
        }),
      );
    }
    await waitFor(() => {
      const s = server!.realtime.stats();
      return s.workshops === 0 && s.rooms === 0 && s.connections === 0 && s.peers === 0 && s.sockets === 0 && s.unloading === 0;
    });
    expect(server.httpServer.listenerCount('upgrade')).toBe(upgradeListeners);
    // Heap without forcing GC is noisy: only a gross leak (≈ 100 KB per cycle) fails this.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1000);
  }, 120_000);

  it('SYNC70 bridge.memberRatings reads live docs when loaded and stored docs otherwise', async () => {
    server = await startTestServer();
    const w = seedWorkshop(server, ['facilitator', 'participant']);
    const bob = w.members[1]!;
    const c = rawClient(server.wsUrl, memberDocName(w.workshopId, bob.memberId), { cookie: bob.cookie, origin: server.origin });
    await c.opened;
    const doc = new Y.Doc();
    new MemberDoc(doc).setRating('d1', { stage: 'developing', rationale: 'r', updatedAt: 5 });
    c.send(frames.update(Y.encodeStateAsUpdate(doc)));
    const docName = memberDocName(w.workshopId, bob.memberId);
    await waitFor(async () => (await storedDoc(server!, docName)).getMap('ratings').has('d1'));
    const live = await server.realtime.bridge.memberRatings(w.workshopId);
    expect(live.get(bob.memberId)?.get('d1')?.stage).toBe('developing');
    c.ws.close();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    const stored = await server.realtime.bridge.memberRatings(w.workshopId);
    expect(stored.get(bob.memberId)?.get('d1')?.stage).toBe('developing');
    expect(stored.get(w.members[0]!.memberId)?.size).toBe(0);
  });

  it('SYNC24 compaction waits until the log is as big as the snapshot, so small edits never rewrite a big doc', async () => {
    // compactEvery 1: the count alone would compact after every update.
    server = await startTestServer({ realtime: { compactEvery: 1 } });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const c = rawClient(server.wsUrl, docName, { cookie: f.cookie, origin: server.origin });
    await c.opened;
    const local = new Y.Doc();
    local.on('update', (u: Uint8Array) => c.send(frames.update(u)));
    const store = createSqliteDocStore(server.database.db, Date.now);
    const drafts = local.getMap('drafts');
    drafts.set('big', 'x'.repeat(4000));
    // The first update is bigger than the (empty) snapshot: folded at once.
    await waitFor(async () => (await store.load(docName)).snapshot !== null, { what: 'first snapshot' });
    expect(await store.countUpdates(docName)).toBe(0);
    for (let i = 0; i < 20; i++) drafts.set('small', i);
    await waitFor(async () => (await store.countUpdates(docName)) === 20, { what: 'small edits logged' });
    // 20 small updates (~30 B each) against a ~4 KB snapshot: still in the log, no snapshot rewrite.
    expect(server.realtime.liveDoc(docName)?.getMap('drafts').get('small')).toBe(19);
    drafts.set('big2', 'y'.repeat(5000));
    await waitFor(async () => (await store.countUpdates(docName)) === 0, { what: 'log folded once it outgrew the snapshot' });
    const stored = await storedDoc(server, docName);
    expect(stored.getMap('drafts').toJSON()).toEqual(drafts.toJSON());
    c.ws.close();
  });

  it('SYNC24 a big doc compacts once its log reaches 1 MiB, not its (bigger) snapshot size', async () => {
    server = await startTestServer({ realtime: { compactEvery: 1 } });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const c = rawClient(server.wsUrl, docName, { cookie: f.cookie, origin: server.origin });
    await c.opened;
    const local = new Y.Doc();
    local.on('update', (u: Uint8Array) => c.send(frames.update(u)));
    const store = createSqliteDocStore(server.database.db, Date.now);
    const drafts = local.getMap('drafts');
    const logged = (n: number) => waitFor(async () => (await store.countUpdates(docName)) === n, { what: `${n} logged` });
    // Two 600 KB values: each folded at once (the log reached the snapshot's size) → 1.2 MB snapshot.
    drafts.set('a', 'a'.repeat(600_000));
    await logged(0);
    drafts.set('b', 'b'.repeat(600_000));
    await waitFor(async () => ((await store.load(docName)).snapshot?.length ?? 0) > 1_100_000, { what: 'big snapshot' });
    await logged(0);
    drafts.set('c', 'c'.repeat(600_000));
    await logged(1); // 600 KB of log: below both the snapshot (1.2 MB) and 1 MiB
    drafts.set('d', 'd'.repeat(500_000));
    await logged(0); // 1.1 MB of log: past 1 MiB, though still below the snapshot's size
    c.ws.close();
  });

  it('SYNC55 a member-doc edit and the workshop-doc update it causes are stored in one transaction', async () => {
    const database = openDatabase(':memory:');
    const gated = gatedStore(database);
    server = await startTestServer({ database, realtime: { store: gated.store } });
    const w = seedWorkshop(server, ['facilitator', 'participant']);
    const bob = w.members[1]!;
    const docName = memberDocName(w.workshopId, bob.memberId);
    const viewer = rawClient(server.wsUrl, workshopDocName(w.workshopId), { cookie: w.members[0]!.cookie, origin: server.origin });
    const c = rawClient(server.wsUrl, docName, { cookie: bob.cookie, origin: server.origin });
    await Promise.all([viewer.opened, c.opened]);
    viewer.send(frames.step1(new Y.Doc()));
    await waitFor(() => server!.realtime.liveDoc(docName) !== null);
    const before = gated.batches.length;
    const doc = new Y.Doc();
    new MemberDoc(doc).setRating('learning-evaluation', { stage: 'effective-practice', rationale: 'r', updatedAt: 5 });
    c.send(frames.update(Y.encodeStateAsUpdate(doc)));
    // The projection (rated d1) reaches the viewer: by then both updates are durable.
    await waitFor(() => viewer.doc.getMap('rated').get(`learning-evaluation:${bob.memberId}`) === true, { what: 'projection relayed' });
    const written = gated.batches.slice(before).filter((b) => b.includes(docName));
    expect(written).toHaveLength(1);
    expect(written[0]).toEqual([docName, workshopDocName(w.workshopId)]);
    for (const x of [c, viewer]) x.ws.close();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    database.close();
  });

  it('SYNC50 SYNC51 an update is relayed, and a newcomer is sent state, only once it is durable', async () => {
    const database = openDatabase(':memory:');
    const gated = gatedStore(database);
    server = await startTestServer({ database, realtime: { store: gated.store } });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const open = () => rawClient(server!.wsUrl, docName, { cookie: f.cookie, origin: server!.origin });
    const [a, b] = [open(), open()];
    await Promise.all([a.opened, b.opened]);
    for (const c of [a, b]) c.send(frames.step1(new Y.Doc()));
    await waitFor(() => a.frames.length >= 2 && b.frames.length >= 2);
    const release = gated.hold('append');
    const newcomer = open();
    try {
      a.send(frames.update(mapSetUpdate('drafts', 'k', 'v')));
      await waitFor(() => server!.realtime.stats().pendingWrites === 1);
      await newcomer.opened;
      newcomer.send(frames.step1(new Y.Doc()));
      // The newcomer gets the server's step 1 but no step 2 while the write is held.
      await waitFor(() => newcomer.frames.length >= 1);
      // A round trip that does not depend on the held write: b's own presence comes back to b. The
      // update was applied before it, so a relay that did not wait for durability would arrive first.
      const framesB = b.frames.length;
      b.send(frames.awareness([{ clientId: 777, clock: 1, state: {} }]));
      await waitFor(() => b.frames.slice(framesB).some((fr) => fr[0] === MessageType.awareness));
      expect(b.doc.getMap('drafts').has('k')).toBe(false);
      expect(newcomer.doc.getMap('drafts').has('k')).toBe(false);
      expect(newcomer.frames.filter((fr) => fr[0] === MessageType.sync)).toHaveLength(1);
    } finally {
      // Never leave the store held: close() waits for every pending write.
      release();
    }
    await waitFor(() => b.doc.getMap('drafts').get('k') === 'v' && newcomer.doc.getMap('drafts').get('k') === 'v');
    for (const c of [a, b, newcomer]) c.ws.close();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    database.close();
  });

  it('SYNC49 a client that stops reading is cut off (4431) instead of buffering without bound; others go on', async () => {
    server = await startTestServer({
      config: { ws: { ...testConfig().ws, maxDocBytes: 64 * 1024 * 1024 } },
      realtime: { limits: { maxBufferedBytes: 256 * 1024 } },
    });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const open = () => rawClient(server!.wsUrl, docName, { cookie: f.cookie, origin: server!.origin });
    const [writer, stalled, healthy] = [open(), open(), open()];
    await Promise.all([writer.opened, stalled.opened, healthy.opened]);
    await waitFor(() => server!.realtime.stats().peers === 3);
    // Stop reading: the kernel buffers fill, then the server's send buffer for this socket grows.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    let i = 0;
    await waitFor(
      () => {
        writer.send(frames.update(mapSetUpdate('drafts', `k${i++}`, 'x'.repeat(30_000))));
        return server!.realtime.stats().peers === 2;
      },
      { what: 'the stalled client was cut off', timeoutMs: 30_000, intervalMs: 20 },
    );
    // Read again at once: the close frame waits behind the buffered data (the server cuts the
    // socket 1 s after closing if the peer never reads it).
    (stalled.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await stalled.closed).toBe(CloseCode.tooSlow);
    await waitFor(() => healthy.doc.getMap('drafts').has(`k${i - 1}`));
    expect(writer.closeCode).toBeNull();
    expect(healthy.closeCode).toBeNull();
  });

  it('SYNC54 a write the store refuses is never relayed; the room is dropped (4500) and the edit, resent, is kept', async () => {
    const database = openDatabase(':memory:');
    const gated = gatedStore(database);
    server = await startTestServer({ database, realtime: { store: gated.store } });
    const w = seedWorkshop(server, ['facilitator']);
    const f = w.members[0]!;
    const docName = memberDocName(w.workshopId, f.memberId);
    const open = () => rawClient(server!.wsUrl, docName, { cookie: f.cookie, origin: server!.origin });
    const [writer, other] = [open(), open()];
    await Promise.all([writer.opened, other.opened]);
    for (const c of [writer, other]) c.send(frames.step1(new Y.Doc()));
    await waitFor(() => writer.frames.length >= 2 && other.frames.length >= 2);
    gated.gates.failAppends = true;
    const edit = frames.update(mapSetUpdate('drafts', 'k', 'v'));
    writer.send(edit);
    expect(await writer.closed).toBe(CloseCode.internalError);
    expect(await other.closed).toBe(CloseCode.internalError);
    expect(other.doc.getMap('drafts').has('k')).toBe(false);
    await waitFor(() => server!.realtime.stats().workshops === 0);
    // The store recovers; the client reconnects and resends what was never acknowledged.
    gated.gates.failAppends = false;
    const again = open();
    await again.opened;
    again.send(edit);
    await waitFor(async () => (await storedDoc(server!, docName)).getMap('drafts').get('k') === 'v');
    again.ws.close();
    await waitFor(() => server!.realtime.stats().workshops === 0);
    expect((await storedDoc(server, docName)).getMap('drafts').get('k')).toBe('v');
    database.close();
  });
});
