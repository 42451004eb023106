import { afterEach, describe, expect, it } from 'vitest';
import { api, createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

const DIM = 'learning-evaluation';
const draft = { stage: 'developing', rationale: 'Pilots in two departments.' };

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.close());

async function setup(settings?: Record<string, unknown>) {
  t = makeTestApp();
  const fac = await signUp(t.app, { name: 'Fran Facilitator', email: `fran-${Math.random()}@example.edu` });
  const workshop = await createWorkshop(t.app, fac.cookie, settings ? { settings } : {});
  const base = `/api/workshops/${workshop.id}`;
  const participant = await joinWorkshop(t.app, fac.cookie, workshop.id, {
    role: 'participant',
    name: 'Pat Guest',
  });
  const as = (cookie: string) => (method: string, path: string, body?: unknown) =>
    api(t.app, method, `${base}${path}`, { cookie, ...(body === undefined ? {} : { body }) });
  return { fac, workshop, participant, base, f: as(fac.cookie), p: as(participant.cookie) };
}

async function allEntries(f: (m: string, p: string) => ReturnType<typeof api>) {
  const out: Array<{ id: number; action: string; [k: string]: unknown }> = [];
  let before: number | null = null;
  do {
    const res = await f('GET', `/audit?limit=3${before ? `&before=${before}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.json.entries.length).toBeLessThanOrEqual(3);
    out.push(...res.json.entries);
    before = res.json.nextBefore;
  } while (before !== null);
  return out;
}

describe('audit log (full stack: sessions, roles, CSRF)', () => {
  it('AUDIT2: every action is recorded with when, who (member + account), what, target, before/after; pages are disjoint', async () => {
    const s = await setup();
    expect((await s.f('PATCH', `/members/${s.participant.memberId}`, { role: 'facilitator' })).status).toBe(
      200,
    );
    expect((await s.p('PUT', `/dimensions/${DIM}/consensus`, draft)).status).toBe(200); // a co-facilitator
    expect((await s.f('POST', '/reveal', { dimensionIds: [DIM] })).status).toBe(200); // LOCK10
    expect((await s.f('POST', `/dimensions/${DIM}/lock`)).status).toBe(200);
    expect(
      (await s.f('POST', `/dimensions/${DIM}/unlock`, { reason: 'Second look at evidence.' })).status,
    ).toBe(200);
    expect(
      (await s.f('POST', '/dimensions/sharing/not-assessed', { reason: 'No data this cycle.' })).status,
    ).toBe(200);
    const entries = await allEntries(s.f);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'workshop.create',
      'invite.create',
      'member.join',
      'member.update',
      'consensus.edit',
      'dimension.reveal',
      'consensus.lock',
      'consensus.unlock',
      'consensus.not_assessed',
    ]);
    const edit = entries.find((e) => e.action === 'consensus.edit')!;
    expect(edit).toMatchObject({
      target: DIM,
      before: null,
      after: { ...draft, revision: 1 },
      actor: {
        memberId: s.participant.memberId,
        name: 'Pat Guest',
        role: 'facilitator',
        account: { kind: 'guest' },
      },
    });
    const lock = entries.find((e) => e.action === 'consensus.lock')!;
    expect(lock.actor).toMatchObject({
      name: 'Fran Facilitator',
      account: { kind: 'account', email: s.fac.user.email },
    });
    expect(typeof lock.at).toBe('number');
  });

  it('AUDIT4: an entry keeps the role its actor acted in after they are demoted, removed or hand off', async () => {
    const s = await setup();
    expect((await s.f('PATCH', `/members/${s.participant.memberId}`, { role: 'facilitator' })).status).toBe(
      200,
    );
    expect((await s.p('PUT', `/dimensions/${DIM}/consensus`, draft)).status).toBe(200); // as co-facilitator
    expect((await s.f('PATCH', `/members/${s.participant.memberId}`, { role: 'participant' })).status).toBe(
      200,
    );
    // A handoff demotes the giver in the same transaction as its audit entry.
    const second = await joinWorkshop(t.app, s.fac.cookie, s.workshop.id, {
      role: 'participant',
      name: 'Cy',
    });
    expect((await s.f('POST', '/handoff', { memberId: second.memberId })).status).toBe(200);
    const entries = (await api(t.app, 'GET', `${s.base}/audit`, { cookie: second.cookie })).json
      .entries as Array<{ action: string; actor: { memberId: string; role: string; roleRecorded: boolean } }>;
    const edit = entries.find((e) => e.action === 'consensus.edit')!;
    expect(edit.actor).toMatchObject({
      memberId: s.participant.memberId,
      role: 'facilitator',
      roleRecorded: true,
    });
    const handoff = entries.find((e) => e.action === 'member.handoff')!;
    expect(handoff.actor).toMatchObject({ role: 'facilitator', roleRecorded: true });
    // Removal keeps it too (the member row stays, for the record).
    expect(
      (await api(t.app, 'DELETE', `${s.base}/members/${s.participant.memberId}`, { cookie: second.cookie }))
        .status,
    ).toBe(204);
    const afterRemoval = (await api(t.app, 'GET', `${s.base}/audit`, { cookie: second.cookie })).json
      .entries as typeof entries;
    expect(afterRemoval.find((e) => e.action === 'consensus.edit')!.actor).toMatchObject({
      role: 'facilitator',
    });
  });

  it('AUDIT4: an entry written before roles were recorded shows the current role, flagged as such', async () => {
    const s = await setup();
    // The shape of a row from before migration 0006: no actor_role.
    t.database.sqlite
      .prepare(
        "insert into audit_log (workshop_id, at, actor_member_id, actor_user_id, action, target) select workshop_id, 1, id, user_id, 'consensus.edit', ? from members where id = ?",
      )
      .run(DIM, s.participant.memberId);
    const [old] = (await s.f('GET', '/audit?limit=1')).json.entries;
    expect(old).toMatchObject({ action: 'consensus.edit' });
    expect(old.actor).toMatchObject({
      memberId: s.participant.memberId,
      role: 'participant',
      roleRecorded: false,
    });
  });

  it('AUDIT3: in an anonymous workshop the audit shows pseudonyms and no account details', async () => {
    const s = await setup({ anonymity: 'anonymous' });
    await s.f('PUT', `/dimensions/${DIM}/consensus`, draft);
    const { json } = await s.f('GET', '/audit');
    const text = JSON.stringify(json);
    expect(text).not.toContain('Fran Facilitator');
    expect(text).not.toContain(s.fac.user.email);
    expect(json.entries[0].actor).toMatchObject({ name: expect.any(String), account: null });
  });

  it('AUDIT5: each page names the ids its entries hold: targets, stages, dimensions, members', async () => {
    const s = await setup();
    const second = await joinWorkshop(t.app, s.fac.cookie, s.workshop.id, { role: 'participant', name: 'Cy' });
    expect((await s.f('PUT', `/dimensions/${DIM}/consensus`, draft)).status).toBe(200);
    expect((await s.f('POST', '/reveal', { dimensionIds: [DIM] })).status).toBe(200);
    expect((await s.f('POST', `/dimensions/${DIM}/lock`)).status).toBe(200);
    expect((await s.f('POST', '/handoff', { memberId: second.memberId })).status).toBe(200);
    const { json } = await api(t.app, 'GET', `${s.base}/audit`, { cookie: second.cookie });
    const entryOf = (action: string) => json.entries.find((e: { action: string }) => e.action === action);
    const lock = entryOf('consensus.lock');
    expect(json.names.targets[lock.id]).toBe('Learning Evaluation');
    expect(json.names.stages).toMatchObject({ developing: 'Developing', 'new-emerging': 'New/Emerging' });
    expect(json.names.dimensions[DIM]).toBe('Learning Evaluation');
    expect(json.names.targets[entryOf('workshop.create').id]).toBe(s.workshop.title);
    expect(json.names.targets[entryOf('invite.create').id]).toBe('Invite link for a participant');
    // A join names its member; a handoff's before/after are keyed by member id, named too.
    const me = (await s.f('GET', '/members')).json.members.find((m: { isMe: boolean }) => m.isMe);
    expect(json.names.targets[entryOf('member.handoff').id]).toBe('Cy');
    expect(json.names.members).toMatchObject({ [second.memberId]: 'Cy', [me.id]: 'Fran Facilitator' });
  });

  it('AUDIT5 with AUDIT3: an anonymous workshop names members by pseudonym only', async () => {
    const s = await setup({ anonymity: 'anonymous' });
    const second = await joinWorkshop(t.app, s.fac.cookie, s.workshop.id, { role: 'participant', name: 'Cy' });
    expect((await s.f('POST', '/handoff', { memberId: second.memberId })).status).toBe(200);
    const { json } = await api(t.app, 'GET', `${s.base}/audit`, { cookie: second.cookie });
    const entryOf = (action: string) => json.entries.find((e: { action: string }) => e.action === action);
    const text = JSON.stringify(json.names);
    expect(text).not.toContain('Cy');
    expect(text).not.toContain('Fran Facilitator');
    // The two who joined and the facilitator, whose id keys the handoff.
    expect(Object.keys(json.names.members)).toHaveLength(3);
    expect(json.names.members[second.memberId]).toBe(json.names.targets[entryOf('member.handoff').id]);
    for (const name of Object.values(json.names.members)) expect(name).toMatch(/^Participant \d+$/);
  });

  it('LOCK8: only facilitators read the audit; a bad page query is 400', async () => {
    const s = await setup();
    expect((await s.p('GET', '/audit')).json).toMatchObject({ error: { code: 'forbidden' } });
    expect((await s.f('GET', '/audit?limit=0')).status).toBe(400);
    expect((await s.f('GET', '/audit?limit=5')).status).toBe(200);
  });

  it('LOCK9: several facilitators; the last one cannot be demoted or removed; handoff swaps roles', async () => {
    const s = await setup();
    const promote = await s.f('PATCH', `/members/${s.participant.memberId}`, { role: 'facilitator' });
    expect(promote.status).toBe(200);
    const members = (await s.f('GET', '/members')).json.members as Array<{
      id: string;
      role: string;
      isMe: boolean;
    }>;
    const me = members.find((m) => m.isMe)!;
    expect(members.filter((m) => m.role === 'facilitator')).toHaveLength(2);
    // The co-facilitator demotes the original one; now the co-facilitator is the last and stays.
    expect((await s.p('PATCH', `/members/${me.id}`, { role: 'participant' })).status).toBe(200);
    expect((await s.p('PATCH', `/members/${s.participant.memberId}`, { role: 'participant' })).status).toBe(
      409,
    );
    expect((await s.p('DELETE', `/members/${s.participant.memberId}`)).status).toBe(409);
    // Handoff back: the giver becomes a participant, the receiver the facilitator — never zero.
    expect((await s.p('POST', '/handoff', { memberId: me.id })).status).toBe(200);
    const after = (await s.f('GET', '/members')).json.members as Array<{ id: string; role: string }>;
    expect(after.filter((m) => m.role === 'facilitator').map((m) => m.id)).toEqual([me.id]);
    expect((await allEntries(s.f)).filter((e) => e.action === 'member.handoff')).toHaveLength(1);
  });

  it('CSRF: a lock request without a same-origin Origin is refused and changes nothing', async () => {
    const s = await setup();
    await s.f('PUT', `/dimensions/${DIM}/consensus`, draft);
    const res = await api(t.app, 'POST', `${s.base}/dimensions/${DIM}/lock`, {
      cookie: s.fac.cookie,
      origin: null,
    });
    expect(res.status).toBe(403);
    expect(t.database.sqlite.prepare('select count(*) as n from consensus_locks').get()).toEqual({ n: 0 });
  });
});
