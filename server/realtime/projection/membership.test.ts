import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { members, workshops } from '../../db/schema';
import { addMember } from '../../room/testWorkshop';
import { defaultSettings } from '../../workshops/settings';
import { containsText, makeProjection } from './testHarness';

describe('PROJ4 anonymity and PROJ6 membership', () => {
  let rig: ReturnType<typeof makeProjection>;
  afterEach(() => rig.close());

  const team = [
    { name: 'Grace Hopper-Realname', perspective: 'Faculty', pseudonym: 'Participant 1' },
    { name: 'Alan Turing-Realname', perspective: 'Faculty', pseudonym: 'Participant 2' },
    { name: 'Ada Lovelace-Realname', perspective: 'Faculty', pseudonym: 'Participant 3' },
    { name: 'Edsger Dijkstra-Realname', perspective: 'Registrar', pseudonym: 'Participant 4' },
    { name: 'Barbara Liskov-Realname', perspective: 'IT', pseudonym: 'Participant 5' },
  ];

  it('PROJ4: in anonymous mode no real name is in the doc bytes; perspectives held by fewer than 3 become Other', () => {
    rig = makeProjection({ members: team, settings: { anonymity: 'anonymous' } });
    rig.rate(3, 'alpha', { stage: 'developing' });
    rig.reveal(['alpha']);
    for (const m of team) expect(containsText(rig.bytes(), m.name)).toBe(false);
    const shown = [...rig.view.members().values()].map((m) => [m.name, m.perspective]).sort();
    expect(shown).toEqual([
      ['Participant 1', 'Faculty'],
      ['Participant 2', 'Faculty'],
      ['Participant 3', 'Faculty'],
      ['Participant 4', 'Other'],
      ['Participant 5', 'Other'],
    ]);
    expect(containsText(rig.bytes(), 'Registrar')).toBe(false);
  });

  it('PROJ4: anonymous-while-rating hides names while the workshop is open, shows them once finalized', () => {
    rig = makeProjection({ members: team, settings: { anonymity: 'anonymous-while-rating' } });
    for (const m of team) expect(containsText(rig.bytes(), m.name)).toBe(false);
    rig.db.update(workshops).set({ status: 'finalized' }).where(eq(workshops.id, rig.workshopId)).run();
    rig.projector.refreshFacts();
    expect(rig.view.members().get(rig.memberIds[3]!)).toMatchObject({
      name: 'Edsger Dijkstra-Realname',
      perspective: 'Registrar',
    });
  });

  it('PROJ4: switching a named workshop to anonymous replaces the names', () => {
    rig = makeProjection({ members: team });
    expect(rig.view.members().get(rig.memberIds[0]!)?.name).toBe(team[0]!.name);
    rig.db
      .update(workshops)
      .set({ settings: { ...defaultSettings(), anonymity: 'anonymous' } })
      .where(eq(workshops.id, rig.workshopId))
      .run();
    rig.projector.refreshFacts();
    expect(rig.view.meta()?.anonymity).toBe('anonymous');
    // Deleted map values are garbage-collected, so a newly joining browser gets no name either.
    for (const m of team) expect(containsText(rig.bytes(), m.name)).toBe(false);
  });

  it("PROJ6: a removed member's ratings, comments and reactions leave the doc; they stay listed as removed", () => {
    rig = makeProjection({ members: [{ name: 'Ada' }, { name: 'Bo' }] });
    const [ada, bo] = rig.memberIds;
    rig.rate(0, 'alpha', { stage: 'developing' });
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', {
      dimensionId: 'alpha',
      parentKey: null,
      text: 'hello',
      evidence: [],
      createdAt: 1,
      editedAt: null,
      deleted: false,
    });
    new MemberDoc(rig.memberDocs[1]!).comments.set('c1', {
      dimensionId: 'alpha',
      parentKey: null,
      text: 'hi',
      evidence: [],
      createdAt: 1,
      editedAt: null,
      deleted: false,
    });
    new MemberDoc(rig.memberDocs[0]!).reactions.set('r', {
      commentKey: `${bo}:c1`,
      emoji: '🎯',
      createdAt: 1,
    });
    rig.reveal(['alpha']);
    expect(rig.view.reactions(`${bo}:c1`)).toEqual({ '🎯': 1 });

    rig.db.update(members).set({ removedAt: 5 }).where(eq(members.id, ada!)).run();
    rig.projector.refreshFacts();
    expect(rig.view.ratedBy('alpha')).toEqual([]);
    expect(rig.view.ratings('alpha').size).toBe(0);
    expect(rig.view.firstRound('alpha').size).toBe(0);
    expect([...rig.view.comments().keys()]).toEqual([`${bo}:c1`]);
    expect(rig.view.reactions(`${bo}:c1`)).toEqual({});
    expect(rig.view.members().get(ada!)?.removed).toBe(true);
    // Their doc is still attached (the transport closes it later); their edits must not come back.
    rig.rate(0, 'beta', { stage: 'developing' });
    expect(rig.view.ratedBy('beta')).toEqual([]);
  });

  it('PROJ6: a member who joins later appears after refreshFacts, and a detached doc keeps its entries', () => {
    rig = makeProjection({ members: [{ name: 'Ada' }] });
    const late = addMember(rig.db, rig.workshopId, { name: 'Late' }, 2);
    rig.projector.refreshFacts();
    expect(rig.view.members().get(late)?.name).toBe('Late');
    rig.rate(0, 'alpha', { stage: 'developing' });
    rig.projector.detachMemberDoc(rig.memberIds[0]!);
    rig.rate(0, 'beta', { stage: 'developing' });
    rig.projector.refreshFacts();
    expect(rig.view.ratedBy('alpha')).toEqual([rig.memberIds[0]]);
    expect(rig.view.ratedBy('beta')).toEqual([]);
  });

  it("PROJ6: an observer's doc contributes nothing, even if one is attached", () => {
    rig = makeProjection({ members: [{ name: 'Olive', role: 'observer' }] });
    rig.rate(0, 'alpha', { stage: 'developing' });
    new MemberDoc(rig.memberDocs[0]!).comments.set('c1', {
      dimensionId: 'alpha',
      parentKey: null,
      text: 'observer speaking',
      evidence: [],
      createdAt: 1,
      editedAt: null,
      deleted: false,
    });
    expect(rig.view.map('rated').size).toBe(0);
    expect(rig.view.map('comments').size).toBe(0);
    expect(rig.view.members().get(rig.memberIds[0]!)?.role).toBe('observer');
  });
});
