import PDFDocument from 'pdfkit';
import { pdfFonts, toWinAnsi } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

export const PAGE_MARGIN = 54;
/** Footer text size: below the 10 pt body, still legible when printed. */
const FOOTER_SIZE = 9;
export const Gray = { text: '#1a1a1a', muted: '#555555', rule: '#999999', light: '#dddddd' } as const;

export interface PdfWriterOptions {
  /** Printed small on the left of every page's footer, next to "Page N of M". */
  footer?: string;
  lang?: string;
}

/**
 * A thin layer over pdfkit that writes tagged content: every heading and paragraph is a structure
 * element (H1/H2/H3/P/L/Figure) in reading order, so screen readers and reflow see a real document,
 * and every string goes through one text filter (font coverage). Every page gets a footer, marked as
 * a pagination artifact so assistive technology skips it.
 */
export class PdfWriter {
  readonly doc: Doc;
  private readonly root: StructElement;
  private readonly fonts = pdfFonts();
  private readonly footer: string;
  private parents: StructElement[] = [];

  constructor(title: string, { footer = '', lang = 'en-US' }: PdfWriterOptions = {}) {
    this.footer = footer;
    this.doc = new PDFDocument({
      size: 'LETTER',
      margin: PAGE_MARGIN,
      tagged: true,
      // Pages stay in memory until `finish`, which then knows the total for "Page N of M".
      bufferPages: true,
      lang,
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: this.t(title), Creator: 'LER Workshop', Producer: 'LER Workshop (pdfkit)' },
    });
    this.doc.registerFont('body', this.fonts.regular);
    this.doc.registerFont('bold', this.fonts.bold);
    this.doc.font('body').fillColor(Gray.text);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.parents.push(this.root);
  }

  /** Text as the chosen font can encode it. */
  t(text: string): string {
    return this.fonts.winAnsiOnly ? toWinAnsi(text) : text;
  }

  private get parent(): StructElement {
    return this.parents[this.parents.length - 1]!;
  }

  /** A section (Sect) grouping what `body` writes. */
  section(body: () => void): void {
    const sect = this.doc.struct('Sect');
    this.parent.add(sect);
    this.parents.push(sect);
    body();
    this.parents.pop();
    sect.end();
  }

  heading(level: 1 | 2 | 3, text: string): void {
    const size = level === 1 ? 20 : level === 2 ? 15 : 12.5;
    // Keep a heading with what follows it: a category or dimension heading never ends a page.
    this.ensureSpace(level === 1 ? size * 4 : level === 2 ? 170 : 110);
    this.doc.moveDown(level === 1 ? 0 : 0.6);
    this.parent.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font('bold').fontSize(size).fillColor(Gray.text).text(this.t(text), { paragraphGap: 4 });
      }),
    );
    this.doc.font('body').fontSize(10);
  }

  paragraph(text: string, options: { label?: string; muted?: boolean; size?: number } = {}): void {
    const doc = this.doc;
    this.parent.add(
      doc.struct('P', {}, () => {
        doc.fontSize(options.size ?? 10).fillColor(options.muted ? Gray.muted : Gray.text);
        // A label-only paragraph ("Key comments:") heads the list below it. It must end its own line:
        // a `continued` label followed by empty text leaves pdfkit's line open, and the next item
        // was printed over it.
        if (options.label && !text) {
          doc.font('bold').text(this.t(`${options.label}:`), { paragraphGap: 3 });
        } else {
          if (options.label) doc.font('bold').text(this.t(`${options.label}: `), { continued: true });
          doc.font('body').text(this.t(text), { paragraphGap: 3 });
        }
        doc.font('body');
        doc.fillColor(Gray.text);
      }),
    );
  }

  /** A list (L > LI > LBody). */
  list(items: readonly string[]): void {
    if (items.length === 0) return;
    const list = this.doc.struct('L');
    this.parent.add(list);
    for (const item of items) {
      list.add(
        this.doc.struct('LI', {}, [
          this.doc.struct('LBody', {}, () => {
            this.doc
              .font('body')
              .fontSize(10)
              .text(this.t(`• ${item}`), { indent: 8, paragraphGap: 2 });
          }),
        ]),
      );
    }
    list.end();
  }

  /** Vector drawing as a Figure with alternative text; the caller also writes its numbers as text. */
  figure(alt: string, height: number, draw: (top: number) => void): void {
    this.ensureSpace(height + 10);
    const top = this.doc.y;
    this.parent.add(
      this.doc.struct('Figure', { alt: this.t(alt) }, () => {
        draw(top);
      }),
    );
    this.doc.x = PAGE_MARGIN;
    this.doc.y = top + height + 6;
  }

  /** Starts a new page if fewer than `points` remain, so headings never end a page alone. */
  ensureSpace(points: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + points > bottom) this.doc.addPage();
  }

  get contentWidth(): number {
    return this.doc.page.width - PAGE_MARGIN * 2;
  }

  /**
   * "Page N of M" on the right of each page's bottom margin, the footer label on the left. Marked
   * content `/Artifact <</Type /Pagination /Attached [/Bottom]>>`, outside the structure tree: a
   * screen reader does not read it between two paragraphs, and text extraction can tell it apart.
   */
  private writeFooters(): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    doc.font('body').fontSize(FOOTER_SIZE);
    // One label for every page, sized against the widest page number.
    const label = this.fit(
      this.t(this.footer),
      this.contentWidth - doc.widthOfString(`Page ${count} of ${count}`) - 18,
    );
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Text below the bottom margin would make pdfkit start a new page; `lineBreak: false` keeps
      // it on one line and the zero margin keeps any wrap check from seeing an overflow.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const top = doc.page.height - PAGE_MARGIN + 18;
      const right = doc.page.width - PAGE_MARGIN;
      doc.font('body').fontSize(FOOTER_SIZE).fillColor(Gray.muted);
      const pageLabel = `Page ${i - start + 1} of ${count}`;
      const pageLabelWidth = doc.widthOfString(pageLabel);
      doc.markContent('Artifact', {
        type: 'Pagination',
        attached: ['Bottom'],
        bbox: [PAGE_MARGIN, top, right, top + doc.currentLineHeight(true)],
      });
      if (label) doc.text(label, PAGE_MARGIN, top, { lineBreak: false });
      doc.text(pageLabel, right - pageLabelWidth, top, { lineBreak: false });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottomMargin;
    }
    doc.fillColor(Gray.text);
  }

  /** `text` shortened with an ellipsis to `width` points in the current font. */
  private fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && this.doc.widthOfString(`${chars.join('').trimEnd()}…`) > width) chars.pop();
    return chars.length > 0 ? `${chars.join('').trimEnd()}…` : '';
  }

  async finish(): Promise<Buffer> {
    this.writeFooters();
    this.root.end();
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}
