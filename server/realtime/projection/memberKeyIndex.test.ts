import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RatingRules } from '../../room/ratingRules';
import { changedRatingKeys, type MemberState, ratingKeyOf } from './memberKeyIndex';

/** The transaction of one change made by `fn` (the 4th argument of the doc's update event). */
function transactionOf(doc: Y.Doc, fn: () => void): unknown {
  let tr: unknown = null;
  const listener = (_u: Uint8Array, _o: unknown, _d: Y.Doc, t: Y.Transaction) => {
    tr = t;
  };
  doc.on('update', listener);
  fn();
  doc.off('update', listener);
  return tr;
}

describe('changedRatingKeys', () => {
  it('names the dimensions a transaction set or deleted in the ratings map', () => {
    const doc = new Y.Doc();
    const ratings = doc.getMap('ratings');
    ratings.set('gamma', { stage: null });
    const tr = transactionOf(doc, () =>
      doc.transact(() => {
        ratings.set('alpha', { stage: 'developing' });
        ratings.set('beta', { stage: 'developing' });
        ratings.delete('gamma');
      }),
    );
    expect([...(changedRatingKeys(doc, tr) ?? [])].sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('gives up (null: re-project the whole map) when a shared type nested in a rating changed', () => {
    const doc = new Y.Doc();
    const nested = new Y.Map();
    doc.getMap('ratings').set('alpha', nested);
    const tr = transactionOf(doc, () => nested.set('stage', 'developing'));
    expect(changedRatingKeys(doc, tr)).toBeNull();
  });

  it('gives up without a transaction it can read', () => {
    expect(changedRatingKeys(new Y.Doc(), undefined)).toBeNull();
  });
});

describe('ratingKeyOf', () => {
  const rules: RatingRules = {
    dimensionIds: ['alpha'],
    isKnownDimension: (id) => id === 'alpha',
    isAllowedStage: () => true,
  };
  const state = (): MemberState => ({
    parse: new Map(),
    ignored: new Map(),
    owned: null,
    ratingKeys: new Map(),
  });

  it("gives the member's workshop key and remembers it for the rubric's dimensions", () => {
    const st = state();
    expect(ratingKeyOf(st, rules, 'alpha', 'm1')).toBe('alpha:m1');
    expect(ratingKeyOf(st, rules, 'alpha', 'm1')).toBe('alpha:m1');
    expect([...st.ratingKeys]).toEqual([['alpha', 'alpha:m1']]);
  });

  it('remembers nothing for keys outside the rubric, however many a member doc holds', () => {
    const st = state();
    for (let i = 0; i < 100; i++) expect(ratingKeyOf(st, rules, `junk${i}`, 'm1')).toBe(`junk${i}:m1`);
    expect(st.ratingKeys.size).toBe(0);
  });
});
