import * as decoding from 'lib0/decoding';
import { CloseCode, MessageType } from '../../shared/protocol';
import { errorMessage } from './log';

/** Thrown inside message handling to close the connection with a named code. */
export class Refusal extends Error {
  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message);
  }
}

/** A client frame's y-websocket message type, its sync step (-1 if none) and its payload. */
export interface IncomingFrame {
  type: number;
  step: number;
  payload: Uint8Array;
}

/**
 * Splits a frame into type, sync step and payload. Truncated or padded frames (a length pointing
 * past the end, bytes after the payload) are refused here, before any handler runs.
 */
export function decodeFrame(frame: Uint8Array): IncomingFrame {
  try {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    if (type === MessageType.queryAwareness) return { type, step: -1, payload: new Uint8Array() };
    const step = type === MessageType.sync ? decoding.readVarUint(d) : -1;
    const length = decoding.readVarUint(d);
    if (length !== d.arr.length - d.pos)
      throw new Error(`payload length ${length}, ${d.arr.length - d.pos} bytes left`);
    return { type, step, payload: decoding.readUint8Array(d, length) };
  } catch (err) {
    throw new Refusal(CloseCode.malformed, `undecodable frame: ${errorMessage(err)}`);
  }
}
