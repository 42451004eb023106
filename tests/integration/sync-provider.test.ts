import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { seedWorkshop, startTestServer, storedDoc, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

describe('stock y-websocket provider through the real server', () => {
  let server: TestServer | null = null;
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server?.close();
    server = null;
  });

  it('SYNC02 syncs a member doc and reads the projected workshop doc; edits survive a reload from the database', async () => {
    server = await startTestServer();
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant']);
    const [, alice] = members;
    const dimensionId = 'ler-d1';

    const myDoc = new Y.Doc();
    const mine = connectProvider(server.wsUrl, memberDocName(workshopId, alice!.memberId), {
      cookie: alice!.cookie,
      origin: server.origin,
      doc: myDoc,
    });
    const workshop = connectProvider(server.wsUrl, workshopDocName(workshopId), {
      cookie: alice!.cookie,
      origin: server.origin,
    });
    providers.push(mine, workshop);
    await waitFor(() => mine.synced && workshop.synced, { what: 'both providers synced' });

    new MemberDoc(myDoc).setRating(dimensionId, { stage: null, rationale: 'we have a pilot', updatedAt: 1 });
    // The edit reached the server's copy and the projector saw it (the workshop doc lists the member).
    await waitFor(() => workshop.doc.getMap('members').has(alice!.memberId), { what: 'member projected' });

    // A second, independent provider of the same member doc receives the edit through the server.
    const other = connectProvider(server.wsUrl, memberDocName(workshopId, alice!.memberId), {
      cookie: alice!.cookie,
      origin: server.origin,
    });
    providers.push(other);
    await waitFor(() => new MemberDoc(other.doc).getRating(dimensionId)?.rationale === 'we have a pilot');

    // What the server stored rebuilds the same doc.
    await waitFor(() => server!.realtime.stats().pendingWrites === 0);
    const stored = await storedDoc(server, memberDocName(workshopId, alice!.memberId));
    expect(new MemberDoc(stored).getRating(dimensionId)?.rationale).toBe('we have a pilot');
  });

  it('SYNC02 works with sessions from the real sign-up, workshop and invite routes', async () => {
    server = await startTestServer();
    const facilitator = await signUp(server.app);
    const workshop = await createWorkshop(server.app, facilitator.cookie);
    const guest = await joinWorkshop(server.app, facilitator.cookie, workshop.id, { role: 'participant', name: 'Gail' });
    const mine = connectProvider(server.wsUrl, memberDocName(workshop.id, guest.memberId), {
      cookie: guest.cookie,
      origin: server.origin,
    });
    const shared = connectProvider(server.wsUrl, workshopDocName(workshop.id), {
      cookie: facilitator.cookie,
      origin: server.origin,
    });
    providers.push(mine, shared);
    await waitFor(() => mine.synced && shared.synced, { what: 'both providers synced' });
    // The facilitator reads the projected workshop doc: the guest is listed by the server.
    await waitFor(() => shared.doc.getMap('members').has(guest.memberId), { what: 'guest listed' });
    new MemberDoc(mine.doc).setRating('x', { stage: null, rationale: 'r', updatedAt: 1 });
    await waitFor(async () => new MemberDoc(await storedDoc(server!, memberDocName(workshop.id, guest.memberId))).getRating('x') !== null);
  });
});
