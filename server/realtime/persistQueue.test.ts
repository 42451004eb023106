import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../../tests/helpers/waitFor';
import type { DocStore, PendingUpdate } from './docStore';
import { createMemoryDocStore } from './memoryDocStore';
import { type PersistListener, PersistQueue } from './persistQueue';

/** A memory store whose appends wait until the test opens the gate for them, one batch at a time. */
function gatedStore() {
  const inner = createMemoryDocStore();
  const gates: Array<() => void> = [];
  const batches: string[][] = [];
  const store: DocStore = {
    ...inner,
    async appendUpdates(updates: readonly PendingUpdate[]) {
      batches.push(updates.map((u) => u.docName));
      await new Promise<void>((open) => gates.push(open));
      return inner.appendUpdates(updates);
    },
  };
  return { store, inner, gates, batches };
}

function recorder<C>() {
  const heard: Array<{ id: number; bytes: number[]; context: C } | { failed: string }> = [];
  const listener: PersistListener<C> = {
    durable: (id, update, context) => heard.push({ id, bytes: [...update], context }),
    failed: (err) => heard.push({ failed: String(err) }),
  };
  return { heard, listener };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.restoreAllMocks());

describe('PersistQueue.append', () => {
  it('tells each listener, in append order, once its batch is stored — not before', async () => {
    const { store, inner, gates, batches } = gatedStore();
    const queue = new PersistQueue(store);
    const a = recorder<string>();
    const b = recorder<null>();
    queue.append('doc-a', Uint8Array.of(1), a.listener, 'first');
    queue.append('doc-b', Uint8Array.of(2), b.listener, null);
    queue.append('doc-a', Uint8Array.of(3), a.listener, 'second');
    expect(queue.pending).toBe(3);
    await waitFor(() => gates.length === 1);
    expect(batches).toEqual([['doc-a', 'doc-b', 'doc-a']]); // one turn, one batch
    expect(a.heard).toEqual([]);
    gates[0]!();
    await waitFor(() => a.heard.length === 2);
    expect(a.heard).toEqual([
      { id: 1, bytes: [1], context: 'first' },
      { id: 3, bytes: [3], context: 'second' },
    ]);
    expect(b.heard).toEqual([{ id: 2, bytes: [2], context: null }]);
    expect(queue.pending).toBe(0);
    expect((await inner.load('doc-a')).updates.map((u) => [...u])).toEqual([[1], [3]]);
  });

  it('writes batches strictly in order: a later batch waits for the one before', async () => {
    const { store, gates, batches } = gatedStore();
    const queue = new PersistQueue(store);
    const r = recorder<number>();
    queue.append('doc', Uint8Array.of(1), r.listener, 1);
    await waitFor(() => gates.length === 1);
    queue.append('doc', Uint8Array.of(2), r.listener, 2);
    await nextTurn();
    await nextTurn();
    expect(batches).toHaveLength(1); // the second batch is not even started
    gates[0]!();
    await waitFor(() => gates.length === 2);
    expect(r.heard.map((h) => ('context' in h ? h.context : h))).toEqual([1]);
    gates[1]!();
    await queue.flush();
    expect(r.heard.map((h) => ('context' in h ? h.context : h))).toEqual([1, 2]);
  });

  it('tells every listener of a batch that could not be stored, and goes on with the next batch', async () => {
    const inner = createMemoryDocStore();
    let fail = true;
    const queue = new PersistQueue({
      ...inner,
      async appendUpdates(updates) {
        if (fail) throw new Error('disk full');
        return inner.appendUpdates(updates);
      },
    });
    const r = recorder<string>();
    queue.append('doc', Uint8Array.of(1), r.listener, 'lost');
    queue.append('doc', Uint8Array.of(2), r.listener, 'lost too');
    await queue.flush();
    expect(r.heard).toEqual([{ failed: 'Error: disk full' }, { failed: 'Error: disk full' }]);
    fail = false;
    queue.append('doc', Uint8Array.of(3), r.listener, 'kept');
    await queue.flush();
    expect(r.heard.at(-1)).toEqual({ id: 1, bytes: [3], context: 'kept' });
    expect(queue.pending).toBe(0);
  });

  it("does not let one listener's exception stop the others or the queue, and rethrows it on its own", async () => {
    const rethrown: Array<() => void> = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => {
      rethrown.push(callback);
    });
    const queue = new PersistQueue(createMemoryDocStore());
    const boom: PersistListener<null> = {
      durable: () => {
        throw new Error('listener bug');
      },
      failed: () => {},
    };
    const r = recorder<string>();
    queue.append('doc', Uint8Array.of(1), boom, null);
    queue.append('doc', Uint8Array.of(2), r.listener, 'after the bug');
    await queue.flush();
    expect(r.heard).toEqual([{ id: 2, bytes: [2], context: 'after the bug' }]);
    queue.append('doc', Uint8Array.of(3), r.listener, 'next batch');
    await queue.flush();
    expect(r.heard).toHaveLength(2);
    expect(rethrown).toHaveLength(1);
    expect(() => rethrown[0]!()).toThrow('listener bug');
  });
});
