import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openDatabase } from '../../server/db/client';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { MemberDoc, MemberDocMaps } from '../../shared/docs/memberDoc';
import { WorkshopDocMaps } from '../../shared/docs/workshopDoc';
import { type SeededMember, seedWorkshop, startTestServer, storedDoc, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every top-level map of a doc shape, as JSON (Y.Doc#toJSON only lists types that doc instance has touched). */
const content = (doc: Y.Doc, maps: Record<string, string>) =>
  Object.fromEntries(Object.values(maps).map((name) => [name, doc.getMap(name).toJSON()]));
const memberContent = (doc: Y.Doc) => content(doc, MemberDocMaps);
const workshopContent = (doc: Y.Doc) => content(doc, WorkshopDocMaps);

const stateVector = (doc: Y.Doc) =>
  JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b));

interface Client {
  member: SeededMember;
  docName: string;
  provider: WebsocketProvider;
}

/**
 * SYNC80: seeded convergence fuzz through the real server. Five members, each with two devices on
 * their own member doc (so every doc has concurrent writers), plus one reader of the workshop doc.
 * Random edits, random disconnects (with offline edits), and a server restart on the same port
 * and database midway. At the end every device, the live server doc and the doc rebuilt from the
 * database must be identical, with nothing pending anywhere.
 */
async function runFuzz(seed: number, steps: number): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ler-fuzz-${seed}-`));
  const dbFile = path.join(dir, 'ler.db');
  let database = openDatabase(dbFile);
  // Compacting every 10 updates makes snapshots + later updates part of every run.
  const realtime = { compactEvery: 10 };
  let server: TestServer = await startTestServer({ database, realtime });
  const port = server.port;
  const clients: Client[] = [];
  let reader: WebsocketProvider | null = null;
  try {
    const w = seedWorkshop(server, ['facilitator', 'participant', 'participant', 'participant', 'participant']);
    for (const member of w.members) {
      const docName = memberDocName(w.workshopId, member.memberId);
      for (let device = 0; device < 2; device++) {
        clients.push({ member, docName, provider: connectProvider(server.wsUrl, docName, { cookie: member.cookie, origin: server.origin }) });
      }
    }
    reader = connectProvider(server.wsUrl, workshopDocName(w.workshopId), { cookie: w.members[0]!.cookie, origin: server.origin });
    // Only restarts (1001) and our own disconnects may close a socket: any 4xxx means the server
    // refused an honest client (e.g. a read-only reader's step 2 taken for a write).
    const refusals: number[] = [];
    for (const p of [reader, ...clients.map((c) => c.provider)]) {
      p.on('connection-close', (event: { code: number } | null) => {
        if (event && event.code >= 4000) refusals.push(event.code);
      });
    }
    await waitFor(() => clients.every((c) => c.provider.synced) && reader!.synced, { what: 'initial sync' });

    for (let step = 0; step < steps; step++) {
      const c = pick(clients);
      const r = rnd();
      if (r < 0.7) {
        const doc = new MemberDoc(c.provider.doc);
        if (rnd() < 0.5) {
          doc.setRating(`dim${Math.floor(rnd() * 4)}`, { stage: pick(['developing', 'not-sure', null]), rationale: `s${seed}-${step}`, updatedAt: step });
        } else if (rnd() < 0.8) {
          doc.drafts.set(`k${Math.floor(rnd() * 6)}`, `v${step}`.repeat(1 + Math.floor(rnd() * 20)));
        } else {
          doc.drafts.delete(`k${Math.floor(rnd() * 6)}`);
        }
      } else if (r < 0.85) {
        if (c.provider.shouldConnect) c.provider.disconnect();
        else c.provider.connect();
      } else if (r < 0.86 || step === Math.floor(steps / 2)) {
        // Restart on the same port and database: providers reconnect by themselves.
        await server.close();
        database.close();
        database = openDatabase(dbFile);
        server = await startTestServer({ database, realtime, config: { port } });
      }
      if (step % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    const live = (name: string) => server.realtime.liveDoc(name);
    await waitFor(
      () => {
        for (const c of clients) {
          const l = live(c.docName);
          if (!c.provider.wsconnected || !c.provider.synced || !l) return false;
          if (stateVector(c.provider.doc) !== stateVector(l)) return false;
        }
        return server.realtime.stats().pendingWrites === 0;
      },
      { timeoutMs: 30_000, what: 'every device converged with the server' },
    );
    for (const c of clients) {
      const l = live(c.docName)!;
      expect(c.provider.doc.store.pendingStructs).toBeNull();
      expect(memberContent(c.provider.doc)).toEqual(memberContent(l));
      const fromDb = await storedDoc(server, c.docName);
      expect(stateVector(fromDb)).toBe(stateVector(l));
      expect(memberContent(fromDb)).toEqual(memberContent(l));
    }
    expect(refusals).toEqual([]);
    const snapshots = server.database.sqlite.prepare('select count(*) as n from yjs_snapshots').get() as { n: number };
    expect(snapshots.n).toBeGreaterThan(0);
    const wName = workshopDocName(w.workshopId);
    await waitFor(() => live(wName) !== null && stateVector(reader!.doc) === stateVector(live(wName)!), { what: 'workshop doc reader converged' });
    expect(workshopContent(reader.doc)).toEqual(workshopContent(live(wName)!));
    expect(workshopContent(await storedDoc(server, wName))).toEqual(workshopContent(live(wName)!));
  } finally {
    for (const c of clients) c.provider.destroy();
    reader?.destroy();
    await server.close();
    database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('sync convergence fuzz', () => {
  // Every WebsocketProvider adds a process 'exit' listener until it is destroyed: ten devices and the
  // reader are eleven at once, one over Node's leak warning, which is not a leak here.
  let maxListeners = 0;
  beforeAll(() => {
    maxListeners = process.getMaxListeners();
    process.setMaxListeners(Math.max(maxListeners, 20));
  });
  afterAll(() => {
    process.setMaxListeners(maxListeners);
  });
  const seeds = (process.env.FUZZ_SEEDS ?? '1,2,3').split(',').map(Number);
  for (const seed of seeds) {
    it(`SYNC80 seed ${seed}: devices, server and database converge through disconnects and a restart`, () => runFuzz(seed, 150), 120_000);
  }
});
