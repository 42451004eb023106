import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { WorkshopDocMaps } from '../../../shared/docs/workshopDoc';
import { members } from '../../db/schema';
import { TEST_RUBRICS } from '../../room/testWorkshop';
import { memberFactsStamp, readStamp } from './inStepStamp';
import { loadFacts } from './loadFacts';
import { makeProjection } from './testHarness';

type Rig = ReturnType<typeof makeProjection>;

const comment = (dimensionId: string) => ({
  dimensionId,
  parentKey: null,
  text: 'a point',
  evidence: [],
  createdAt: 1,
  editedAt: null,
  deleted: false,
});
const react = (doc: Y.Doc, id: string, commentKey: string, emoji: string) =>
  new MemberDoc(doc).reactions.set(id, { commentKey, emoji, createdAt: 1 });

/** Every map a member sees, as JSON (the projector's own `projection` map left out). */
function visibleMaps(doc: Y.Doc) {
  const out: Record<string, unknown> = {};
  for (const [name, mapName] of Object.entries(WorkshopDocMaps))
    if (name !== 'projection') out[name] = doc.getMap(mapName).toJSON();
  return out;
}

/** What projecting every member's doc from scratch gives: the reference a lazy load must reach. */
function fullProjection(rig: Rig, memberDocs: Y.Doc[]) {
  const doc = new Y.Doc();
  const projector = rig.projectorOver(doc);
  for (const [i, d] of memberDocs.entries()) projector.attachMemberDoc(rig.memberIds[i]!, d);
  projector.refreshFacts();
  const maps = visibleMaps(doc);
  projector.destroy();
  return maps;
}

const stampOf = (doc: Y.Doc) => readStamp(doc.getMap(WorkshopDocMaps.projection));
const currentStamp = (rig: Rig) =>
  memberFactsStamp(loadFacts(rig.db, TEST_RUBRICS, rig.workshopId, () => new Map()));

/** Ada comments on alpha and beta; Bo and Cy react; everyone rates alpha, which is revealed. */
function busyWorkshop(settings = {}) {
  const rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }, { name: 'Cy' }], settings });
  const ada = rig.memberIds[0]!;
  new MemberDoc(rig.memberDocs[0]!).comments.set('c1', comment('alpha'));
  new MemberDoc(rig.memberDocs[0]!).comments.set('c2', comment('beta'));
  react(rig.memberDocs[1]!, 'r1', `${ada}:c1`, '👍');
  react(rig.memberDocs[2]!, 'r1', `${ada}:c1`, '👍');
  react(rig.memberDocs[2]!, 'r2', `${ada}:c2`, '❓');
  rig.rate(0, 'alpha', { stage: 'developing', rationale: 'ada' });
  rig.rate(1, 'alpha', { stage: 'effective-practice', rationale: 'bo' });
  rig.rate(2, 'beta', { stage: 'developing', rationale: 'cy' });
  rig.reveal(['alpha']);
  return rig;
}

describe('lazy member docs (SYNC60): the stored workshop doc stands in for unloaded members', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('a doc in step is trusted: one member attaching changes nothing and loads nobody else', () => {
    rig = busyWorkshop();
    expect(stampOf(rig.workshopDoc)).toBe(currentStamp(rig));
    const before = visibleMaps(rig.workshopDoc);
    const lazy = rig.reopenLazily();
    const updates: Uint8Array[] = [];
    lazy.doc.on('update', (u: Uint8Array) => updates.push(u));

    lazy.attach(1);
    expect(updates).toEqual([]);
    expect(lazy.requests.count).toBe(0);

    // Bo's rating edit is projected incrementally: still nobody else is needed.
    new MemberDoc(lazy.memberDocs[1]!).ratings.set('alpha', {
      stage: 'developing',
      rationale: 'bo2',
      updatedAt: 2,
    });
    expect(lazy.view.ratings('alpha').get(rig.memberIds[1]!)?.rationale).toBe('bo2');
    expect(lazy.requests.count).toBe(0);
    expect(stampOf(lazy.doc)).toBe(currentStamp(rig));
    expect(visibleMaps(lazy.doc)).toEqual({ ...before, ratings: visibleMaps(lazy.doc).ratings });
    lazy.projector.destroy();
  });

  it('a doc out of step (a reveal while the workshop was unloaded) asks for everyone, then equals a full projection', () => {
    rig = busyWorkshop();
    rig.projector.destroy(); // unloaded: the reveal below reaches the database only
    rig.reveal(['beta']);
    const lazy = rig.reopenLazily();
    expect(lazy.requests.count).toBeGreaterThan(0);
    expect(stampOf(lazy.doc)).toBeNull();
    expect(lazy.view.ratings('beta').size).toBe(0);

    lazy.attach(0);
    lazy.attach(1);
    expect(stampOf(lazy.doc)).toBeNull(); // Cy's doc is still missing
    lazy.attach(2);
    expect(lazy.view.ratings('beta').get(rig.memberIds[2]!)?.rationale).toBe('cy');
    expect(visibleMaps(lazy.doc)).toEqual(fullProjection(rig, lazy.memberDocs));
    expect(stampOf(lazy.doc)).toBe(currentStamp(rig));
    lazy.projector.destroy();
  });

  it('PROJ6 on load: a member removed while the workshop was unloaded leaves the doc, with their reactions', () => {
    rig = busyWorkshop();
    const [ada, , cy] = rig.memberIds;
    rig.projector.destroy();
    rig.db.update(members).set({ removedAt: 5 }).where(eq(members.id, cy!)).run();
    const lazy = rig.reopenLazily();
    expect(lazy.view.ratings('alpha').has(cy!)).toBe(false);
    expect(lazy.requests.count).toBeGreaterThan(0);
    lazy.attach(0);
    lazy.attach(1);
    expect(lazy.view.reactions(`${ada}:c1`)).toEqual({ '👍': 1 });
    expect(lazy.view.map('reactions').has(`${ada}:c2`)).toBe(false);
    expect(visibleMaps(lazy.doc)).toEqual(fullProjection(rig, lazy.memberDocs.slice(0, 2)));
    expect(stampOf(lazy.doc)).toBe(currentStamp(rig));
    lazy.projector.destroy();
  });

  it('PROJ6 while loaded: removing a member whose doc is not loaded takes their entries out at once', () => {
    rig = busyWorkshop();
    const cy = rig.memberIds[2]!;
    const lazy = rig.reopenLazily();
    lazy.attach(0);
    expect(lazy.view.ratedBy('beta')).toEqual([cy]);
    rig.db.update(members).set({ removedAt: 5 }).where(eq(members.id, cy)).run();
    lazy.projector.refreshFacts();
    expect(lazy.view.ratedBy('beta')).toEqual([]);
    expect(lazy.view.members().get(cy)?.removed).toBe(true);
    lazy.projector.destroy();
  });

  it('a reaction with docs missing: the stamp goes in the same update, counts wait for everyone, then are exact', () => {
    rig = busyWorkshop();
    const ada = rig.memberIds[0]!;
    const lazy = rig.reopenLazily();
    lazy.attach(1);
    const stampsSeen: Array<string | null> = [];
    lazy.doc.on('update', (update: Uint8Array) => {
      // What a restart right after this update would load.
      const stored = new Y.Doc();
      Y.applyUpdate(stored, Y.encodeStateAsUpdate(lazy.doc));
      stampsSeen.push(stampOf(stored));
      void update;
    });

    react(lazy.memberDocs[1]!, 'r2', `${ada}:c1`, '🎯');
    expect(stampsSeen).toEqual([null]);
    expect(lazy.requests.count).toBe(1);
    expect(lazy.view.reactions(`${ada}:c1`)).toEqual({ '👍': 2 }); // not recounted from Bo's doc alone

    lazy.attach(0);
    lazy.attach(2);
    expect(lazy.view.reactions(`${ada}:c1`)).toEqual({ '👍': 2, '🎯': 1 });
    expect(lazy.view.reactions(`${ada}:c2`)).toEqual({ '❓': 1 });
    expect(visibleMaps(lazy.doc)).toEqual(fullProjection(rig, lazy.memberDocs));
    expect(stampOf(lazy.doc)).toBe(currentStamp(rig));
    lazy.projector.destroy();
  });

  it('a new comment with docs missing waits for its reaction count too', () => {
    rig = busyWorkshop();
    const lazy = rig.reopenLazily();
    lazy.attach(0);
    new MemberDoc(lazy.memberDocs[0]!).comments.set('c3', comment('alpha'));
    expect(lazy.view.comments('alpha').has(`${rig.memberIds[0]}:c3`)).toBe(true);
    expect(lazy.requests.count).toBe(1);
    expect(stampOf(lazy.doc)).toBeNull();
    lazy.projector.destroy();
  });

  it('facts that change nothing members project to need nobody; a reveal needs everyone', () => {
    rig = busyWorkshop();
    const lazy = rig.reopenLazily();
    lazy.attach(0);
    // Refreshes run on the rig's database, and the lazy projector reads the same one.
    lazy.projector.refreshFacts();
    expect(lazy.requests.count).toBe(0);
    expect(stampOf(lazy.doc)).toBe(currentStamp(rig));

    rig.reveal(['beta']); // the rig's projector is gone; the lazy one is told below
    lazy.projector.refreshFacts();
    expect(lazy.requests.count).toBe(1);
    expect(stampOf(lazy.doc)).toBeNull();
    lazy.attach(1);
    lazy.attach(2);
    expect(lazy.view.ratings('beta').get(rig.memberIds[2]!)?.rationale).toBe('cy');
    expect(stampOf(lazy.doc)).toBe(currentStamp(rig));
    lazy.projector.destroy();
  });

  it('PROJ7 auto-reveal waits for every doc, so the first round holds every rating', () => {
    rig = makeProjection({
      members: [
        { name: 'Pat', role: 'participant' },
        { name: 'Quinn', role: 'participant' },
      ],
      settings: { autoReveal: true },
    });
    rig.rate(0, 'alpha', { stage: 'developing' });
    const lazy = rig.reopenLazily();
    lazy.attach(1);
    new MemberDoc(lazy.memberDocs[1]!).ratings.set('alpha', {
      stage: 'effective-practice',
      rationale: '',
      updatedAt: 3,
    });
    expect(lazy.view.dimensionState('alpha').phase).toBe('rating');
    expect(lazy.requests.count).toBe(1);

    lazy.attach(0);
    expect(lazy.view.dimensionState('alpha').phase).toBe('revealed');
    expect(lazy.view.firstRound('alpha')).toEqual(
      new Map([
        [rig.memberIds[0]!, { stage: 'developing' }],
        [rig.memberIds[1]!, { stage: 'effective-practice' }],
      ]),
    );
    lazy.projector.destroy();
  });
});
