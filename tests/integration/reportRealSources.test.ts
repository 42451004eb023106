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
    const guest = await joinWorkshop(t.app, fac.cookie, workshop.id, {
      role: 'participant',
      name: 'Dana Rivera',
      perspective: 'IT',
    });
    const me = (await api(t.app, 'GET', `/api/workshops/${workshop.id}`, { cookie: fac.cookie })).json.me
      .memberId as string;
    const rating = (stage: string): MemberRating => ({
      stage,
      rationale: `I say ${stage}`,
      updatedAt: t.clock.now,
    });
    docs.set(me, new Map([['systems', rating('developing')]]));
    docs.set(guest.memberId, new Map([['systems', rating('new-emerging')]]));

    const reveal = await api(t.app, 'POST', `/api/workshops/${workshop.id}/reveal`, {
      cookie: fac.cookie,
      body: { dimensionIds: ['systems'] },
    });
    expect(reveal.status).toBe(200);
    docs.set(guest.memberId, new Map([['systems', rating('developing')]]));
    const put = await api(t.app, 'PUT', `/api/workshops/${workshop.id}/dimensions/systems/consensus`, {
      cookie: fac.cookie,
      body: { stage: 'developing', rationale: 'We agree.' },
    });
    expect(put.status).toBe(200);
    expect(
      (
        await api(t.app, 'POST', `/api/workshops/${workshop.id}/dimensions/systems/lock`, {
          cookie: fac.cookie,
        })
      ).status,
    ).toBe(200);
    // After the lock the guest changes their doc: the report must not follow.
    docs.set(guest.memberId, new Map([['systems', rating('effective-practice')]]));

    const res = await api(t.app, 'GET', `/api/workshops/${workshop.id}/report`, { cookie: guest.cookie });
    expect(res.status).toBe(200);
    const systems = res.json.categories
      .flatMap((c: { dimensions: unknown[] }) => c.dimensions)
      .find((d: { id: string }) => d.id === 'systems');
    expect(systems.consensus).toMatchObject({
      stage: 'developing',
      stageLabel: 'Developing',
      rationale: 'We agree.',
      locked: true,
    });
    expect(systems.consensus.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      systems.ratings.map((r: { participant: string; stage: string; firstRoundStage: string }) => [
        r.participant,
        r.firstRoundStage,
        r.stage,
      ]),
    ).toEqual([
      // Same join time (the test clock stands still), so by name.
      ['Dana Rivera', 'new-emerging', 'developing'],
      ['Fran Facilitator', 'developing', 'developing'],
    ]);
    expect(systems.spread).toMatchObject({
      firstRange: 1,
      finalRange: 0,
      change: 'narrowed',
      agreed: true,
      changedCount: 1,
    });
  });
});

describe('REPORT12: evidence and key comments come from the workshop doc', () => {
  let close = () => {};
  afterEach(() => close());

  it('reports revealed evidence and the most-reacted comments, authored as the doc stamps them', async () => {
    const { WorkshopDocMaps } = await import('../../shared/docs/workshopDoc');
    const Y = await import('yjs');
    let memberIds: { me: string; guest: string } | null = null;
    const workshopDoc = new Y.Doc();
    const t = makeTestApp({
      realtime: {
        ...nullRealtimeBridge,
        memberRatings: async () => {
          const { me, guest } = memberIds!;
          const r = (stage: string): MemberRating => ({ stage, rationale: 'r', updatedAt: 1 });
          return new Map([
            [me, new Map([['systems', r('developing')]])],
            [guest, new Map([['systems', r('developing')]])],
          ]);
        },
        workshopDocState: async () => Y.encodeStateAsUpdate(workshopDoc),
      },
    });
    close = t.close;
    const fac = await signUp(t.app, { name: 'Fran Facilitator' });
    const workshop = await createWorkshop(t.app, fac.cookie, { institution: 'Riverbend Community College' });
    const guest = await joinWorkshop(t.app, fac.cookie, workshop.id, {
      role: 'participant',
      name: 'Dana Rivera',
      perspective: 'IT',
    });
    const me = (await api(t.app, 'GET', `/api/workshops/${workshop.id}`, { cookie: fac.cookie })).json.me
      .memberId as string;
    memberIds = { me, guest: guest.memberId };
    expect(
      (
        await api(t.app, 'POST', `/api/workshops/${workshop.id}/reveal`, {
          cookie: fac.cookie,
          body: { dimensionIds: ['systems'] },
        })
      ).status,
    ).toBe(200);

    // What the projector would have written: one evidence link, two comments, one with reactions.
    const comment = (memberId: string, text: string, createdAt: number) => ({
      memberId,
      dimensionId: 'systems',
      parentKey: null,
      text,
      evidence: [],
      createdAt,
      editedAt: null,
      deleted: false,
    });
    workshopDoc.transact(() => {
      workshopDoc.getMap(WorkshopDocMaps.evidence).set(`${guest.memberId}:ev1`, {
        memberId: guest.memberId,
        dimensionId: 'systems',
        url: 'https://example.edu/sis-roadmap',
        title: 'SIS roadmap',
        note: 'Procurement horizon 2027',
        createdAt: 5,
      });
      workshopDoc.getMap(WorkshopDocMaps.comments).set(`${me}:c1`, comment(me, 'Quiet remark', 1));
      workshopDoc
        .getMap(WorkshopDocMaps.comments)
        .set(`${guest.memberId}:c2`, comment(guest.memberId, 'The API pilot is live', 2));
      workshopDoc.getMap(WorkshopDocMaps.reactions).set(`${guest.memberId}:c2`, { '👍': 3 });
    });

    const res = await api(t.app, 'GET', `/api/workshops/${workshop.id}/report`, { cookie: fac.cookie });
    expect(res.status).toBe(200);
    const systems = res.json.categories
      .flatMap((c: { dimensions: unknown[] }) => c.dimensions)
      .find((d: { id: string }) => d.id === 'systems');
    expect(systems.evidence).toEqual([
      {
        participant: 'Dana Rivera',
        url: 'https://example.edu/sis-roadmap',
        title: 'SIS roadmap',
        note: 'Procurement horizon 2027',
      },
    ]);
    expect(
      systems.keyComments.map((c: { participant: string; text: string; reactions: number }) => [
        c.participant,
        c.text,
        c.reactions,
      ]),
    ).toEqual([
      ['Dana Rivera', 'The API pilot is live', 3],
      ['Fran Facilitator', 'Quiet remark', 0],
    ]);
    expect(res.json.notes).toEqual([]);
  });
});
