import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { lockContentHash } from '../../server/consensus/contentHash';
import { activeLock } from '../../server/consensus/records';
import { openDatabase } from '../../server/db/client';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { WorkshopDoc } from '../../shared/docs/workshopDoc';
import { seedWorkshop, startTestServer, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

const LOCKED = 'learning-evaluation';
const OPEN = 'sharing';

let server: TestServer | null = null;
const providers: WebsocketProvider[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await server?.close();
  server = null;
  for (const c of cleanups.splice(0)) c();
});

function connect(s: TestServer, docName: string, cookie: string, doc = new Y.Doc()) {
  const p = connectProvider(s.wsUrl, docName, { cookie, origin: s.origin, doc });
  providers.push(p);
  return p;
}

/** One request to the real server as a same-origin browser sends it (cookie, Origin, JSON). */
async function http(s: TestServer, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.origin}${path}`, {
    method,
    headers: { cookie, origin: s.origin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: responses are asserted field by field
  return { status: res.status, json: (await res.json()) as any };
}

/** Reveal, consensus and lock of LOCKED through the real routes, as the facilitator's browser does. */
async function revealAndLock(s: TestServer, workshopId: string, facCookie: string) {
  const base = `/api/workshops/${workshopId}`;
  expect((await http(s, facCookie, 'POST', `${base}/reveal`, { dimensionIds: [LOCKED, OPEN] })).status).toBe(200);
  const put = await http(s, facCookie, 'PUT', `${base}/dimensions/${LOCKED}/consensus`, {
    stage: 'developing',
    rationale: 'Agreed.',
  });
  expect(put.status).toBe(200);
  const locked = await http(s, facCookie, 'POST', `${base}/dimensions/${LOCKED}/lock`);
  expect(locked.status).toBe(200);
  return locked.json.lock as { lockId: number; contentHash: string; finalRatings: unknown; firstRound: unknown };
}

describe('consensus through the real-time layer', () => {
  it('LOCK5: after reveal, consensus and lock over HTTP, a participant editing their member doc over y-websocket does not change what the workshop doc shows', async () => {
    server = await startTestServer();
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant']);
    const [fac, alice] = members as [NonNullable<(typeof members)[0]>, NonNullable<(typeof members)[0]>];
    const mine = new MemberDoc(connect(server, memberDocName(workshopId, alice.memberId), alice.cookie).doc);
    const ws = new WorkshopDoc(connect(server, workshopDocName(workshopId), fac.cookie).doc);
    mine.setRating(LOCKED, { stage: 'developing', rationale: 'before the lock', updatedAt: 1 });
    // The reveal snapshots what the server holds, so wait until Alice's rating has reached it.
    await waitFor(
      async () => (await server!.realtime.bridge.memberRatings(workshopId)).get(alice.memberId)?.get(LOCKED)?.stage === 'developing',
      { what: "Alice's rating stored" },
    );

    const lock = await revealAndLock(server, workshopId, fac.cookie);
    expect(lock.finalRatings).toEqual({ [alice.memberId]: 'developing' });
    expect(lock.firstRound).toEqual({ [alice.memberId]: 'developing' });
    await waitFor(() => ws.ratings(LOCKED).get(alice.memberId)?.rationale === 'before the lock', {
      what: 'rating revealed',
    });
    await waitFor(() => ws.consensus(LOCKED)?.locked === true, { what: 'lock projected' });
    const frozen = JSON.stringify([...ws.ratings(LOCKED)]);
    const frozenConsensus = JSON.stringify(ws.consensus(LOCKED));

    // The same edit also touches an unlocked dimension: once that shows, the projector has run.
    mine.setRating(LOCKED, { stage: 'effective-practice', rationale: 'after the lock', updatedAt: 2 });
    mine.setRating(OPEN, { stage: 'new-emerging', rationale: 'marker', updatedAt: 2 });
    await waitFor(() => ws.ratings(OPEN).get(alice.memberId)?.rationale === 'marker', {
      what: 'open dimension projected',
    });
    expect(JSON.stringify([...ws.ratings(LOCKED)])).toBe(frozen);
    expect(JSON.stringify(ws.consensus(LOCKED))).toBe(frozenConsensus);
    expect(ws.consensus(LOCKED)?.contentHash).toBe(lock.contentHash);
  });

  it('LOCK3: after a restart the hash recomputes identically and the workshop doc shows the same locked record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ler-consensus-restart-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'ler.db');
    let database = openDatabase(file);
    server = await startTestServer({ database });
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant']);
    const fac = members[0]!;
    const lock = await revealAndLock(server, workshopId, fac.cookie);
    const ws1 = new WorkshopDoc(connect(server, workshopDocName(workshopId), fac.cookie).doc);
    await waitFor(() => ws1.consensus(LOCKED)?.locked === true, { what: 'lock projected' });
    const before = ws1.consensus(LOCKED);
    for (const p of providers.splice(0)) p.destroy();
    await server.close();
    database.close();

    database = openDatabase(file);
    server = await startTestServer({ database });
    cleanups.unshift(() => database.close());
    const row = database.sqlite.prepare('select * from consensus_locks where id = ?').get(lock.lockId) as Record<
      string,
      unknown
    >;
    expect(row.content_hash).toBe(lock.contentHash);
    const { login } = server;
    const ws2 = new WorkshopDoc(connect(server, workshopDocName(workshopId), login(fac.userId).cookie).doc);
    await waitFor(() => ws2.consensus(LOCKED)?.locked === true, { what: 'lock projected after restart' });
    expect(ws2.consensus(LOCKED)).toEqual(before);
    const reread = activeLock(database.db, workshopId, LOCKED)!;
    expect(lockContentHash(reread)).toBe(lock.contentHash);
  });
});
