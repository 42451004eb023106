/**
 * Each edit carries a marker in its rationale text: `~bm<editId>@<sentAtMicros>~`.
 * Yjs V1 updates store strings as plain UTF-8, so a receiver finds the marker in the raw frame
 * without decoding it (a "light" client), and a decoding client finds it in the map value.
 * sentAt is process.hrtime in µs: one monotonic clock shared by every worker thread of the
 * generator, so latency = receive time − sentAt needs no cross-thread bookkeeping.
 */
const PREFIX = Buffer.from('~bm');
const AT = 0x40; // '@'
const END = 0x7e; // '~'

/** editId = writer * EDIT_SEQ_SPAN + seq: the writer is recoverable from the id alone. */
export const EDIT_SEQ_SPAN = 1_000_000;

export function nowMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export function markerText(editId: number, sentAtMicros: number): string {
  return `~bm${editId}@${sentAtMicros}~`;
}

export interface FoundMarker {
  editId: number;
  sentAtMicros: number;
}

function readInt(buf: Uint8Array, from: number, stop: number): [number, number] {
  let n = 0;
  let i = from;
  while (i < buf.length && buf[i] !== stop) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return [-1, i];
    n = n * 10 + c;
    i++;
  }
  return i < buf.length ? [n, i] : [-1, i];
}

/** Every marker in a frame (a server may batch several edits into one message). */
export function scanMarkers(frame: Buffer, out: FoundMarker[]): void {
  let at = frame.indexOf(PREFIX);
  while (at !== -1) {
    const [editId, atSign] = readInt(frame, at + PREFIX.length, AT);
    if (editId >= 0) {
      const [sentAtMicros, end] = readInt(frame, atSign + 1, END);
      if (sentAtMicros >= 0) out.push({ editId, sentAtMicros });
      at = frame.indexOf(PREFIX, end);
    } else {
      at = frame.indexOf(PREFIX, at + PREFIX.length);
    }
  }
}

/** The marker in a decoded rationale string, or null. */
export function parseMarker(text: string): FoundMarker | null {
  const m = /~bm(\d+)@(\d+)~/.exec(text);
  return m ? { editId: Number(m[1]), sentAtMicros: Number(m[2]) } : null;
}
