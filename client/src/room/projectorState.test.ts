import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { isWorkshopClosed, projectorDimensionState } from './projectorState';

function workshop(setup: (d: Y.Doc) => void): WorkshopDoc {
  const doc = new Y.Doc();
  setup(doc);
  return new WorkshopDoc(doc);
}
const consensus = {
  stage: 'developing',
  rationale: '',
  dissent: '',
  nextSteps: '',
  updatedAt: 1,
  locked: false,
  lockedAt: null,
  revision: 1,
  contentHash: null,
  notAssessedReason: null,
};

describe('projectorDimensionState', () => {
  it('rating: counts who has rated', () => {
    const ws = workshop((d) => d.getMap('rated').set('d:m1', true));
    expect(projectorDimensionState(ws, 'd')).toEqual({ kind: 'rating', rated: 1 });
  });

  it('revealed, with a draft consensus: still the spread', () => {
    const ws = workshop((d) => {
      d.getMap('dimensions').set('d', { phase: 'revealed', revealedAt: 1 });
      d.getMap('consensus').set('d', consensus);
    });
    expect(projectorDimensionState(ws, 'd')).toEqual({ kind: 'revealed' });
  });

  it('locked: the consensus stage, whatever the phase', () => {
    const ws = workshop((d) => {
      d.getMap('dimensions').set('d', { phase: 'revealed', revealedAt: 1 });
      d.getMap('consensus').set('d', { ...consensus, locked: true, lockedAt: 2 });
    });
    expect(projectorDimensionState(ws, 'd')).toEqual({
      kind: 'locked',
      stageId: 'developing',
      revealed: true,
    });
  });

  it('not assessed: never "rating in progress", even though it was never revealed', () => {
    const ws = workshop((d) =>
      d.getMap('consensus').set('d', { ...consensus, stage: null, notAssessedReason: 'No data yet' }),
    );
    expect(projectorDimensionState(ws, 'd')).toEqual({ kind: 'not-assessed', reason: 'No data yet' });
  });
});

describe('isWorkshopClosed', () => {
  it('is true once the workshop is finalized', () => {
    const meta = (status: string) =>
      workshop((d) => {
        const m = d.getMap('meta');
        for (const [k, v] of Object.entries({
          schemaVersion: 1,
          workshopId: 'w',
          title: 't',
          institution: 'i',
          rubricId: 'r',
          rubricVersion: '1',
          status,
          anonymity: 'named',
          allowNotSure: true,
          autoReveal: false,
          ratingDeadline: null,
        }))
          m.set(k, v);
      });
    expect(isWorkshopClosed(meta('open'))).toBe(false);
    expect(isWorkshopClosed(meta('finalized'))).toBe(true);
  });
});
