import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allDimensions } from '../../rubric/schema';
import { parseCsv, type ReportTestApp, rate, reportTestApp, reveal, seedWorkshop, setConsensus } from './reportSetup';

const LE = 'learning-evaluation';
const CF = 'curricular-flexibility';
const SS = 'student-support';

let t: ReportTestApp;
beforeEach(() => {
  t = reportTestApp();
});
afterEach(() => t.close());

/** A named workshop: 4 raters + an observer; one dimension revealed and locked, one rated blind. */
function namedWorkshop() {
  const w = seedWorkshop(t, {
    people: [
      { name: 'Ana Facilitator', role: 'facilitator', perspective: 'Administration' },
      { name: 'Bo Faculty', role: 'participant', perspective: 'Faculty' },
      { name: 'Cy Tech', role: 'participant', perspective: 'IT' },
      { name: 'Di Faculty', role: 'participant', perspective: 'Faculty' },
      { name: 'Obi Observer', role: 'observer', perspective: 'Other' },
    ],
  });
  const [ana, bo, cy, di] = w.memberIds as [string, string, string, string];
  reveal(t, w.workshopId, LE, { [ana]: 'developing', [bo]: 'new-emerging', [cy]: 'effective-practice', [di]: 'developing' });
  rate(t, w.workshopId, ana, LE, 'developing', 'Outcomes mapped in most programs');
  rate(t, w.workshopId, bo, LE, 'developing', '=HYPERLINK("http://x")');
  rate(t, w.workshopId, cy, LE, 'developing');
  rate(t, w.workshopId, di, LE, 'effective-practice', 'Credit for prior learning exists');
  // Rated but never revealed: must stay blind in the report.
  rate(t, w.workshopId, bo, CF, 'effective-practice', 'secret blind rating');
  setConsensus(t, w.workshopId, LE, {
    stage: 'developing',
    rationale: 'Policies exist; skill frameworks are not shared yet.',
    dissent: 'One member saw effective practice in nursing.',
    nextSteps: 'Adopt a shared skills framework.',
    locked: true,
    lockedAt: t.clock.now,
    contentHash: 'abc123',
  });
  setConsensus(t, w.workshopId, SS, { notAssessedReason: 'Student services lead was absent.' });
  return { ...w, ana, bo, cy, di };
}

describe('GET /api/workshops/:id/report (JSON model)', () => {
  it('reports summary, consensus with stage text, ratings, distributions, heatmap and spread field by field', async () => {
    const w = namedWorkshop();
    const res = await t.request(w.userIds[4]!, 'GET', `/api/workshops/${w.workshopId}/report`);
    expect(res.status).toBe(200);
    const r = await res.json();
    const rubric = t.deps.rubrics.get('ler-engagement')!;

    expect(r.schemaVersion).toBe(1);
    expect(r.status).toBe('in-progress');
    expect(r.generatedAt).toBe('2025-03-14T15:00:00.000Z');
    expect(r.institution).toEqual({ id: w.institutionId, name: 'Lakeside Community College', system: 'State System', state: 'OH' });
    expect(r.rubric).toMatchObject({ id: 'ler-engagement', version: '1.0', title: rubric.title });
    expect(r.rubric.stages.map((s: { id: string }) => s.id)).toEqual(['new-emerging', 'developing', 'effective-practice']);
    expect(r.workshop).toMatchObject({ id: w.workshopId, anonymity: 'named', status: 'open', finalizedAt: null });
    expect(r.participants).toEqual({
      total: 4,
      observers: 1,
      byPerspective: [
        { perspective: 'Administration', count: 1, names: ['Ana Facilitator'] },
        { perspective: 'Faculty', count: 2, names: ['Bo Faculty', 'Di Faculty'] },
        { perspective: 'IT', count: 1, names: ['Cy Tech'] },
      ],
    });
    expect(r.hasRatings).toBe(true);

    // Grouped by category in rubric order, every dimension present.
    expect(r.categories.map((c: { id: string }) => c.id)).toEqual(rubric.categories.map((c) => c.id));
    const dims = r.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions);
    expect(dims.map((d: { id: string }) => d.id)).toEqual(allDimensions(rubric).map((d) => d.id));

    const le = dims.find((d: { id: string }) => d.id === LE);
    const leRubric = allDimensions(rubric).find((d) => d.id === LE)!;
    expect(le.consensus).toEqual({
      stage: 'developing',
      stageLabel: 'Developing',
      stageText: leRubric.stages.developing,
      rationale: 'Policies exist; skill frameworks are not shared yet.',
      dissent: 'One member saw effective practice in nursing.',
      nextSteps: 'Adopt a shared skills framework.',
      locked: true,
      lockedAt: t.clock.now,
      revision: 1,
      contentHash: 'abc123',
      notAssessedReason: null,
    });
    expect(le.ratings).toEqual([
      {
        participant: 'Ana Facilitator',
        perspective: 'Administration',
        stage: 'developing',
        stageLabel: 'Developing',
        firstRoundStage: 'developing',
        firstRoundStageLabel: 'Developing',
        rationale: 'Outcomes mapped in most programs',
        updatedAt: t.clock.now,
      },
      expect.objectContaining({ participant: 'Bo Faculty', stage: 'developing', firstRoundStage: 'new-emerging' }),
      expect.objectContaining({ participant: 'Cy Tech', stage: 'developing', firstRoundStage: 'effective-practice', rationale: '' }),
      expect.objectContaining({ participant: 'Di Faculty', stage: 'effective-practice', firstRoundStage: 'developing' }),
    ]);
    expect(le.firstRound).toEqual({ counts: { 'new-emerging': 1, developing: 2, 'effective-practice': 1 }, notSure: 0, unrated: 0, total: 4 });
    expect(le.final).toEqual({ counts: { 'new-emerging': 0, developing: 3, 'effective-practice': 1 }, notSure: 0, unrated: 0, total: 4 });
    expect(le.heatmap).toEqual([
      { perspective: 'Administration', total: 1, shares: { 'new-emerging': 0, developing: 1, 'effective-practice': 0 }, counts: { 'new-emerging': 0, developing: 1, 'effective-practice': 0 } },
      { perspective: 'Faculty', total: 2, shares: { 'new-emerging': 0, developing: 0.5, 'effective-practice': 0.5 }, counts: { 'new-emerging': 0, developing: 1, 'effective-practice': 1 } },
      { perspective: 'IT', total: 1, shares: { 'new-emerging': 0, developing: 1, 'effective-practice': 0 }, counts: { 'new-emerging': 0, developing: 1, 'effective-practice': 0 } },
    ]);
    expect(le.spread).toEqual({ firstRange: 2, finalRange: 1, change: 'narrowed', agreed: false, changedCount: 3 });

    const ss = dims.find((d: { id: string }) => d.id === SS);
    expect(ss.consensus).toMatchObject({ stage: null, notAssessedReason: 'Student services lead was absent.' });
  });

  it('REPORT3: never shows ratings of a dimension that is not revealed yet (blind rating holds in the report)', async () => {
    const w = namedWorkshop();
    const res = await t.request(w.userIds[1]!, 'GET', `/api/workshops/${w.workshopId}/report`);
    const body = await res.text();
    const cf = JSON.parse(body).categories[0].dimensions.find((d: { id: string }) => d.id === CF);
    expect(cf.ratings).toEqual([]);
    expect(cf.final.total).toBe(0);
    expect(body).not.toContain('secret blind rating');
  });

  it('REPORT7: a workshop with nothing rated is valid and says so', async () => {
    const w = seedWorkshop(t, { people: [{ name: 'Solo', role: 'facilitator', perspective: 'IT' }] });
    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report`);
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.hasRatings).toBe(false);
    expect(r.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions)).toHaveLength(9);
    const csv = await (await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.csv`)).text();
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows[1]!.slice(0, 1)).toEqual(['note']);
    expect(rows[1]).toContain('No ratings yet');
    expect(rows.filter((row) => row[0] === 'consensus')).toHaveLength(9);
  });
});

describe('REPORT5: report access', () => {
  it('unknown workshop → 404, non-member → 403, signed out → 401, on every format', async () => {
    const w = namedWorkshop();
    const stranger = seedWorkshop(t, { people: [{ name: 'Stranger', role: 'facilitator', perspective: 'IT' }] }).userIds[0]!;
    for (const suffix of ['', '.json', '.csv', '.pdf']) {
      const unknown = await t.request(w.userIds[0]!, 'GET', `/api/workshops/nope/report${suffix}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
      const forbidden = await t.request(stranger, 'GET', `/api/workshops/${w.workshopId}/report${suffix}`);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect((await t.request(null, 'GET', `/api/workshops/${w.workshopId}/report${suffix}`)).status).toBe(401);
    }
  });
});

describe('GET /api/workshops/:id/report.json and report.csv (downloads)', () => {
  it('report.json is the same model as an attachment with rubric id/version and schemaVersion', async () => {
    const w = namedWorkshop();
    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ler-report-lakeside-community-college-2025-03-14.json"');
    const model = await res.json();
    const page = await (await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report`)).json();
    expect(model).toEqual(page);
    expect(model).toMatchObject({ schemaVersion: 1, rubric: { id: 'ler-engagement', version: '1.0' } });
  });

  it('REPORT6: report.csv: BOM, header, one row per rating and per consensus, formula cells made inert', async () => {
    const w = namedWorkshop();
    const res = await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ler-report-lakeside-community-college-2025-03-14\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    const [header, ...data] = rows as [string[], ...string[][]];
    expect(header).toEqual([
      'record_type', 'institution', 'workshop_id', 'workshop_title', 'rubric_id', 'rubric_version', 'category',
      'dimension_id', 'dimension', 'participant', 'perspective', 'first_round_stage', 'stage', 'stage_label',
      'rationale', 'dissent', 'next_steps', 'locked', 'locked_at', 'content_hash', 'not_assessed_reason',
    ]);
    const records = data.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    expect(records.filter((r) => r.record_type === 'rating')).toHaveLength(4);
    expect(records.filter((r) => r.record_type === 'consensus')).toHaveLength(9);
    expect(records.filter((r) => r.record_type === 'note')).toHaveLength(0);
    expect(records.find((r) => r.participant === 'Di Faculty')).toEqual({
      record_type: 'rating',
      institution: 'Lakeside Community College',
      workshop_id: w.workshopId,
      workshop_title: 'Spring LER self-assessment',
      rubric_id: 'ler-engagement',
      rubric_version: '1.0',
      category: 'Faculty Engagement and Development',
      dimension_id: LE,
      dimension: 'Learning Evaluation',
      participant: 'Di Faculty',
      perspective: 'Faculty',
      first_round_stage: 'developing',
      stage: 'effective-practice',
      stage_label: 'Effective Practice',
      rationale: 'Credit for prior learning exists',
      dissent: '',
      next_steps: '',
      locked: '',
      locked_at: '',
      content_hash: '',
      not_assessed_reason: '',
    });
    expect(records.find((r) => r.record_type === 'consensus' && r.dimension_id === LE)).toMatchObject({
      stage: 'developing',
      stage_label: 'Developing',
      rationale: 'Policies exist; skill frameworks are not shared yet.',
      dissent: 'One member saw effective practice in nursing.',
      next_steps: 'Adopt a shared skills framework.',
      locked: 'yes',
      locked_at: '2025-03-14T15:00:00.000Z',
      content_hash: 'abc123',
    });
    expect(records.find((r) => r.record_type === 'consensus' && r.dimension_id === SS)).toMatchObject({
      stage: '',
      locked: 'no',
      not_assessed_reason: 'Student services lead was absent.',
    });
    // The formula is kept as text: a leading quote stops spreadsheets from evaluating it.
    expect(records.find((r) => r.participant === 'Bo Faculty')!.rationale).toBe(`'=HYPERLINK("http://x")`);
    expect(records.every((r) => Object.values(r).every((v) => !/^[=+\-@\t\r]/.test(v ?? '')))).toBe(true);
  });
});
