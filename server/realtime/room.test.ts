import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import { waitFor } from '../../tests/helpers/waitFor';
import type { RealtimeLog } from './log';
import { createMemoryDocStore } from './memoryDocStore';
import { PersistQueue } from './persistQueue';
import { compactionThreshold, Room, type RoomPeer } from './room';

const silent: RealtimeLog = { debug() {}, info() {}, warn() {}, error() {} };

function setup(compactEvery = 1000) {
  const store = createMemoryDocStore();
  const queue = new PersistQueue(store);
  const room = new Room(
    {
      docName: 'workshop:w1',
      address: { kind: 'workshop', workshopId: 'w1' },
      store,
      queue,
      log: silent,
      compactEvery,
      onPersistFailure: () => {},
    },
    { snapshot: null, updates: [], lastUpdateId: 0 },
  );
  const received: Uint8Array[] = [];
  const peer: RoomPeer = {
    id: 1,
    ownedClientId: null,
    send: (m) => received.push(m),
    sendPrebuilt: (f) => received.push(f.payload),
  };
  room.peers.add(peer);
  return { store, queue, room, received };
}

/** The Yjs update inside a relayed sync-update frame. */
function updateOf(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame);
  expect(decoding.readVarUint(d)).toBe(MessageType.sync);
  expect(decoding.readVarUint(d)).toBe(2); // y-protocols messageYjsUpdate
  return decoding.readVarUint8Array(d);
}

function edit(doc: Y.Doc, key: string, value: string): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(local);
  local.getMap('ratings').set(key, value);
  return Y.encodeStateAsUpdate(local, before);
}

describe('Room relay', () => {
  it('relays the updates that became durable in one batch as one message holding all of them', async () => {
    const { room, received } = setup();
    // Two clients' edits read in the same event-loop turn: one PersistQueue batch.
    const a = edit(room.doc, 'dim-1:m1', 'a');
    const b = edit(room.doc, 'dim-2:m2', 'b');
    Y.applyUpdate(room.doc, a, 'client-a');
    Y.applyUpdate(room.doc, b, 'client-b');
    expect(received).toHaveLength(0); // never before it is durable
    await room.whenSaved();
    await waitFor(() => received.length > 0);
    expect(received).toHaveLength(1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, updateOf(received[0]!));
    expect(replica.getMap('ratings').toJSON()).toEqual({ 'dim-1:m1': 'a', 'dim-2:m2': 'b' });
  });

  it('relays updates of different batches as separate messages, in order', async () => {
    const { room, received } = setup();
    Y.applyUpdate(room.doc, edit(room.doc, 'k', 'first'), 'client-a');
    await room.whenSaved();
    await waitFor(() => received.length === 1);
    Y.applyUpdate(room.doc, edit(room.doc, 'k', 'second'), 'client-a');
    await room.whenSaved();
    await waitFor(() => received.length === 2);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, updateOf(received[0]!));
    expect(replica.getMap('ratings').get('k')).toBe('first');
    Y.applyUpdate(replica, updateOf(received[1]!));
    expect(replica.getMap('ratings').get('k')).toBe('second');
  });

  it('compacts through the queue, after the edit that crossed the threshold was relayed', async () => {
    const { room, store, received } = setup(1);
    Y.applyUpdate(room.doc, edit(room.doc, 'k', 'v'), 'client-a');
    await room.whenSaved();
    await waitFor(() => received.length === 1);
    await waitFor(async () => (await store.load('workshop:w1')).snapshot !== null);
    const stored = await store.load('workshop:w1');
    expect(stored.updates).toHaveLength(0);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, stored.snapshot!);
    expect(replica.getMap('ratings').get('k')).toBe('v');
  });
});

describe('Room.whenSaved', () => {
  /** A room on a store whose appends wait until the test opens the gate, one batch at a time. */
  function gatedRoom() {
    const inner = createMemoryDocStore();
    const gates: Array<() => void> = [];
    const store = {
      ...inner,
      async appendUpdates(updates: Parameters<typeof inner.appendUpdates>[0]) {
        await new Promise<void>((open) => gates.push(open));
        return inner.appendUpdates(updates);
      },
    };
    const room = new Room(
      {
        docName: 'workshop:w1',
        address: { kind: 'workshop', workshopId: 'w1' },
        store,
        queue: new PersistQueue(store),
        log: silent,
        compactEvery: 1000,
        onPersistFailure: () => {},
      },
      { snapshot: null, updates: [], lastUpdateId: 0 },
    );
    return { room, gates };
  }

  it('waits for the updates applied before it was asked, and only for those', async () => {
    const { room, gates } = gatedRoom();
    let firstSaved = false;
    Y.applyUpdate(room.doc, edit(room.doc, 'a', '1'), 'client-a');
    void room.whenSaved().then(() => {
      firstSaved = true;
    });
    await waitFor(() => gates.length === 1);
    // A later edit, in a later batch that cannot start before the first is stored.
    Y.applyUpdate(room.doc, edit(room.doc, 'b', '2'), 'client-a');
    let bothSaved = false;
    void room.whenSaved().then(() => {
      bothSaved = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(firstSaved).toBe(false);
    expect(room.unsaved).toBe(2);
    gates[0]!();
    await waitFor(() => firstSaved);
    expect(bothSaved).toBe(false);
    expect(room.unsaved).toBe(1);
    await waitFor(() => gates.length === 2);
    gates[1]!();
    await waitFor(() => bothSaved);
    expect(room.unsaved).toBe(0);
  });

  it('answers at once when nothing is waiting to be stored', async () => {
    const { room } = setup();
    let saved = false;
    void room.whenSaved().then(() => {
      saved = true;
    });
    await Promise.resolve();
    expect(saved).toBe(true);
  });
});

describe('Room lets go of what it is done with (docs/benchmarks.md item 29)', () => {
  it('empties the array of finished transactions Yjs drops, so an old array cannot keep them alive', async () => {
    const { room } = setup();
    const handedOver: unknown[][] = [];
    // Registered after the room's own listener, so it sees the array as the room left it.
    room.doc.on('afterAllTransactions', (_doc: Y.Doc, transactions: Y.Transaction[]) =>
      handedOver.push(transactions),
    );
    Y.applyUpdate(room.doc, edit(room.doc, 'k', 'v'), 'client-a');
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]!.length).toBeGreaterThan(0);
    expect(handedOver[0]!.every((t) => t === null)).toBe(true);
    expect(room.doc.getMap('ratings').get('k')).toBe('v');
  });

  it('empties the batch of durable updates once it is relayed', async () => {
    const { room, received } = setup();
    // Every array the room keeps its durable batch in (a private field: this checks the mechanism).
    const batches: unknown[][] = [];
    let current: unknown[] = [];
    Object.defineProperty(room, 'durable', {
      get: () => current,
      set: (next: unknown[]) => {
        batches.push(next);
        current = next;
      },
    });
    (room as unknown as { durable: unknown[] }).durable = [];
    Y.applyUpdate(room.doc, edit(room.doc, 'a', '1'), 'client-a');
    Y.applyUpdate(room.doc, edit(room.doc, 'b', '2'), 'client-b');
    await room.whenSaved();
    await waitFor(() => received.length === 1);
    const relayed = batches.filter((b) => b.length === 2);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.every((u) => u === null)).toBe(true);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, updateOf(received[0]!));
    expect(replica.getMap('ratings').toJSON()).toEqual({ a: '1', b: '2' });
  });
});

describe('Room relay skips the sender only when the update is all its own', () => {
  function withPeers() {
    const ctx = setup();
    const got = new Map<number, Uint8Array[]>([
      [2, []],
      [3, []],
    ]);
    const peers = [2, 3].map(
      (id): RoomPeer => ({
        id,
        ownedClientId: null,
        send: (m) => got.get(id)!.push(m),
        sendPrebuilt: (f) => got.get(id)!.push(f.payload),
      }),
    );
    for (const p of peers) ctx.room.peers.add(p);
    return { ...ctx, peers, got };
  }

  it('does not send a peer its own edit back, and sends it to everyone else', async () => {
    const { room, peers, got, received } = withPeers();
    room.applyFrom(peers[0]!, edit(room.doc, 'k', 'mine'));
    await room.whenSaved();
    await waitFor(() => received.length === 1);
    expect(got.get(2)).toHaveLength(0);
    expect(got.get(3)).toHaveLength(1);
  });

  it('sends to every peer when the batch holds edits of two senders', async () => {
    const { room, peers, got, received } = withPeers();
    room.applyFrom(peers[0]!, edit(room.doc, 'a', '1'));
    room.applyFrom(peers[1]!, edit(room.doc, 'b', '2'));
    await room.whenSaved();
    await waitFor(() => received.length === 1);
    expect(got.get(2)).toHaveLength(1);
    expect(got.get(3)).toHaveLength(1);
  });

  it('sends the sender the update too when it completed structs another peer left pending', async () => {
    const { room, peers, got } = withPeers();
    // Peer 3 relays an edit that depends on an earlier one of the same author the server lacks.
    const author = new Y.Doc();
    author.getMap('ratings').set('x', 'one');
    const missing = Y.encodeStateAsUpdate(author);
    const before = Y.encodeStateVector(author);
    author.getMap('ratings').set('y', 'two');
    const dependent = Y.encodeStateAsUpdate(author, before);
    room.applyFrom(peers[1]!, dependent);
    expect(room.doc.store.pendingStructs).not.toBeNull();
    await room.whenSaved();
    // Peer 2 then sends the missing part: the resulting update also holds the pending edit, which
    // peer 2 never had, so peer 2 must get it.
    room.applyFrom(peers[0]!, missing);
    await room.whenSaved();
    await waitFor(() => {
      const replica = new Y.Doc();
      for (const m of got.get(2)!) Y.applyUpdate(replica, updateOf(m));
      expect(replica.getMap('ratings').toJSON()).toEqual({ x: 'one', y: 'two' });
    });
  });
});

describe('PersistQueue.defer', () => {
  it('runs deferred tasks one per event-loop turn, and a key asked for twice once', async () => {
    const queue = new PersistQueue(createMemoryDocStore());
    const ran: string[] = [];
    const task = (name: string) => async () => {
      ran.push(name);
    };
    const a = {};
    const b = {};
    const c = {};
    queue.defer(a, task('a'));
    queue.defer(b, task('b'));
    queue.defer(a, task('a again')); // replaces a's pending task, keeps a's place
    queue.defer(c, task('c'));
    // setImmediate callbacks queued now run after the queue's first turn.
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['a again']);
    await waitFor(() => ran.length === 3);
    expect(ran).toEqual(['a again', 'b', 'c']);
  });
});

describe('compactionThreshold', () => {
  it('draws from compactEvery up to half again, so rooms loaded together compact at different counts', () => {
    expect(compactionThreshold(200, () => 0)).toBe(200);
    expect(compactionThreshold(200, () => 0.5)).toBe(250);
    expect(compactionThreshold(200, () => 0.999_999)).toBe(299);
    // Small settings (tests, tuning) keep their meaning: 1 stays "after every update".
    expect(compactionThreshold(1, () => 0.999_999)).toBe(1);
    const drawn = new Set(Array.from({ length: 50 }, () => compactionThreshold(200)));
    expect(drawn.size).toBeGreaterThan(10);
    for (const n of drawn) expect(n >= 200 && n < 300).toBe(true);
  });
});
