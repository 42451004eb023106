import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { testConfig } from '../../server/config';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { CloseCode, MessageType } from '../../shared/protocol';
import { type SeededMember, seedWorkshop, startTestServer, storedDoc, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider, frames, mapSetUpdate, rawClient } from '../helpers/wsClient';

const MAX_FRAME = 64 * 1024;

/** A V1 update of one client declaring `structs` structs — yjs#687's shape — in a few bytes. */
function craftedUpdate(structs: number, gcLength = 1): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, structs);
  encoding.writeVarUint(e, 12345);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 0);
  encoding.writeVarUint(e, gcLength);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/**
 * SYNC31, SYNC32, SYNC41–SYNC47: hand-built hostile frames from a raw socket. Each must close only the attacker's
 * connection with the named code; the stored docs, the victim's docs and the victim's connection
 * stay as they were, and the server keeps answering HTTP.
 */
describe('sync attacker', () => {
  let server: TestServer;
  let workshopId: string;
  let victim: SeededMember;
  let attacker: SeededMember;
  let victimOwn: WebsocketProvider;
  let victimShared: WebsocketProvider;
  /** The facilitator's view of the room: what others would see. */
  let watcher: WebsocketProvider;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    server = await startTestServer({ config: { ws: { ...testConfig().ws, maxMessageBytes: MAX_FRAME } } });
    const seed = seedWorkshop(server, ['facilitator', 'participant', 'participant']);
    workshopId = seed.workshopId;
    victim = seed.members[1]!;
    attacker = seed.members[2]!;
    victimOwn = connectProvider(server.wsUrl, memberDocName(workshopId, victim.memberId), { cookie: victim.cookie, origin: server.origin });
    victimShared = connectProvider(server.wsUrl, workshopDocName(workshopId), { cookie: victim.cookie, origin: server.origin });
    const facilitator = seed.members[0]!;
    watcher = connectProvider(server.wsUrl, workshopDocName(workshopId), { cookie: facilitator.cookie, origin: server.origin });
    await waitFor(() => victimOwn.synced && victimShared.synced && watcher.synced);
    new MemberDoc(victimOwn.doc).setRating('d1', { stage: null, rationale: 'mine', updatedAt: 1 });
    victimShared.awareness.setLocalStateField('dimensionId', 'd1');
    await waitFor(async () => (await storedDoc(server, memberDocName(workshopId, victim.memberId))).getMap('ratings').has('d1'));
    await waitFor(() => watcher.awareness.getStates().get(victimShared.doc.clientID)?.dimensionId === 'd1');
    const attackerOwn = memberDocName(workshopId, attacker.memberId);
    snapshot = async () =>
      JSON.stringify([
        (await storedDoc(server, workshopDocName(workshopId))).toJSON(),
        (await storedDoc(server, memberDocName(workshopId, victim.memberId))).toJSON(),
        (await storedDoc(server, attackerOwn)).toJSON(),
        victimOwn.doc.toJSON(),
        victimShared.doc.toJSON(),
        [...watcher.awareness.getStates()].sort(([a], [b]) => a - b),
      ]);
  });
  afterAll(async () => {
    victimOwn.destroy();
    victimShared.destroy();
    watcher.destroy();
    await server.close();
  });

  /** null: the connection stays open, the hostile part is dropped (the stock provider echoes others' presence). */
  const attacks: Array<[string, 'workshop' | 'own' | 'victim', () => Uint8Array[], number | null]> = [
    ['SYNC41 a write into the workshop doc', 'workshop', () => [frames.update(mapSetUpdate('consensus', 'd1', { stage: 'x' }))], CloseCode.readOnly],
    ['SYNC41 a sync step 2 carrying new content to the workshop doc', 'workshop', () => [frames.update(mapSetUpdate('members', 'evil', 1), 1)], CloseCode.readOnly],
    ['SYNC42 opening another member’s doc to write', 'victim', () => [frames.update(mapSetUpdate('ratings', 'd1', 'pwned'))], CloseCode.forbidden],
    [
      'SYNC31 awareness for another client’s id',
      'workshop',
      () => [frames.awareness([{ clientId: victimShared.doc.clientID, clock: 99, state: { dimensionId: 'd9' } }])],
      null,
    ],
    [
      'SYNC31 awareness removing another client',
      'workshop',
      () => [frames.awareness([{ clientId: victimShared.doc.clientID, clock: 99, state: null }])],
      null,
    ],
    ['SYNC32 an oversized awareness state', 'workshop', () => [frames.awareness([{ clientId: 7, clock: 1, state: { pad: 'x'.repeat(3000) } }])], CloseCode.malformed],
    ['SYNC44 a frame over the size limit', 'own', () => [new Uint8Array(MAX_FRAME + 1)], CloseCode.messageTooBig],
    ['SYNC45 garbage bytes', 'own', () => [new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02])], CloseCode.malformed],
    ['SYNC45 an unknown message type', 'own', () => [new Uint8Array([9, 0])], CloseCode.malformed],
    ['SYNC45 a truncated update frame', 'own', () => [frames.update(mapSetUpdate('ratings', 'd1', 'x')).subarray(0, 12)], CloseCode.malformed],
    ['SYNC45 a truncated update inside a well-formed frame', 'own', () => [frames.update(mapSetUpdate('ratings', 'd1', 'x').subarray(0, 10))], CloseCode.malformed],
    ['SYNC46 yjs#687: an update declaring 2^31 structs', 'own', () => [frames.update(craftedUpdate(2 ** 31))], CloseCode.malformed],
    ['SYNC46 yjs#687: a GC struct of length 2^40', 'own', () => [frames.update(craftedUpdate(1, 2 ** 40))], CloseCode.malformed],
    ['SYNC46 yjs#687: the same inside a read-only doc', 'workshop', () => [frames.update(craftedUpdate(4_000_000_000))], CloseCode.malformed],
  ];

  for (const [name, target, build, code] of attacks) {
    const outcome = code === null ? 'is dropped' : `closes only the attacker (${code})`;
    it(`${name} ${outcome}; nothing changes; the server stays responsive`, async () => {
      const before = await snapshot();
      const docName =
        target === 'workshop'
          ? workshopDocName(workshopId)
          : memberDocName(workshopId, target === 'own' ? attacker.memberId : victim.memberId);
      const c = rawClient(server.wsUrl, docName, { cookie: attacker.cookie, origin: server.origin });
      if (code !== CloseCode.forbidden) {
        await c.opened;
        for (const f of build()) c.send(f);
      }
      if (code === null) {
        // Frames are handled in order: once our step 1 is answered, the forged frame was handled.
        c.send(frames.step1(new Y.Doc()));
        await waitFor(() => c.frames.length >= 2);
        expect(c.closeCode).toBeNull();
        c.ws.close();
      } else {
        expect(await c.closed).toBe(code);
      }
      await waitFor(() => server.realtime.stats().pendingWrites === 0);
      expect(await snapshot()).toBe(before);
      // The victim is still connected and still syncing.
      expect(victimOwn.wsconnected && victimShared.wsconnected && watcher.wsconnected).toBe(true);
      const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
    });
  }

  it('SYNC30 SYNC33 presence is stamped by the server (a claimed name or role never reaches others) and removed on disconnect', async () => {
    const c = rawClient(server.wsUrl, workshopDocName(workshopId), { cookie: attacker.cookie, origin: server.origin });
    await c.opened;
    c.send(frames.awareness([{ clientId: 4242, clock: 1, state: { user: { name: 'The Dean', role: 'facilitator' }, dimensionId: 'd2', extra: 'x' } }]));
    await waitFor(() => watcher.awareness.getStates().has(4242), { what: 'attacker presence relayed' });
    expect(watcher.awareness.getStates().get(4242)).toEqual({
      user: { memberId: attacker.memberId, name: 'Person 2', perspective: 'Faculty', role: 'participant' },
      dimensionId: 'd2',
    });
    c.ws.close();
    await waitFor(() => !watcher.awareness.getStates().has(4242), { what: 'presence removed on disconnect' });
  });

  it('SYNC47 flooding one connection closes it with 4429', async () => {
    const c = rawClient(server.wsUrl, workshopDocName(workshopId), { cookie: attacker.cookie, origin: server.origin });
    await c.opened;
    const query = new Uint8Array([MessageType.queryAwareness]);
    for (let i = 0; i < 1000; i++) c.send(query);
    expect(await c.closed).toBe(CloseCode.rateLimited);
    expect(victimShared.wsconnected).toBe(true);
  });
});
