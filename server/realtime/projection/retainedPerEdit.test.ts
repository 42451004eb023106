import { afterEach, describe, expect, it } from 'vitest';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { dimensionMemberKey } from '../../../shared/docs/workshopDoc';
import { makeProjection } from './testHarness';

/**
 * What a rating edit leaves behind is what the young-generation GC copies under load
 * (docs/benchmarks.md item 37): the projection shares values instead of copying them, and keeps
 * nothing for entries that are fine.
 */
describe('what the projector keeps per edit', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  it('a valid revealed rating is one object, shared by the member doc and the workshop doc', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const [ada] = rig.memberIds;
    rig.reveal(['alpha']);
    rig.rate(0, 'alpha', { stage: 'developing', rationale: 'first' });
    rig.rate(0, 'alpha', { stage: 'effective-practice', rationale: 'second' });
    const own = rig.memberDocs[0]!.getMap('ratings').get('alpha');
    const projected = rig.workshopDoc.getMap('ratings').get(dimensionMemberKey('alpha', ada!));
    expect(projected).toBe(own);
    expect(projected).toEqual({ stage: 'effective-practice', rationale: 'second', updatedAt: rig.clock.now });
  });

  it('an entry that was fixed and then broken again is logged again', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const doc = new MemberDoc(rig.memberDocs[0]!);
    const broken = () => doc.ratings.set('alpha', { stage: 'developing', rationale: 42, updatedAt: 1 });
    broken();
    const ignored = () => rig.warnings.filter((w) => w.message === 'ignored member-doc entry').length;
    expect(ignored()).toBe(1);
    broken();
    expect(ignored()).toBe(1);
    rig.rate(0, 'alpha', { stage: 'developing' });
    expect(ignored()).toBe(1);
    broken();
    expect(ignored()).toBe(2);
  });
});
