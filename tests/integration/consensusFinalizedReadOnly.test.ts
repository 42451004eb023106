import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import { type ApiOptions, api, createWorkshop, joinWorkshop, signUp, snapshot } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

/**
 * LOCK6 across the whole app: after a real POST /finalize every write of the accounts/workshops
 * feature — not only the consensus ones — is refused with 409 and changes no row, and the realtime
 * bridge is never told about a change. Reads keep working; the action plan stays editable.
 */
let t: ReturnType<typeof makeTestApp>;
const bridgeCalls: string[] = [];
let w: {
  id: string;
  fac: { cookie: string; memberId: string };
  pat: { cookie: string; memberId: string };
  inviteId: string;
  unusedToken: string;
};

beforeAll(async () => {
  const bridge: RealtimeBridge = {
    ...nullRealtimeBridge,
    workshopChanged: async (id) => {
      bridgeCalls.push(`changed:${id}`);
    },
    memberRemoved: (id, memberId) => bridgeCalls.push(`removed:${id}:${memberId}`),
  };
  t = makeTestApp({ realtime: bridge });
  const fac = await signUp(t.app, { name: 'Fay Facilitator' });
  const workshop = await createWorkshop(t.app, fac.cookie);
  const id = workshop.id as string;
  const facMemberId = (await api(t.app, 'GET', `/api/workshops/${id}`, { cookie: fac.cookie })).json.me.memberId;
  const pat = await joinWorkshop(t.app, fac.cookie, id, { role: 'participant', name: 'Pat' });
  const invite = await api(t.app, 'POST', `/api/workshops/${id}/invites`, {
    cookie: fac.cookie,
    body: { role: 'participant' },
  });
  // Finalize for real: every dimension marked "not assessed" (LOCK7), then POST /finalize.
  const consensus = await api(t.app, 'GET', `/api/workshops/${id}/consensus`, { cookie: fac.cookie });
  for (const { dimensionId } of consensus.json.dimensions as Array<{ dimensionId: string }>) {
    const mark = await api(t.app, 'POST', `/api/workshops/${id}/dimensions/${dimensionId}/not-assessed`, {
      cookie: fac.cookie,
      body: { reason: 'Out of scope for this first round.' },
    });
    expect(mark.status).toBe(200);
  }
  expect((await api(t.app, 'POST', `/api/workshops/${id}/finalize`, { cookie: fac.cookie })).status).toBe(200);
  w = {
    id,
    fac: { cookie: fac.cookie, memberId: facMemberId },
    pat,
    inviteId: invite.json.id,
    unusedToken: invite.json.token,
  };
});
afterAll(() => t?.close());

/** Sends the request and asserts 409 conflict, an unchanged database and a silent bridge. */
async function refusedAfterFinalize(method: string, path: string, options: ApiOptions) {
  const before = snapshot(t.database);
  bridgeCalls.length = 0;
  const res = await api(t.app, method, path, options);
  expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status: 409, code: 'conflict' });
  expect(res.json.error.message).toMatch(/finalized/);
  expect(res.cookie).toBeUndefined();
  expect(snapshot(t.database)).toBe(before);
  expect(bridgeCalls).toEqual([]);
}

describe('LOCK6: a finalized workshop is read-only for everyone', () => {
  it('LOCK6/PERM4: PATCH the workshop (title or settings) → 409, nothing changes', async () => {
    const path = `/api/workshops/${w.id}`;
    await refusedAfterFinalize('PATCH', path, { cookie: w.fac.cookie, body: { title: 'Too late' } });
    await refusedAfterFinalize('PATCH', path, { cookie: w.fac.cookie, body: { settings: { anonymity: 'anonymous' } } });
  });

  it('LOCK6: PATCH a member (promote, change perspective) → 409, nothing changes', async () => {
    const path = `/api/workshops/${w.id}/members/${w.pat.memberId}`;
    await refusedAfterFinalize('PATCH', path, { cookie: w.fac.cookie, body: { role: 'facilitator' } });
    await refusedAfterFinalize('PATCH', path, { cookie: w.fac.cookie, body: { perspective: 'Faculty' } });
  });

  it('LOCK6: DELETE a member → 409, nothing changes, no socket is closed', async () => {
    const path = `/api/workshops/${w.id}/members/${w.pat.memberId}`;
    await refusedAfterFinalize('DELETE', path, { cookie: w.fac.cookie });
  });

  it('LOCK6/LOCK9: hand off the facilitator role → 409, nothing changes', async () => {
    await refusedAfterFinalize('POST', `/api/workshops/${w.id}/handoff`, {
      cookie: w.fac.cookie,
      body: { memberId: w.pat.memberId },
    });
  });

  it('LOCK6/INV7: create an invite → 409, nothing changes', async () => {
    await refusedAfterFinalize('POST', `/api/workshops/${w.id}/invites`, {
      cookie: w.fac.cookie,
      body: { role: 'observer' },
    });
  });

  it('LOCK6: revoke an invite → 409 and it stays as it was', async () => {
    await refusedAfterFinalize('DELETE', `/api/workshops/${w.id}/invites/${w.inviteId}`, { cookie: w.fac.cookie });
  });

  it('LOCK6/INV7: redeem a still-active link → 409 for a new guest and for an existing member; no use taken', async () => {
    const path = `/api/invites/${w.unusedToken}/redeem`;
    await refusedAfterFinalize('POST', path, { body: { name: 'Late Guest' } });
    await refusedAfterFinalize('POST', path, { cookie: w.pat.cookie, body: { name: 'Pat' } });
  });

  it('LOCK6: reads keep working, and the action plan (a living plan) stays editable', async () => {
    const read = (path: string) => api(t.app, 'GET', `/api/workshops/${w.id}${path}`, { cookie: w.fac.cookie });
    expect((await read('')).json.workshop.status).toBe('finalized');
    expect((await read('/members')).json.members).toHaveLength(2);
    expect((await read('/invites')).json.invites).toHaveLength(2);
    const item = await api(t.app, 'POST', `/api/workshops/${w.id}/action-items`, {
      cookie: w.fac.cookie,
      body: { dimensionId: 'sharing', targetStage: 'developing', actions: 'Draft a data-sharing agreement' },
    });
    expect(item.status).toBe(201);
  });
});
