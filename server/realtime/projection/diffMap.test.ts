import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { diffMap, sameJson } from './diffMap';

describe('diffMap (PROJ8)', () => {
  it("PROJ8: writes only changed keys, deletes vanished owned keys, leaves others' keys and frozen keys alone", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('a:1', { x: 1, y: [1, 2] });
    map.set('a:2', { x: 2 });
    map.set('b:1', { x: 3 });
    map.set('a:frozen', 'old');
    let updates = 0;
    doc.on('update', () => updates++);
    const writes = doc.transact(() =>
      diffMap(
        map,
        new Map<string, unknown>([
          ['a:1', { y: [1, 2], x: 1 }],
          ['a:3', 'new'],
          ['a:frozen', 'changed'],
        ]),
        {
          owns: (k) => k.startsWith('a:'),
          frozen: (k) => k === 'a:frozen',
        },
      ),
    );
    expect(writes).toBe(2); // a:2 deleted, a:3 set; a:1 equal despite key order
    expect(updates).toBe(1);
    expect(map.toJSON()).toEqual({
      'a:1': { x: 1, y: [1, 2] },
      'a:3': 'new',
      'b:1': { x: 3 },
      'a:frozen': 'old',
    });
  });

  it('sameJson compares structure, not identity or key order', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    // undefined values are absent in JSON, on either side
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: undefined }, { b: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson([1, [2, 3]], [1, [2, 4]])).toBe(false);
  });
});
