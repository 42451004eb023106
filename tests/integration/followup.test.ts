import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allDimensions } from '../../rubric/schema';
import { type ReportTestApp, reportTestApp, seedWorkshop, setConsensus } from './reportSetup';

let t: ReportTestApp;
beforeEach(() => {
  t = reportTestApp();
});
afterEach(() => t.close());

function previousWorkshop() {
  const w = seedWorkshop(t, {
    status: 'finalized',
    people: [
      { name: 'Fay', role: 'facilitator', perspective: 'Administration' },
      { name: 'Acc Part', role: 'participant', perspective: 'Faculty' },
      { name: 'Guest One', role: 'participant', perspective: 'IT', kind: 'guest' },
      { name: 'Guest Two', role: 'participant', perspective: 'Registrar', kind: 'guest' },
      { name: 'Guest Obs', role: 'observer', perspective: 'Other', kind: 'guest' },
      { name: 'Acc Obs', role: 'observer', perspective: 'Other' },
    ],
  });
  return w;
}

describe('REPORT9: POST /api/workshops/:id/follow-up', () => {
  it('creates a workshop for the same institution and rubric, carries account members, re-invites guests, copies the plan', async () => {
    const w = previousWorkshop();
    const [fay, acc] = w.userIds as [string, string];
    const plan = `/api/workshops/${w.workshopId}/action-items`;
    const { item } = await (
      await t.request(fay, 'POST', plan, { dimensionId: 'systems', targetStage: 'effective-practice', actions: 'Wallet pilot', status: 'in-progress' })
    ).json();

    expect((await t.request(acc, 'POST', `/api/workshops/${w.workshopId}/follow-up`, {})).status).toBe(403);
    expect((await t.request(fay, 'POST', `/api/workshops/${w.workshopId}/follow-up`, { title: '' })).status).toBe(400);
    expect((await t.request(fay, 'POST', '/api/workshops/nope/follow-up', {})).status).toBe(404);

    const res = await t.request(fay, 'POST', `/api/workshops/${w.workshopId}/follow-up`, { title: 'Fall follow-up' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.workshop).toMatchObject({
      title: 'Fall follow-up',
      institution: { id: w.institutionId },
      rubricId: 'ler-engagement',
      rubricVersion: '1.0',
      status: 'open',
      previousWorkshopId: w.workshopId,
    });
    expect(body.carriedMembers).toBe(2);
    expect(body.copiedActionItems).toBe(1);
    expect(body.invites.map((i: { role: string; maxUses: number }) => [i.role, i.maxUses]).sort()).toEqual([
      ['observer', 1],
      ['participant', 2],
    ]);
    expect(body.invites[0].url).toMatch(/^http:\/\/localhost\/join\/[a-z0-9]{32}$/);
    expect(t.changed).toContain(body.workshop.id);

    const rows = t.database.sqlite
      .prepare('select u.name, m.role, m.perspective from members m join users u on u.id = m.user_id where m.workshop_id = ? order by u.name')
      .all(body.workshop.id);
    expect(rows).toEqual([
      { name: 'Acc Obs', role: 'observer', perspective: 'Other' },
      { name: 'Acc Part', role: 'participant', perspective: 'Faculty' },
      { name: 'Fay', role: 'facilitator', perspective: 'Administration' },
    ]);
    const copied = (await (await t.request(acc, 'GET', `/api/workshops/${body.workshop.id}/action-items`)).json()).items;
    expect(copied).toEqual([
      expect.objectContaining({ dimensionId: 'systems', actions: 'Wallet pilot', status: 'in-progress', copiedFromId: item.id }),
    ]);
    const audit = t.database.sqlite.prepare('select workshop_id as w, action from audit_log where action like ? order by id').all('workshop.%');
    expect(audit).toEqual([
      { w: w.workshopId, action: 'workshop.follow_up_started' },
      { w: body.workshop.id, action: 'workshop.created_as_follow_up' },
    ]);
  });
});

describe('REPORT10: GET /api/workshops/:id/comparison', () => {
  it('shows the right direction for every dimension and the previous action items’ outcomes', async () => {
    const w = previousWorkshop();
    const fay = w.userIds[0]!;
    const dims = allDimensions(t.deps.rubrics.get('ler-engagement')!).map((d) => d.id);
    // previous → current, one scenario per dimension (9 dimensions).
    const plan: Array<[string | null, string | null, string]> = [
      ['new-emerging', 'developing', 'up'],
      ['developing', 'effective-practice', 'up'],
      ['effective-practice', 'developing', 'down'],
      ['developing', 'developing', 'same'],
      [null, 'developing', 'new'],
      ['developing', null, 'not-assessed'],
      ['not-assessed', 'new-emerging', 'new'],
      ['new-emerging', 'not-assessed', 'not-assessed'],
      ['developing', 'new-emerging', 'down'],
    ];
    const set = (workshopId: string, dimensionId: string, stage: string | null) => {
      if (stage === 'not-assessed') setConsensus(t, workshopId, dimensionId, { notAssessedReason: 'Out of scope this year.' });
      else if (stage) setConsensus(t, workshopId, dimensionId, { stage, locked: true, lockedAt: t.clock.now });
    };
    for (const [i, d] of dims.entries()) set(w.workshopId, d, plan[i]![0]);
    const items = [
      { dimensionId: dims[0], targetStage: 'developing', actions: 'Map programs', status: 'done' },
      { dimensionId: dims[2], targetStage: 'effective-practice', actions: 'Keep it up', status: 'in-progress' },
      { dimensionId: dims[5], targetStage: 'effective-practice', actions: 'Governance', status: 'dropped' },
    ];
    for (const body of items) expect((await t.request(fay, 'POST', `/api/workshops/${w.workshopId}/action-items`, body)).status).toBe(201);

    const next = (await (await t.request(fay, 'POST', `/api/workshops/${w.workshopId}/follow-up`, {})).json()).workshop;
    for (const [i, d] of dims.entries()) set(next.id, d, plan[i]![1]);

    // Only members of the current workshop see it; the previous one is no follow-up.
    const outsider = seedWorkshop(t, { people: [{ name: 'Out', role: 'facilitator', perspective: 'IT' }] }).userIds[0]!;
    expect((await t.request(outsider, 'GET', `/api/workshops/${next.id}/comparison`)).status).toBe(403);
    expect((await t.request(fay, 'GET', `/api/workshops/${w.workshopId}/comparison`)).status).toBe(404);

    const res = await t.request(w.userIds[1]!, 'GET', `/api/workshops/${next.id}/comparison`);
    expect(res.status).toBe(200);
    const cmp = await res.json();
    expect(cmp.previousWorkshopId).toBe(w.workshopId);
    expect(cmp.dimensions.map((d: { id: string; direction: string }) => [d.id, d.direction])).toEqual(
      dims.map((d, i) => [d, plan[i]![2]]),
    );
    expect(cmp.dimensions[0]).toMatchObject({
      previous: { stage: 'new-emerging', stageLabel: 'New/Emerging', locked: true, notAssessed: false },
      current: { stage: 'developing', stageLabel: 'Developing' },
    });
    expect(cmp.dimensions[6].previous).toMatchObject({ stage: null, notAssessed: true });
    expect(cmp.actionItems.map((a: { actions: string; status: string; targetReached: boolean | null }) => [a.actions, a.status, a.targetReached])).toEqual([
      ['Map programs', 'done', true],
      ['Keep it up', 'in-progress', false],
      ['Governance', 'dropped', null],
    ]);
  });
});

describe('REPORT11: institutions', () => {
  it('lists institutions where I am a member, and only my workshops of one institution, oldest first', async () => {
    const w = previousWorkshop();
    const [fay, acc] = w.userIds as [string, string];
    setConsensus(t, w.workshopId, 'systems', { stage: 'developing', locked: true, lockedAt: t.clock.now });
    t.clock.now += 1000;
    const next = (await (await t.request(fay, 'POST', `/api/workshops/${w.workshopId}/follow-up`, {})).json()).workshop;
    // A workshop of the same institution that Fay is not in.
    const foreign = seedWorkshop(t, { institution: { id: w.institutionId, name: '' }, people: [{ name: 'Zed', role: 'facilitator', perspective: 'IT' }] });

    const list = await (await t.request(fay, 'GET', '/api/institutions')).json();
    expect(list.institutions).toEqual([
      { id: w.institutionId, name: 'Lakeside Community College', system: 'State System', state: 'OH', workshopCount: 2, lastWorkshopAt: t.clock.now },
    ]);
    const history = await (await t.request(fay, 'GET', `/api/institutions/${w.institutionId}`)).json();
    expect(history.workshops.map((x: { id: string }) => x.id)).toEqual([w.workshopId, next.id]);
    expect(history.workshops[0]).toMatchObject({ status: 'finalized', myRole: 'facilitator', consensus: { systems: { stage: 'developing', locked: true } } });
    expect(history.workshops[1]).toMatchObject({ previousWorkshopId: w.workshopId });

    const zed = foreign.userIds[0]!;
    const zedHistory = await (await t.request(zed, 'GET', `/api/institutions/${w.institutionId}`)).json();
    expect(zedHistory.workshops.map((x: { id: string }) => x.id)).toEqual([foreign.workshopId]);
    const stranger = seedWorkshop(t, { people: [{ name: 'S', role: 'facilitator', perspective: 'IT' }] });
    expect((await t.request(stranger.userIds[0]!, 'GET', `/api/institutions/${w.institutionId}`)).status).toBe(404);
    expect((await t.request(acc, 'GET', '/api/institutions/nope')).status).toBe(404);
    expect((await t.request(null, 'GET', '/api/institutions')).status).toBe(401);
  });
});
