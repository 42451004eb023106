import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openWorkshopChannel, type WorkshopChannel } from '../../client/src/sync/workshopChannel';
import { testConfig } from '../../server/config';
import { countItems } from '../../server/realtime/rebase';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { WorkshopDoc } from '../../shared/docs/workshopDoc';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { CloseCode } from '../../shared/protocol';
import { api } from '../helpers/fixtures';
import { seedWorkshop, startTestServer, storedDoc, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { browserLikeWebSocket, connectProvider } from '../helpers/wsClient';

const DIM = 'learning-evaluation';
const DIM2 = 'curricular-flexibility';
const STAGES = ['new-emerging', 'developing', 'effective-practice'] as const;

describe('SYNC64 re-basing the workshop doc through the real server', () => {
  let server: TestServer | null = null;
  const providers: WebsocketProvider[] = [];
  const channels: WorkshopChannel[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    for (const c of channels.splice(0)) c.destroy();
    await server?.close();
    server = null;
  });

  it('a reader holding the old doc gets 4409; the client channel swaps in a fresh doc only once it has synced', async () => {
    server = await startTestServer({ config: { ws: { ...testConfig().ws, rebaseAfterTombstones: 30 } } });
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant', 'participant']);
    const [fay, alice, bob] = members;
    const aliceDoc = new Y.Doc();
    const aliceOwn = connectProvider(server.wsUrl, memberDocName(workshopId, alice!.memberId), {
      cookie: alice!.cookie,
      origin: server.origin,
      doc: aliceDoc,
    });
    providers.push(aliceOwn);
    // Bob's browser: the client's own channel, over the stock provider as connection.ts builds it.
    const closeCodes: number[] = [];
    const bobChannel = openWorkshopChannel((doc) => {
      const provider = new WebsocketProvider(`${server!.wsUrl}/sync`, workshopDocName(workshopId), doc, {
        WebSocketPolyfill: browserLikeWebSocket(bob!.cookie, server!.origin) as never,
        disableBc: true,
        shouldReconnect: (event) => event.code !== CloseCode.staleDocument,
      });
      provider.on('closed', ({ code }) => closeCodes.push(code));
      return provider;
    });
    channels.push(bobChannel);
    let swaps = 0;
    let ratingsAtSwap = -1;
    bobChannel.onSwap(() => {
      swaps++;
      // What the screen shows the moment it switches: already everything, never an empty doc.
      ratingsAtSwap = new WorkshopDoc(bobChannel.doc).ratings(DIM).size;
    });
    // Any other program on the stock provider with its defaults.
    const other = connectProvider(server.wsUrl, workshopDocName(workshopId), {
      cookie: fay!.cookie,
      origin: server.origin,
    });
    providers.push(other);
    await waitFor(() => aliceOwn.synced && bobChannel.provider.synced && other.synced, {
      what: 'providers synced',
    });

    const reveal = await api(server.app, 'POST', `/api/workshops/${workshopId}/reveal`, {
      cookie: fay!.cookie,
      body: { dimensionIds: [DIM, DIM2] },
    });
    expect(reveal.status).toBe(200);
    // Each change of a revealed rating replaces its workshop-doc entry, leaving a tombstone. (Two
    // dimensions in turn, as a room's edits interleave: one entry rewritten back to back would
    // leave consecutive tombstones, which Yjs merges into one.)
    for (let i = 0; i < 40; i++) {
      for (const dimensionId of [DIM, DIM2]) {
        new MemberDoc(aliceDoc).setRating(dimensionId, {
          stage: STAGES[i % 3]!,
          rationale: `take ${i}`,
          updatedAt: i,
        });
      }
    }
    const oldDoc = bobChannel.doc;
    const bobView = () => new WorkshopDoc(bobChannel.doc);
    await waitFor(() => bobView().ratings(DIM).get(alice!.memberId)?.rationale === 'take 39', {
      what: 'last take',
    });
    expect(countItems(oldDoc).deleted).toBeGreaterThanOrEqual(78);
    const before = bobView().ratings(DIM);

    // Everyone leaves: the workshop unloads. The next connection loads it, and the load re-bases.
    for (const p of [aliceOwn, other, bobChannel]) p.disconnect();
    await waitFor(() => server!.realtime.stats().workshops === 0, { what: 'workshop unloaded' });
    aliceOwn.connect();
    await waitFor(() => aliceOwn.synced && server!.realtime.stats().workshops === 1, { what: 'reloaded' });
    const stored = await storedDoc(server, workshopDocName(workshopId));
    expect(countItems(stored).deleted).toBe(0);

    // Bob's old copy is refused; the channel keeps showing it until the fresh doc has synced.
    bobChannel.connect();
    other.connect();
    await waitFor(() => swaps === 1, { what: 'channel swapped docs' });
    expect(closeCodes).toContain(CloseCode.staleDocument);
    expect(bobChannel.doc).not.toBe(oldDoc);
    expect(ratingsAtSwap).toBe(before.size);
    expect(bobView().ratings(DIM)).toEqual(before);
    expect(countItems(bobChannel.doc).deleted).toBe(0);
    // The stock provider stops on the 44xx code, as y-websocket does by default, and says why.
    await waitFor(() => !other.shouldConnect, { what: 'stock provider stopped' });
    expect(other.wsconnected).toBe(false);

    // Live again on the fresh doc.
    new MemberDoc(aliceDoc).setRating(DIM, {
      stage: 'developing',
      rationale: 'after the re-base',
      updatedAt: 100,
    });
    await waitFor(() => bobView().ratings(DIM).get(alice!.memberId)?.rationale === 'after the re-base', {
      what: 'edit after the re-base',
    });
    expect(swaps).toBe(1);
  });
});
