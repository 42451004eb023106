import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectStateVector, inspectUpdate, MAX_CLOCK, MalformedUpdateError } from './updateGuard';

function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap('m');
  map.set('s', 'plain');
  map.set('emoji', 'é🎯 ünïcödé');
  map.set('obj', { a: [1, 2.5, true, null, 'x'], b: { c: new Uint8Array([1, 2]) }, big: 2n ** 40n });
  map.set('n', -123456);
  map.set('bin', new Uint8Array([9, 8, 7]));
  const text = doc.getText('t');
  text.insert(0, 'héllo 🌍 world');
  text.format(0, 3, { bold: true });
  text.insertEmbed(2, { image: 'x' });
  text.delete(1, 4);
  const arr = doc.getArray('a');
  arr.insert(0, [1, 'two', { three: 3 }]);
  const nested = new Y.Map();
  arr.push([nested]);
  nested.set('k', 'v');
  const xml = doc.getXmlFragment('x');
  const el = new Y.XmlElement('p');
  xml.insert(0, [el, new Y.XmlText('t')]);
  el.setAttribute('class', 'c');
  arr.delete(0, 1);
  map.set('s', 'overwritten');
  arr.push([new Y.Doc({ guid: 'sub' })]);
  return doc;
}

describe('SYNC40 updateGuard: hostile updates are refused before Yjs sees them', () => {
  it('accepts every real update and reports the same struct ranges Yjs decodes', () => {
    const doc = richDoc();
    const update = Y.encodeStateAsUpdate(doc);
    const summary = inspectUpdate(update);
    const decoded = Y.decodeUpdate(update);
    const expected = decoded.structs
      .filter((s) => s.constructor.name !== 'Skip')
      .map((s) => ({ client: s.id.client, clock: s.id.clock, length: s.length }));
    expect(summary.structs).toEqual(expected);
    const deletes: Array<{ client: number; clock: number; length: number }> = [];
    for (const [client, items] of decoded.ds.clients) {
      for (const item of items) deletes.push({ client, clock: item.clock, length: item.len });
    }
    expect(summary.deletes).toEqual(deletes);
    expect(() => inspectStateVector(Y.encodeStateVector(doc))).not.toThrow();
  });

  it('accepts incremental updates of every transaction', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const src = richDoc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(src));
    doc.getText('t').insert(0, '𝄞 and more');
    doc.getMap('m').delete('n');
    for (const u of updates) expect(() => inspectUpdate(u)).not.toThrow();
    expect(() => inspectUpdate(new Uint8Array([0, 0]))).not.toThrow();
  });

  const crafted: Array<[string, (e: encoding.Encoder) => void]> = [
    ['billions of clients', (e) => encoding.writeVarUint(e, 2 ** 32)],
    [
      'billions of structs for one client',
      (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 3_000_000_000);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
      },
    ],
    [
      'a GC struct of absurd length',
      (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 0);
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, 2 ** 40);
        encoding.writeVarUint(e, 0);
      },
    ],
    [
      'a skip struct pushing the clock past 2^31',
      (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, MAX_CLOCK - 1);
        encoding.writeUint8(e, 10);
        encoding.writeVarUint(e, 5);
        encoding.writeVarUint(e, 0);
      },
    ],
    [
      'billions of delete ranges',
      (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 5);
        encoding.writeVarUint(e, 4_000_000_000);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
      },
    ],
    [
      'a delete range of 2^50',
      (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 5);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2 ** 50);
      },
    ],
    [
      'an Any content declaring a billion values',
      (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 0);
        encoding.writeUint8(e, 8 | 0x20);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'm');
        encoding.writeVarString(e, 'k');
        encoding.writeVarUint(e, 1_000_000_000);
        encoding.writeUint8(e, 126);
      },
    ],
    ['a varUint that never ends', (e) => encoding.writeUint8Array(e, new Uint8Array(20).fill(0xff))],
  ];
  for (const [name, write] of crafted) {
    it(`refuses ${name}`, () => {
      const e = encoding.createEncoder();
      write(e);
      const bytes = encoding.toUint8Array(e);
      expect(bytes.length).toBeLessThan(64);
      expect(() => inspectUpdate(bytes)).toThrow(MalformedUpdateError);
    });
  }

  it('refuses truncated and padded updates', () => {
    const update = Y.encodeStateAsUpdate(richDoc());
    for (let cut = 0; cut < update.length; cut++) {
      expect(() => inspectUpdate(update.subarray(0, cut))).toThrow(MalformedUpdateError);
    }
    const padded = new Uint8Array(update.length + 1);
    padded.set(update);
    expect(() => inspectUpdate(padded)).toThrow(MalformedUpdateError);
  });

  it('random byte corruption is refused with MalformedUpdateError, never another exception', () => {
    const base = Y.encodeStateAsUpdate(richDoc());
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let i = 0; i < 500; i++) {
      const bytes = base.slice();
      const flips = 1 + Math.floor(rnd() * 3);
      for (let f = 0; f < flips; f++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      try {
        inspectUpdate(bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedUpdateError);
      }
    }
  });
});
