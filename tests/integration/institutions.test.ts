import { afterEach, describe, expect, it } from 'vitest';
import { api, createWorkshop, joinWorkshop, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

/** REPORT13: an institution record has a name and optional system/state, set on create or by PATCH. */
let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.close());

async function create(cookie: string, institution: unknown) {
  return api(t.app, 'POST', '/api/workshops', { cookie, body: { title: 'LER 2026', institution } });
}

describe('institution records (REPORT13)', () => {
  it('REPORT13: POST /api/workshops takes {name, system, state} or a plain name; a differing system/state of a reused one is 409', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const full = await create(cookie, { name: 'Lakeside CC', system: 'Ohio Technical Colleges', state: 'OH' });
    expect(full.status).toBe(201);
    expect(full.json.workshop.institution).toEqual({
      id: expect.any(String),
      name: 'Lakeside CC',
      system: 'Ohio Technical Colleges',
      state: 'OH',
    });
    // The string form still works and reuses the record with its details.
    const plain = await create(cookie, 'lakeside cc');
    expect(plain.status).toBe(201);
    expect(plain.json.workshop.institution).toEqual(full.json.workshop.institution);
    const same = await create(cookie, { name: 'Lakeside CC', state: 'OH' });
    expect(same.status).toBe(201);

    const before = snapshot(t.database);
    const other = await create(cookie, { name: 'Lakeside CC', state: 'MI' });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('conflict');
    expect(other.json.error.message).toContain(`PATCH /api/institutions/${full.json.workshop.institution.id}`);
    for (const bad of [{ name: '' }, { name: 'X', country: 'US' }, { name: 'X', state: 'x'.repeat(101) }, { system: 'S' }, 7]) {
      expect((await create(cookie, bad)).status).toBe(400);
    }
    expect(snapshot(t.database)).toBe(before);
  });

  it('REPORT13: PATCH /api/institutions/:id by a facilitator of one workshop changes it for all, audited in every workshop', async () => {
    t = makeTestApp();
    const fran = await signUp(t.app, { name: 'Fran Facilitator' });
    const first = await createWorkshop(t.app, fran.cookie, { institution: 'Lakeside CC' });
    const second = await createWorkshop(t.app, fran.cookie, { institution: 'Lakeside CC' });
    const id = first.institution.id as string;
    // Pat co-facilitates only the second workshop and is a participant of the first.
    const pat = await joinWorkshop(t.app, fran.cookie, second.id, { role: 'facilitator', name: 'Pat' });
    const patInFirst = await api(t.app, 'POST', `/api/workshops/${first.id}/invites`, {
      cookie: fran.cookie,
      body: { role: 'participant', maxUses: 1 },
    });
    expect(
      (await api(t.app, 'POST', `/api/invites/${patInFirst.json.token}/redeem`, { cookie: pat.cookie, body: { name: 'Pat' } }))
        .status,
    ).toBe(201);

    const res = await api(t.app, 'PATCH', `/api/institutions/${id}`, {
      cookie: pat.cookie,
      body: { system: 'Ohio Technical Colleges', state: 'OH' },
    });
    expect(res.status).toBe(200);
    expect(res.json.institution).toEqual({ id, name: 'Lakeside CC', system: 'Ohio Technical Colleges', state: 'OH' });
    const seen = await api(t.app, 'GET', `/api/workshops/${first.id}`, { cookie: fran.cookie });
    expect(seen.json.workshop.institution).toEqual(res.json.institution);

    for (const w of [first, second]) {
      const audit = await api(t.app, 'GET', `/api/workshops/${w.id}/audit`, { cookie: fran.cookie });
      const entry = audit.json.entries.find((e: { action: string }) => e.action === 'institution.update');
      expect(entry).toMatchObject({
        target: id,
        before: { name: 'Lakeside CC', system: null, state: null },
        after: { name: 'Lakeside CC', system: 'Ohio Technical Colleges', state: 'OH', changedVia: second.id },
        actor: { memberId: expect.any(String) },
      });
    }

    // null clears a field; the name stays required.
    const cleared = await api(t.app, 'PATCH', `/api/institutions/${id}`, { cookie: fran.cookie, body: { system: null } });
    expect(cleared.json.institution.system).toBeNull();
  });

  it('REPORT13: PATCH refusals — 401, 404 not mine, 403 no facilitator role, 400 bad body — change nothing', async () => {
    t = makeTestApp();
    const fran = await signUp(t.app);
    const w = await createWorkshop(t.app, fran.cookie, { institution: 'Lakeside CC' });
    const id = w.institution.id as string;
    const participant = await joinWorkshop(t.app, fran.cookie, w.id, { role: 'participant' });
    const stranger = await signUp(t.app);
    const before = snapshot(t.database);
    const patch = (cookie: string | undefined, body: unknown, path = id) =>
      api(t.app, 'PATCH', `/api/institutions/${path}`, { ...(cookie ? { cookie } : {}), body });
    expect((await patch(undefined, { name: 'X' })).status).toBe(401);
    expect((await patch(stranger.cookie, { name: 'X' })).status).toBe(404);
    expect((await patch(fran.cookie, { name: 'X' }, 'no-such-id')).status).toBe(404);
    expect((await patch(participant.cookie, { name: 'X' })).status).toBe(403);
    for (const body of [{}, { name: '' }, { name: null }, { name: 'X', country: 'US' }, { state: 'x'.repeat(101) }]) {
      const res = await patch(fran.cookie, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    expect((await api(t.app, 'PATCH', `/api/institutions/${id}`, { cookie: fran.cookie, body: { name: 'X' }, origin: null })).status).toBe(403);
    expect(snapshot(t.database)).toBe(before);
  });

  it('REPORT13: a participant cannot put a workshop under the institution (by id or by name) and then PATCH it', async () => {
    t = makeTestApp();
    const fran = await signUp(t.app);
    const w = await createWorkshop(t.app, fran.cookie, { institution: 'Lakeside CC' });
    const id = w.institution.id as string;
    const participant = await joinWorkshop(t.app, fran.cookie, w.id, { role: 'participant' });
    const before = snapshot(t.database);
    const byId = await api(t.app, 'POST', '/api/workshops', {
      cookie: participant.cookie,
      body: { title: 'mine', institutionId: id },
    });
    expect(byId.status).toBe(404);
    expect(snapshot(t.database)).toBe(before);
    // By name it gets a record of its own, which is theirs to change; the college's stays as it was.
    const byName = await create(participant.cookie, 'Lakeside CC');
    expect(byName.status).toBe(201);
    expect(byName.json.workshop.institution.id).not.toBe(id);
    const patch = await api(t.app, 'PATCH', `/api/institutions/${id}`, {
      cookie: participant.cookie,
      body: { name: 'Renamed by a participant' },
    });
    expect(patch.status).toBe(403);
    const seen = await api(t.app, 'GET', `/api/workshops/${w.id}`, { cookie: fran.cookie });
    expect(seen.json.workshop.institution.name).toBe('Lakeside CC');
  });
});
