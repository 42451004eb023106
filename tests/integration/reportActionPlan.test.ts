import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReportTestApp, reportTestApp, seedWorkshop } from './reportSetup';

let t: ReportTestApp;
beforeEach(() => {
  t = reportTestApp();
});
afterEach(() => t.close());

function setup(status: 'open' | 'finalized' = 'open') {
  const w = seedWorkshop(t, {
    status,
    people: [
      { name: 'Fay', role: 'facilitator', perspective: 'Administration' },
      { name: 'Pat', role: 'participant', perspective: 'Faculty' },
      { name: 'Oz', role: 'observer', perspective: 'Other' },
    ],
  });
  const [fac, part, obs] = w.userIds as [string, string, string];
  const base = `/api/workshops/${w.workshopId}/action-items`;
  return { ...w, fac, part, obs, base };
}

const auditRows = (t: ReportTestApp, workshopId: string) =>
  t.database.sqlite
    .prepare("select action, target, before, after, actor_member_id as actor from audit_log where workshop_id = ? and action like 'action_item.%' order by id")
    .all(workshopId) as Array<{ action: string; target: string; before: string | null; after: string | null; actor: string }>;

describe('REPORT8: action plan CRUD', () => {
  it('a facilitator creates, updates and deletes items — after finalize too — each change audited with before/after', async () => {
    const w = setup('finalized');
    const created = await t.request(w.fac, 'POST', w.base, {
      dimensionId: 'sharing',
      targetStage: 'developing',
      actions: 'Draft a data-sharing agreement with two employers',
      owner: 'Registrar office',
      dueDate: '2025-09-30',
    });
    expect(created.status).toBe(201);
    const { item } = await created.json();
    expect(item).toMatchObject({
      dimensionId: 'sharing',
      targetStage: 'developing',
      actions: 'Draft a data-sharing agreement with two employers',
      owner: 'Registrar office',
      dueDate: '2025-09-30',
      status: 'not-started',
      copiedFromId: null,
    });

    const updated = await t.request(w.fac, 'PATCH', `${w.base}/${item.id}`, { status: 'in-progress', owner: 'Provost' });
    expect(updated.status).toBe(200);
    expect((await updated.json()).item).toMatchObject({ status: 'in-progress', owner: 'Provost', actions: item.actions });

    // Any member reads the plan, and the report shows it under its dimension.
    const list = await (await t.request(w.obs, 'GET', w.base)).json();
    expect(list.items).toHaveLength(1);
    const report = await (await t.request(w.part, 'GET', `/api/workshops/${w.workshopId}/report`)).json();
    const sharing = report.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions).find((d: { id: string }) => d.id === 'sharing');
    expect(sharing.actionPlan).toEqual([expect.objectContaining({ id: item.id, status: 'in-progress', owner: 'Provost' })]);

    expect((await t.request(w.fac, 'DELETE', `${w.base}/${item.id}`)).status).toBe(204);
    expect((await (await t.request(w.fac, 'GET', w.base)).json()).items).toEqual([]);

    const audit = auditRows(t, w.workshopId);
    expect(audit.map((a) => a.action)).toEqual(['action_item.create', 'action_item.update', 'action_item.delete']);
    expect(audit.every((a) => a.target === item.id && a.actor === w.memberIds[0])).toBe(true);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ status: 'not-started', owner: 'Registrar office' });
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({ status: 'in-progress', owner: 'Provost' });
    expect(JSON.parse(audit[2]!.before!)).toMatchObject({ id: item.id });
    expect(audit[2]!.after).toBeNull();
  });

  it('participants and observers cannot change the plan (403); bad input is refused with 400 and changes nothing', async () => {
    const w = setup();
    const good = { dimensionId: 'sharing', targetStage: 'developing', actions: 'Do it' };
    for (const who of [w.part, w.obs]) {
      const res = await t.request(who, 'POST', w.base, good);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    const bad: Array<[unknown, RegExp]> = [
      [{ ...good, dimensionId: 'nope' }, /dimensionId/],
      [{ ...good, targetStage: 'expert' }, /targetStage/],
      [{ ...good, actions: '   ' }, /actions/],
      [{ ...good, dueDate: '2025-02-30' }, /dueDate/],
      [{ ...good, status: 'finished' }, /status/],
      [{ ...good, extra: 1 }, /extra|Unrecognized/i],
    ];
    for (const [body, message] of bad) {
      const res = await t.request(w.fac, 'POST', w.base, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    expect((await t.request(w.fac, 'POST', w.base, '{not json')).status).toBe(400);

    const { item } = await (await t.request(w.fac, 'POST', w.base, good)).json();
    expect((await t.request(w.part, 'PATCH', `${w.base}/${item.id}`, { status: 'done' })).status).toBe(403);
    expect((await t.request(w.part, 'DELETE', `${w.base}/${item.id}`)).status).toBe(403);
    expect((await t.request(w.fac, 'PATCH', `${w.base}/${item.id}`, {})).status).toBe(400);
    expect((await t.request(w.fac, 'PATCH', `${w.base}/${item.id}`, { targetStage: 'nope' })).status).toBe(400);
    expect((await t.request(w.fac, 'PATCH', `${w.base}/missing`, { status: 'done' })).status).toBe(404);
    expect((await t.request(w.fac, 'DELETE', `${w.base}/missing`)).status).toBe(404);

    const items = (await (await t.request(w.fac, 'GET', w.base)).json()).items;
    expect(items).toEqual([expect.objectContaining({ id: item.id, status: 'not-started', targetStage: 'developing' })]);
    expect(auditRows(t, w.workshopId).map((a) => a.action)).toEqual(['action_item.create']);
  });

  it("an item of another workshop cannot be reached through this one's URL", async () => {
    const a = setup();
    const b = setup();
    const { item } = await (
      await t.request(b.fac, 'POST', b.base, { dimensionId: 'sharing', targetStage: 'developing', actions: 'B plan' })
    ).json();
    expect((await t.request(a.fac, 'PATCH', `${a.base}/${item.id}`, { status: 'done' })).status).toBe(404);
    expect((await t.request(a.fac, 'DELETE', `${a.base}/${item.id}`)).status).toBe(404);
    expect((await t.request(a.fac, 'GET', b.base)).status).toBe(403);
  });
});
