import { describe, expect, it } from 'vitest';
import { countOf } from './format';

describe('countOf', () => {
  it('puts the noun in the number the count needs', () => {
    expect(countOf(1, 'observer')).toBe('1 observer');
    expect(countOf(0, 'observer')).toBe('0 observers');
    expect(countOf(2, 'observer')).toBe('2 observers');
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(5, 'entry', 'entries')).toBe('5 entries');
  });
});
