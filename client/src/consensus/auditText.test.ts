import { describe, expect, it } from 'vitest';
import { actionName, actorText, changeText } from './auditText';

describe('audit text', () => {
  it('names actions plainly and falls back to the code', () => {
    expect(actionName('consensus.lock')).toBe('Locked the consensus');
    expect(actionName('something.new')).toBe('something.new');
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
});
