import fs from 'node:fs';

/**
 * The PDF's fonts. DejaVu Sans (Debian's fonts-dejavu-core, installed by .ci/run) covers every name
 * a team might type — accents, Cyrillic, curly quotes, dashes — and is embedded as a subset, so the
 * text stays selectable and searchable. Without it we fall back to the PDF standard fonts, which only
 * encode WinAnsi: text is then transliterated (see `toWinAnsi`) rather than printed as garbage.
 * REPORT_FONT_DIR overrides the directory.
 */
export interface PdfFonts {
  regular: string;
  bold: string;
  /** Whether text must be transliterated to WinAnsi first. */
  winAnsiOnly: boolean;
}

const CANDIDATE_DIRS = [process.env.REPORT_FONT_DIR, '/usr/share/fonts/truetype/dejavu'].filter(
  (d): d is string => Boolean(d),
);

let cached: PdfFonts | null = null;

export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  for (const dir of CANDIDATE_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (fs.existsSync(regular) && fs.existsSync(bold)) {
      cached = { regular, bold, winAnsiOnly: false };
      return cached;
    }
  }
  cached = { regular: 'Helvetica', bold: 'Helvetica-Bold', winAnsiOnly: true };
  return cached;
}

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Keeps Latin-1 and WinAnsi's extras; strips accents from other letters; anything else becomes "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff || WIN_ANSI_EXTRAS.has(ch)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...base].every((c) => c.codePointAt(0)! <= 0xff) && base ? base : '?';
  }
  return out;
}
