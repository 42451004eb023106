import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The bytes the load generator speaks, without a Y.Doc on the reading side.
 *
 * y-websocket frame: varUint(messageType) + payload; sync payload = varUint(step) + varUint8Array.
 * Hocuspocus frame: varString(documentName) + the same (its Sync = 0, plus Auth = 2 first).
 * Keeping "light" clients at this level is what lets one generator core drive 1,000 sockets
 * (STACK-NOTES: a generator that decodes every update saturates near 1,000 clients).
 */
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const HP_MSG_AUTH = 2;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** An empty Yjs V1 update: no structs, no deletions. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** An empty state vector: "send me everything". */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export type Framing = { kind: 'y-websocket' } | { kind: 'hocuspocus'; documentName: string };

function start(framing: Framing): encoding.Encoder {
  const e = encoding.createEncoder();
  if (framing.kind === 'hocuspocus') encoding.writeVarString(e, framing.documentName);
  return e;
}

export function syncMessage(framing: Framing, step: number, payload: Uint8Array): Uint8Array {
  const e = start(framing);
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Hocuspocus' first frame: the auth token (empty: the reference server has no auth hook) + version. */
export function hocuspocusAuth(documentName: string, providerVersion: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, HP_MSG_AUTH);
  encoding.writeVarUint(e, 0); // AuthMessageType.Token
  encoding.writeVarString(e, '');
  encoding.writeVarString(e, providerVersion);
  return encoding.toUint8Array(e);
}

export interface IncomingSync {
  step: number;
  payload: Uint8Array;
}

/** The sync step and payload of a frame, or null for any other message type (awareness, auth…). */
export function readSync(framing: Framing, data: Uint8Array): IncomingSync | null {
  const d = decoding.createDecoder(data);
  if (framing.kind === 'hocuspocus') decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  // Hocuspocus answers a client's step 1 with SyncReply (4): same payload as Sync.
  if (type !== MSG_SYNC && !(framing.kind === 'hocuspocus' && type === 4)) return null;
  const step = decoding.readVarUint(d);
  return { step, payload: decoding.readVarUint8Array(d) };
}
