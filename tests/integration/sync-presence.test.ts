import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshopDocName } from '../../shared/docNames';
import { AnonymityMode, type MemberRole } from '../../shared/domain';
import { seedWorkshop, startTestServer, type TestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider, frames, rawClient } from '../helpers/wsClient';

/**
 * SYNC30 in anonymous modes: presence carries what the workshop doc's members map shows (PROJ4) —
 * the pseudonym, and "Other" for a perspective fewer than three raters hold — never the real name,
 * not even in the bytes a watcher receives.
 */
describe('presence in anonymous workshops (SYNC30)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  async function presenceSeenBy(anonymity: AnonymityMode, roles: MemberRole[]) {
    const { workshopId, members } = seedWorkshop(server, roles, { settings: { anonymity } });
    const docName = workshopDocName(workshopId);
    const speaker = members[1]!;
    // The watcher is a raw socket so every byte it receives can be searched for the real name.
    const watcher = rawClient(server.wsUrl, docName, { cookie: members[0]!.cookie, origin: server.origin });
    const viewer = connectProvider(server.wsUrl, docName, {
      cookie: members[0]!.cookie,
      origin: server.origin,
    });
    const c = rawClient(server.wsUrl, docName, { cookie: speaker.cookie, origin: server.origin });
    await Promise.all([watcher.opened, c.opened]);
    c.send(
      frames.awareness([
        { clientId: 777, clock: 1, state: { user: { name: 'Person 1' }, dimensionId: null } },
      ]),
    );
    const state = await waitFor(() => viewer.awareness.getStates().get(777) ?? false, {
      what: 'presence relayed',
    });
    const received = () => Buffer.concat(watcher.frames.map((f) => Buffer.from(f))).toString('latin1');
    await waitFor(() => received().includes('Participant 2'), { what: 'watcher received the presence' });
    viewer.destroy();
    c.ws.close();
    watcher.ws.close();
    return { state, speaker, bytes: received() };
  }

  it('SYNC30 anonymous: the pseudonym, and "Other" for a perspective fewer than three raters hold', async () => {
    // Two raters (facilitator, participant) share "Faculty": too few to be named by perspective.
    const { state, speaker, bytes } = await presenceSeenBy(AnonymityMode.anonymous, [
      'facilitator',
      'participant',
      'observer',
    ]);
    expect(state).toEqual({
      user: { memberId: speaker.memberId, name: 'Participant 2', perspective: 'Other', role: 'participant' },
      dimensionId: null,
    });
    // seedWorkshop names member i "Person i": the claimed name is overwritten, the real one never sent.
    expect(bytes).not.toContain('Person 1');
    expect(bytes).not.toContain('Faculty');
  });

  it('SYNC30 anonymous-while-rating (open): the pseudonym; a perspective of three raters is kept', async () => {
    const { state, speaker, bytes } = await presenceSeenBy(AnonymityMode.anonymousWhileRating, [
      'facilitator',
      'participant',
      'participant',
    ]);
    expect(state).toEqual({
      user: {
        memberId: speaker.memberId,
        name: 'Participant 2',
        perspective: 'Faculty',
        role: 'participant',
      },
      dimensionId: null,
    });
    expect(bytes).not.toContain('Person 1');
  });
});

/** SYNC31: a clientID belongs to whoever announced it first in the room, also while they are away. */
describe('presence clientIDs', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('SYNC31: no one takes over an absent member’s clientID, and the member’s presence returns when they reconnect', async () => {
    const { workshopId, members } = seedWorkshop(server, ['facilitator', 'participant', 'participant']);
    const docName = workshopDocName(workshopId);
    const [facilitator, victim, attacker] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    const viewer = connectProvider(server.wsUrl, docName, {
      cookie: facilitator.cookie,
      origin: server.origin,
    });
    const seen = () =>
      viewer.awareness.getStates().get(4242) as
        | { user?: { memberId?: string }; dimensionId?: string }
        | undefined;
    const connect = async (member: typeof victim) => {
      const c = rawClient(server.wsUrl, docName, { cookie: member.cookie, origin: server.origin });
      await c.opened;
      return c;
    };

    const first = await connect(victim);
    first.send(frames.awareness([{ clientId: 4242, clock: 1, state: { dimensionId: null } }]));
    await waitFor(() => seen()?.user?.memberId === victim.memberId, { what: 'the victim’s presence' });
    first.ws.close();
    await waitFor(() => seen() === undefined, { what: 'the victim gone' });

    const intruder = await connect(attacker);
    intruder.send(frames.awareness([{ clientId: 4242, clock: 1000, state: { dimensionId: 'taken' } }]));
    // Its own presence, under a clientID of its own, still works: once it shows, the takeover was handled.
    intruder.send(frames.awareness([{ clientId: 5151, clock: 1, state: { dimensionId: null } }]));
    await waitFor(() => viewer.awareness.getStates().has(5151), { what: 'the attacker’s own presence' });
    expect(seen()).toBeUndefined();

    const again = await connect(victim);
    again.send(frames.awareness([{ clientId: 4242, clock: 2, state: { dimensionId: 'back' } }]));
    await waitFor(() => seen()?.dimensionId === 'back', { what: 'the victim’s presence again' });
    expect(seen()?.user?.memberId).toBe(victim.memberId);
    expect(intruder.closeCode).toBeNull();
    viewer.destroy();
    intruder.ws.close();
    again.ws.close();
  });
});
