import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allDimensions } from '../../rubric/schema';
import { pdfText, type ReportTestApp, rate, reportTestApp, reveal, seedWorkshop, setConsensus } from './reportSetup';

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
      setConsensus(t, w.workshopId, d.id, { stage, rationale: `Rationale ${i}`, locked: true, lockedAt: t.clock.now });
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
    for (const d of allDimensions(t.deps.rubrics.get('ler-engagement')!)) expect(text.replace(/\s+/g, ' ')).toContain(d.title);
  });
});
