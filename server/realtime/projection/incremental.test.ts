import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { makeProjection } from './testHarness';

describe('PROJ8 incremental projection', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  function busyRoom() {
    rig = makeProjection({ members: Array.from({ length: 8 }, (_, i) => ({ name: `Member ${i}` })) });
    rig.memberDocs.forEach((doc, i) => {
      for (const d of ['alpha', 'beta', 'gamma'])
        rig.rate(i, d, { stage: 'developing', rationale: `reason ${i} ${d}`.repeat(20) });
      new MemberDoc(doc).comments.set('c1', {
        dimensionId: 'alpha',
        parentKey: null,
        text: `comment from ${i}`.repeat(10),
        evidence: [],
        createdAt: 1,
        editedAt: null,
        deleted: false,
      });
    });
    rig.reveal(['alpha', 'beta', 'gamma']);
  }

  it('PROJ8: one keystroke in a rationale is one small workshop-doc update touching one entry', () => {
    busyRoom();
    const whole = Y.encodeStateAsUpdate(rig.workshopDoc).byteLength;
    const before = rig.updates.length;
    rig.rate(3, 'beta', { stage: 'developing', rationale: 'short rationale!' });
    expect(rig.updates.length).toBe(before + 1);
    const update = rig.updates.at(-1)!;
    expect(update.byteLength).toBeLessThan(400);
    expect(whole).toBeGreaterThan(10 * update.byteLength);
    // Exactly one new item (the one map entry) plus the deletion of its previous value.
    const decoded = Y.decodeUpdate(update);
    expect(decoded.structs.length).toBe(1);
  });

  it('PROJ8: an edit that changes nothing visible (a draft, a visit) writes nothing to the workshop doc', () => {
    busyRoom();
    const before = rig.updates.length;
    const doc = new MemberDoc(rig.memberDocs[0]!);
    doc.drafts.set('comment:alpha', 'half-typed');
    doc.visits.set('alpha', 123);
    rig.projector.refreshFacts();
    expect(rig.updates.length).toBe(before);
  });

  it('PROJ8: a workshop doc rebuilt by a fresh projector from the same sources equals the live one', () => {
    busyRoom();
    const rebuilt = new Y.Doc();
    // Start from the persisted state, as after a restart, then re-project: nothing should change.
    Y.applyUpdate(rebuilt, Y.encodeStateAsUpdate(rig.workshopDoc));
    const updates: Uint8Array[] = [];
    rebuilt.on('update', (u: Uint8Array) => updates.push(u));
    const again = rig.projectorOver(rebuilt);
    for (const [i, id] of rig.memberIds.entries()) again.attachMemberDoc(id, rig.memberDocs[i]!);
    expect(updates).toEqual([]);
    again.destroy();
  });

  it('PROJ8: after any sequence of member edits, the incremental path leaves exactly what a full re-projection would', () => {
    rig = makeProjection({ members: Array.from({ length: 5 }, (_, i) => ({ name: `Member ${i}` })) });
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return Math.floor((seed / 2147483647) * n);
    };
    const dims = ['alpha', 'beta', 'gamma', 'nope'];
    let maxReactions = 0;
    const stages = ['developing', 'new-emerging', null, 'bogus'];
    for (let step = 0; step < 300; step++) {
      const i = rand(5);
      const doc = new MemberDoc(rig.memberDocs[i]!);
      const kind = rand(8);
      if (kind <= 1) rig.rate(i, dims[rand(4)]!, { stage: stages[rand(4)]!, rationale: `r${step}` });
      else if (kind === 2) doc.ratings.delete(dims[rand(4)]!);
      else if (kind === 3)
        doc.comments.set(`c${rand(4)}`, {
          dimensionId: dims[rand(4)]!,
          parentKey: null,
          text: `t${step}`,
          evidence: [],
          createdAt: step,
          editedAt: null,
          deleted: rand(3) === 0,
        });
      else if (kind === 4) doc.comments.delete(`c${rand(4)}`);
      else if (kind === 5)
        doc.reactions.set(`x${rand(3)}`, {
          commentKey: `${rig.memberIds[rand(5)]}:c${rand(4)}`,
          emoji: rand(2) ? '👍' : '🤔',
          createdAt: step,
        });
      else if (kind === 6) doc.reactions.delete(`x${rand(3)}`);
      else
        doc.evidence.set(`e${rand(3)}`, {
          dimensionId: dims[rand(4)]!,
          url: 'https://example.org/x',
          title: `e${step}`,
          note: '',
          createdAt: step,
        });
      if (step === 100) rig.reveal(['alpha', 'beta']);
      if (step === 150) rig.setConsensus('beta', true);
      if (step === 220) rig.setConsensus('beta', false);
      const before = rig.updates.length;
      rig.projector.refreshFacts();
      expect(rig.updates.length, `step ${step}`).toBe(before);
      maxReactions = Math.max(maxReactions, rig.workshopDoc.getMap('reactions').size);
    }
    expect(maxReactions).toBeGreaterThan(1); // the sequence did exercise reaction counts
  });
});
