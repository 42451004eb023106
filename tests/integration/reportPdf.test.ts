import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allDimensions } from '../../rubric/schema';
import { workshops } from '../../server/db/schema';
import {
  pdfText,
  type ReportTestApp,
  rate,
  reportTestApp,
  reveal,
  seedWorkshop,
  setConsensus,
} from './reportSetup';

let t: ReportTestApp;
beforeEach(() => {
  t = reportTestApp();
});
afterEach(() => t.close());

describe('GET /api/workshops/:id/report.pdf', () => {
  it('parses; its text has every dimension title and each consensus stage; tagged with language and title', async () => {
    const w = seedWorkshop(t, {
      status: 'finalized',
      institution: { name: 'Université de Saint-Étienne – “Campus Nord”' },
      people: [
        { name: 'Ana Facilitator', role: 'facilitator', perspective: 'Faculty' },
        { name: 'Bo Registrar', role: 'participant', perspective: 'Registrar' },
      ],
    });
    const rubric = t.deps.rubrics.get('ler-engagement')!;
    const dims = allDimensions(rubric);
    const stageIds = rubric.stages.map((s) => s.id);
    dims.forEach((d, i) => {
      const stage = stageIds[i % 3]!;
      reveal(t, w.workshopId, d.id, { [w.memberIds[0]!]: stage, [w.memberIds[1]!]: stageIds[(i + 1) % 3]! });
      rate(t, w.workshopId, w.memberIds[0]!, d.id, stage);
      rate(t, w.workshopId, w.memberIds[1]!, d.id, stage);
      setConsensus(t, w.workshopId, d.id, {
        stage,
        rationale: `Rationale ${i}`,
        locked: true,
        lockedAt: t.clock.now,
      });
    });

    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="ler-report-universite-de-saint-etienne-campus-nord-2025-03-14.pdf"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const { text, info } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    for (const d of dims) expect(flat).toContain(d.title);
    for (const [i, d] of dims.entries()) {
      const label = rubric.stages[i % 3]!.label;
      expect(flat).toContain(`${i + 1}. ${d.title}: ${label}`);
    }
    for (const s of rubric.stages) expect(flat).toContain(`Consensus: ${s.label} (locked)`);
    expect(flat).toContain('Université de Saint-Étienne – “Campus Nord”');
    expect(flat).toContain('Ana Facilitator');
    expect(info.Title).toBe('LER self-assessment report — Université de Saint-Étienne – “Campus Nord”');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Lang \(en-US\)/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/S /Figure');
    expect(raw).toContain('/S /H1');
  });

  it('an empty workshop still gives a valid PDF labelled "No ratings yet"', async () => {
    const w = seedWorkshop(t, { people: [{ name: 'Solo', role: 'facilitator', perspective: 'IT' }] });
    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.pdf`);
    expect(res.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text.replace(/\s+/g, ' ')).toContain('No ratings yet');
    for (const d of allDimensions(t.deps.rubrics.get('ler-engagement')!))
      expect(text.replace(/\s+/g, ' ')).toContain(d.title);
  });
});

/**
 * Each page's text split by marked content: `artifact` is what sits inside an `/Artifact` sequence
 * (skipped by assistive technology), `tagged` what sits inside a sequence with an MCID (the structure
 * tree's content). Footer lines come out whole: pdfjs joins a line's runs.
 */
async function pdfPages(bytes: Uint8Array) {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: { artifact: string[]; tagged: string[] }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent({ includeMarkedContent: true });
    const page = { artifact: [] as string[], tagged: [] as string[] };
    const open: { tag: string | null; id: string | null }[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') open.pop();
        // pdfjs sets `tag` (the operator's name) at runtime; its published type omits it.
        else open.push({ tag: (item as { tag?: string }).tag ?? null, id: item.id ?? null });
        continue;
      }
      if (!item.str.trim()) continue;
      if (open.some((m) => m.tag === 'Artifact')) page.artifact.push(item.str);
      else if (open.some((m) => m.id)) page.tagged.push(item.str);
    }
    pages.push(page);
  }
  await pdf.destroy();
  return pages;
}

/** The `BDC` operators of every page content stream (pdfkit compresses them with Flate). */
function artifactOperators(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const found: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('>>\nstream\n', at);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    if (end < 0) break;
    const body = raw.subarray(start + '>>\nstream\n'.length, end);
    at = end + '\nendstream'.length;
    let text: string;
    try {
      text = zlib.inflateSync(body).toString('latin1');
    } catch {
      continue; // not a Flate stream
    }
    found.push(...(text.match(/\/Artifact <<[\s\S]*?>> BDC/g) ?? []));
  }
  return found;
}

function ratedWorkshop(t: ReportTestApp) {
  const w = seedWorkshop(t, {
    status: 'finalized',
    people: [
      { name: 'Ana Facilitator', role: 'facilitator', perspective: 'Faculty' },
      { name: 'Bo Registrar', role: 'participant', perspective: 'Registrar' },
    ],
  });
  const rubric = t.deps.rubrics.get('ler-engagement')!;
  const stageIds = rubric.stages.map((s) => s.id);
  allDimensions(rubric).forEach((d, i) => {
    const stage = stageIds[i % 3]!;
    reveal(t, w.workshopId, d.id, { [w.memberIds[0]!]: stage, [w.memberIds[1]!]: stageIds[(i + 1) % 3]! });
    rate(t, w.workshopId, w.memberIds[0]!, d.id, stage, `Rationale for ${d.title}`);
    rate(t, w.workshopId, w.memberIds[1]!, d.id, stage);
    setConsensus(t, w.workshopId, d.id, {
      stage,
      rationale: `Rationale ${i}`,
      locked: true,
      lockedAt: t.clock.now,
    });
  });
  return w;
}

describe('report.pdf footer', () => {
  it('every page ends with "<workshop title>" and "Page i of N", N the real page count, inside a pagination artifact', async () => {
    const w = ratedWorkshop(t);
    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.pdf`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const pages = await pdfPages(bytes);
    const n = pages.length;
    expect(n).toBeGreaterThan(2);
    // No page the footer pushed out (pdfkit starts one for text below the bottom margin): every page
    // carries report content.
    expect(pages.flatMap((page, i) => (page.tagged.length > 0 ? [] : [i + 1]))).toEqual([]);
    // The footer, and nothing else, is an artifact.
    pages.forEach((page, i) => {
      expect(page.artifact, `page ${i + 1}`).toEqual(['Spring LER self-assessment', `Page ${i + 1} of ${n}`]);
    });
    // One `/Artifact <</Type /Pagination /Attached [/Bottom] ...>>` per page, and no other artifact.
    const artifacts = artifactOperators(bytes);
    expect(artifacts).toHaveLength(n);
    for (const op of artifacts)
      expect(op.replace(/\s+/g, ' ')).toMatch(
        /^\/Artifact << \/Type \/Pagination \/BBox \[[^\]]*\] \/Attached \[\/Bottom\] >> BDC$/,
      );
  });

  it('a workshop title too long for the footer line is shortened with an ellipsis; the page number stays', async () => {
    const w = seedWorkshop(t, { people: [{ name: 'Solo', role: 'facilitator', perspective: 'IT' }] });
    const long = `Self-assessment ${'of the learning and employment records pilot '.repeat(6)}`.trim();
    t.database.db.update(workshops).set({ title: long }).where(eq(workshops.id, w.workshopId)).run();
    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.pdf`);
    const pages = await pdfPages(new Uint8Array(await res.arrayBuffer()));
    pages.forEach((page, i) => {
      const [label, number] = page.artifact;
      expect(label).toMatch(/^Self-assessment of the learning .*…$/);
      expect(long.startsWith(label!.slice(0, -1))).toBe(true);
      expect(number).toBe(`Page ${i + 1} of ${pages.length}`);
    });
  });
});
