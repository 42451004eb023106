import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client';
import { consensusCell } from '../InstitutionPage';
import { missingDimensions } from './FinalizeSection';
import { fromLocalInput, toLocalInput } from './SettingsSection';

describe('finalize refusal (LOCK7)', () => {
  it('reads the open dimension ids only from a 409 with details.missing', () => {
    expect(missingDimensions(new ApiRequestError(409, 'conflict', 'open', { missing: ['a', 'b'] }))).toEqual(['a', 'b']);
    expect(missingDimensions(new ApiRequestError(409, 'conflict', 'finalized already'))).toBeNull();
    expect(missingDimensions(new ApiRequestError(403, 'forbidden', 'no', { missing: ['a'] }))).toBeNull();
  });
});

describe('institution history cells (REPORT11)', () => {
  const label = (s: string) => ({ developing: 'Developing' })[s] ?? s;
  it('says in words whether a consensus is locked, a draft, not assessed or missing', () => {
    expect(consensusCell({ stage: 'developing', locked: true, notAssessed: false }, label)).toBe('Developing');
    expect(consensusCell({ stage: 'developing', locked: false, notAssessed: false }, label)).toBe('Developing (draft, not locked)');
    expect(consensusCell({ stage: null, locked: false, notAssessed: true }, label)).toBe('Not assessed');
    expect(consensusCell(undefined, label)).toBe('Not decided');
  });
});

describe('rating deadline input', () => {
  it('round-trips local minutes; empty means no deadline', () => {
    const ms = new Date(2030, 4, 17, 9, 30).getTime();
    expect(toLocalInput(ms)).toBe('2030-05-17T09:30');
    expect(fromLocalInput('2030-05-17T09:30')).toBe(ms);
    expect(fromLocalInput('')).toBeNull();
  });
});
