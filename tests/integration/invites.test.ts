import { afterEach, describe, expect, it } from 'vitest';
import { api, createWorkshop, joinWorkshop, rowCounts, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t?.close());

async function setup(config?: Parameters<typeof makeTestApp>[0]) {
  t = makeTestApp(config);
  const fac = await signUp(t.app, { name: 'Fay' });
  const workshop = await createWorkshop(t.app, fac.cookie, { title: 'LER 2025', institution: 'Lakeside CC' });
  const invite = async (body: Record<string, unknown> = { role: 'participant' }) =>
    api(t.app, 'POST', `/api/workshops/${workshop.id}/invites`, { cookie: fac.cookie, body });
  return { fac, workshop, invite };
}

describe('POST /api/workshops/:id/invites', () => {
  it('INV1: returns the token, a /join URL on the request origin and an SVG QR code; stores only the hash', async () => {
    const { workshop, invite } = await setup();
    const res = await invite({
      role: 'participant',
      perspective: 'Faculty',
      expiresAt: t.clock.now + 3_600_000,
      maxUses: 5,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      role: 'participant',
      perspective: 'Faculty',
      expiresAt: t.clock.now + 3_600_000,
      maxUses: 5,
      uses: 0,
      state: 'active',
    });
    expect(res.json.token).toMatch(/^[a-z2-9]{32}$/);
    expect(res.json.url).toBe(`http://localhost/join/${res.json.token}`);
    expect(res.json.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const dump = JSON.stringify(t.database.sqlite.prepare('select * from invites').all());
    expect(dump).not.toContain(res.json.token);
    const audit = t.database.sqlite
      .prepare("select target from audit_log where action = 'invite.create'")
      .get() as { target: string };
    expect(audit.target).toBe(res.json.id);
    expect(workshop.id).toBeTruthy();
  });

  it('INV1: the list shows invites with their state but never a token or URL', async () => {
    const { fac, workshop, invite } = await setup();
    const a = await invite();
    t.clock.now += 1000;
    const b = await invite({ role: 'observer', maxUses: 1 });
    const res = await api(t.app, 'GET', `/api/workshops/${workshop.id}/invites`, { cookie: fac.cookie });
    expect(res.status).toBe(200);
    expect(res.json.invites.map((i: { id: string }) => i.id)).toEqual([b.json.id, a.json.id]);
    for (const i of res.json.invites) {
      expect(i.token).toBeUndefined();
      expect(i.url).toBeUndefined();
      expect(i.state).toBe('active');
    }
    expect(JSON.stringify(res.json)).not.toContain(a.json.token);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"role"' }, 'malformed_json'],
    ['a missing role', { body: {} }, 'validation_failed'],
    ['an unknown role', { body: { role: 'admin' } }, 'validation_failed'],
    ['an extra field', { body: { role: 'participant', workshopId: 'x' } }, 'validation_failed'],
    ['zero maxUses', { body: { role: 'participant', maxUses: 0 } }, 'validation_failed'],
    [
      'an over-long perspective',
      { body: { role: 'participant', perspective: 'x'.repeat(61) } },
      'validation_failed',
    ],
    [
      'a perspective not in the list',
      { body: { role: 'participant', perspective: 'Astronaut' } },
      'bad_request',
    ],
    ['an expiry in the past', { body: { role: 'participant', expiresAt: 1 } }, 'bad_request'],
  ])('PERM5: %s → 400, no invite', async (_what, options, code) => {
    const { fac, workshop } = await setup();
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', `/api/workshops/${workshop.id}/invites`, {
      cookie: fac.cookie,
      ...options,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(snapshot(t.database)).toBe(before);
  });

  it.each(['participant', 'observer'] as const)(
    'PERM2: a %s cannot create, list or revoke invites',
    async (role) => {
      const { fac, workshop, invite } = await setup();
      const existing = await invite();
      const m = await joinWorkshop(t.app, fac.cookie, workshop.id, { role });
      const before = snapshot(t.database);
      const base = `/api/workshops/${workshop.id}/invites`;
      expect(
        (await api(t.app, 'POST', base, { cookie: m.cookie, body: { role: 'facilitator' } })).status,
      ).toBe(403);
      expect((await api(t.app, 'GET', base, { cookie: m.cookie })).status).toBe(403);
      expect((await api(t.app, 'DELETE', `${base}/${existing.json.id}`, { cookie: m.cookie })).status).toBe(
        403,
      );
      expect(snapshot(t.database)).toBe(before);
    },
  );

  it('PERM1: a non-member → 403; unknown workshop → 404; no session → 401; foreign Origin → 403 csrf', async () => {
    const { workshop } = await setup();
    const stranger = await signUp(t.app);
    const before = snapshot(t.database);
    const path = `/api/workshops/${workshop.id}/invites`;
    expect(
      (await api(t.app, 'POST', path, { cookie: stranger.cookie, body: { role: 'participant' } })).status,
    ).toBe(403);
    expect(
      (
        await api(t.app, 'POST', '/api/workshops/nope/invites', {
          cookie: stranger.cookie,
          body: { role: 'participant' },
        })
      ).status,
    ).toBe(404);
    expect((await api(t.app, 'POST', path, { body: { role: 'participant' } })).status).toBe(401);
    const csrf = await api(t.app, 'POST', path, {
      cookie: stranger.cookie,
      origin: 'https://evil.example',
      body: { role: 'participant' },
    });
    expect(csrf.json.error.code).toBe('csrf');
    expect(snapshot(t.database)).toBe(before);
  });

  it('INV7/LOCK6: a finalized workshop takes no new invites (409)', async () => {
    const { workshop, invite } = await setup();
    t.database.sqlite.prepare("update workshops set status = 'finalized' where id = ?").run(workshop.id);
    const before = rowCounts(t.database);
    expect((await invite()).status).toBe(409);
    expect(rowCounts(t.database)).toEqual(before);
  });
});

describe('GET /api/invites/:token (preview)', () => {
  it('INV6: shows what the link joins, with no-referrer; needs no session', async () => {
    const { invite } = await setup();
    const created = await invite({ role: 'observer', perspective: 'Registrar' });
    const res = await api(t.app, 'GET', `/api/invites/${created.json.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.json).toEqual({
      workshop: { title: 'LER 2025', institution: 'Lakeside CC' },
      role: 'observer',
      perspective: 'Registrar',
      perspectives: expect.arrayContaining(['Faculty', 'Registrar', 'Other']),
    });
  });

  it('INV2: an unknown token → 404 with no-referrer', async () => {
    await setup();
    const res = await api(t.app, 'GET', '/api/invites/abcdefghijkmnpqrstuvwxyz23456789');
    expect(res.status).toBe(404);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('INV6: previews are rate-limited per client (429 + Retry-After)', async () => {
    const { invite } = await setup({
      config: {
        rateLimits: {
          loginPerAccount: 10,
          loginPerIp: 10,
          loginWindowSeconds: 900,
          signupPerIp: 100,
          invitePerIpPerMinute: 3,
        },
      },
    });
    const created = await invite();
    for (let i = 0; i < 3; i++)
      expect((await api(t.app, 'GET', `/api/invites/${created.json.token}`)).status).toBe(200);
    const blocked = await api(t.app, 'GET', `/api/invites/${created.json.token}`);
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('rate_limited');
    expect(blocked.json.error.details).toEqual({ scope: 'network' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /api/invites/:token/redeem', () => {
  it('INV4: without a session, creates a guest user, a member and a session cookie', async () => {
    const { fac, workshop, invite } = await setup();
    const created = await invite({ role: 'participant', perspective: 'IT' });
    const before = rowCounts(t.database);
    const res = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      body: { name: 'Gil' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ workshopId: workshop.id, memberId: expect.any(String) });
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(rowCounts(t.database)).toMatchObject({
      users: before.users + 1,
      members: before.members + 1,
      sessions: before.sessions + 1,
    });
    const me = await api(t.app, 'GET', `/api/workshops/${workshop.id}`, { cookie: res.cookie });
    expect(me.json.me).toEqual({
      memberId: res.json.memberId,
      role: 'participant',
      perspective: 'IT',
      displayName: 'Gil',
    });
    expect((await api(t.app, 'GET', '/api/auth/me', { cookie: res.cookie })).json.user).toMatchObject({
      kind: 'guest',
      name: 'Gil',
      email: null,
    });
    const list = await api(t.app, 'GET', `/api/workshops/${workshop.id}/invites`, { cookie: fac.cookie });
    expect(list.json.invites[0].uses).toBe(1);
  });

  it('INV5: the joiner picks a perspective from the workshop list; an unknown one is 400 and nothing changes', async () => {
    const { invite } = await setup();
    const created = await invite();
    const ok = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      body: { name: 'A', perspective: 'Faculty' },
    });
    expect(ok.status).toBe(201);
    const before = snapshot(t.database);
    const bad = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      body: { name: 'B', perspective: 'Astronaut' },
    });
    expect(bad.status).toBe(400);
    expect(snapshot(t.database)).toBe(before);
  });

  it('INV4: a signed-in account is attached; redeeming again returns the same membership (200) without a use', async () => {
    const { fac, workshop, invite } = await setup();
    const created = await invite({ role: 'observer' });
    const bo = await signUp(t.app, { name: 'Bo' });
    const first = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      cookie: bo.cookie,
      body: { name: 'Bo B.' },
    });
    expect(first.status).toBe(201);
    expect(first.setCookie).toBeNull();
    const usersBefore = rowCounts(t.database).users;
    const again = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      cookie: bo.cookie,
      body: { name: 'Bo B.' },
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(rowCounts(t.database).users).toBe(usersBefore);
    const list = await api(t.app, 'GET', `/api/workshops/${workshop.id}/invites`, { cookie: fac.cookie });
    expect(list.json.invites[0].uses).toBe(1);
    const mine = await api(t.app, 'GET', '/api/workshops', { cookie: bo.cookie });
    expect(mine.json.workshops).toMatchObject([{ id: workshop.id, role: 'observer' }]);
  });

  it('INV2: an expired link → 410 gone saying it expired; nothing changes', async () => {
    const { invite } = await setup();
    const created = await invite({ role: 'participant', expiresAt: t.clock.now + 60_000 });
    t.clock.now += 60_000;
    const before = snapshot(t.database);
    for (const res of [
      await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, { body: { name: 'Late' } }),
      await api(t.app, 'GET', `/api/invites/${created.json.token}`),
    ]) {
      expect(res.status).toBe(410);
      expect(res.json.error.code).toBe('gone');
      expect(res.json.error.message).toMatch(/expired.*ask the facilitator for a new link/i);
    }
    expect(snapshot(t.database)).toBe(before);
  });

  it('INV2: a revoked link → 410 saying it was revoked; revoking is audited and idempotent', async () => {
    const { fac, workshop, invite } = await setup();
    const created = await invite();
    const del = await api(t.app, 'DELETE', `/api/workshops/${workshop.id}/invites/${created.json.id}`, {
      cookie: fac.cookie,
    });
    expect(del.status).toBe(204);
    expect(
      (
        await api(t.app, 'DELETE', `/api/workshops/${workshop.id}/invites/${created.json.id}`, {
          cookie: fac.cookie,
        })
      ).status,
    ).toBe(204);
    const revokes = t.database.sqlite
      .prepare("select count(*) as n from audit_log where action = 'invite.revoke'")
      .get() as { n: number };
    expect(revokes.n).toBe(1);
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      body: { name: 'Gil' },
    });
    expect(res.status).toBe(410);
    expect(res.json.error.message).toMatch(/revoked/);
    expect(snapshot(t.database)).toBe(before);
    const list = await api(t.app, 'GET', `/api/workshops/${workshop.id}/invites`, { cookie: fac.cookie });
    expect(list.json.invites[0].state).toBe('revoked');
    expect(
      (await api(t.app, 'DELETE', `/api/workshops/${workshop.id}/invites/nope`, { cookie: fac.cookie }))
        .status,
    ).toBe(404);
  });

  it('INV2/INV3: a used-up link → 410; concurrent redemptions never exceed maxUses', async () => {
    const { fac, workshop, invite } = await setup();
    const created = await invite({ role: 'participant', maxUses: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, { body: { name: `P${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.status).toBe(410);
      expect(r.json.error.message).toMatch(/used as many times as allowed/);
    }
    const members = await api(t.app, 'GET', `/api/workshops/${workshop.id}/members`, { cookie: fac.cookie });
    expect(members.json.members).toHaveLength(4);
    const list = await api(t.app, 'GET', `/api/workshops/${workshop.id}/invites`, { cookie: fac.cookie });
    expect(list.json.invites[0]).toMatchObject({ uses: 3, state: 'used-up' });
  });

  it.each([
    ['malformed JSON', { rawBody: '{name' }, 'malformed_json'],
    ['a missing name', { body: {} }, 'validation_failed'],
    ['an over-long name', { body: { name: 'x'.repeat(81) } }, 'validation_failed'],
    ['a name of a zero-width space', { body: { name: '\u200b' } }, 'validation_failed'],
    ['a name with control characters', { body: { name: 'Gil\u0000\u202e' } }, 'validation_failed'],
    ['an extra field', { body: { name: 'Gil', role: 'facilitator' } }, 'validation_failed'],
  ])('PERM5: %s → 400 and no member, user, session or use', async (_what, options, code) => {
    const { invite } = await setup();
    const created = await invite();
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, options);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM5/INV2: missing Origin → 403 csrf; unknown token → 404; nothing changes', async () => {
    const { invite } = await setup();
    const created = await invite();
    const before = snapshot(t.database);
    const csrf = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      origin: null,
      body: { name: 'Gil' },
    });
    expect(csrf.status).toBe(403);
    expect(csrf.json.error.code).toBe('csrf');
    const unknown = await api(t.app, 'POST', '/api/invites/unknowntoken/redeem', { body: { name: 'Gil' } });
    expect(unknown.status).toBe(404);
    expect(snapshot(t.database)).toBe(before);
  });

  it('INV6: redemptions are rate-limited per client', async () => {
    const { invite } = await setup({
      config: {
        rateLimits: {
          loginPerAccount: 10,
          loginPerIp: 10,
          loginWindowSeconds: 900,
          signupPerIp: 100,
          invitePerIpPerMinute: 2,
        },
      },
    });
    const created = await invite();
    for (let i = 0; i < 2; i++) {
      expect(
        (await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, { body: { name: `P${i}` } }))
          .status,
      ).toBe(201);
    }
    const before = snapshot(t.database);
    const blocked = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      body: { name: 'P3' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM7: a removed member cannot rejoin with a link on the same account (403)', async () => {
    const { fac, workshop, invite } = await setup();
    const bo = await signUp(t.app);
    const created = await invite({ role: 'participant', maxUses: 10 });
    const joined = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      cookie: bo.cookie,
      body: { name: 'Bo' },
    });
    await api(t.app, 'DELETE', `/api/workshops/${workshop.id}/members/${joined.json.memberId}`, {
      cookie: fac.cookie,
    });
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', `/api/invites/${created.json.token}/redeem`, {
      cookie: bo.cookie,
      body: { name: 'Bo' },
    });
    expect(res.status).toBe(403);
    expect(snapshot(t.database)).toBe(before);
  });
});
