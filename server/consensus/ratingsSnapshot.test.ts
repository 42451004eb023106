import { describe, expect, it } from 'vitest';
import { ratingsSnapshot } from './ratingsSnapshot';

const r = (stage: string | null) => ({ stage, rationale: '', updatedAt: 1 });

describe('ratingsSnapshot', () => {
  it('keeps current members only, and nulls values that are not stages of the rubric', () => {
    const ratings = new Map([
      [
        'm1',
        new Map([
          ['d1', r('developing')],
          ['d2', r('effective')],
        ]),
      ],
      ['m2', new Map([['d1', r('<script>')]])],
      ['m3', new Map([['d1', r('not-sure')]])],
      ['gone', new Map([['d1', r('developing')]])],
      ['m4', new Map([['d2', r('developing')]])],
    ]);
    const snapshot = ratingsSnapshot(ratings, 'd1', new Set(['m1', 'm2', 'm3', 'm4']), [
      'developing',
      'effective',
    ]);
    expect(snapshot).toEqual({ m1: 'developing', m2: null, m3: 'not-sure' });
  });
});
