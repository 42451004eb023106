import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { AwarenessUser } from '../../shared/awareness';
import { filterAwarenessUpdate } from './awarenessFilter';

const user: AwarenessUser = { memberId: 'm1', name: 'Participant 3', perspective: 'IT', role: 'participant' };

function update(entries: Array<[number, number, unknown]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

function stateOf(bytes: Uint8Array): unknown {
  const d = decoding.createDecoder(bytes);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return JSON.parse(decoding.readVarString(d));
}

describe('awarenessFilter', () => {
  const fresh = { ownedClientId: null, isKnown: () => false, user };

  it('SYNC30 replaces user with the server view and drops unknown fields', () => {
    const v = filterAwarenessUpdate(update([[5, 1, { user: { name: 'The Dean' }, dimensionId: 'd1', typing: true, x: 1 }]]), fresh);
    expect(v.ok && v.own && stateOf(v.own.update)).toEqual({ user, dimensionId: 'd1', typing: true });
  });

  it('SYNC31 keeps only the entry of the owned client; others (echoes, forgeries) are dropped', () => {
    const v = filterAwarenessUpdate(update([[9, 3, {}], [5, 2, { dimensionId: null }]]), { ...fresh, ownedClientId: 5 });
    expect(v.ok && v.own?.clientId).toBe(5);
    expect(v.ok && v.dropped).toBe(1);
    const forged = filterAwarenessUpdate(update([[9, 3, null]]), { ...fresh, ownedClientId: 5 });
    expect(forged.ok && forged.own).toBeNull();
  });

  it('SYNC31 never claims a clientID already present in the room', () => {
    const v = filterAwarenessUpdate(update([[9, 3, {}]]), { ...fresh, isKnown: (id) => id === 9 });
    expect(v.ok && v.own).toBeNull();
  });

  it('SYNC32 refuses oversized states, garbage and absurd counts', () => {
    expect(filterAwarenessUpdate(update([[5, 1, { pad: 'x'.repeat(3000) }]]), fresh).ok).toBe(false);
    expect(filterAwarenessUpdate(new Uint8Array([1, 5, 1, 200]), fresh).ok).toBe(false);
    expect(filterAwarenessUpdate(new Uint8Array([0xff, 0xff, 0xff, 0x7f]), fresh).ok).toBe(false);
    expect(filterAwarenessUpdate(update([[5, 1, [1, 2]]]), fresh).ok).toBe(false);
  });
});
