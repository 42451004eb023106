import { afterEach, describe, expect, it } from 'vitest';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { makeProjection } from './testHarness';

const comment = {
  dimensionId: 'alpha',
  parentKey: null,
  text: 'hi',
  evidence: [],
  createdAt: 1,
  editedAt: null,
  deleted: false,
};

describe('PROJ9 reaction counts', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  it('PROJ9: counts one reaction per member and emoji, only for comments that exist', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }, { name: 'Cy' }] });
    const [ada] = rig.memberIds;
    const key = `${ada}:c1`;
    const bo = new MemberDoc(rig.memberDocs[1]!).reactions;
    const cy = new MemberDoc(rig.memberDocs[2]!).reactions;
    // Reactions to a comment that is not there yet count for nothing …
    bo.set(`${key}:👍`, { commentKey: key, emoji: '👍', createdAt: 1 });
    bo.set('dup-1', { commentKey: key, emoji: '👍', createdAt: 2 }); // a second 👍 from Bo: still one vote
    cy.set(`${key}:👍`, { commentKey: key, emoji: '👍', createdAt: 1 });
    cy.set(`${key}:❓`, { commentKey: key, emoji: '❓', createdAt: 1 });
    bo.set('ghost', { commentKey: `${ada}:nope`, emoji: '❤️', createdAt: 1 });
    expect(rig.view.map('reactions').size).toBe(0);
    // … until it appears.
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', comment);
    expect(rig.view.reactions(key)).toEqual({ '👍': 2, '❓': 1 });
    expect(rig.view.map('reactions').has(`${ada}:nope`)).toBe(false);

    cy.delete(`${key}:❓`);
    expect(rig.view.reactions(key)).toEqual({ '👍': 2 });
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', { ...comment, deleted: true });
    expect(rig.view.map('reactions').has(key)).toBe(false);
  });

  it("PROJ9: a detached member's reactions still count", () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }] });
    const key = `${rig.memberIds[0]}:c1`;
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', comment);
    new MemberDoc(rig.memberDocs[1]!).reactions.set('r', { commentKey: key, emoji: '🎯', createdAt: 1 });
    rig.projector.detachMemberDoc(rig.memberIds[1]!);
    rig.projector.refreshFacts();
    expect(rig.view.reactions(key)).toEqual({ '🎯': 1 });
  });
});
