import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { CloseCode, MessageType } from '../../shared/protocol';
import { decodeFrame, Refusal } from './incomingFrame';

function frame(type: number, step: number | null, payload: Uint8Array, extra: number[] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (step !== null) encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  for (const b of extra) encoding.writeUint8(e, b);
  return encoding.toUint8Array(e);
}

/** The Refusal decodeFrame throws for `bytes` (the test fails if it throws anything else, or nothing). */
function refusalFor(bytes: Uint8Array): Refusal {
  const thrown = (() => {
    try {
      decodeFrame(bytes);
    } catch (err) {
      return err;
    }
  })();
  expect(thrown).toBeInstanceOf(Refusal);
  return thrown as Refusal;
}

describe('decodeFrame', () => {
  it('splits a sync frame into type, step and payload', () => {
    const decoded = decodeFrame(frame(MessageType.sync, 2, Uint8Array.of(7, 8, 9)));
    expect(decoded.type).toBe(MessageType.sync);
    expect(decoded.step).toBe(2);
    expect([...decoded.payload]).toEqual([7, 8, 9]);
  });

  it('has no step for awareness, and nothing to read for a query of it', () => {
    const awareness = decodeFrame(frame(MessageType.awareness, null, Uint8Array.of(1)));
    expect(awareness).toMatchObject({ type: MessageType.awareness, step: -1 });
    expect([...awareness.payload]).toEqual([1]);
    const query = decodeFrame(Uint8Array.of(MessageType.queryAwareness));
    expect(query).toMatchObject({ type: MessageType.queryAwareness, step: -1 });
    expect(query.payload.byteLength).toBe(0);
  });

  it('refuses padded, truncated and empty frames as malformed', () => {
    const padded = refusalFor(frame(MessageType.sync, 2, Uint8Array.of(1, 2), [0]));
    expect(padded.code).toBe(CloseCode.malformed);
    expect(padded.message).toMatch(/payload length 2, 3 bytes left/);
    const whole = frame(MessageType.sync, 2, Uint8Array.of(1, 2, 3));
    expect(refusalFor(whole.subarray(0, whole.length - 1)).code).toBe(CloseCode.malformed);
    expect(refusalFor(new Uint8Array()).code).toBe(CloseCode.malformed);
  });
});
