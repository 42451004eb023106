import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { WorkshopDoc, WorkshopDocMaps } from '../../shared/docs/workshopDoc';
import { type Database_, openDatabase } from '../db/client';
import { ratingRules } from '../room/ratingRules';
import { revealDimensions } from '../room/reveal';
import { seedWorkshop, TEST_RUBRIC, TEST_RUBRICS } from '../room/testWorkshop';
import type { DocStore } from './docStore';
import type { RealtimeLog } from './log';
import { PersistQueue } from './persistQueue';
import { readStamp } from './projection/inStepStamp';
import { createWorkshopProjector } from './projection/workshopProjector';
import { countItems } from './rebase';
import { createSqliteDocStore } from './sqliteDocStore';
import { WorkshopGroup } from './workshopGroup';

const silent: RealtimeLog = { debug() {}, info() {}, warn() {}, error() {} };

/** The facilitator's reveal of dimension `alpha`, as the route writes it to the database. */
function revealAlpha(db: Database_['db'], workshopId: string): void {
  revealDimensions(db, {
    workshopId,
    dimensionIds: ['alpha'],
    actor: null,
    now: 2,
    currentRatings: new Map(),
    rules: ratingRules(TEST_RUBRIC, { allowNotSure: true }),
  });
}

describe('WorkshopGroup (SYNC60): member docs load lazily', () => {
  let database: Database_;
  afterEach(() => database.close());

  function setup(rebaseAfterTombstones = 1000) {
    database = openDatabase(':memory:');
    const { db } = database;
    const { workshopId, memberIds } = seedWorkshop(db, {
      members: [{ name: 'Ada' }, { name: 'Bo' }, { name: 'Cy' }, { name: 'Oz', role: 'observer' }],
    });
    // Loads take a turn of the event loop, as any store over a network would.
    const sqlite = createSqliteDocStore(db, Date.now);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const store: DocStore = {
      ...sqlite,
      load: async (name) => {
        await turn();
        return sqlite.load(name);
      },
      loadMany: async (names) => {
        await turn();
        return sqlite.loadMany(names);
      },
    };
    const deps = {
      db,
      rubrics: TEST_RUBRICS,
      now: Date.now,
      store,
      queue: new PersistQueue(store),
      log: silent,
      compactEvery: 200,
      rebaseAfterTombstones,
      maxDocBytes: 8 * 1024 * 1024,
      createProjector: createWorkshopProjector,
      onPersistFailure: () => {},
    };
    const load = () => WorkshopGroup.load(workshopId, deps);
    const member = (id: string) => ({ kind: 'member' as const, workshopId, memberId: id });
    return { db, workshopId, memberIds, load, member, sqlite };
  }

  it('a stored doc in step loads alone; a member doc loads on use; a reveal loads and projects everyone', async () => {
    const { db, workshopId, memberIds, load, member } = setup();
    const [ada, bo, cy] = memberIds as [string, string, string];

    // First load ever: no stamp yet, so every contributor's doc (not the observer's) is loaded.
    const first = await load();
    expect(first.rooms()).toHaveLength(4);
    for (const [i, id] of [ada, bo, cy].entries())
      new MemberDoc((await first.room(member(id))).doc).ratings.set('alpha', {
        stage: i === 0 ? 'developing' : 'effective-practice',
        rationale: `reason ${i}`,
        updatedAt: 1,
      });
    await first.whenSaved();
    first.destroy();

    const group = await load();
    expect(group.rooms()).toHaveLength(1);
    const view = new WorkshopDoc(group.workshopRoom.doc);
    expect(view.ratedBy('alpha').sort()).toEqual([ada, bo, cy].sort());

    await group.room(member(bo));
    expect(group.rooms()).toHaveLength(2);

    // The facilitator's reveal, as the route does it: the database, then the bridge's refresh.
    revealAlpha(db, workshopId);
    await group.refreshFacts();
    expect(group.rooms()).toHaveLength(4);
    expect([...view.ratings('alpha').keys()].sort()).toEqual([ada, bo, cy].sort());
    expect(view.ratings('alpha').get(cy)?.rationale).toBe('reason 2');
    expect(readStamp(group.workshopRoom.doc.getMap(WorkshopDocMaps.projection))).not.toBeNull();
    await group.whenSaved();
    group.destroy();
  });

  it('a stored doc out of step (here: stamp removed) is ready only once every member doc is projected', async () => {
    const { memberIds, load, member } = setup();
    const first = await load();
    new MemberDoc((await first.room(member(memberIds[2]!))).doc).ratings.set('beta', {
      stage: 'developing',
      rationale: '',
      updatedAt: 1,
    });
    // What a crash between a deferred recount and the next stamp leaves behind.
    first.workshopRoom.doc.transact(() => first.workshopRoom.doc.getMap(WorkshopDocMaps.projection).clear());
    await first.whenSaved();
    first.destroy();

    const group = await load();
    expect(group.rooms()).toHaveLength(4);
    expect(new WorkshopDoc(group.workshopRoom.doc).ratedBy('beta')).toEqual([memberIds[2]]);
    expect(readStamp(group.workshopRoom.doc.getMap(WorkshopDocMaps.projection))).not.toBeNull();
    await group.whenSaved();
    group.destroy();
  });

  it('SYNC64 a doc of mostly tombstones is re-based at load: same content, stamp kept, new edits projected', async () => {
    const { db, workshopId, memberIds, load, member, sqlite } = setup(40);
    const [ada, bo] = memberIds as [string, string];
    const first = await load();
    revealAlpha(db, workshopId);
    await first.refreshFacts();
    // Every change of a revealed rating replaces its workshop-doc entry: one tombstone each.
    for (let i = 0; i < 30; i++) {
      for (const id of [ada, bo]) {
        const stage = i % 2 === 0 ? 'developing' : 'effective-practice';
        new MemberDoc((await first.room(member(id))).doc).ratings.set('alpha', {
          stage,
          rationale: `take ${i}`,
          updatedAt: i,
        });
      }
    }
    await first.whenSaved();
    const before = new WorkshopDoc(first.workshopRoom.doc);
    const ratingsBefore = before.ratings('alpha');
    const tombstonesBefore = countItems(first.workshopRoom.doc).deleted;
    expect(tombstonesBefore).toBeGreaterThanOrEqual(60);
    first.destroy();

    const group = await load();
    const doc = group.workshopRoom.doc;
    expect(countItems(doc).deleted).toBe(0);
    expect(new WorkshopDoc(doc).ratings('alpha')).toEqual(ratingsBefore);
    // The stamp came along, so the load still opened the workshop doc alone.
    expect(group.rooms()).toHaveLength(1);
    const stored = await sqlite.load(`workshop:${workshopId}`);
    expect(stored.updates).toHaveLength(0);
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, stored.snapshot!);
    expect(countItems(storedDoc)).toEqual(countItems(doc));

    // The projector works on the re-based doc.
    new MemberDoc((await group.room(member(ada))).doc).ratings.set('alpha', {
      stage: 'developing',
      rationale: 'final',
      updatedAt: 99,
    });
    expect(new WorkshopDoc(doc).ratings('alpha').get(ada)?.rationale).toBe('final');
    await group.whenSaved();
    group.destroy();

    // Few tombstones since: the next load keeps the doc's history.
    const again = await load();
    expect(countItems(again.workshopRoom.doc).deleted).toBeGreaterThan(0);
    expect(new WorkshopDoc(again.workshopRoom.doc).ratings('alpha').get(ada)?.rationale).toBe('final');
    again.destroy();
  });
});
