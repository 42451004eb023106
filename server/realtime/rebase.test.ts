import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './docStore';
import type { RealtimeLog } from './log';
import { createMemoryDocStore } from './memoryDocStore';
import { isAheadOf } from './readOnlyCheck';
import { countItems, rebasedState, rebaseStoredDoc, worthRebasing } from './rebase';

const silent: RealtimeLog = { debug() {}, info() {}, warn() {}, error() {} };

/** A server-written doc as a day of projection leaves it: each entry overwritten many times. */
function overwrittenDoc(rounds: number): Y.Doc {
  const doc = new Y.Doc();
  const ratings = doc.getMap('ratings');
  const meta = doc.getMap('meta');
  for (let r = 0; r < rounds; r++) {
    // One transaction per change, as the projector writes them: their items never merge.
    for (let k = 0; k < 10; k++)
      doc.transact(() => ratings.set(`d${k}:m1`, { stage: `s${r}`, rationale: `why ${r}` }));
  }
  meta.set('title', 'Day one');
  meta.set('deadline', null);
  doc.getMap('reactions').set('c1', { '👍': 2 });
  doc.getMap('reactions').delete('c1');
  return doc;
}

const load = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
const rootsJson = (doc: Y.Doc) =>
  Object.fromEntries(['ratings', 'meta', 'reactions'].map((name) => [name, doc.getMap(name).toJSON()]));

describe('SYNC64 re-basing a server-written doc', () => {
  it('counts tombstones and live items', () => {
    const doc = overwrittenDoc(5);
    // 50 rating writes, 10 live; 2 meta entries; one reaction entry written and deleted.
    expect(countItems(doc)).toEqual({ deleted: 41, live: 12 });
  });

  it('is worth it only with many tombstones that outnumber the live items', () => {
    expect(worthRebasing({ deleted: 1000, live: 999 }, 1000)).toBe(true);
    expect(worthRebasing({ deleted: 999, live: 10 }, 1000)).toBe(false);
    expect(worthRebasing({ deleted: 5000, live: 6000 }, 1000)).toBe(false);
  });

  it('keeps every live entry, drops every tombstone, and shares no client id with the old doc', () => {
    const doc = overwrittenDoc(50);
    const state = rebasedState(doc);
    expect(state).not.toBeNull();
    const rebased = load(state!);
    expect(rootsJson(rebased)).toEqual(rootsJson(doc));
    expect(countItems(rebased)).toEqual({ deleted: 0, live: 12 });
    expect(state!.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length / 5);
    for (const client of rebased.store.clients.keys()) expect(doc.store.clients.has(client)).toBe(false);
    // So a reader holding the old doc claims history the re-based one does not have.
    expect(isAheadOf(rebased, Y.encodeStateVector(doc))).toBe(true);
    expect(isAheadOf(rebased, Y.encodeStateVector(load(state!)))).toBe(false);
    expect(isAheadOf(rebased, Y.encodeStateVector(new Y.Doc()))).toBe(false);
  });

  it('refuses docs that are not top-level maps of plain values', () => {
    const withText = overwrittenDoc(2);
    withText.getText('notes').insert(0, 'hi');
    expect(rebasedState(withText)).toBeNull();
    const nested = overwrittenDoc(2);
    nested.getMap('meta').set('inner', new Y.Map());
    expect(rebasedState(nested)).toBeNull();
  });

  it('stores the re-based doc in place of snapshot and log, or leaves both alone', async () => {
    const store = createMemoryDocStore();
    const doc = overwrittenDoc(20);
    await store.appendUpdates([{ docName: 'workshop:w', update: Y.encodeStateAsUpdate(doc) }]);
    const stored = await store.load('workshop:w');
    const deps = { store, docName: 'workshop:w', log: silent };

    expect(await rebaseStoredDoc(doc, stored, { ...deps, minTombstones: 1000 })).toBeNull();
    expect(await store.load('workshop:w')).toEqual(stored);

    const failing: DocStore = { ...store, compact: () => Promise.reject(new Error('disk full')) };
    expect(await rebaseStoredDoc(doc, stored, { ...deps, store: failing, minTombstones: 100 })).toBeNull();
    expect(await store.load('workshop:w')).toEqual(stored);

    const rebased = await rebaseStoredDoc(doc, stored, { ...deps, minTombstones: 100 });
    expect(rebased).not.toBeNull();
    const after = await store.load('workshop:w');
    expect(after.updates).toEqual([]);
    expect(after.lastUpdateId).toBe(stored.lastUpdateId);
    expect(rootsJson(load(after.snapshot!))).toEqual(rootsJson(doc));
    expect(countItems(load(after.snapshot!)).deleted).toBe(0);
  });
});
