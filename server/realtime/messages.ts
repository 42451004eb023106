import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';

/** Encoders for the frames the server sends, in the unmodified y-websocket wire format. */

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

/** A message already framed as a WebSocket binary frame, to write as-is to every peer of a room. */
export interface PrebuiltFrame {
  /** The message, for peers that cannot take raw bytes (tests, a socket with an extension on). */
  readonly payload: Uint8Array;
  /** FIN + binary opcode, unmasked length, payload (RFC 6455 §5.2: a server never masks). */
  readonly bytes: Buffer;
}

/**
 * Frames `payload` once for a whole broadcast. `ws` frames every send separately (a header buffer,
 * then cork, two writes, uncork and a writev per peer); the benchmark's profiles had that fan-out as
 * the server's largest cost and a third of its garbage. The frame is the same for every peer, so one
 * buffer written with one plain write per socket does the same job.
 */
export function prebuiltFrame(payload: Uint8Array): PrebuiltFrame {
  const n = payload.byteLength;
  const header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const bytes = Buffer.allocUnsafe(header + n);
  bytes[0] = 0x82;
  if (n < 126) bytes[1] = n;
  else if (n < 65_536) {
    bytes[1] = 126;
    bytes.writeUInt16BE(n, 2);
  } else {
    bytes[1] = 127;
    bytes.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    bytes.writeUInt32BE(n >>> 0, 6);
  }
  bytes.set(payload, header);
  return { payload, bytes };
}
