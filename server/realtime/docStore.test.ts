import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from '../../tests/helpers/waitFor';
import { openDatabase } from '../db/client';
import { docStoreContract } from './docStoreContract';
import { createMemoryDocStore } from './memoryDocStore';
import { createSqliteDocStore } from './sqliteDocStore';

docStoreContract('memory', () => ({ store: createMemoryDocStore(), close: () => {} }));
docStoreContract('sqlite', () => {
  const database = openDatabase(':memory:');
  return { store: createSqliteDocStore(database.db, Date.now), close: () => database.close() };
});
// The real server's configuration: a file database whose Yjs writes a worker thread commits.
docStoreContract('sqlite + write thread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'docstore-'));
  const database = openDatabase(path.join(dir, 'ler.db'), { writeThread: true });
  return {
    store: createSqliteDocStore(database.db, Date.now, database.writeThread),
    close: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

it('a store whose write thread died keeps working on the main connection, losing nothing committed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'docstore-'));
  const database = openDatabase(path.join(dir, 'ler.db'), { writeThread: true });
  const thread = database.writeThread!;
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const store = createSqliteDocStore(database.db, Date.now, thread);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    await store.appendUpdates([{ docName: 'd', update: updates[0]! }]);
    // Kill the thread the hard way, as a crash would.
    await thread.worker.terminate();
    await waitFor(() => !thread.running, { what: 'thread reported dead' });
    expect(errors).toHaveBeenCalledTimes(1);
    doc.getMap('m').set('b', 2);
    await store.appendUpdates([{ docName: 'd', update: updates[1]! }]);
    const rebuilt = new Y.Doc();
    for (const u of (await store.load('d')).updates) Y.applyUpdate(rebuilt, u);
    expect(rebuilt.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  } finally {
    errors.mockRestore();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
