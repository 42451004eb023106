import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isNoopFor } from './readOnlyCheck';
import { inspectUpdate } from './updateGuard';

function serverDocWithHistory(): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap('m');
  // Overwrites and deletions: the delete set every client then repeats in its sync step 2.
  for (let i = 0; i < 20; i++) map.set(`k${i % 5}`, i);
  map.delete('k0');
  const text = doc.getText('t');
  text.insert(0, 'hello world');
  text.delete(2, 5);
  return doc;
}

const syncedCopy = (server: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  return copy;
};
const step2From = (client: Y.Doc, server: Y.Doc) => inspectUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));

describe('SYNC13 read-only connections: isNoopFor', () => {
  it('accepts the step 2 of an up-to-date reader (its copy of our delete set, nothing new)', () => {
    const server = serverDocWithHistory();
    const reader = syncedCopy(server);
    const summary = step2From(reader, server);
    expect(summary.deletes.length).toBeGreaterThan(0);
    expect(isNoopFor(server, summary)).toBe(true);
    // Also the full state of the reader (everything it has is already ours).
    expect(isNoopFor(server, inspectUpdate(Y.encodeStateAsUpdate(reader)))).toBe(true);
  });

  it('refuses a reader that added content', () => {
    const server = serverDocWithHistory();
    const reader = syncedCopy(server);
    reader.getMap('m').set('evil', 1);
    expect(isNoopFor(server, step2From(reader, server))).toBe(false);
  });

  it('refuses a reader that deleted content the server still has', () => {
    const server = serverDocWithHistory();
    const reader = syncedCopy(server);
    reader.getText('t').delete(0, 1);
    expect(isNoopFor(server, step2From(reader, server))).toBe(false);
  });

  it('refuses a deletion that only partly overlaps what the server deleted', () => {
    const server = serverDocWithHistory();
    const reader = syncedCopy(server);
    // Delete a run that starts inside an already-deleted range and extends past it.
    reader.getText('t').delete(1, 2);
    expect(isNoopFor(server, step2From(reader, server))).toBe(false);
  });
});
