import { afterEach, describe, expect, it } from 'vitest';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import { api, createWorkshop, joinWorkshop, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t?.close());

async function setup(settings?: Record<string, unknown>) {
  const calls: string[] = [];
  const bridge: RealtimeBridge = {
    workshopChanged: async (id) => {
      calls.push(`changed:${id}`);
    },
    memberRemoved: (id, memberId) => calls.push(`removed:${id}:${memberId}`),
    sessionEnded: () => {},
    memberRatings: async () => new Map(),
    workshopDocState: nullRealtimeBridge.workshopDocState,
  };
  t = makeTestApp({ realtime: bridge });
  const fac = await signUp(t.app, { name: 'Fay Facilitator' });
  const workshop = await createWorkshop(t.app, fac.cookie, settings ? { settings } : {});
  const facMemberId = (await api(t.app, 'GET', `/api/workshops/${workshop.id}`, { cookie: fac.cookie })).json
    .me.memberId as string;
  t.clock.now += 1;
  const pat = await joinWorkshop(t.app, fac.cookie, workshop.id, {
    role: 'participant',
    name: 'Pat Participant',
    perspective: 'Faculty',
  });
  t.clock.now += 1;
  const obs = await joinWorkshop(t.app, fac.cookie, workshop.id, {
    role: 'observer',
    name: 'Olu Observer',
    perspective: 'IT',
  });
  calls.length = 0;
  const base = `/api/workshops/${workshop.id}/members`;
  return { fac, facMemberId, workshop, pat, obs, calls, base };
}

const names = (res: { json: { members: Array<{ name: string }> } }) => res.json.members.map((m) => m.name);

describe('GET /api/workshops/:id/members', () => {
  it('ANON1: in named mode every member sees everyone’s names, in join order, with isMe', async () => {
    const { base, pat, facMemberId } = await setup();
    const res = await api(t.app, 'GET', base, { cookie: pat.cookie });
    expect(res.status).toBe(200);
    expect(res.json.members).toEqual([
      {
        id: facMemberId,
        name: 'Fay Facilitator',
        role: 'facilitator',
        perspective: 'Other',
        joinedAt: expect.any(Number),
        isMe: false,
      },
      {
        id: pat.memberId,
        name: 'Pat Participant',
        role: 'participant',
        perspective: 'Faculty',
        joinedAt: expect.any(Number),
        isMe: true,
      },
      {
        id: expect.any(String),
        name: 'Olu Observer',
        role: 'observer',
        perspective: 'IT',
        joinedAt: expect.any(Number),
        isMe: false,
      },
    ]);
  });

  it.each(['anonymous', 'anonymous-while-rating'])(
    'ANON2/ANON3: in %s mode nobody — not even the facilitator — sees another member’s name, only stable pseudonyms',
    async (anonymity) => {
      const { base, fac, pat, obs } = await setup({ anonymity });
      const asFac = await api(t.app, 'GET', base, { cookie: fac.cookie });
      expect(names(asFac)).toEqual(['Fay Facilitator', 'Participant 2', 'Participant 3']);
      const asPat = await api(t.app, 'GET', base, { cookie: pat.cookie });
      expect(names(asPat)).toEqual(['Participant 1', 'Pat Participant', 'Participant 3']);
      const asObs = await api(t.app, 'GET', base, { cookie: obs.cookie });
      const body = JSON.stringify(asObs.json);
      expect(body).not.toContain('Fay');
      expect(body).not.toContain('Pat');
      expect(names(asObs)).toEqual(['Participant 1', 'Participant 2', 'Olu Observer']);
    },
  );

  it('ANON3: pseudonyms survive removals (never renumbered, never reused)', async () => {
    const { base, fac, pat, workshop } = await setup({ anonymity: 'anonymous' });
    await api(t.app, 'DELETE', `${base}/${pat.memberId}`, { cookie: fac.cookie });
    const late = await joinWorkshop(t.app, fac.cookie, workshop.id, {
      role: 'participant',
      name: 'Lee Late',
    });
    const asLate = await api(t.app, 'GET', base, { cookie: late.cookie });
    expect(names(asLate)).toEqual(['Participant 1', 'Participant 3', 'Lee Late']);
    const asFac = await api(t.app, 'GET', base, { cookie: fac.cookie });
    expect(names(asFac)).toEqual(['Fay Facilitator', 'Participant 3', 'Participant 4']);
  });

  it('PERM1: a non-member gets 403, an unknown workshop 404, no session 401', async () => {
    const { base } = await setup();
    const stranger = await signUp(t.app);
    expect((await api(t.app, 'GET', base, { cookie: stranger.cookie })).status).toBe(403);
    expect((await api(t.app, 'GET', '/api/workshops/nope/members', { cookie: stranger.cookie })).status).toBe(
      404,
    );
    expect((await api(t.app, 'GET', base)).status).toBe(401);
  });
});

describe('PATCH /api/workshops/:id/members/:memberId', () => {
  it('PERM6: a facilitator changes role and perspective; audited; the workshop doc is refreshed', async () => {
    const { base, fac, pat, workshop, calls } = await setup();
    const res = await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
      cookie: fac.cookie,
      body: { role: 'observer', perspective: 'Registrar' },
    });
    expect(res.status).toBe(200);
    expect(res.json.member).toMatchObject({
      id: pat.memberId,
      role: 'observer',
      perspective: 'Registrar',
      name: 'Pat Participant',
    });
    expect(calls).toEqual([`changed:${workshop.id}`]);
    const audit = t.database.sqlite
      .prepare("select * from audit_log where action = 'member.update'")
      .get() as Record<string, string>;
    expect(audit.target).toBe(pat.memberId);
    expect(JSON.parse(audit.before!)).toEqual({ role: 'participant', perspective: 'Faculty' });
    expect(JSON.parse(audit.after!)).toEqual({ role: 'observer', perspective: 'Registrar' });
    // The change is effective: Pat is now an observer.
    expect(
      (await api(t.app, 'GET', `/api/workshops/${workshop.id}`, { cookie: pat.cookie })).json.me.role,
    ).toBe('observer');
  });

  it('PERM3: demoting the last facilitator → 409; with a second facilitator it works', async () => {
    const { base, fac, facMemberId, pat } = await setup();
    const before = snapshot(t.database);
    const res = await api(t.app, 'PATCH', `${base}/${facMemberId}`, {
      cookie: fac.cookie,
      body: { role: 'participant' },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
    expect(snapshot(t.database)).toBe(before);
    await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
      cookie: fac.cookie,
      body: { role: 'facilitator' },
    });
    const ok = await api(t.app, 'PATCH', `${base}/${facMemberId}`, {
      cookie: fac.cookie,
      body: { role: 'participant' },
    });
    expect(ok.status).toBe(200);
    // Fay is no longer a facilitator: her next facilitator action is refused.
    expect(
      (
        await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
          cookie: fac.cookie,
          body: { perspective: 'IT' },
        })
      ).status,
    ).toBe(403);
  });

  it.each([
    ['malformed JSON', { rawBody: '{' }, 'malformed_json'],
    ['an empty body', { body: {} }, 'validation_failed'],
    ['an unknown role', { body: { role: 'owner' } }, 'validation_failed'],
    ['an extra field', { body: { role: 'observer', name: 'Renamed' } }, 'validation_failed'],
    ['an over-long perspective', { body: { perspective: 'x'.repeat(61) } }, 'validation_failed'],
    ['a perspective not in the list', { body: { perspective: 'Astronaut' } }, 'bad_request'],
  ])('PERM5: %s → 400, nothing changes', async (_what, options, code) => {
    const { base, fac, pat, calls } = await setup();
    const before = snapshot(t.database);
    const res = await api(t.app, 'PATCH', `${base}/${pat.memberId}`, { cookie: fac.cookie, ...options });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(snapshot(t.database)).toBe(before);
    expect(calls).toEqual([]);
  });

  it('PERM2: a participant cannot change anyone, including promoting themselves', async () => {
    const { base, pat, obs } = await setup();
    const before = snapshot(t.database);
    expect(
      (
        await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
          cookie: pat.cookie,
          body: { role: 'facilitator' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
          cookie: obs.cookie,
          body: { role: 'observer' },
        })
      ).status,
    ).toBe(403);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM1: a member of another workshop cannot be changed through this one (404)', async () => {
    const { base, fac } = await setup();
    const other = await createWorkshop(t.app, fac.cookie, { title: 'Other' });
    const outsider = await joinWorkshop(t.app, fac.cookie, other.id, { role: 'participant' });
    const before = snapshot(t.database);
    const res = await api(t.app, 'PATCH', `${base}/${outsider.memberId}`, {
      cookie: fac.cookie,
      body: { role: 'observer' },
    });
    expect(res.status).toBe(404);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM5: a foreign Origin → 403 csrf, nothing changes', async () => {
    const { base, fac, pat } = await setup();
    const before = snapshot(t.database);
    const res = await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
      cookie: fac.cookie,
      origin: 'https://evil.example',
      body: { role: 'observer' },
    });
    expect(res.json.error.code).toBe('csrf');
    expect(snapshot(t.database)).toBe(before);
  });
});

describe('DELETE /api/workshops/:id/members/:memberId', () => {
  it('PERM7: removal is a soft delete, audited, closes the member’s sockets and takes their access away', async () => {
    const { base, fac, pat, workshop, calls } = await setup();
    const res = await api(t.app, 'DELETE', `${base}/${pat.memberId}`, { cookie: fac.cookie });
    expect(res.status).toBe(204);
    expect(calls).toEqual([`removed:${workshop.id}:${pat.memberId}`, `changed:${workshop.id}`]);
    const row = t.database.sqlite
      .prepare('select removed_at from members where id = ?')
      .get(pat.memberId) as { removed_at: number };
    expect(row.removed_at).toBe(t.clock.now);
    const audit = t.database.sqlite
      .prepare("select target from audit_log where action = 'member.remove'")
      .get() as { target: string };
    expect(audit.target).toBe(pat.memberId);
    expect((await api(t.app, 'GET', base, { cookie: pat.cookie })).status).toBe(403);
    expect((await api(t.app, 'GET', base, { cookie: fac.cookie })).json.members).toHaveLength(2);
    // Removing again: the member is no longer active.
    expect((await api(t.app, 'DELETE', `${base}/${pat.memberId}`, { cookie: fac.cookie })).status).toBe(404);
  });

  it('PERM3: the last facilitator cannot remove themselves; with another facilitator they can', async () => {
    const { base, fac, facMemberId, pat } = await setup();
    const before = snapshot(t.database);
    const res = await api(t.app, 'DELETE', `${base}/${facMemberId}`, { cookie: fac.cookie });
    expect(res.status).toBe(409);
    expect(snapshot(t.database)).toBe(before);
    await api(t.app, 'PATCH', `${base}/${pat.memberId}`, {
      cookie: fac.cookie,
      body: { role: 'facilitator' },
    });
    expect((await api(t.app, 'DELETE', `${base}/${facMemberId}`, { cookie: fac.cookie })).status).toBe(204);
    // Pat, now the only facilitator, cannot leave either.
    expect((await api(t.app, 'DELETE', `${base}/${pat.memberId}`, { cookie: pat.cookie })).status).toBe(409);
  });

  it('PERM2: a participant or observer cannot remove anyone', async () => {
    const { base, pat, obs, facMemberId } = await setup();
    const before = snapshot(t.database);
    expect((await api(t.app, 'DELETE', `${base}/${facMemberId}`, { cookie: pat.cookie })).status).toBe(403);
    expect((await api(t.app, 'DELETE', `${base}/${pat.memberId}`, { cookie: obs.cookie })).status).toBe(403);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM5: DELETE without Origin → 403 csrf, nothing changes', async () => {
    const { base, fac, pat } = await setup();
    const before = snapshot(t.database);
    const res = await api(t.app, 'DELETE', `${base}/${pat.memberId}`, { cookie: fac.cookie, origin: null });
    expect(res.status).toBe(403);
    expect(snapshot(t.database)).toBe(before);
  });
});
