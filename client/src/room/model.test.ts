import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { countNew, dimensionStatus, spreadInputs } from './model';

function workshop(setup: (d: Y.Doc) => void): WorkshopDoc {
  const doc = new Y.Doc();
  setup(doc);
  return new WorkshopDoc(doc);
}
const consensus = { stage: 'developing', rationale: '', dissent: '', nextSteps: '', updatedAt: 1, locked: false, lockedAt: null, revision: 1, contentHash: null, notAssessedReason: null };

describe('dimensionStatus precedence', () => {
  it('not rated → rated → revealed → consensus → locked', () => {
    expect(dimensionStatus(workshop(() => {}), 'd', null)).toBe('not-rated');
    expect(dimensionStatus(workshop(() => {}), 'd', 'developing')).toBe('rated');
    const revealed = workshop((d) => d.getMap('dimensions').set('d', { phase: 'revealed', revealedAt: 1 }));
    expect(dimensionStatus(revealed, 'd', 'developing')).toBe('revealed');
    const agreed = workshop((d) => {
      d.getMap('dimensions').set('d', { phase: 'revealed', revealedAt: 1 });
      d.getMap('consensus').set('d', consensus);
    });
    expect(dimensionStatus(agreed, 'd', null)).toBe('consensus');
    const locked = workshop((d) => d.getMap('consensus').set('d', { ...consensus, locked: true, lockedAt: 2 }));
    expect(dimensionStatus(locked, 'd', null)).toBe('locked');
  });
});

describe('countNew', () => {
  const c = (memberId: string, createdAt: number, deleted = false) =>
    [`${memberId}:${createdAt}`, { memberId, dimensionId: 'd', parentKey: null, text: 't', evidence: [], createdAt, editedAt: null, deleted }] as [string, never];
  it('counts others’ comments after my last visit, never mine or deleted ones', () => {
    const list = [c('me', 50), c('a', 50), c('a', 150), c('b', 200, true), c('b', 300)];
    expect(countNew(list, 100, 'me')).toBe(2);
    expect(countNew(list, null, 'me')).toBe(3);
  });
});

describe('spreadInputs', () => {
  it('merges perspectives under 3 members into Other in anonymous mode, keeps them when named', () => {
    const build = (anonymity: string) =>
      workshop((d) => {
        d.getMap('meta').set('anonymity', anonymity);
        const members = d.getMap('members');
        for (const [id, p] of [['a', 'Faculty'], ['b', 'Faculty'], ['c', 'Faculty'], ['r', 'Registrar']])
          members.set(id!, { name: id, perspective: p, role: 'participant', removed: false });
        for (const id of ['a', 'r']) d.getMap('ratings').set(`d:${id}`, { stage: 'developing', rationale: '', updatedAt: 1 });
      });
    // meta() only parses a complete meta map, so anonymity is read through it: fill the rest.
    const fill = (w: WorkshopDoc) => {
      const m = w.map('meta');
      for (const [k, v] of Object.entries({ schemaVersion: 1, workshopId: 'w', title: 't', institution: 'i', rubricId: 'r', rubricVersion: '1', status: 'open', allowNotSure: true, autoReveal: false, ratingDeadline: null }))
        m.set(k, v);
      return w;
    };
    const anon = spreadInputs(fill(build('anonymous')), 'd', 'current');
    expect(anon.map((r) => r.perspective).sort()).toEqual(['Faculty', 'Other']);
    const named = spreadInputs(fill(build('named')), 'd', 'current');
    expect(named.map((r) => r.perspective).sort()).toEqual(['Faculty', 'Registrar']);
  });
});
