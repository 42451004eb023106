import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { lockContentHash } from '../../server/consensus/contentHash';
import { consensusForWorkshopDoc } from '../../server/consensus/forWorkshopDoc';
import { reveals } from '../../server/db/schema';
import { makeConsensusApp } from './consensusHarness';

const DIM = 'learning-evaluation';
const draft = {
  stage: 'developing',
  rationale: 'Pilots in two departments.',
  dissent: 'IT thinks effective.',
  nextSteps: 'Scale the pilot.',
};
const rating = (stage: string | null) => ({ stage, rationale: '', updatedAt: 1 });

let t: ReturnType<typeof makeConsensusApp>;
afterEach(() => t.close());

describe('consensus routes', () => {
  it('LOCK5: a facilitator saves a draft; every member reads it and the workshop doc state shows it', async () => {
    t = makeConsensusApp();
    const { facilitator, participant, observer, workshopId } = t.seed;
    const saved = await t.call(facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    expect(saved.status).toBe(200);
    expect(t.changed).toEqual([workshopId]);
    for (const who of [participant, observer]) {
      const got = await t.call(who, 'GET', '/consensus');
      expect(got.status).toBe(200);
      const record = got.body.dimensions.find((d: { dimensionId: string }) => d.dimensionId === DIM);
      expect(record).toMatchObject({
        draft: { ...draft, updatedBy: facilitator.memberId },
        locked: false,
        revision: 1,
      });
      expect(got.body.dimensions).toHaveLength(9);
    }
    expect(consensusForWorkshopDoc(t.database.db, workshopId).get(DIM)).toMatchObject({
      ...draft,
      locked: false,
      contentHash: null,
    });
  });

  it('LOCK1: a lock seals the draft with the final and first-round ratings under a verifiable hash', async () => {
    t = makeConsensusApp();
    const { facilitator, participant, observer, workshopId } = t.seed;
    // The seed revealed every dimension with an empty first round; give this one a first round.
    t.database.db
      .update(reveals)
      .set({ firstRound: { [participant.memberId]: 'new-emerging' } })
      .where(and(eq(reveals.workshopId, workshopId), eq(reveals.dimensionId, DIM)))
      .run();
    t.state.ratings = new Map([
      [participant.memberId, new Map([[DIM, rating('developing')]])],
      [observer.memberId, new Map([[DIM, rating('developing')]])], // observers never rate: ignored
    ]);
    await t.call(facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    const locked = await t.call(facilitator, 'POST', `/dimensions/${DIM}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body.lock).toMatchObject({
      revision: 1,
      stage: 'developing',
      finalRatings: { [participant.memberId]: 'developing' },
      firstRound: { [participant.memberId]: 'new-emerging' },
      hashVerified: true,
    });
    const row = t.database.sqlite.prepare('select * from consensus_locks').get() as { content_hash: string };
    expect(row.content_hash).toBe(locked.body.lock.contentHash);
    const state = consensusForWorkshopDoc(t.database.db, workshopId).get(DIM);
    expect(state).toMatchObject({
      locked: true,
      contentHash: row.content_hash,
      stage: 'developing',
      revision: 1,
    });
  });

  it('LOCK4: unlock needs a reason, keeps the old lock, and the history shows edit, lock, unlock, relock', async () => {
    t = makeConsensusApp();
    const { facilitator, participant } = t.seed;
    await t.call(facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    const first = await t.call(facilitator, 'POST', `/dimensions/${DIM}/lock`);
    const unlocked = await t.call(facilitator, 'POST', `/dimensions/${DIM}/unlock`, {
      reason: 'The registrar brought new data.',
    });
    expect(unlocked).toEqual({ status: 200, body: { revision: 2 } });
    await t.call(facilitator, 'PUT', `/dimensions/${DIM}/consensus`, {
      ...draft,
      stage: 'effective-practice',
    });
    await t.call(facilitator, 'POST', `/dimensions/${DIM}/lock`);
    const got = await t.call(participant, 'GET', '/consensus');
    const record = got.body.dimensions.find((d: { dimensionId: string }) => d.dimensionId === DIM);
    expect(record.locks).toHaveLength(2);
    expect(record.locks[0]).toMatchObject({
      contentHash: first.body.lock.contentHash,
      stage: 'developing',
      hashVerified: true,
      unlock: { reason: 'The registrar brought new data.', unlockedBy: facilitator.memberId },
    });
    expect(record.lock).toMatchObject({ revision: 2, stage: 'effective-practice', unlock: null });
    expect(record.history.map((h: { action: string }) => h.action)).toEqual([
      'consensus.edit',
      'consensus.lock',
      'consensus.unlock',
      'consensus.edit',
      'consensus.lock',
    ]);
    expect(record.history[2].after).toMatchObject({ reason: 'The registrar brought new data.', revision: 2 });
  });

  it('LOCK2: of 20 concurrent lock requests exactly one succeeds, the others get 409', async () => {
    t = makeConsensusApp();
    const { facilitator } = t.seed;
    await t.call(facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.call(facilitator, 'POST', `/dimensions/${DIM}/lock`)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'conflict' } });
    expect(t.database.sqlite.prepare('select count(*) as n from consensus_locks').get()).toEqual({ n: 1 });
    expect(
      t.database.sqlite.prepare("select count(*) as n from audit_log where action = 'consensus.lock'").get(),
    ).toEqual({ n: 1 });
  });

  it('LOCK7: finalize needs every dimension locked or not assessed, then the workshop is finalized', async () => {
    t = makeConsensusApp();
    const { facilitator, workshopId } = t.seed;
    const dims = (await t.call(facilitator, 'GET', '/consensus')).body.dimensions.map(
      (d: { dimensionId: string }) => d.dimensionId,
    );
    for (const d of dims.slice(0, 8)) {
      await t.call(facilitator, 'PUT', `/dimensions/${d}/consensus`, {
        stage: 'developing',
        rationale: 'Agreed.',
      });
      expect((await t.call(facilitator, 'POST', `/dimensions/${d}/lock`)).status).toBe(200);
    }
    const last = dims[8];
    const refused = await t.call(facilitator, 'POST', '/finalize');
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ missing: [last] });
    expect(
      (
        await t.call(facilitator, 'POST', `/dimensions/${last}/not-assessed`, {
          reason: 'No data from employers yet.',
        })
      ).status,
    ).toBe(200);
    const done = await t.call(facilitator, 'POST', '/finalize');
    expect(done.status).toBe(200);
    const row = t.database.sqlite
      .prepare('select status, finalized_at from workshops where id = ?')
      .get(workshopId);
    expect(row).toEqual({ status: 'finalized', finalized_at: t.clock.now });
    expect(consensusForWorkshopDoc(t.database.db, workshopId).get(last)).toMatchObject({
      notAssessedReason: 'No data from employers yet.',
      locked: false,
    });
    // Every lock row still verifies.
    for (const lock of t.database.db.query.consensusLocks.findMany().sync())
      expect(lockContentHash(lock)).toBe(lock.contentHash);
  });

  it('LOCK7: the "not assessed" mark can be removed before finalize, and both are audited', async () => {
    t = makeConsensusApp();
    const { facilitator } = t.seed;
    await t.call(facilitator, 'POST', `/dimensions/${DIM}/not-assessed`, {
      reason: 'Out of scope this year.',
    });
    expect((await t.call(facilitator, 'DELETE', `/dimensions/${DIM}/not-assessed`)).status).toBe(200);
    const record = (await t.call(facilitator, 'GET', '/consensus')).body.dimensions.find(
      (d: { dimensionId: string }) => d.dimensionId === DIM,
    );
    expect(record.notAssessed).toBeNull();
    expect(record.history.map((h: { action: string }) => h.action)).toEqual([
      'consensus.not_assessed',
      'consensus.not_assessed_clear',
    ]);
  });

  it('LOCK9: a facilitator hands the role over and becomes a participant, audited', async () => {
    t = makeConsensusApp();
    const { facilitator, participant } = t.seed;
    const res = await t.call(facilitator, 'POST', '/handoff', { memberId: participant.memberId });
    expect(res.status).toBe(200);
    const roles = t.database.sqlite.prepare('select id, role from members').all() as Array<{
      id: string;
      role: string;
    }>;
    expect(roles.find((r) => r.id === participant.memberId)?.role).toBe('facilitator');
    expect(roles.find((r) => r.id === facilitator.memberId)?.role).toBe('participant');
    // The former facilitator can no longer act as one; the new one can.
    expect((await t.call(facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft)).status).toBe(403);
    expect((await t.call(participant, 'PUT', `/dimensions/${DIM}/consensus`, draft)).status).toBe(200);
  });
});
