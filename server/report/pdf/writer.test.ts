import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from './writer';

/** Each text run of page 1 with its baseline y (PDF units, from the bottom of the page). */
async function textRuns(bytes: Buffer): Promise<Array<{ str: string; y: number }>> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  await pdf.destroy();
  return content.items.flatMap((item) =>
    'str' in item && item.str.trim() ? [{ str: item.str, y: item.transform[5] as number }] : [],
  );
}

describe('PdfWriter', () => {
  it('a label-only paragraph ("Key comments:") ends its line: the list below starts on a line of its own', async () => {
    const w = new PdfWriter('Layout');
    w.paragraph('', { label: 'Key comments' });
    w.list(['Ana: the first comment', 'Bo: the second comment']);
    const runs = await textRuns(await w.finish());
    const heading = runs.find((r) => r.str.includes('Key comments'));
    const first = runs.find((r) => r.str.includes('the first comment'));
    expect(heading).toBeDefined();
    expect(first).toBeDefined();
    // Lower on the page means a smaller y; a whole line (10 pt type) apart, not printed over each other.
    expect(heading!.y - first!.y).toBeGreaterThanOrEqual(10);
  });

  it('a labelled paragraph keeps its label and text on one line', async () => {
    const w = new PdfWriter('Layout');
    w.paragraph('Developing (locked)', { label: 'Consensus' });
    const runs = await textRuns(await w.finish());
    const label = runs.find((r) => r.str.includes('Consensus'));
    const text = runs.find((r) => r.str.includes('Developing'));
    expect(label!.y).toBe(text!.y);
  });
});
