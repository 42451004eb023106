import { afterEach, describe, expect, it } from 'vitest';
import { loadRubrics } from '../../rubric/loader';
import { allDimensions } from '../../rubric/schema';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import { api, createWorkshop, joinWorkshop, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

/** PERM8: archive and unarchive a workshop. */
let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.close());

async function setup() {
  const changed: string[] = [];
  const realtime: RealtimeBridge = { ...nullRealtimeBridge, workshopChanged: async (id) => void changed.push(id) };
  t = makeTestApp({ realtime });
  const fac = await signUp(t.app);
  const workshop = await createWorkshop(t.app, fac.cookie);
  const participant = await joinWorkshop(t.app, fac.cookie, workshop.id, { role: 'participant' });
  const base = `/api/workshops/${workshop.id}`;
  const f = (method: string, path: string, body?: unknown) =>
    api(t.app, method, `${base}${path}`, { cookie: fac.cookie, ...(body === undefined ? {} : { body }) });
  changed.length = 0;
  return { fac, workshop, participant, base, f, changed };
}

const statusOf = (t: ReturnType<typeof makeTestApp>, id: string) =>
  (t.database.sqlite.prepare('select status from workshops where id = ?').get(id) as { status: string }).status;

describe('archive and unarchive (PERM8)', () => {
  it('PERM8: an archived open workshop is read-only, listed with status archived, audited; unarchive reopens it', async () => {
    const s = await setup();
    const res = await s.f('POST', '/archive');
    expect(res.status).toBe(200);
    expect(res.json.workshop.status).toBe('archived');
    expect(s.changed).toEqual([s.workshop.id]);
    const list = await api(t.app, 'GET', '/api/workshops', { cookie: s.participant.cookie });
    expect(list.json.workshops.map((w: { id: string; status: string }) => [w.id, w.status])).toEqual([
      [s.workshop.id, 'archived'],
    ]);

    // Read-only: writes are refused and change nothing; reads keep working.
    const before = snapshot(t.database);
    expect((await s.f('PATCH', '', { title: 'New title' })).status).toBe(409);
    expect((await s.f('POST', '/invites', { role: 'participant' })).status).toBe(409);
    expect((await s.f('PUT', '/dimensions/sharing/consensus', { stage: 'developing', rationale: 'x' })).status).toBe(409);
    expect((await s.f('POST', '/archive')).status).toBe(409);
    expect(snapshot(t.database)).toBe(before);
    expect((await s.f('GET', '')).status).toBe(200);

    const back = await s.f('POST', '/unarchive');
    expect(back.status).toBe(200);
    expect(back.json.workshop.status).toBe('open');
    expect((await s.f('PATCH', '', { title: 'New title' })).status).toBe(200);
    const audit = (await s.f('GET', '/audit')).json.entries as Array<{ action: string; before: unknown; after: unknown }>;
    expect(audit.filter((e) => e.action.startsWith('workshop.') && e.action.includes('archive'))).toEqual([
      expect.objectContaining({ action: 'workshop.unarchive', before: { status: 'archived' }, after: { status: 'open' } }),
      expect.objectContaining({ action: 'workshop.archive', before: { status: 'open' }, after: { status: 'archived' } }),
    ]);
    expect((await s.f('POST', '/unarchive')).status).toBe(409);
  });

  it('PERM8: unarchiving a finalized workshop restores finalized, never open', async () => {
    const s = await setup();
    for (const d of allDimensions(loadRubrics().get('ler-engagement')!)) {
      expect((await s.f('POST', `/dimensions/${d.id}/not-assessed`, { reason: 'Not in scope this cycle.' })).status).toBe(200);
    }
    expect((await s.f('POST', '/finalize')).status).toBe(200);
    expect((await s.f('POST', '/archive')).status).toBe(200);
    expect(statusOf(t, s.workshop.id)).toBe('archived');
    const back = await s.f('POST', '/unarchive');
    expect(back.json.workshop).toMatchObject({ status: 'finalized', finalizedAt: expect.any(Number) });
  });

  it('PERM8: participants get 403, strangers 403, unknown workshop 404, no Origin 403 — nothing changes', async () => {
    const s = await setup();
    const stranger = await signUp(t.app);
    const before = snapshot(t.database);
    for (const verb of ['archive', 'unarchive']) {
      expect((await api(t.app, 'POST', `${s.base}/${verb}`, { cookie: s.participant.cookie })).status).toBe(403);
      expect((await api(t.app, 'POST', `${s.base}/${verb}`, { cookie: stranger.cookie })).status).toBe(403);
      expect((await api(t.app, 'POST', `/api/workshops/nope/${verb}`, { cookie: s.fac.cookie })).status).toBe(404);
      expect((await api(t.app, 'POST', `${s.base}/${verb}`, { cookie: s.fac.cookie, origin: null })).status).toBe(403);
      expect((await api(t.app, 'POST', `${s.base}/${verb}`)).status).toBe(401);
    }
    expect(snapshot(t.database)).toBe(before);
    expect(s.changed).toEqual([]);
  });
});
