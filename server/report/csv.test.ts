import { describe, expect, it } from 'vitest';
import { inertCell } from './csv';

describe('REPORT6 inertCell', () => {
  it('prefixes a quote to every cell a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(inertCell(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text alone, including formula characters later in the cell', () => {
    for (const v of ['', 'Developing', 'a=b', 'x - y', 'mail@example.edu', ' =1']) expect(inertCell(v)).toBe(v);
  });
});
