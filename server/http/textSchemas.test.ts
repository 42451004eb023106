import { describe, expect, it } from 'vitest';
import { lineText, requiredLineText } from './textSchemas';

describe('names, titles and labels', () => {
  const name = requiredLineText(80);

  it('accepts real names in any script, with the joiners some of them need, trimmed', () => {
    for (const ok of [
      'Ada Lovelace',
      '  José  ',
      'مهسا\u200cنوری',
      'क्षत्रिय',
      '👩\u200d🏫 Ms. Lee',
      'O’Brien-Smith',
    ])
      expect(name.safeParse(ok)).toMatchObject({ success: true, data: ok.trim() });
  });

  it('refuses control characters, direction overrides and text with nothing visible', () => {
    for (const bad of [
      'a\u0000b',
      'bell\u0007',
      'x\u001b[31m',
      'evil\u202egnp.exe',
      '\u2066a\u2069',
      '\u200b',
      '   ',
      '\u0085',
    ])
      expect(name.safeParse(bad).success).toBe(false);
  });

  it('lets an optional label be empty, but not misleading', () => {
    expect(lineText(80).safeParse('').success).toBe(true);
    expect(lineText(80).safeParse('Break\u202e').success).toBe(false);
  });
});
