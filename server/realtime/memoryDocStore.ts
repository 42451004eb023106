import type { DocStore, PendingUpdate, StoredDoc } from './docStore';

interface Entry {
  snapshot: Uint8Array | null;
  snapshotThrough: number;
  updates: Array<{ id: number; update: Uint8Array }>;
}

/** An in-memory DocStore for unit tests and tools. Copies bytes in and out, like a real store would. */
export function createMemoryDocStore(): DocStore {
  const docs = new Map<string, Entry>();
  let nextId = 1;
  const entry = (name: string): Entry => {
    let e = docs.get(name);
    if (!e) {
      e = { snapshot: null, snapshotThrough: 0, updates: [] };
      docs.set(name, e);
    }
    return e;
  };
  const store: DocStore = {
    loadMany: (docNames) => Promise.all(docNames.map((n) => store.load(n))),
    async load(docName: string): Promise<StoredDoc> {
      const e = docs.get(docName);
      if (!e) return { snapshot: null, updates: [], lastUpdateId: 0 };
      const last = e.updates.at(-1)?.id ?? e.snapshotThrough;
      return {
        snapshot: e.snapshot ? e.snapshot.slice() : null,
        updates: e.updates.map((u) => u.update.slice()),
        lastUpdateId: last,
      };
    },
    async appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]> {
      return updates.map((u) => {
        const id = nextId++;
        entry(u.docName).updates.push({ id, update: u.update.slice() });
        return id;
      });
    },
    async compact(docName: string, state: Uint8Array, throughId: number): Promise<void> {
      const e = entry(docName);
      e.snapshot = state.slice();
      e.snapshotThrough = Math.max(e.snapshotThrough, throughId);
      e.updates = e.updates.filter((u) => u.id > throughId);
    },
    async countUpdates(docName: string): Promise<number> {
      return docs.get(docName)?.updates.length ?? 0;
    },
    async listDocs(prefix: string): Promise<string[]> {
      return [...docs.entries()]
        .filter(([name, e]) => name.startsWith(prefix) && (e.snapshot || e.updates.length > 0))
        .map(([name]) => name)
        .sort();
    },
  };
  return store;
}
