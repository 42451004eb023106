import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { members, workshops } from '../../db/schema';
import { makeProjection } from './testHarness';

const comment = (text: string) => ({
  dimensionId: 'alpha',
  parentKey: null,
  text,
  evidence: [],
  createdAt: 1,
  editedAt: null,
  deleted: false,
});

describe('PROJ3 a locked dimension is frozen', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  function lockedRig() {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }] });
    const doc = new MemberDoc(rig.memberDocs[0]!);
    rig.rate(0, 'alpha', { stage: 'developing', rationale: 'before lock' });
    doc.comments.set('c1', comment('said before lock'));
    doc.evidence.set('e1', {
      dimensionId: 'alpha',
      url: 'https://a.edu',
      title: 'A',
      note: '',
      createdAt: 1,
    });
    rig.reveal(['alpha']);
    new MemberDoc(rig.memberDocs[1]!).reactions.set('r', {
      commentKey: `${rig.memberIds[0]}:c1`,
      emoji: '👍',
      createdAt: 1,
    });
    rig.setConsensus('alpha', true);
    return doc;
  }

  it('PROJ3: ratings, evidence, comments and reactions of a locked dimension do not change', () => {
    const doc = lockedRig();
    const [ada] = rig.memberIds;
    const snapshot = () => ({
      rated: rig.view.ratedBy('alpha'),
      ratings: [...rig.view.ratings('alpha')],
      comments: [...rig.view.comments('alpha')],
      evidence: [...rig.view.evidence('alpha')],
      reactions: rig.view.reactions(`${ada}:c1`),
      firstRound: [...rig.view.firstRound('alpha')],
    });
    const before = snapshot();
    expect(rig.view.dimensionState('alpha').phase).toBe('locked');
    expect(before.reactions).toEqual({ '👍': 1 });

    rig.rate(0, 'alpha', { stage: 'effective-practice', rationale: 'after lock' });
    rig.rate(1, 'alpha', { stage: 'developing' });
    doc.comments.set('c1', comment('edited after lock'));
    doc.comments.set('c2', comment('new after lock'));
    doc.evidence.delete('e1');
    new MemberDoc(rig.memberDocs[1]!).reactions.delete('r');
    rig.projector.refreshFacts();

    expect(snapshot()).toEqual(before);
    // Other dimensions still move.
    rig.rate(1, 'beta', { stage: 'developing' });
    expect(rig.view.ratedBy('beta')).toEqual([rig.memberIds[1]]);
  });

  it('PROJ3: deleting a comment of a locked dimension leaves it in place', () => {
    const doc = lockedRig();
    doc.comments.delete('c1');
    expect(rig.view.comments('alpha').get(`${rig.memberIds[0]}:c1`)?.text).toBe('said before lock');
  });

  it('PROJ3: a comment cannot be moved into a locked dimension', () => {
    const doc = lockedRig();
    doc.comments.set('c3', { ...comment('elsewhere'), dimensionId: 'beta' });
    doc.comments.set('c3', comment('moved in'));
    expect(rig.view.comments('alpha').size).toBe(1);
    expect(rig.view.comments().get(`${rig.memberIds[0]}:c3`)?.dimensionId).toBe('beta');
  });

  it("PROJ3: a removed member's entries in a locked dimension stay; they go once it is unlocked", () => {
    lockedRig();
    const [ada] = rig.memberIds;
    rig.db.update(members).set({ removedAt: 1 }).where(eq(members.id, ada!)).run();
    rig.projector.refreshFacts();
    expect(rig.view.ratings('alpha').has(ada!)).toBe(true);
    expect(rig.view.members().get(ada!)?.removed).toBe(true);
    rig.setConsensus('alpha', false);
    expect(rig.view.dimensionState('alpha').phase).toBe('revealed');
    expect(rig.view.ratings('alpha').has(ada!)).toBe(false);
    expect(rig.view.comments('alpha').size).toBe(0);
    expect(rig.view.firstRound('alpha').has(ada!)).toBe(false);
  });

  it('PROJ3: after unlock, changes made during the lock arrive', () => {
    lockedRig();
    rig.rate(0, 'alpha', { stage: 'effective-practice', rationale: 'changed my mind' });
    rig.setConsensus('alpha', false);
    expect(rig.view.ratings('alpha').get(rig.memberIds[0]!)?.rationale).toBe('changed my mind');
  });

  it('PROJ3: once the workshop is finalized, no dimension changes any more, locked or not', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    rig.rate(0, 'beta', { stage: 'developing', rationale: 'final words' });
    rig.reveal(['beta']);
    rig.db.update(workshops).set({ status: 'finalized' }).where(eq(workshops.id, rig.workshopId)).run();
    rig.projector.refreshFacts();
    rig.rate(0, 'beta', { stage: 'effective-practice', rationale: 'rewritten later' });
    rig.rate(0, 'gamma', { stage: 'developing' });
    new MemberDoc(rig.memberDocs[0]!).comments.set('late', {
      ...comment('after the end'),
      dimensionId: 'beta',
    });
    expect(rig.view.ratings('beta').get(rig.memberIds[0]!)?.rationale).toBe('final words');
    expect(rig.view.ratedBy('gamma')).toEqual([]);
    expect(rig.view.comments().size).toBe(0);
  });
});
