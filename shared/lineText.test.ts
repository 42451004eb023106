import { describe, expect, it } from 'vitest';
import { requiredLineTextProblem } from './lineText';

describe('requiredLineTextProblem (the client-side words for the server’s name rules)', () => {
  const problem = (text: string) => requiredLineTextProblem(text, 80, 'your name');

  it('accepts real names in any script, with the joiners some of them need', () => {
    for (const ok of [
      'Ada Lovelace',
      '  José  ',
      'مهسا\u200cنوری',
      'क्षत्रिय',
      '👩\u200d🏫 Ms. Lee',
      'O’Brien-Smith',
    ]) {
      expect(problem(ok)).toBeNull();
    }
  });

  it('says in words what is wrong with blank, misleading or over-long names', () => {
    for (const blank of ['', '   ', '\u200b', '\t'])
      expect(problem(blank)).toBe('Enter your name: it needs at least one letter, digit or symbol.');
    for (const bad of ['a\u0000b', 'bell\u0007', 'evil\u202egnp.exe', '\u2066a\u2069'])
      expect(problem(bad)).toBe('Remove the control or text-direction characters from your name.');
    expect(problem('x'.repeat(81))).toBe('Shorten your name to 80 characters or fewer.');
  });
});
