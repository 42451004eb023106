import { afterEach, describe, expect, it, vi } from 'vitest';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import type { MemberRating } from '../../shared/docs/memberDoc';
import { api, createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';
import { seedWorkshop, startTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { openDatabase } from '../../server/db/client';

/**
 * ROOM12: at an open workshop's rating deadline the server reveals every dimension not yet
 * revealed, with the ratings given so far as the first round. Timers are faked (only setTimeout),
 * and the app's clock is moved with them.
 */
const DIM = 'learning-evaluation';
const MINUTE = 60_000;

let t: ReturnType<typeof makeTestApp>;
let appOpen = false;
afterEach(async () => {
  if (appOpen) await t.close();
  appOpen = false;
  vi.useRealTimers();
});

async function setup() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const ratings = new Map<string, Map<string, MemberRating>>();
  const changed: string[] = [];
  const reads = { memberRatings: 0 };
  const realtime: RealtimeBridge = {
    ...nullRealtimeBridge,
    memberRatings: async () => {
      reads.memberRatings++;
      return ratings;
    },
    workshopChanged: async (id) => {
      changed.push(id);
    },
  };
  t = makeTestApp({ realtime, deadlines: true });
  appOpen = true;
  const fac = await signUp(t.app, { name: 'Fran Facilitator' });
  const workshop = await createWorkshop(t.app, fac.cookie);
  const pat = await joinWorkshop(t.app, fac.cookie, workshop.id, { role: 'participant', name: 'Pat Rater' });
  ratings.set(
    pat.memberId,
    new Map([[DIM, { stage: 'developing', rationale: 'Two pilots.', updatedAt: 1 }]]),
  );
  const f = (method: string, path: string, body?: unknown) =>
    api(t.app, method, `/api/workshops/${workshop.id}${path}`, {
      cookie: fac.cookie,
      ...(body === undefined ? {} : { body }),
    });
  const revealed = () =>
    t.database.sqlite
      .prepare('select dimension_id, revealed_by, first_round from reveals where workshop_id = ?')
      .all(workshop.id) as Array<{
      dimension_id: string;
      revealed_by: string | null;
      first_round: string;
    }>;
  /** Moves the app's clock and the faked timers together, running what comes due. */
  const pass = async (ms: number) => {
    t.clock.now += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { workshop, pat, f, revealed, pass, changed, reads };
}

describe('rating deadline (ROOM12)', () => {
  it('reveals every dimension at the deadline, with the ratings so far as the first round, audited without an actor', async () => {
    const s = await setup();
    expect((await s.f('POST', '/reveal', { dimensionIds: ['sharing'] })).status).toBe(200);
    expect((await s.f('PATCH', '', { settings: { ratingDeadline: t.clock.now + 10 * MINUTE } })).status).toBe(
      200,
    );
    expect(t.deadlines!.armed).toBe(1);
    await s.pass(10 * MINUTE - 1);
    expect(s.revealed().map((r) => r.dimension_id)).toEqual(['sharing']);

    await s.pass(1);
    const rows = s.revealed();
    expect(rows).toHaveLength(9);
    const dim = rows.find((r) => r.dimension_id === DIM)!;
    expect(dim.revealed_by).toBeNull();
    expect(JSON.parse(dim.first_round)).toEqual({ [s.pat.memberId]: 'developing' });
    expect(s.changed).toContain(s.workshop.id);
    const audit = (await s.f('GET', '/audit?limit=20')).json.entries.filter(
      (e: { action: string }) => e.action === 'dimension.reveal',
    );
    // One entry per dimension the deadline revealed; the facilitator's earlier reveal keeps its own.
    expect(audit.filter((e: { actor: unknown }) => e.actor === null)).toHaveLength(8);
    expect(audit[0].after).toMatchObject({ auto: true, reason: 'rating deadline' });
    expect(t.deadlineErrors).toEqual([]);
  });

  it('a deadline already past is refused on create and change (400), and nothing changes', async () => {
    const s = await setup();
    const past = t.clock.now - MINUTE;
    const patch = await s.f('PATCH', '', { settings: { ratingDeadline: past, autoReveal: true } });
    expect(patch.status).toBe(400);
    expect(patch.json.error.message).toMatch(/has passed\. Choose a later time/);
    const after = (await s.f('GET', '')).json.workshop.settings;
    expect(after).toMatchObject({ ratingDeadline: null, autoReveal: false });
    expect(t.deadlines!.armed).toBe(0);
    const fac = await signUp(t.app, { name: 'Other Facilitator' });
    const created = await api(t.app, 'POST', '/api/workshops', {
      cookie: fac.cookie,
      body: { title: 'Late', institution: 'Late College', settings: { ratingDeadline: past } },
    });
    expect(created.status).toBe(400);
    expect(s.revealed()).toEqual([]);
  });

  it('once the deadline has passed, the settings form may send it back unchanged with other changes', async () => {
    const s = await setup();
    const deadline = t.clock.now + MINUTE;
    await s.f('PATCH', '', { settings: { ratingDeadline: deadline } });
    await s.pass(2 * MINUTE);
    expect(s.revealed()).toHaveLength(9);
    const res = await s.f('PATCH', '', {
      title: 'Renamed',
      settings: { ratingDeadline: deadline, autoReveal: true },
    });
    expect(res.status).toBe(200);
    expect(res.json.workshop).toMatchObject({
      title: 'Renamed',
      settings: { ratingDeadline: deadline, autoReveal: true },
    });
  });

  it('a moved deadline fires at its new time; a cleared one never', async () => {
    const s = await setup();
    await s.f('PATCH', '', { settings: { ratingDeadline: t.clock.now + MINUTE } });
    await s.f('PATCH', '', { settings: { ratingDeadline: t.clock.now + 5 * MINUTE } });
    await s.pass(2 * MINUTE);
    expect(s.revealed()).toEqual([]);
    await s.f('PATCH', '', { settings: { ratingDeadline: null } });
    expect(t.deadlines!.armed).toBe(0);
    await s.pass(10 * MINUTE);
    expect(s.revealed()).toEqual([]);
  });

  it('a passed deadline whose dimensions are all revealed costs a restart nothing: no member doc is read', async () => {
    const s = await setup();
    await s.f('PATCH', '', { settings: { ratingDeadline: t.clock.now + MINUTE } });
    await s.pass(MINUTE);
    expect(s.revealed()).toHaveLength(9);
    const reads = s.reads.memberRatings;
    t.deadlines!.start();
    await s.pass(0);
    expect(s.reads.memberRatings).toBe(reads);
  });

  it('an archived workshop is not revealed at its deadline; unarchived later, it is revealed at once', async () => {
    const s = await setup();
    await s.f('PATCH', '', { settings: { ratingDeadline: t.clock.now + MINUTE } });
    expect((await s.f('POST', '/archive')).status).toBe(200);
    await s.pass(2 * MINUTE);
    expect(s.revealed()).toEqual([]);
    expect((await s.f('POST', '/unarchive')).status).toBe(200);
    await s.pass(0);
    expect(s.revealed()).toHaveLength(9);
  });

  it('a deadline that passed while the server was down reveals when the scheduler starts', async () => {
    const s = await setup();
    // Stored directly, as a server that stopped before its deadline left it.
    t.database.sqlite
      .prepare("update workshops set settings = json_set(settings, '$.ratingDeadline', ?) where id = ?")
      .run(t.clock.now - MINUTE, s.workshop.id);
    expect(s.revealed()).toEqual([]);
    t.deadlines!.start();
    await s.pass(0);
    expect(s.revealed()).toHaveLength(9);
  });

  it('the running server arms stored deadlines when it starts, and stops them when it closes', async () => {
    const database = openDatabase(':memory:');
    const first = await startTestServer({ database });
    const { workshopId } = seedWorkshop(first, ['facilitator', 'participant'], {
      settings: { ratingDeadline: Date.now() - MINUTE },
    });
    await first.close();
    const count = () =>
      (
        database.sqlite
          .prepare('select count(*) as n from reveals where workshop_id = ?')
          .get(workshopId) as { n: number }
      ).n;
    expect(count()).toBe(0);
    // Restarted on the same database: the deadline passed while it was down.
    const second = await startTestServer({ database });
    try {
      await waitFor(() => count() === 9, { what: 'the deadline reveal after a restart' });
    } finally {
      await second.close();
      database.close();
    }
  });
});
