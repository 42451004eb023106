import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './fonts';

describe('toWinAnsi (standard-font fallback)', () => {
  it('keeps Latin-1 and WinAnsi punctuation as is', () => {
    expect(toWinAnsi('Université – “Nord” … ’s €')).toBe('Université – “Nord” … ’s €');
  });
  it('strips accents it cannot encode and replaces other scripts with "?"', () => {
    expect(toWinAnsi('Łódź Dvořák')).toBe('?ódz Dvorák');
    expect(toWinAnsi('Москва 北京')).toBe('?????? ??');
  });
});
