import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MISSES_BEFORE_TERMINATE } from '../../server/realtime/keepAlive';
import { workshopDocName } from '../../shared/docNames';
import { seedWorkshop, startTestServer, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';

const PING_MS = 50;

/** A socket on the workshop doc; `autoPong: false` makes it a peer that never answers pings (a dead laptop). */
function openSocket(server: TestServer, docName: string, cookie: string, answerPings: boolean) {
  const ws = new WebSocket(`${server.wsUrl}/sync/${encodeURIComponent(docName)}`, {
    headers: { cookie, origin: server.origin },
    autoPong: answerPings,
  });
  const state = { pings: 0, closeCode: null as number | null };
  ws.on('ping', () => state.pings++);
  ws.on('close', (code) => {
    state.closeCode = code;
  });
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, state, opened };
}

describe('keep-alive (SYNC19)', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('SYNC19 an idle socket that answers pings survives many ping intervals; one that does not is terminated', async () => {
    server = await startTestServer({ realtime: { pingIntervalMs: PING_MS } });
    const { workshopId, members } = seedWorkshop(server);
    const docName = workshopDocName(workshopId);
    const alive = openSocket(server, docName, members[1]!.cookie, true);
    const dead = openSocket(server, docName, members[2]!.cookie, false);
    await Promise.all([alive.opened, dead.opened]);

    // The silent peer is cut off once MISSES_BEFORE_TERMINATE pings went unanswered (no close frame).
    await waitFor(() => dead.state.closeCode !== null, {
      what: 'silent socket terminated',
      timeoutMs: 5_000,
    });
    expect(dead.state.closeCode).toBe(1006);
    expect(dead.state.pings).toBeGreaterThanOrEqual(MISSES_BEFORE_TERMINATE);

    // Several more intervals: the answering socket keeps being pinged and stays open. Counting pings
    // (not sleeping) proves the intervals actually passed.
    const seen = alive.state.pings;
    await waitFor(() => alive.state.pings >= seen + 5, { what: 'five more pings', timeoutMs: 5_000 });
    expect(alive.state.closeCode).toBeNull();
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    await waitFor(() => server!.realtime.stats().connections === 1, {
      what: 'dead connection left its room',
    });
    alive.ws.close();
  });
});
