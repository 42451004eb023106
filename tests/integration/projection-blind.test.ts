import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createSession } from '../../server/auth/session';
import { testConfig } from '../../server/config';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { WorkshopDoc } from '../../shared/docs/workshopDoc';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { seedWorkshop, startTestServer, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

const DIM = 'learning-evaluation';
const RATIONALE = 'NARWHAL-7731 transcripts already carry skills';

/** Contains the UTF-8 bytes of `text`? What another browser could read off the wire or its memory. */
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

describe('projection through the real server', () => {
  let server: TestServer | null = null;
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server?.close();
    server = null;
  });

  it('PROJ1 ROOM3: a second member sees "rated" but not the value until the facilitator reveals over HTTP', async () => {
    server = await startTestServer();
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant', 'participant']);
    const [fay, alice, bob] = members;
    const open = (docName: string, cookie: string, doc?: Y.Doc) => {
      const p = connectProvider(server!.wsUrl, docName, { cookie, origin: server!.origin, doc });
      providers.push(p);
      return p;
    };
    const aliceDoc = new Y.Doc();
    const aliceOwn = open(memberDocName(workshopId, alice!.memberId), alice!.cookie, aliceDoc);
    const bobView = open(workshopDocName(workshopId), bob!.cookie);
    const bobUpdates: Uint8Array[] = [];
    bobView.doc.on('update', (u: Uint8Array) => bobUpdates.push(u));
    await waitFor(() => aliceOwn.synced && bobView.synced, { what: 'providers synced' });

    new MemberDoc(aliceDoc).setRating(DIM, {
      stage: 'effective-practice',
      rationale: RATIONALE,
      updatedAt: 1,
    });
    const view = new WorkshopDoc(bobView.doc);
    await waitFor(() => view.ratedBy(DIM).includes(alice!.memberId), { what: 'rated reaches Bob' });
    expect(view.ratings(DIM).size).toBe(0);
    for (const bytes of [Y.encodeStateAsUpdate(bobView.doc), ...bobUpdates]) {
      expect(has(bytes, 'NARWHAL-7731')).toBe(false);
      expect(has(bytes, 'effective-practice')).toBe(false);
    }

    // The facilitator reveals through the HTTP API with a real session.
    const { token } = createSession(
      { database: server.database, config: testConfig(), now: Date.now },
      fay!.userId,
    );
    const res = await fetch(`${server.url}/api/workshops/${workshopId}/reveal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie: `ler_session=${token}` },
      body: JSON.stringify({ dimensionIds: [DIM] }),
    });
    expect(res.status).toBe(200);

    await waitFor(() => view.ratings(DIM).get(alice!.memberId)?.rationale === RATIONALE, {
      what: 'revealed rating',
    });
    expect(view.dimensionState(DIM).phase).toBe('revealed');
    expect(view.firstRound(DIM).get(alice!.memberId)).toEqual({ stage: 'effective-practice' });
    expect(has(Y.encodeStateAsUpdate(bobView.doc), 'NARWHAL-7731')).toBe(true);
  });
});
