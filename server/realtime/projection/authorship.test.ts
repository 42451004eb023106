import { afterEach, describe, expect, it } from 'vitest';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { makeProjection } from './testHarness';

const comment = (over: Record<string, unknown> = {}) => ({
  dimensionId: 'alpha',
  parentKey: null,
  text: 'I think we are further along',
  evidence: [],
  createdAt: 1,
  editedAt: null,
  deleted: false,
  ...over,
});

describe('PROJ2 authorship and PROJ5 validation', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  it('PROJ2: a comment is attributed to the doc owner, whatever the entry claims', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }] });
    const [ada, bo] = rig.memberIds;
    // A strict schema refuses an entry carrying memberId outright …
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', comment({ memberId: bo }));
    // … and a valid entry is keyed and stamped with the owner, even when its text names someone else.
    new MemberDoc(rig.memberDocs[0]!).comments.set('c2', comment({ text: `memberId: ${bo}` }));
    const all = rig.view.comments();
    expect([...all.keys()]).toEqual([`${ada}:c2`]);
    expect(all.get(`${ada}:c2`)?.memberId).toBe(ada);
    expect(rig.warnings.some((w) => w.details?.key === 'c1' && w.details?.memberId === ada)).toBe(true);
  });

  it('PROJ2: comments appear in every phase before lock, including before reveal', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', comment());
    expect(rig.view.dimensionState('alpha').phase).toBe('rating');
    expect(rig.view.comments('alpha').size).toBe(1);
  });

  it('PROJ2: a deleted comment keeps its place but its text and links leave the workshop doc', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const [ada] = rig.memberIds;
    const comments = new MemberDoc(rig.memberDocs[0]!).comments;
    comments.set(
      'c1',
      comment({ text: 'WALRUS-secret-text', evidence: [{ url: 'https://x.edu', title: 't' }] }),
    );
    comments.set('c1', comment({ text: 'WALRUS-secret-text', deleted: true }));
    expect(rig.view.comments().get(`${ada}:c1`)).toMatchObject({ text: '', evidence: [], deleted: true });
    expect(rig.bytes().includes(Buffer.from('WALRUS-secret-text'))).toBe(false);
  });

  it('PROJ5: a rating edit that is invalid is logged at once, once, and forgotten when fixed', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    rig.reveal(['alpha', 'beta']);
    const doc = new MemberDoc(rig.memberDocs[0]!);
    const before = rig.warnings.length;
    doc.ratings.set('alpha', { stage: 'developing', rationale: 42, updatedAt: 1 });
    expect(rig.warnings.slice(before).map((w) => w.details?.key)).toEqual(['alpha']);
    expect(rig.view.map('ratings').size).toBe(0);
    // Another dimension's edit re-projects only that dimension; alpha is not logged again.
    doc.ratings.set('beta', { stage: 'developing', rationale: 'fine', updatedAt: 2 });
    expect(rig.warnings.length).toBe(before + 1);
    expect(rig.view.map('ratings').size).toBe(1);
    // Fixed, then broken again: a new problem, logged again.
    doc.ratings.set('alpha', { stage: 'developing', rationale: 'fixed', updatedAt: 3 });
    expect(rig.view.map('ratings').size).toBe(2);
    doc.ratings.set('alpha', { stage: 'developing', rationale: 43, updatedAt: 4 });
    expect(rig.warnings.length).toBe(before + 2);
    expect(rig.view.map('ratings').size).toBe(1);
  });

  it('PROJ5: invalid entries are ignored and logged once, never projected', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const doc = new MemberDoc(rig.memberDocs[0]!);
    doc.ratings.set('no-such-dimension', { stage: 'developing', rationale: '', updatedAt: 1 });
    doc.ratings.set('alpha', { stage: 'developing', rationale: 42, updatedAt: 1 });
    doc.comments.set('c1', comment({ dimensionId: 'no-such-dimension' }));
    doc.comments.set('bad:id', comment());
    doc.evidence.set('e1', {
      dimensionId: 'alpha',
      url: 'javascript:alert(1)',
      title: '',
      note: '',
      createdAt: 1,
    });
    doc.reactions.set('r1', { commentKey: 'x:y', emoji: '💣', createdAt: 1 });
    rig.reveal(['alpha']);
    expect(rig.view.ratedBy('alpha')).toEqual([]);
    expect(rig.view.map('rated').size).toBe(0);
    expect(rig.view.map('ratings').size).toBe(0);
    expect(rig.view.map('comments').size).toBe(0);
    expect(rig.view.map('evidence').size).toBe(0);
    expect(rig.view.map('reactions').size).toBe(0);
    const keys = rig.warnings.map((w) => w.details?.key);
    for (const key of ['no-such-dimension', 'alpha', 'c1', 'bad:id', 'e1', 'r1']) expect(keys).toContain(key);
    // Another edit re-projects the member; the same bad entries are not logged again.
    const count = rig.warnings.length;
    doc.drafts.set('comment:alpha', 'typing…');
    expect(rig.warnings.length).toBe(count);
  });

  it('PROJ5: a stage outside the rubric, or "not sure" when the workshop disallows it, is not a rating', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }], settings: { allowNotSure: false } });
    rig.rate(0, 'alpha', { stage: 'excellent' });
    rig.rate(1, 'alpha', { stage: 'not-sure' });
    rig.rate(0, 'beta', { stage: 'developing' });
    rig.reveal(['alpha', 'beta']);
    expect(rig.view.ratedBy('alpha')).toEqual([]);
    expect(rig.view.ratings('alpha').size).toBe(0);
    expect(rig.view.firstRound('alpha').size).toBe(0);
    expect(rig.view.ratedBy('beta')).toEqual([rig.memberIds[0]]);
  });

  it('PROJ5: "not sure" is a rating when the workshop allows it', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }], settings: { allowNotSure: true } });
    rig.rate(0, 'alpha', { stage: 'not-sure' });
    rig.reveal(['alpha']);
    expect(rig.view.ratings('alpha').get(rig.memberIds[0]!)?.stage).toBe('not-sure');
  });
});
