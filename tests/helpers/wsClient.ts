import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';

/**
 * A `ws` WebSocket that sends the session cookie and an Origin, the way a browser would. Passed to
 * the stock y-websocket provider as its WebSocketPolyfill.
 */
export function browserLikeWebSocket(cookie: string | undefined, origin: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { ...(cookie ? { cookie } : {}), origin } });
    }
  } as typeof WebSocket;
}

/** The stock y-websocket provider on `baseWsUrl/sync/<docName>`, in Node. */
export function connectProvider(
  baseWsUrl: string,
  docName: string,
  options: { cookie?: string; origin: string; doc?: Y.Doc; connect?: boolean },
): WebsocketProvider {
  return new WebsocketProvider(`${baseWsUrl}/sync`, docName, options.doc ?? new Y.Doc(), {
    // No global WebSocket on Node 20; and BroadcastChannel would let same-process clients sync
    // with each other, bypassing the server under test.
    WebSocketPolyfill: browserLikeWebSocket(options.cookie, options.origin) as never,
    disableBc: true,
    connect: options.connect ?? true,
  });
}

export interface RawClient {
  ws: WebSocket;
  /** Every binary frame received, in order. */
  frames: Uint8Array[];
  /** Set once closed: the close code the server sent (1006 if none). */
  closeCode: number | null;
  opened: Promise<void>;
  closed: Promise<number>;
  send(frame: Uint8Array): void;
  /** A doc rebuilt from every sync step 2 / update received. */
  doc: Y.Doc;
}

/** A raw websocket client for hand-built frames (attacker tests). */
export function rawClient(baseWsUrl: string, docName: string, options: { cookie?: string; origin: string }): RawClient {
  const ws = new WebSocket(`${baseWsUrl}/sync/${encodeURIComponent(docName)}`, {
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), origin: options.origin },
  });
  ws.binaryType = 'nodebuffer';
  const doc = new Y.Doc();
  const client: RawClient = {
    ws,
    frames: [],
    closeCode: null,
    doc,
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    }),
    closed: null as never,
    send: (frame) => ws.send(frame),
  };
  client.closed = new Promise((resolve) => {
    ws.on('close', (code) => {
      client.closeCode = code;
      resolve(code);
    });
  });
  client.opened.catch(() => {});
  ws.on('error', () => {});
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    client.frames.push(frame);
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.sync) return;
    const step = decoding.readVarUint(d);
    if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
      Y.applyUpdate(doc, decoding.readVarUint8Array(d), 'server');
    }
  });
  return client;
}

/** Frame builders in the y-websocket wire format. */
export const frames = {
  step1(doc: Y.Doc): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
    return encoding.toUint8Array(e);
  },
  update(update: Uint8Array, step: number = syncProtocol.messageYjsUpdate): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  awareness(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const en of entries) {
      encoding.writeVarUint(inner, en.clientId);
      encoding.writeVarUint(inner, en.clock);
      encoding.writeVarString(inner, JSON.stringify(en.state));
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    return encoding.toUint8Array(e);
  },
};

/** An update that sets `key` to `value` in map `mapName` of a fresh doc (client id fixed if given). */
export function mapSetUpdate(mapName: string, key: string, value: unknown, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  doc.getMap(mapName).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}
