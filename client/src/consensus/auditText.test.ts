import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../shared/auditActions';
import { actionName, actorText, changeText, mergeNames, targetText } from './auditText';

describe('audit text', () => {
  it('names actions plainly and falls back to the code', () => {
    expect(actionName('consensus.lock')).toBe('Locked the consensus');
    expect(actionName('something.new')).toBe('something.new');
    expect(actionName('toString')).toBe('toString');
  });
  it('AUDIT5: names every action the server records, each differently', () => {
    const names = AUDIT_ACTIONS.map(actionName);
    for (const [i, action] of AUDIT_ACTIONS.entries()) expect(names[i], action).not.toBe(action);
    expect(new Set(names).size).toBe(AUDIT_ACTIONS.length);
  });
  it('describes the actor with role and account, or System', () => {
    expect(actorText(null)).toBe('System');
    expect(
      actorText({
        memberId: 'm',
        name: 'Fran',
        role: 'facilitator',
        roleRecorded: true,
        account: { userId: 'u', kind: 'account', email: 'f@x.edu' },
      }),
    ).toBe('Fran (facilitator), f@x.edu');
  });
  it('AUDIT4: says when the role shown is the current one, not one recorded with the entry', () => {
    const old = { memberId: 'm', name: 'Pat', role: 'participant', roleRecorded: false, account: null };
    expect(actorText(old)).toBe('Pat (currently participant)');
    expect(actorText({ ...old, role: null })).toBe('Pat');
  });
  it('shows only the fields that changed', () => {
    expect(
      changeText({ role: 'participant', perspective: 'IT' }, { role: 'facilitator', perspective: 'IT' }),
    ).toBe('role: participant → facilitator');
    expect(changeText(null, { reason: 'Because of data' })).toBe('reason: Because of data');
  });
  describe('AUDIT5: with the names the page carries', () => {
    const names = {
      targets: { 7: 'Learning Evaluation' },
      stages: { developing: 'Developing', 'effective-practice': 'Effective Practice' },
      dimensions: { sharing: 'Sharing' },
      members: { m1: 'Fran', m2: 'Cy' },
    };
    it('shows the target by name, else its id, else a dash', () => {
      expect(targetText({ id: 7, target: 'learning-evaluation' }, names)).toBe('Learning Evaluation');
      expect(targetText({ id: 8, target: 'x1' }, names)).toBe('x1');
      expect(targetText({ id: 9, target: null }, names)).toBe('—');
    });
    it('names ids by the kind of field that holds them, and never replaces free text', () => {
      expect(changeText({ stage: 'developing' }, { stage: 'effective-practice' }, names)).toBe(
        'stage: Developing → Effective Practice',
      );
      expect(changeText(null, { spotlight: 'sharing', reason: 'developing' }, names)).toBe(
        'spotlight: Sharing; reason: developing',
      );
      expect(changeText({ m1: 'facilitator', m2: 'participant' }, { m1: 'participant', m2: 'facilitator' }, names)).toBe(
        'Fran: facilitator → participant; Cy: participant → facilitator',
      );
    });
    it('shows only the changed fields of a nested object, by path', () => {
      expect(
        changeText(
          { title: 'Spring', settings: { anonymity: 'named', allowNotSure: true }, updatedAt: 1 },
          { title: 'Spring', settings: { anonymity: 'named', allowNotSure: false }, updatedAt: 1 },
          names,
        ),
      ).toBe('settings.allowNotSure: true → false');
    });
    it('leaves out record ids and creation times, and lists a created object field by field', () => {
      expect(
        changeText(null, { id: 'i1', inviteId: 'x', createdAt: 5, role: 'observer', settings: { tags: ['IT', 'Faculty'] } }, names),
      ).toBe('role: observer; settings.tags: IT, Faculty');
      expect(changeText(null, { dimensionId: 'sharing', targetStage: 'developing' }, names)).toBe(
        'dimensionId: Sharing; targetStage: Developing',
      );
    });
    it('shows times as local dates and empty values as "none"', () => {
      const at = Date.UTC(2026, 10, 30, 14, 5);
      expect(changeText({ timerEndsAt: null, timerLabel: '' }, { timerEndsAt: at, timerLabel: 'Vote' }, names)).toBe(
        `timerEndsAt: none → ${new Date(at).toLocaleString()}; timerLabel: none → Vote`,
      );
    });
    it('merges the names of several pages', () => {
      const merged = mergeNames(names, undefined, { ...names, targets: { 3: 'Sharing' }, members: { m3: 'Pat' } });
      expect(merged.targets).toEqual({ 7: 'Learning Evaluation', 3: 'Sharing' });
      expect(merged.members).toEqual({ m1: 'Fran', m2: 'Cy', m3: 'Pat' });
    });
  });
});
