import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, members, reveals } from '../../db/schema';
import { makeProjection } from './testHarness';

describe('PROJ7 auto-reveal', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  const room = [
    { name: 'Fay', role: 'facilitator' as const },
    { name: 'Pat', role: 'participant' as const },
    { name: 'Quinn', role: 'participant' as const },
    { name: 'Oscar', role: 'observer' as const },
  ];

  it('PROJ7: once every active participant has rated, the dimension is revealed as an audited server action', () => {
    rig = makeProjection({ members: room, settings: { autoReveal: true } });
    const [, pat, quinn] = rig.memberIds;
    rig.rate(1, 'alpha', { stage: 'developing', rationale: 'pat-reason' });
    expect(rig.view.dimensionState('alpha').phase).toBe('rating');
    expect(rig.view.ratings('alpha').size).toBe(0);

    rig.clock.now += 5_000;
    rig.rate(2, 'alpha', { stage: 'effective-practice' });

    expect(rig.view.dimensionState('alpha')).toEqual({ phase: 'revealed', revealedAt: rig.clock.now });
    expect(rig.view.ratings('alpha').get(pat!)?.rationale).toBe('pat-reason');
    const row = rig.db.select().from(reveals).get();
    expect(row).toMatchObject({ dimensionId: 'alpha', revealedBy: null });
    expect(row?.firstRound).toEqual({ [pat!]: 'developing', [quinn!]: 'effective-practice' });
    const audit = rig.db.select().from(auditLog).where(eq(auditLog.action, 'dimension.reveal')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: 'alpha', actorMemberId: null, actorUserId: null });
    // Other dimensions are untouched.
    expect(rig.view.dimensionState('beta').phase).toBe('rating');
  });

  it('PROJ7: not when the setting is off', () => {
    rig = makeProjection({ members: room, settings: { autoReveal: false } });
    rig.rate(1, 'alpha', { stage: 'developing' });
    rig.rate(2, 'alpha', { stage: 'developing' });
    expect(rig.view.dimensionState('alpha').phase).toBe('rating');
    expect(rig.db.select().from(reveals).all()).toEqual([]);
  });

  it('PROJ7: never in a workshop without participants (a facilitator rating alone reveals nothing)', () => {
    rig = makeProjection({ members: [room[0]!], settings: { autoReveal: true } });
    rig.rate(0, 'alpha', { stage: 'developing' });
    expect(rig.view.dimensionState('alpha').phase).toBe('rating');
  });

  it('PROJ7: removing the last participant who had not rated triggers the reveal', () => {
    rig = makeProjection({ members: room, settings: { autoReveal: true } });
    rig.rate(1, 'alpha', { stage: 'developing' });
    rig.db.update(members).set({ removedAt: 1 }).where(eq(members.id, rig.memberIds[2]!)).run();
    rig.projector.refreshFacts();
    expect(rig.view.dimensionState('alpha').phase).toBe('revealed');
  });

  it('PROJ7: a locked dimension is never auto-revealed', () => {
    rig = makeProjection({ members: room, settings: { autoReveal: true } });
    rig.setConsensus('alpha', true);
    rig.rate(1, 'alpha', { stage: 'developing' });
    rig.rate(2, 'alpha', { stage: 'developing' });
    expect(rig.db.select().from(reveals).all()).toEqual([]);
  });
});
