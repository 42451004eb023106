import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prebuiltFrame } from './messages';

// ws's frame parser, as its client uses it; @types/ws does not declare it.
interface FrameReceiver extends EventEmitter {
  write(chunk: Buffer): void;
}
const { Receiver } = createRequire(import.meta.url)('ws') as {
  Receiver: new (options: { isServer: boolean; binaryType: string }) => FrameReceiver;
};

/** Parses bytes the way a client's ws library does and returns the messages it reads. */
function receive(bytes: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  // A client receives unmasked frames from a server.
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    messages.push(data);
  });
  receiver.on('error', (err: Error) => {
    throw err;
  });
  receiver.write(bytes);
  return messages;
}

describe('prebuiltFrame', () => {
  // Each length class of RFC 6455 §5.2: 7-bit, 16-bit and 64-bit payload lengths, at their edges.
  for (const length of [0, 1, 125, 126, 65_535, 65_536, 200_000]) {
    it(`frames a ${length}-byte message as one unmasked binary frame a client reads back`, () => {
      const payload = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
      const { bytes } = prebuiltFrame(payload);
      expect(bytes[0]).toBe(0x82); // FIN, binary
      expect(bytes[1]! & 0x80).toBe(0); // not masked
      const messages = receive(bytes);
      expect(messages).toHaveLength(1);
      expect(Buffer.compare(messages[0]!, Buffer.from(payload))).toBe(0);
    });
  }

  it('frames written back to back stay separate messages', () => {
    const a = prebuiltFrame(new Uint8Array([1, 2, 3]));
    const b = prebuiltFrame(new Uint8Array(300).fill(9));
    const messages = receive(Buffer.concat([a.bytes, b.bytes]));
    expect(messages.map((m) => m.length)).toEqual([3, 300]);
  });
});
