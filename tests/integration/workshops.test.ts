import { afterEach, describe, expect, it } from 'vitest';
import { loadRubrics } from '../../rubric/loader';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import { api, createWorkshop, joinWorkshop, rowCounts, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t?.close());

function recordingBridge() {
  const changed: string[] = [];
  const bridge: RealtimeBridge = {
    workshopChanged: async (id) => {
      changed.push(id);
    },
    memberRemoved: () => {},
    sessionEnded: () => {},
    memberRatings: async () => new Map(),
    workshopDocState: nullRealtimeBridge.workshopDocState,
  };
  return { bridge, changed };
}

const auditActions = () =>
  (
    t.database.sqlite.prepare('select action from audit_log order by id').all() as Array<{ action: string }>
  ).map((r) => r.action);

describe('POST /api/workshops', () => {
  it('creates a workshop on the default rubric; the creator is its facilitator with perspective Other', async () => {
    t = makeTestApp();
    const { cookie, user } = await signUp(t.app, { name: 'Fay' });
    const res = await api(t.app, 'POST', '/api/workshops', {
      cookie,
      body: { title: 'LER 2025', institution: 'Lakeside CC' },
    });
    expect(res.status).toBe(201);
    const w = res.json.workshop;
    expect(w).toMatchObject({
      title: 'LER 2025',
      institution: { name: 'Lakeside CC', system: null, state: null },
      rubricId: 'ler-engagement',
      status: 'open',
      finalizedAt: null,
      previousWorkshopId: null,
      settings: { anonymity: 'named', autoReveal: false, ratingDeadline: null },
    });
    expect(w.rubricVersion).toBe(loadRubrics().get('ler-engagement')!.version);
    expect(w.settings.perspectives).toContain('Faculty');
    expect(res.json.me).toMatchObject({ role: 'facilitator', perspective: 'Other', displayName: 'Fay' });
    const row = t.database.sqlite.prepare('select created_by from workshops').get() as { created_by: string };
    expect(row.created_by).toBe(user.id);
    expect(auditActions()).toEqual(['workshop.create']);
  });

  it('reuses the caller’s institution with the same name in any case, and takes settings and perspective', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const a = await createWorkshop(t.app, cookie, { institution: 'Lakeside CC' });
    const res = await api(t.app, 'POST', '/api/workshops', {
      cookie,
      body: {
        title: 'Follow-up',
        institution: 'lakeside cc',
        perspective: 'IT',
        settings: { anonymity: 'anonymous', allowNotSure: false },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.workshop.institution.id).toBe(a.institution.id);
    expect(res.json.workshop.settings).toMatchObject({ anonymity: 'anonymous', allowNotSure: false });
    expect(res.json.me.perspective).toBe('IT');
    const byId = await api(t.app, 'POST', '/api/workshops', {
      cookie,
      body: { title: 'Third', institutionId: a.institution.id },
    });
    expect(byId.json.workshop.institution.id).toBe(a.institution.id);
    expect(rowCounts(t.database).institutions).toBe(1);
  });

  it('PERM1: another user’s institution with the same name is not reused; their institutionId is 404', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const bo = await signUp(t.app);
    const a = await createWorkshop(t.app, ana.cookie, { institution: 'Lakeside CC' });
    const b = await createWorkshop(t.app, bo.cookie, { institution: 'Lakeside CC' });
    expect(b.institution.id).not.toBe(a.institution.id);
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', '/api/workshops', {
      cookie: bo.cookie,
      body: { title: 'x', institutionId: a.institution.id },
    });
    expect(res.status).toBe(404);
    expect(snapshot(t.database)).toBe(before);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"title":' }, 400, 'malformed_json'],
    ['a missing title', { body: { institution: 'X' } }, 400, 'validation_failed'],
    ['no institution at all', { body: { title: 'X' } }, 400, 'validation_failed'],
    [
      'an extra field',
      { body: { title: 'X', institution: 'Y', status: 'finalized' } },
      400,
      'validation_failed',
    ],
    ['an over-long title', { body: { title: 'x'.repeat(201), institution: 'Y' } }, 400, 'validation_failed'],
    ['a title with a NUL', { body: { title: 'a\u0000b', institution: 'Y' } }, 400, 'validation_failed'],
    ['a title with a direction override', { body: { title: 'a\u202eb', institution: 'Y' } }, 400, 'validation_failed'],
    ['a title of invisible characters only', { body: { title: '\u200b\u200b', institution: 'Y' } }, 400, 'validation_failed'],
    [
      'perspectives that differ only in case',
      { body: { title: 'X', institution: 'Y', settings: { perspectives: ['IT', 'Faculty', 'it'] } } },
      400,
      'validation_failed',
    ],
    [
      'an over-long institution',
      { body: { title: 'X', institution: 'y'.repeat(201) } },
      400,
      'validation_failed',
    ],
    [
      'an unknown rubric',
      { body: { title: 'X', institution: 'Y', rubricId: 'no-such-rubric' } },
      400,
      'bad_request',
    ],
    [
      'an unknown settings field',
      { body: { title: 'X', institution: 'Y', settings: { colour: 'red' } } },
      400,
      'validation_failed',
    ],
    [
      'a bad anonymity mode',
      { body: { title: 'X', institution: 'Y', settings: { anonymity: 'secret' } } },
      400,
      'validation_failed',
    ],
    [
      'a perspective not in the list',
      { body: { title: 'X', institution: 'Y', perspective: 'Astronaut' } },
      400,
      'bad_request',
    ],
  ])('PERM5: %s → 400 and nothing is created', async (_what, options, status, code) => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    const before = snapshot(t.database);
    const res = await api(t.app, 'POST', '/api/workshops', { cookie, ...options });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM1: not signed in → 401, nothing created', async () => {
    t = makeTestApp();
    const res = await api(t.app, 'POST', '/api/workshops', { body: { title: 'X', institution: 'Y' } });
    expect(res.status).toBe(401);
    expect(rowCounts(t.database).workshops).toBe(0);
  });

  it('PERM5: missing or foreign Origin → 403 csrf, nothing created', async () => {
    t = makeTestApp();
    const { cookie } = await signUp(t.app);
    for (const origin of [null, 'https://evil.example']) {
      const res = await api(t.app, 'POST', '/api/workshops', {
        cookie,
        origin,
        body: { title: 'X', institution: 'Y' },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('csrf');
    }
    expect(rowCounts(t.database).workshops).toBe(0);
  });

  it('PERM5: a body over the limit → 413, nothing created', async () => {
    t = makeTestApp({ config: { maxBodyBytes: 512 } });
    const { cookie } = await signUp(t.app);
    const res = await api(t.app, 'POST', '/api/workshops', {
      cookie,
      body: { title: 'X', institution: 'Y', pad: 'z'.repeat(600) },
    });
    expect(res.status).toBe(413);
    expect(rowCounts(t.database).workshops).toBe(0);
  });
});

describe('GET /api/workshops and /api/workshops/:id', () => {
  it('lists only my active workshops, newest first, with my role and the member count', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const bo = await signUp(t.app);
    const first = await createWorkshop(t.app, ana.cookie, { title: 'First' });
    t.clock.now += 1000;
    const second = await createWorkshop(t.app, ana.cookie, { title: 'Second' });
    await createWorkshop(t.app, bo.cookie, { title: 'Not mine' });
    await joinWorkshop(t.app, ana.cookie, first.id, { role: 'participant' });
    const res = await api(t.app, 'GET', '/api/workshops', { cookie: ana.cookie });
    expect(res.status).toBe(200);
    expect(res.json.workshops).toEqual([
      {
        id: second.id,
        title: 'Second',
        institution: { id: second.institution.id, name: 'Example College' },
        status: 'open',
        role: 'facilitator',
        memberCount: 1,
        createdAt: second.createdAt,
      },
      {
        id: first.id,
        title: 'First',
        institution: { id: first.institution.id, name: 'Example College' },
        status: 'open',
        role: 'facilitator',
        memberCount: 2,
        createdAt: first.createdAt,
      },
    ]);
  });

  it('PERM7: a removed member no longer sees the workshop in the list or by id', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    const pat = await joinWorkshop(t.app, ana.cookie, w.id, { role: 'participant' });
    expect((await api(t.app, 'GET', '/api/workshops', { cookie: pat.cookie })).json.workshops).toHaveLength(
      1,
    );
    await api(t.app, 'DELETE', `/api/workshops/${w.id}/members/${pat.memberId}`, { cookie: ana.cookie });
    expect((await api(t.app, 'GET', '/api/workshops', { cookie: pat.cookie })).json.workshops).toEqual([]);
    expect((await api(t.app, 'GET', `/api/workshops/${w.id}`, { cookie: pat.cookie })).status).toBe(403);
  });

  it('any member reads the workshop and their own membership', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    const obs = await joinWorkshop(t.app, ana.cookie, w.id, {
      role: 'observer',
      name: 'Olu',
      perspective: 'Registrar',
    });
    const res = await api(t.app, 'GET', `/api/workshops/${w.id}`, { cookie: obs.cookie });
    expect(res.status).toBe(200);
    expect(res.json.workshop).toEqual(w);
    expect(res.json.me).toEqual({
      memberId: obs.memberId,
      role: 'observer',
      perspective: 'Registrar',
      displayName: 'Olu',
    });
  });

  it('PERM1: a non-member gets 403, an unknown workshop 404, a stranger without a session 401', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const bo = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    expect((await api(t.app, 'GET', `/api/workshops/${w.id}`, { cookie: bo.cookie })).status).toBe(403);
    expect((await api(t.app, 'GET', '/api/workshops/nope', { cookie: bo.cookie })).status).toBe(404);
    expect((await api(t.app, 'GET', `/api/workshops/${w.id}`)).status).toBe(401);
  });
});

describe('PATCH /api/workshops/:id', () => {
  it('PERM6: a facilitator changes title and part of the settings; audited with before/after; realtime told', async () => {
    const { bridge, changed } = recordingBridge();
    t = makeTestApp({ realtime: bridge });
    const ana = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    t.clock.now += 5000;
    const res = await api(t.app, 'PATCH', `/api/workshops/${w.id}`, {
      cookie: ana.cookie,
      body: {
        title: 'Renamed',
        settings: { anonymity: 'anonymous-while-rating', ratingDeadline: t.clock.now + 86_400_000 },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.workshop).toMatchObject({ title: 'Renamed', updatedAt: t.clock.now });
    // Untouched settings keep their values.
    expect(res.json.workshop.settings).toEqual({
      ...w.settings,
      anonymity: 'anonymous-while-rating',
      ratingDeadline: t.clock.now + 86_400_000,
    });
    expect(changed).toEqual([w.id]);
    const audit = t.database.sqlite
      .prepare("select * from audit_log where action = 'workshop.update'")
      .get() as Record<string, string>;
    expect(JSON.parse(audit.before!).title).toBe(w.title);
    expect(JSON.parse(audit.after!).title).toBe('Renamed');
    expect(
      (await api(t.app, 'GET', `/api/workshops/${w.id}`, { cookie: ana.cookie })).json.workshop.title,
    ).toBe('Renamed');
  });

  it.each(['participant', 'observer'] as const)(
    'PERM2: a %s cannot change the workshop (403, nothing changes)',
    async (role) => {
      const { bridge, changed } = recordingBridge();
      t = makeTestApp({ realtime: bridge });
      const ana = await signUp(t.app);
      const w = await createWorkshop(t.app, ana.cookie);
      const m = await joinWorkshop(t.app, ana.cookie, w.id, { role });
      changed.length = 0;
      const before = snapshot(t.database);
      const res = await api(t.app, 'PATCH', `/api/workshops/${w.id}`, {
        cookie: m.cookie,
        body: { title: 'Hijacked' },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
      expect(snapshot(t.database)).toBe(before);
      expect(changed).toEqual([]);
    },
  );

  it.each([
    ['malformed JSON', { rawBody: '{' }, 'malformed_json'],
    ['an extra field', { body: { title: 'X', status: 'archived' } }, 'validation_failed'],
    ['an empty title', { body: { title: '  ' } }, 'validation_failed'],
    ['an over-long title', { body: { title: 'x'.repeat(201) } }, 'validation_failed'],
    [
      'an over-long perspective',
      { body: { settings: { perspectives: ['x'.repeat(61)] } } },
      'validation_failed',
    ],
    ['an empty perspective list', { body: { settings: { perspectives: [] } } }, 'validation_failed'],
    ['an unknown settings field', { body: { settings: { theme: 'dark' } } }, 'validation_failed'],
  ])('PERM5: %s → 400, nothing changes', async (_what, options, code) => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    const before = snapshot(t.database);
    const res = await api(t.app, 'PATCH', `/api/workshops/${w.id}`, { cookie: ana.cookie, ...options });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM4/LOCK6: a finalized workshop refuses changes with 409', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    t.database.sqlite
      .prepare("update workshops set status = 'finalized', finalized_at = ? where id = ?")
      .run(t.clock.now, w.id);
    const before = snapshot(t.database);
    const res = await api(t.app, 'PATCH', `/api/workshops/${w.id}`, {
      cookie: ana.cookie,
      body: { title: 'Too late' },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
    expect(snapshot(t.database)).toBe(before);
  });

  it('PERM5: PATCH from a foreign Origin → 403 csrf; unknown workshop → 404', async () => {
    t = makeTestApp();
    const ana = await signUp(t.app);
    const w = await createWorkshop(t.app, ana.cookie);
    const before = snapshot(t.database);
    const csrf = await api(t.app, 'PATCH', `/api/workshops/${w.id}`, {
      cookie: ana.cookie,
      origin: 'https://evil.example',
      body: { title: 'X' },
    });
    expect(csrf.status).toBe(403);
    expect(csrf.json.error.code).toBe('csrf');
    const missing = await api(t.app, 'PATCH', '/api/workshops/nope', {
      cookie: ana.cookie,
      body: { title: 'X' },
    });
    expect(missing.status).toBe(404);
    expect(snapshot(t.database)).toBe(before);
  });
});
