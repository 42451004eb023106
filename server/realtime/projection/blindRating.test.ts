import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { containsText, makeProjection } from './testHarness';

const RATIONALE = 'ZEBRA-rationale-7781 our registrar already issues LERs';
const EVIDENCE_TITLE = 'QUOKKA-evidence-title-5523';

describe('PROJ1 blind rating until reveal', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  it('PROJ1: a rating is "rated" before reveal but its value is not in the workshop doc, not even in its bytes', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }] });
    const [ada] = rig.memberIds;
    rig.rate(0, 'alpha', { stage: 'effective-practice', rationale: RATIONALE });
    new MemberDoc(rig.memberDocs[0]!).evidence.set('ev1', {
      dimensionId: 'alpha',
      url: 'https://example.edu/ler',
      title: EVIDENCE_TITLE,
      note: '',
      createdAt: 1,
    });

    expect(rig.view.ratedBy('alpha')).toEqual([ada]);
    expect(rig.view.ratings('alpha').size).toBe(0);
    expect(rig.view.evidence('alpha').size).toBe(0);
    // What a second member's browser receives: the full state, and every incremental update so far.
    const everything = [rig.bytes(), ...rig.updates];
    for (const bytes of everything) {
      expect(containsText(bytes, 'effective-practice')).toBe(false);
      expect(containsText(bytes, 'ZEBRA-rationale-7781')).toBe(false);
      expect(containsText(bytes, EVIDENCE_TITLE)).toBe(false);
    }

    rig.reveal(['alpha']);

    expect(rig.view.ratings('alpha').get(ada!)).toMatchObject({
      stage: 'effective-practice',
      rationale: RATIONALE,
    });
    expect([...rig.view.evidence('alpha').values()].map((e) => e.title)).toEqual([EVIDENCE_TITLE]);
    const seenBySecond = new Y.Doc();
    Y.applyUpdate(seenBySecond, Y.encodeStateAsUpdate(rig.workshopDoc));
    expect(containsText(Y.encodeStateAsUpdate(seenBySecond), 'ZEBRA-rationale-7781')).toBe(true);
    expect(containsText(rig.bytes(), 'effective-practice')).toBe(true);
  });

  it('PROJ1: revealing one dimension keeps every other dimension blind', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    rig.rate(0, 'alpha', { stage: 'developing', rationale: 'alpha-reason-111' });
    rig.rate(0, 'beta', { stage: 'effective-practice', rationale: 'beta-reason-222' });
    rig.reveal(['alpha']);
    expect(containsText(rig.bytes(), 'alpha-reason-111')).toBe(true);
    expect(containsText(rig.bytes(), 'beta-reason-222')).toBe(false);
    expect(rig.view.dimensionState('alpha').phase).toBe('revealed');
    expect(rig.view.dimensionState('beta').phase).toBe('rating');
  });

  it('PROJ1: after reveal, a changed rating updates the current round while the first round stays', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const [ada] = rig.memberIds;
    rig.rate(0, 'alpha', { stage: 'developing' });
    const [revealed] = rig.reveal(['alpha']);
    rig.rate(0, 'alpha', { stage: 'effective-practice' });
    expect(rig.view.ratings('alpha').get(ada!)?.stage).toBe('effective-practice');
    expect(rig.view.firstRound('alpha').get(ada!)).toEqual({ stage: 'developing' });
    expect(rig.view.dimensionState('alpha')).toEqual({ phase: 'revealed', revealedAt: revealed!.revealedAt });
  });

  it('PROJ1: a cleared stage is not "rated"', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    rig.rate(0, 'alpha', { stage: 'developing' });
    rig.rate(0, 'alpha', { stage: null });
    expect(rig.view.ratedBy('alpha')).toEqual([]);
  });
});
