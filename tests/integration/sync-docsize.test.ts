import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { testConfig } from '../../server/config';
import { memberDocName, workshopDocName } from '../../shared/docNames';
import type { MemberComment } from '../../shared/docs/memberDoc';
import { Limits } from '../../shared/domain';
import {
  type SeededMember,
  seedWorkshop,
  startTestServer,
  storedDoc,
  type TestServer,
} from '../helpers/testServer';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

/** Small enough that two members' shares of comments fill the workshop doc. */
const MAX_DOC_BYTES = 300 * 1024;
const DIMENSION = 'learning-evaluation';

function longComment(createdAt: number): MemberComment {
  return {
    dimensionId: DIMENSION,
    parentKey: null,
    text: 'x'.repeat(Limits.commentMax),
    evidence: [],
    createdAt,
    editedAt: null,
    deleted: false,
  };
}

/**
 * PROJ11 through the real server: members' comments, each member inside their own share, fill the
 * workshop doc up to WS_MAX_DOC_BYTES; from then on nothing more is projected into it, and a new
 * reader can still open it (before the limit, its first sync grew past the send-buffer cut-off).
 */
describe('the workshop doc at its size limit (PROJ11)', () => {
  let server: TestServer;
  let workshopId: string;
  let ada: SeededMember;
  let bo: SeededMember;
  let facilitator: SeededMember;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    server = await startTestServer({ config: { ws: { ...testConfig().ws, maxDocBytes: MAX_DOC_BYTES } } });
    const seed = seedWorkshop(server, ['facilitator', 'participant', 'participant']);
    workshopId = seed.workshopId;
    [facilitator, ada, bo] = seed.members as [SeededMember, SeededMember, SeededMember];
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server.close();
  });

  async function ownDoc(member: SeededMember): Promise<WebsocketProvider> {
    const p = connectProvider(server.wsUrl, memberDocName(workshopId, member.memberId), {
      cookie: member.cookie,
      origin: server.origin,
    });
    providers.push(p);
    await waitFor(() => p.synced);
    return p;
  }

  /** Posts `count` comments of the longest kind, a few per update (frames stay small). */
  async function post(
    p: WebsocketProvider,
    member: SeededMember,
    prefix: string,
    count: number,
    from: number,
  ) {
    const comments = p.doc.getMap('comments');
    for (let i = 0; i < count; i += 5)
      p.doc.transact(() => {
        for (let j = i; j < Math.min(count, i + 5); j++) comments.set(`${prefix}${j}`, longComment(from + j));
      });
    const last = `${prefix}${count - 1}`;
    await waitFor(async () =>
      (await storedDoc(server, memberDocName(workshopId, member.memberId))).getMap('comments').has(last),
    );
  }

  it('PROJ11: the doc stops growing at the limit, and a new reader still opens it', async () => {
    const adaOwn = await ownDoc(ada);
    const boOwn = await ownDoc(bo);
    const shared = () => storedDoc(server, workshopDocName(workshopId));

    await post(adaOwn, ada, 'a', 30, 1_000); // 150,000 characters: inside Ada's share and the doc's limit
    expect((await shared()).getMap('comments').size).toBe(30);
    // Bo's as many again reach the limit; from then on nothing more of his is projected.
    await post(boOwn, bo, 'b', 30, 2_000);
    await post(boOwn, bo, 'more', 10, 3_000);
    const full = await shared();
    const size = Y.encodeStateAsUpdate(full).byteLength;
    const count = full.getMap('comments').size;
    expect(full.getMap('comments').has(`${bo.memberId}:more9`)).toBe(false);
    expect(count).toBeLessThan(70);
    // At most one update (5 comments) past the limit.
    expect(size).toBeLessThan(MAX_DOC_BYTES + 5 * (Limits.commentMax + 200));

    // A new reader syncs the whole doc (its first message is under the send-buffer cut-off).
    const reader = connectProvider(server.wsUrl, workshopDocName(workshopId), {
      cookie: facilitator.cookie,
      origin: server.origin,
    });
    providers.push(reader);
    await waitFor(() => reader.synced);
    expect(reader.doc.getMap('comments').size).toBe(count);
    expect(reader.wsconnected).toBe(true);
  });
});
