import { describe, expect, it } from 'vitest';
import { canonicalJson, type LockContent, lockContentHash } from './contentHash';

const content: LockContent = {
  workshopId: 'w1',
  dimensionId: 'd1',
  revision: 1,
  stage: 'developing',
  rationale: 'Because.',
  dissent: '',
  nextSteps: '',
  finalRatings: { m2: 'effective', m1: 'developing' },
  firstRound: { m1: null },
  lockedAt: 1000,
  lockedBy: 'm1',
};

describe('lock content hash', () => {
  it('does not depend on key order (canonical JSON)', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}',
    );
    const reordered = { ...content, finalRatings: { m1: 'developing', m2: 'effective' } };
    expect(lockContentHash(reordered)).toBe(lockContentHash(content));
  });

  it('changes when any sealed field changes, including the rating snapshots', () => {
    const base = lockContentHash(content);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(lockContentHash({ ...content, stage: 'effective' })).not.toBe(base);
    expect(lockContentHash({ ...content, finalRatings: { ...content.finalRatings, m2: null } })).not.toBe(
      base,
    );
    expect(lockContentHash({ ...content, firstRound: {} })).not.toBe(base);
    expect(lockContentHash({ ...content, revision: 2 })).not.toBe(base);
  });

  it('ignores extra fields of a row object (id, the stored hash itself)', () => {
    const row = { ...content, id: 7, contentHash: 'x' } as LockContent;
    expect(lockContentHash(row)).toBe(lockContentHash(content));
  });
});
