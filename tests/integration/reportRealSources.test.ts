import { afterEach, describe, expect, it } from 'vitest';
import type { MemberRating } from '../../shared/docs/memberDoc';
import { nullRealtimeBridge } from '../../server/realtime/bridge';
import { api, createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

/**
 * The report through the whole app (real sessions, workshops, reveal, consensus and lock routes),
 * with only the members' docs faked at the realtime bridge. Proves the production ReportSource:
 * consensus from the consensus tables, first round from the reveal, and a locked dimension's
 * ratings from the sealed lock snapshot — not from whatever the member's doc says later.
 */
describe('REPORT4: report over the real sources', () => {
  let close = () => {};
  afterEach(() => close());

  it('a locked dimension reports its sealed final ratings even after a member edits their doc', async () => {
    const docs = new Map<string, Map<string, MemberRating>>();
    const t = makeTestApp({ realtime: { ...nullRealtimeBridge, memberRatings: async () => docs } });
    close = t.close;
    const fac = await signUp(t.app, { name: 'Fran Facilitator' });
    const workshop = await createWorkshop(t.app, fac.cookie, { institution: 'Riverbend Community College' });
    const guest = await joinWorkshop(t.app, fac.cookie, workshop.id, { role: 'participant', name: 'Dana Rivera', perspective: 'IT' });
    const me = (await api(t.app, 'GET', `/api/workshops/${workshop.id}`, { cookie: fac.cookie })).json.me.memberId as string;
    const rating = (stage: string): MemberRating => ({ stage, rationale: `I say ${stage}`, updatedAt: t.clock.now });
    docs.set(me, new Map([['systems', rating('developing')]]));
    docs.set(guest.memberId, new Map([['systems', rating('new-emerging')]]));

    const reveal = await api(t.app, 'POST', `/api/workshops/${workshop.id}/reveal`, { cookie: fac.cookie, body: { dimensionIds: ['systems'] } });
    expect(reveal.status).toBe(200);
    docs.set(guest.memberId, new Map([['systems', rating('developing')]]));
    const put = await api(t.app, 'PUT', `/api/workshops/${workshop.id}/dimensions/systems/consensus`, {
      cookie: fac.cookie,
      body: { stage: 'developing', rationale: 'We agree.' },
    });
    expect(put.status).toBe(200);
    expect((await api(t.app, 'POST', `/api/workshops/${workshop.id}/dimensions/systems/lock`, { cookie: fac.cookie })).status).toBe(200);
    // After the lock the guest changes their doc: the report must not follow.
    docs.set(guest.memberId, new Map([['systems', rating('effective-practice')]]));

    const res = await api(t.app, 'GET', `/api/workshops/${workshop.id}/report`, { cookie: guest.cookie });
    expect(res.status).toBe(200);
    const systems = res.json.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions).find((d: { id: string }) => d.id === 'systems');
    expect(systems.consensus).toMatchObject({ stage: 'developing', stageLabel: 'Developing', rationale: 'We agree.', locked: true });
    expect(systems.consensus.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(systems.ratings.map((r: { participant: string; stage: string; firstRoundStage: string }) => [r.participant, r.firstRoundStage, r.stage])).toEqual([
      // Same join time (the test clock stands still), so by name.
      ['Dana Rivera', 'new-emerging', 'developing'],
      ['Fran Facilitator', 'developing', 'developing'],
    ]);
    expect(systems.spread).toMatchObject({ firstRange: 1, finalRange: 0, change: 'narrowed', agreed: true, changedCount: 1 });
  });
});
