import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './docStore';

/**
 * The one contract every DocStore must pass (SYNC20–SYNC23). Run it from a `*.test.ts` per store:
 * `docStoreContract('sqlite', () => ({ store, close }))`.
 */
export function docStoreContract(name: string, make: () => { store: DocStore; close: () => void }): void {
  const edit = (doc: Y.Doc, key: string, value: string): Uint8Array => {
    let out: Uint8Array | null = null;
    const listener = (u: Uint8Array) => {
      out = u;
    };
    doc.on('update', listener);
    doc.getMap('m').set(key, value);
    doc.off('update', listener);
    return out!;
  };
  const rebuild = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc => {
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  };

  describe(`DocStore contract: ${name}`, () => {
    it('SYNC20 an unknown doc loads as empty', async () => {
      const { store, close } = make();
      expect(await store.load('workshop:nope')).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await store.countUpdates('workshop:nope')).toBe(0);
      close();
    });

    it('SYNC21 appended updates load back in order, per doc, with ids growing per doc', async () => {
      const { store, close } = make();
      const a = new Y.Doc();
      const b = new Y.Doc();
      const u1 = edit(a, 'x', '1');
      const u2 = edit(b, 'y', '2');
      const u3 = edit(a, 'x', '3');
      const ids = await store.appendUpdates([
        { docName: 'workshop:a', update: u1 },
        { docName: 'workshop:b', update: u2 },
        { docName: 'workshop:a', update: u3 },
      ]);
      expect(ids).toHaveLength(3);
      // Ids order a doc's own updates; across docs they need not be comparable.
      expect(ids[0]! < ids[2]!).toBe(true);
      const loaded = await store.load('workshop:a');
      expect(loaded.updates.map((u) => [...u])).toEqual([[...u1], [...u3]]);
      expect(loaded.lastUpdateId).toBe(ids[2]);
      expect(rebuild(loaded).getMap('m').get('x')).toBe('3');
      expect(await store.countUpdates('workshop:b')).toBe(1);
      expect(await store.listDocs('workshop:')).toEqual(['workshop:a', 'workshop:b']);
      close();
    });

    it('SYNC22 compaction folds updates ≤ throughId into the snapshot and keeps later ones', async () => {
      const { store, close } = make();
      const doc = new Y.Doc();
      const first = await store.appendUpdates([
        { docName: 'd', update: edit(doc, 'a', '1') },
        { docName: 'd', update: edit(doc, 'b', '2') },
      ]);
      const state = Y.encodeStateAsUpdate(doc);
      const later = await store.appendUpdates([{ docName: 'd', update: edit(doc, 'c', '3') }]);
      await store.compact('d', state, first[1]!);
      expect(await store.countUpdates('d')).toBe(1);
      const loaded = await store.load('d');
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.lastUpdateId).toBe(later[0]);
      expect(rebuild(loaded).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' });
      // Compacting again with everything folded leaves no updates and the same content.
      await store.compact('d', Y.encodeStateAsUpdate(doc), later[0]!);
      const again = await store.load('d');
      expect(again.updates).toHaveLength(0);
      expect(again.lastUpdateId).toBe(later[0]);
      expect(rebuild(again).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' });
      close();
    });

    it('SYNC22 an id is never reused below the mark, even once compaction emptied the log', async () => {
      const { store, close } = make();
      const doc = new Y.Doc();
      const first = await store.appendUpdates([
        { docName: 'd', update: edit(doc, 'a', '1') },
        { docName: 'd', update: edit(doc, 'b', '2') },
      ]);
      await store.compact('d', Y.encodeStateAsUpdate(doc), first[1]!);
      expect(await store.countUpdates('d')).toBe(0);
      // Another doc's appends must not matter either.
      await store.appendUpdates([{ docName: 'e', update: edit(new Y.Doc(), 'z', '0') }]);
      const [next] = await store.appendUpdates([{ docName: 'd', update: edit(doc, 'c', '3') }]);
      expect(next!).toBeGreaterThan(first[1]!);
      const loaded = await store.load('d');
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.lastUpdateId).toBe(next);
      expect(rebuild(loaded).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' });
      close();
    });

    it('SYNC21 loadMany returns each doc as load does, in input order, unknown docs empty', async () => {
      const { store, close } = make();
      const a = new Y.Doc();
      const b = new Y.Doc();
      const ids = await store.appendUpdates([
        { docName: 'workshop:w', update: edit(a, 'x', '1') },
        { docName: 'workshop:w:member:m', update: edit(b, 'y', '2') },
        { docName: 'workshop:w', update: edit(a, 'x', '3') },
      ]);
      await store.compact('workshop:w', Y.encodeStateAsUpdate(a), ids[0]!);
      const names = ['workshop:w:member:m', 'workshop:none', 'workshop:w'];
      const many = await store.loadMany(names);
      expect(many).toEqual(await Promise.all(names.map((n) => store.load(n))));
      expect(many[1]).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(many[2]!.updates).toHaveLength(1);
      expect(rebuild(many[2]!).getMap('m').get('x')).toBe('3');
      expect(await store.loadMany([])).toEqual([]);
      close();
    });

    it('SYNC23 stored bytes are copies: mutating the input or output never changes the store', async () => {
      const { store, close } = make();
      const doc = new Y.Doc();
      const u = edit(doc, 'k', 'v');
      const copy = u.slice();
      await store.appendUpdates([{ docName: 'd', update: u }]);
      u.fill(0);
      const loaded = await store.load('d');
      loaded.updates[0]!.fill(0);
      expect([...(await store.load('d')).updates[0]!]).toEqual([...copy]);
      close();
    });
  });
}
