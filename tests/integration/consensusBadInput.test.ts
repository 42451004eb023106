import { afterEach, describe, expect, it } from 'vitest';
import { makeConsensusApp } from './consensusHarness';

const DIM = 'learning-evaluation';
const draft = { stage: 'developing', rationale: 'Pilots in two departments.' };
const reason = { reason: 'New evidence from the registrar.' };

let t: ReturnType<typeof makeConsensusApp>;
afterEach(() => t.close());

type Who = 'facilitator' | 'participant' | 'observer';

/** Sends the request and asserts the status, the error code, and that no row changed. */
async function refused(who: Who, method: string, path: string, body: unknown, status: number, code: string) {
  const before = t.snapshot();
  const res = await t.call(t.seed[who], method, path, body);
  expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({ path, status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(t.snapshot()).toEqual(before);
}

const writes: Array<[string, string, unknown]> = [
  ['PUT', `/dimensions/${DIM}/consensus`, draft],
  ['POST', `/dimensions/${DIM}/lock`, undefined],
  ['POST', `/dimensions/${DIM}/unlock`, reason],
  ['POST', `/dimensions/${DIM}/not-assessed`, reason],
  ['DELETE', `/dimensions/${DIM}/not-assessed`, undefined],
  ['POST', '/finalize', undefined],
  ['POST', '/handoff', { memberId: 'x' }],
];

describe('consensus bad input: refused with {error:{code,message}} and nothing changes', () => {
  it('LOCK8: participants and observers get 403 on every consensus write and on the audit log', async () => {
    t = makeConsensusApp();
    await t.call(t.seed.facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    for (const who of ['participant', 'observer'] as const) {
      for (const [method, path, body] of writes) await refused(who, method, path, body, 403, 'forbidden');
      await refused(who, 'GET', '/audit', undefined, 403, 'forbidden');
    }
  });

  it('LOCK8: unknown dimension → 404; stage not in the rubric (or "not sure") → 400; unknown field → 400', async () => {
    t = makeConsensusApp();
    await refused('facilitator', 'PUT', '/dimensions/no-such-dimension/consensus', draft, 404, 'not_found');
    await refused('facilitator', 'POST', '/dimensions/no-such-dimension/lock', undefined, 404, 'not_found');
    await refused('facilitator', 'POST', '/dimensions/no-such-dimension/unlock', reason, 404, 'not_found');
    await refused(
      'facilitator',
      'PUT',
      `/dimensions/${DIM}/consensus`,
      { ...draft, stage: 'excellent' },
      400,
      'bad_request',
    );
    await refused(
      'facilitator',
      'PUT',
      `/dimensions/${DIM}/consensus`,
      { ...draft, stage: 'not-sure' },
      400,
      'bad_request',
    );
    await refused(
      'facilitator',
      'PUT',
      `/dimensions/${DIM}/consensus`,
      { ...draft, locked: true },
      400,
      'validation_failed',
    );
    await refused(
      'facilitator',
      'PUT',
      `/dimensions/${DIM}/consensus`,
      { stage: 'developing' },
      400,
      'validation_failed',
    );
    await refused(
      'facilitator',
      'PUT',
      `/dimensions/${DIM}/consensus`,
      { ...draft, rationale: 'x'.repeat(10_001) },
      400,
      'validation_failed',
    );
  });

  it('LOCK1: lock without a consensus → 409', async () => {
    t = makeConsensusApp();
    await refused('facilitator', 'POST', `/dimensions/${DIM}/lock`, undefined, 409, 'conflict');
  });

  it('LOCK2/LOCK5: second lock → 409; editing a locked draft → 409; marking it not assessed → 409', async () => {
    t = makeConsensusApp();
    await t.call(t.seed.facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    expect((await t.call(t.seed.facilitator, 'POST', `/dimensions/${DIM}/lock`)).status).toBe(200);
    await refused('facilitator', 'POST', `/dimensions/${DIM}/lock`, undefined, 409, 'conflict');
    await refused(
      'facilitator',
      'PUT',
      `/dimensions/${DIM}/consensus`,
      { ...draft, stage: 'effective-practice' },
      409,
      'conflict',
    );
    await refused('facilitator', 'POST', `/dimensions/${DIM}/not-assessed`, reason, 409, 'conflict');
  });

  it('LOCK4: unlock without a reason, or with too short a reason → 400; unlock of an unlocked dimension → 409', async () => {
    t = makeConsensusApp();
    await t.call(t.seed.facilitator, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    await refused('facilitator', 'POST', `/dimensions/${DIM}/unlock`, reason, 409, 'conflict');
    await t.call(t.seed.facilitator, 'POST', `/dimensions/${DIM}/lock`);
    await refused('facilitator', 'POST', `/dimensions/${DIM}/unlock`, {}, 400, 'validation_failed');
    await refused(
      'facilitator',
      'POST',
      `/dimensions/${DIM}/unlock`,
      { reason: '   short  ' },
      400,
      'validation_failed',
    );
    await refused(
      'facilitator',
      'POST',
      `/dimensions/${DIM}/unlock`,
      undefined,
      415,
      'unsupported_media_type',
    );
  });

  it('LOCK7: finalize with open dimensions → 409 listing them', async () => {
    t = makeConsensusApp();
    const before = t.snapshot();
    const res = await t.call(t.seed.facilitator, 'POST', '/finalize');
    expect(res.status).toBe(409);
    expect(res.body.error.details.missing).toHaveLength(9);
    expect(res.body.error.message).toContain(DIM);
    expect(t.snapshot()).toEqual(before);
  });

  it('LOCK6: after finalize every change → 409 (consensus, lock, unlock, marks, finalize, handoff)', async () => {
    t = makeConsensusApp();
    const f = t.seed.facilitator;
    const dims = (await t.call(f, 'GET', '/consensus')).body.dimensions.map(
      (d: { dimensionId: string }) => d.dimensionId,
    );
    for (const d of dims) await t.call(f, 'POST', `/dimensions/${d}/not-assessed`, reason);
    await t.call(f, 'DELETE', `/dimensions/${DIM}/not-assessed`);
    await t.call(f, 'PUT', `/dimensions/${DIM}/consensus`, draft);
    await t.call(f, 'POST', `/dimensions/${DIM}/lock`);
    expect((await t.call(f, 'POST', '/finalize')).status).toBe(200);
    const other = dims[1];
    await refused('facilitator', 'PUT', `/dimensions/${other}/consensus`, draft, 409, 'conflict');
    await refused('facilitator', 'POST', `/dimensions/${DIM}/unlock`, reason, 409, 'conflict');
    await refused('facilitator', 'POST', `/dimensions/${other}/lock`, undefined, 409, 'conflict');
    await refused('facilitator', 'POST', `/dimensions/${DIM}/not-assessed`, reason, 409, 'conflict');
    await refused('facilitator', 'DELETE', `/dimensions/${other}/not-assessed`, undefined, 409, 'conflict');
    await refused('facilitator', 'POST', '/finalize', undefined, 409, 'conflict');
    await refused(
      'facilitator',
      'POST',
      '/handoff',
      { memberId: t.seed.participant.memberId },
      409,
      'conflict',
    );
    // Reads still work.
    expect((await t.call(t.seed.participant, 'GET', '/consensus')).body.status).toBe('finalized');
  });

  it('LOCK9: handoff to an unknown member → 404, to oneself → 400', async () => {
    t = makeConsensusApp();
    await refused('facilitator', 'POST', '/handoff', { memberId: 'nobody' }, 404, 'not_found');
    await refused(
      'facilitator',
      'POST',
      '/handoff',
      { memberId: t.seed.facilitator.memberId },
      400,
      'bad_request',
    );
  });
});
