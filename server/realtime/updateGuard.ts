/**
 * Structural check of a Yjs V1 update BEFORE Yjs sees it.
 *
 * Threat (yjs issue 687, not fixed upstream): a crafted update of a few dozen bytes can declare
 * billions of structs, clients or delete ranges, or absurd clocks and lengths, and make Yjs loop or
 * allocate until the event loop hangs — taking every room on the server down with it. Yjs reads
 * past the end of its buffer without throwing (lib0's readUint8 returns undefined), so it cannot be
 * trusted to reject such input itself.
 *
 * This walker reads the whole update with bounds-checked primitives: every declared count must fit
 * in the bytes that remain (each element takes at least one byte), every clock and length must stay
 * below MAX_CLOCK, nesting is capped, and the update must end exactly where its content ends. It
 * costs one linear pass and allocates nothing but the summary it returns.
 */

/** No honest client reaches 2^31 operations in one doc; larger clocks only come from forged updates. */
export const MAX_CLOCK = 2 ** 31;
const MAX_ANY_DEPTH = 32;
const utf8 = new TextDecoder();

export interface StructRange {
  client: number;
  clock: number;
  length: number;
}

export interface UpdateSummary {
  /** Clock ranges the update's structs cover (Skip structs excluded — they carry nothing). */
  structs: StructRange[];
  /** Ranges the update's delete set marks deleted. */
  deletes: StructRange[];
}

export class MalformedUpdateError extends Error {
  override name = 'MalformedUpdateError';
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  remaining(): number {
    return this.buf.length - this.pos;
  }
  byte(): number {
    if (this.pos >= this.buf.length) throw new MalformedUpdateError('unexpected end of update');
    return this.buf[this.pos++]!;
  }
  /** lib0 varUint, refused above 2^53 (lib0 itself would lose precision). */
  varUint(): number {
    let num = 0;
    let mult = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      num += (b & 0x7f) * mult;
      if (b < 0x80) return num;
      mult *= 128;
    }
    throw new MalformedUpdateError('varUint too long');
  }
  /** lib0 varInt (sign in bit 6 of the first byte). */
  varInt(): void {
    let b = this.byte();
    for (let i = 0; b & 0x80; i++) {
      if (i >= 8) throw new MalformedUpdateError('varInt too long');
      b = this.byte();
    }
  }
  /** A count of elements that each take at least `minBytes`: must fit in what remains. */
  count(minBytes = 1): number {
    const n = this.varUint();
    if (n * minBytes > this.remaining()) throw new MalformedUpdateError(`declared count ${n} exceeds the update`);
    return n;
  }
  clock(): number {
    const n = this.varUint();
    if (n >= MAX_CLOCK) throw new MalformedUpdateError(`clock or length ${n} out of range`);
    return n;
  }
  skip(n: number): void {
    if (n > this.remaining()) throw new MalformedUpdateError('declared length exceeds the update');
    this.pos += n;
  }
  /** varUint8Array / varString: a length, then that many bytes. */
  bytes(): void {
    this.skip(this.varUint());
  }
}

function readAny(r: Reader, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new MalformedUpdateError('value nested too deeply');
  const type = r.byte();
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125: // varInt
      r.varInt();
      return;
    case 124: // float32
      r.skip(4);
      return;
    case 123: // float64
    case 122: // bigint64
      r.skip(8);
      return;
    case 119: // string
    case 116: // Uint8Array
      r.bytes();
      return;
    case 118: {
      // object: count × (key string, value)
      const n = r.count(2);
      for (let i = 0; i < n; i++) {
        r.bytes();
        readAny(r, depth + 1);
      }
      return;
    }
    case 117: {
      const n = r.count(1);
      for (let i = 0; i < n; i++) readAny(r, depth + 1);
      return;
    }
    default:
      throw new MalformedUpdateError(`unknown value type ${type}`);
  }
}

function readContent(r: Reader, ref: number): number {
  switch (ref) {
    case 1: // Deleted
      return r.clock();
    case 2: {
      // JSON: count × string
      const n = r.count(1);
      for (let i = 0; i < n; i++) r.bytes();
      return n;
    }
    case 3: // Binary
      r.bytes();
      return 1;
    case 4: {
      // String: UTF-8 bytes on the wire, but Yjs counts its clock in UTF-16 units.
      const byteLength = r.varUint();
      const from = r.pos;
      r.skip(byteLength);
      return utf8.decode(r.buf.subarray(from, from + byteLength)).length;
    }
    case 5: // Embed (JSON string)
      r.bytes();
      return 1;
    case 6: // Format: key, JSON value
      r.bytes();
      r.bytes();
      return 1;
    case 7: {
      // Type: type ref; XmlElement (3) and XmlHook (5) carry a name
      const typeRef = r.byte();
      if (typeRef > 6) throw new MalformedUpdateError(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) r.bytes();
      return 1;
    }
    case 8: {
      // Any: count × any
      const n = r.count(1);
      for (let i = 0; i < n; i++) readAny(r, 0);
      return n;
    }
    case 9: // Doc: guid string, options any
      r.bytes();
      readAny(r, 0);
      return 1;
    default:
      throw new MalformedUpdateError(`unknown content ref ${ref}`);
  }
}

/** Walks a V1 update; throws MalformedUpdateError if anything is impossible. */
export function inspectUpdate(update: Uint8Array): UpdateSummary {
  const r = new Reader(update);
  const structs: StructRange[] = [];
  const deletes: StructRange[] = [];
  // Each client block needs ≥ 3 bytes (struct count, client, clock); each struct ≥ 2.
  const numClients = r.count(3);
  for (let c = 0; c < numClients; c++) {
    const numStructs = r.count(2);
    const client = r.varUint();
    let clock = r.clock();
    for (let s = 0; s < numStructs; s++) {
      const info = r.byte();
      const ref = info & 0b11111;
      let length: number;
      if (ref === 0 || ref === 10) {
        length = r.clock(); // GC or Skip
      } else {
        const hasOrigin = (info & 0x80) !== 0;
        const hasRightOrigin = (info & 0x40) !== 0;
        if (hasOrigin) {
          r.varUint();
          r.clock();
        }
        if (hasRightOrigin) {
          r.varUint();
          r.clock();
        }
        if (!hasOrigin && !hasRightOrigin) {
          // Parent: a root type's name, or the id of the parent item.
          if (r.varUint() === 1) r.bytes();
          else {
            r.varUint();
            r.clock();
          }
          if ((info & 0x20) !== 0) r.bytes(); // parentSub (map key)
        }
        length = readContent(r, ref);
      }
      if (length === 0 && ref !== 10) throw new MalformedUpdateError('empty struct');
      if (ref !== 10) structs.push({ client, clock, length });
      clock += length;
      if (clock >= MAX_CLOCK) throw new MalformedUpdateError('clock out of range');
    }
  }
  const dsClients = r.count(2);
  for (let c = 0; c < dsClients; c++) {
    const client = r.varUint();
    const n = r.count(2);
    for (let i = 0; i < n; i++) {
      const clock = r.clock();
      const length = r.clock();
      if (clock + length >= MAX_CLOCK) throw new MalformedUpdateError('delete range out of range');
      deletes.push({ client, clock, length });
    }
  }
  if (r.remaining() !== 0) throw new MalformedUpdateError('trailing bytes after update');
  return { structs, deletes };
}

/** A state vector (sync step 1): count × (client, clock). */
export function inspectStateVector(sv: Uint8Array): void {
  const r = new Reader(sv);
  const n = r.count(2);
  for (let i = 0; i < n; i++) {
    r.varUint();
    r.clock();
  }
  if (r.remaining() !== 0) throw new MalformedUpdateError('trailing bytes after state vector');
}
