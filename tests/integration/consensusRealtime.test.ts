import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { lockContentHash } from '../../server/consensus/contentHash';
import { saveDraft } from '../../server/consensus/draft';
import { lockConsensus } from '../../server/consensus/lock';
import { ratingsSnapshot } from '../../server/consensus/ratingsSnapshot';
import { activeLock } from '../../server/consensus/records';
import { type Database_, openDatabase } from '../../server/db/client';
import { reveals } from '../../server/db/schema';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { WorkshopDoc } from '../../shared/docs/workshopDoc';
import { seedWorkshop, startTestServer, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

const LOCKED = 'learning-evaluation';
const OPEN = 'sharing';
const STAGES = ['new-emerging', 'developing', 'effective-practice'];

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

/** Locks LOCKED the way the lock route does: final ratings from the member docs, then the store. */
async function lockViaStore(
  s: TestServer,
  workshopId: string,
  facilitator: { memberId: string; userId: string },
) {
  const actor = { memberId: facilitator.memberId, userId: facilitator.userId };
  saveDraft(s.database, {
    workshopId,
    dimensionId: LOCKED,
    actor,
    now: Date.now(),
    input: { stage: 'developing', rationale: 'Agreed.' },
  });
  const ratings = await s.realtime.bridge.memberRatings(workshopId);
  const ids = new Set(ratings.keys());
  const lock = lockConsensus(s.database, {
    workshopId,
    dimensionId: LOCKED,
    actor,
    now: Date.now(),
    finalRatings: ratingsSnapshot(ratings, LOCKED, ids, STAGES),
  });
  await s.realtime.bridge.workshopChanged(workshopId);
  return lock;
}

function reveal(database: Database_, workshopId: string, dimensionId: string) {
  database.db
    .insert(reveals)
    .values({ workshopId, dimensionId, revealedAt: Date.now(), revealedBy: null, firstRound: {} })
    .run();
}

describe('consensus through the real-time layer', () => {
  it('LOCK5: a participant changing their member doc after a lock does not change what the workshop doc shows', async () => {
    server = await startTestServer();
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant']);
    const [fac, alice] = members as [NonNullable<(typeof members)[0]>, NonNullable<(typeof members)[0]>];
    reveal(server.database, workshopId, LOCKED);
    reveal(server.database, workshopId, OPEN);
    await server.realtime.bridge.workshopChanged(workshopId);
    const mine = new MemberDoc(connect(server, memberDocName(workshopId, alice.memberId), alice.cookie).doc);
    const ws = new WorkshopDoc(connect(server, workshopDocName(workshopId), fac.cookie).doc);
    mine.setRating(LOCKED, { stage: 'developing', rationale: 'before the lock', updatedAt: 1 });
    await waitFor(() => ws.ratings(LOCKED).get(alice.memberId)?.rationale === 'before the lock', {
      what: 'rating revealed',
    });

    const lock = await lockViaStore(server, workshopId, fac);
    expect(lock.finalRatings).toEqual({ [alice.memberId]: 'developing' });
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
    const lock = await lockViaStore(server, workshopId, fac);
    const ws1 = new WorkshopDoc(connect(server, workshopDocName(workshopId), fac.cookie).doc);
    await waitFor(() => ws1.consensus(LOCKED)?.locked === true, { what: 'lock projected' });
    const before = ws1.consensus(LOCKED);
    for (const p of providers.splice(0)) p.destroy();
    await server.close();
    database.close();

    database = openDatabase(file);
    server = await startTestServer({ database });
    cleanups.unshift(() => database.close());
    const row = database.sqlite.prepare('select * from consensus_locks where id = ?').get(lock.id) as Record<
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
