import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const REMOTE = Symbol('remote');

export interface DocSocket {
  doc: Y.Doc;
  /** ms from socket open to the server's sync step 2 (the doc as loaded by the server). */
  syncMillis: number;
  close(): void;
}

/**
 * A full y-websocket sync of one doc over one raw socket (y-protocols' own sync, no provider):
 * local changes to `doc` are sent as updates, remote ones applied. Resolves once synced.
 */
export function openDocSocket(
  url: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<DocSocket> {
  const doc = new Y.Doc();
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE || ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    ws.send(encoding.toUint8Array(e));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`${url}: no sync within ${timeoutMs} ms`));
    }, timeoutMs);
    let openedAt = 0;
    let synced = false;
    ws.on('error', reject);
    ws.on('unexpected-response', (_req, res) => reject(new Error(`${url}: HTTP ${res.statusCode}`)));
    ws.on('open', () => {
      openedAt = performance.now();
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
      ws.send(encoding.toUint8Array(e));
    });
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(data);
      if (decoding.readVarUint(d) !== 0) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const step = syncProtocol.readSyncMessage(d, reply, doc, REMOTE);
      if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
      if (step === syncProtocol.messageYjsSyncStep2 && !synced) {
        synced = true;
        clearTimeout(timer);
        resolve({ doc, syncMillis: performance.now() - openedAt, close: () => ws.close() });
      }
    });
  });
}
