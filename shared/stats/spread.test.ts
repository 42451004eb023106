import { describe, expect, it } from 'vitest';
import { NOT_SURE } from '../domain';
import { compareRounds, computeSpread, mergeSmallPerspectives, type SpreadInput, spreadByPerspective } from './spread';

const STAGES = ['new-emerging', 'developing', 'effective-practice'];
const [NEW, DEV, EFF] = STAGES as [string, string, string];

function ratings(...stages: Array<string | null>): SpreadInput[] {
  return stages.map((stage, i) => ({ memberId: `m${i}`, stage, perspective: i % 2 ? 'IT' : 'Faculty' }));
}

describe('computeSpread counts', () => {
  it('counts per stage in scale order and keeps not-sure and cleared ratings apart', () => {
    const s = computeSpread(ratings(DEV, NEW, DEV, NOT_SURE, null, 'removed-stage'), STAGES);
    expect(s.stages.map((x) => [x.stageId, x.count])).toEqual([
      [NEW, 1],
      [DEV, 2],
      [EFF, 0],
    ]);
    expect(s.stages[1]!.memberIds).toEqual(['m0', 'm2']);
    expect(s.notSure).toBe(1);
    expect(s.unrated).toBe(2);
    expect(s.total).toBe(3);
    expect(s.majorityStageId).toBe(DEV);
  });
});

describe('divergence rule', () => {
  it('no ratings: not divergent, no majority', () => {
    const s = computeSpread([], STAGES);
    expect(s).toMatchObject({ divergent: false, majorityStageId: null, span: 0, total: 0 });
  });

  it('a single rating is never divergent', () => {
    expect(computeSpread(ratings(EFF), STAGES)).toMatchObject({ divergent: false, majorityStageId: EFF });
  });

  it('unanimous is not divergent', () => {
    expect(computeSpread(ratings(DEV, DEV, DEV), STAGES).divergent).toBe(false);
  });

  it('adjacent stages with a strict majority are not divergent', () => {
    const s = computeSpread(ratings(DEV, DEV, NEW), STAGES);
    expect(s).toMatchObject({ divergent: false, span: 1, majorityStageId: DEV });
  });

  it('adjacent stages tied (exactly half) are divergent: half is not a majority', () => {
    const s = computeSpread(ratings(DEV, NEW), STAGES);
    expect(s.majorityStageId).toBeNull();
    expect(s.divergenceReasons).toEqual(['no-majority']);
  });

  it('ratings two steps apart are divergent even with a majority', () => {
    const s = computeSpread(ratings(NEW, NEW, NEW, NEW, EFF), STAGES);
    expect(s.majorityStageId).toBe(NEW);
    expect(s.span).toBe(2);
    expect(s.divergenceReasons).toEqual(['wide-span']);
  });

  it('both reasons at once', () => {
    const s = computeSpread(ratings(NEW, DEV, EFF), STAGES);
    expect(s.divergenceReasons).toEqual(['wide-span', 'no-majority']);
  });

  it('not-sure ratings neither make a majority impossible nor count as disagreement', () => {
    const s = computeSpread(ratings(DEV, DEV, NOT_SURE, NOT_SURE, NOT_SURE), STAGES);
    expect(s).toMatchObject({ divergent: false, majorityStageId: DEV, notSure: 3 });
  });

  it('only not-sure ratings: not divergent', () => {
    expect(computeSpread(ratings(NOT_SURE, NOT_SURE), STAGES).divergent).toBe(false);
  });

  it('works on scales longer than three stages', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(computeSpread(ratings('b', 'c', 'c'), five).divergent).toBe(false);
    expect(computeSpread(ratings('b', 'd', 'd'), five).divergenceReasons).toEqual(['wide-span']);
  });
});

describe('spreadByPerspective', () => {
  it('groups in the configured order and drops empty groups', () => {
    const groups = spreadByPerspective(ratings(DEV, NEW, EFF), STAGES, ['IT', 'Registrar', 'Faculty']);
    expect(groups.map((g) => g.perspective)).toEqual(['IT', 'Faculty']);
    expect(groups[1]!.spread.stages.map((s) => s.count)).toEqual([0, 1, 1]);
  });
});

describe('mergeSmallPerspectives', () => {
  it('merges perspectives with fewer than 3 members into Other', () => {
    const merged = mergeSmallPerspectives(
      new Map([
        ['a', 'Faculty'],
        ['b', 'Faculty'],
        ['c', 'Faculty'],
        ['d', 'Registrar'],
        ['e', 'IT'],
        ['f', 'IT'],
      ]),
    );
    expect([...merged.values()]).toEqual(['Faculty', 'Faculty', 'Faculty', 'Other', 'Other', 'Other']);
  });
});

describe('compareRounds', () => {
  it('reports who moved since the first round and keeps both spreads', () => {
    const first = ratings(NEW, EFF, DEV);
    const current = ratings(DEV, EFF, DEV);
    const cmp = compareRounds(first, current, STAGES);
    expect(cmp.changed).toEqual([{ memberId: 'm0', from: NEW, to: DEV }]);
    expect(cmp.first.divergent).toBe(true);
    expect(cmp.current.divergent).toBe(false);
  });

  it('a member who rated only after reveal is not a change', () => {
    const cmp = compareRounds(ratings(DEV), ratings(DEV, NEW), STAGES);
    expect(cmp.changed).toEqual([]);
  });
});
