import { afterEach, describe, expect, it } from 'vitest';
import { type MemberComment, MemberDoc, type MemberEvidence } from '../../../shared/docs/memberDoc';
import { Limits } from '../../../shared/domain';
import { makeProjection } from './testHarness';

function comment(text: string, createdAt: number, patch: Partial<MemberComment> = {}): MemberComment {
  return {
    dimensionId: 'alpha',
    parentKey: null,
    text,
    evidence: [],
    createdAt,
    editedAt: null,
    deleted: false,
    ...patch,
  };
}

function evidence(createdAt: number, dimensionId = 'alpha'): MemberEvidence {
  // 2,000 + 200 + 2,000 = 4,200 characters: the largest link there is.
  const url = `https://example.edu/${'p'.repeat(2000 - 20)}`;
  return { dimensionId, url, title: 't'.repeat(200), note: 'n'.repeat(2000), createdAt };
}

describe('PROJ10 a member’s share of the workshop doc', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  it('PROJ10: comments past the character share are left out, the newest ones, whatever their keys', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }] });
    const ada = new MemberDoc(rig.memberDocs[0]!);
    const full = Limits.commentCharsPerMemberMax / Limits.commentMax; // comments of the longest kind that fit
    rig.memberDocs[0]!.transact(() => {
      // Keys in the reverse of time order: the share must follow createdAt, not the keys.
      for (let i = 0; i < full; i++)
        ada.comments.set(
          `k${String(full - i).padStart(3, '0')}`,
          comment('x'.repeat(Limits.commentMax), 1000 + i),
        );
    });
    expect(rig.view.map('comments').size).toBe(full);
    ada.comments.set('k000', comment('one more', 5000));
    expect(rig.view.map('comments').has(`${rig.memberIds[0]}:k000`)).toBe(false);
    expect(
      rig.warnings.some((w) => w.details?.key === 'k000' && String(w.details?.reason).includes('share')),
    ).toBe(true);
    // Another member's share is their own.
    new MemberDoc(rig.memberDocs[1]!).comments.set('b1', comment('Bo speaks', 6000));
    expect(rig.view.map('comments').has(`${rig.memberIds[1]}:b1`)).toBe(true);
    // Deleting an old comment frees its characters (it stays in the thread, empty), and the waiting one shows.
    const oldest = `k${String(full).padStart(3, '0')}`;
    ada.comments.set(oldest, comment('', 1000, { text: 'gone', deleted: true }));
    ada.comments.set('k000', comment('one more', 5000));
    expect(rig.view.map('comments').has(`${rig.memberIds[0]}:k000`)).toBe(true);
  });

  it('PROJ10: at most commentsPerMemberMax comments of one member are shown', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const ada = new MemberDoc(rig.memberDocs[0]!);
    rig.memberDocs[0]!.transact(() => {
      for (let i = 0; i <= Limits.commentsPerMemberMax; i++)
        ada.comments.set(`c${i}`, comment('hi', 1000 + i));
    });
    expect(rig.view.map('comments').size).toBe(Limits.commentsPerMemberMax);
    expect(rig.view.map('comments').has(`${rig.memberIds[0]}:c${Limits.commentsPerMemberMax}`)).toBe(false);
  });

  it('PROJ10: evidence past the share is left out, and unrevealed links count, so a reveal never removes a shown one', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const ada = new MemberDoc(rig.memberDocs[0]!);
    const fit = Math.floor(Limits.evidenceCharsPerMemberMax / 4200);
    rig.reveal(['alpha']);
    rig.memberDocs[0]!.transact(() => {
      ada.evidence.set('early-beta', evidence(1, 'beta')); // older, on a dimension not yet revealed
      for (let i = 0; i < fit; i++) ada.evidence.set(`a${i}`, evidence(100 + i));
    });
    const shown = () => [...rig.view.map('evidence').keys()].map((k) => k.split(':')[1]).sort();
    // The unrevealed link uses its part of the share: the newest alpha link does not fit.
    expect(shown()).toHaveLength(fit - 1);
    expect(shown()).not.toContain(`a${fit - 1}`);
    const before = shown();
    rig.reveal(['beta']);
    expect(shown()).toEqual([...before, 'early-beta'].sort());
  });
});

describe('PROJ11 a workshop doc at its size limit', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  it('PROJ11: nothing grows the doc — new entries wait, longer ones keep their version, a stage still counts — and shrinking passes', () => {
    let full = false;
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }], isFull: () => full });
    const [adaId] = rig.memberIds as [string];
    const ada = new MemberDoc(rig.memberDocs[0]!);
    rig.reveal(['alpha']);
    ada.comments.set('c1', comment('a first comment', 1));
    ada.evidence.set('e1', {
      dimensionId: 'alpha',
      url: 'https://example.edu/a',
      title: 'A',
      note: '',
      createdAt: 1,
    });
    rig.rate(0, 'alpha', { stage: 'developing', rationale: 'short' });

    full = true;
    ada.comments.set('c2', comment('a second comment', 2));
    ada.comments.set('c1', comment('a first comment, now made much longer', 1));
    ada.evidence.set('e2', {
      dimensionId: 'alpha',
      url: 'https://example.edu/b',
      title: 'B',
      note: '',
      createdAt: 2,
    });
    rig.rate(0, 'alpha', { stage: 'effective-practice', rationale: 'a much longer rationale than before' });
    expect(rig.view.map('comments').has(`${adaId}:c2`)).toBe(false);
    expect((rig.view.map('comments').get(`${adaId}:c1`) as { text: string } | undefined)?.text).toBe(
      'a first comment',
    );
    expect(rig.view.map('evidence').has(`${adaId}:e2`)).toBe(false);
    expect(rig.view.map('ratings').get(`alpha:${adaId}`)).toMatchObject({
      stage: 'effective-practice',
      rationale: '',
    });
    expect(rig.warnings.some((w) => String(w.details?.reason).includes('size limit'))).toBe(true);

    // Shrinking and deleting always pass: that is how a room makes space.
    ada.comments.set('c1', comment('short', 1));
    expect((rig.view.map('comments').get(`${adaId}:c1`) as { text: string } | undefined)?.text).toBe('short');
    ada.evidence.delete('e1');
    expect(rig.view.map('evidence').has(`${adaId}:e1`)).toBe(false);

    // Once there is space again, what waited shows with the member's next change.
    full = false;
    ada.comments.set('c3', comment('a third comment', 3));
    expect(rig.view.map('comments').has(`${adaId}:c2`)).toBe(true);
    expect(rig.view.map('comments').has(`${adaId}:c3`)).toBe(true);
  });
});
