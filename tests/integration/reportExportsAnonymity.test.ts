import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnonymityMode } from '../../shared/domain';
import { pdfText, type ReportTestApp, rate, reportTestApp, reveal, seedWorkshop, setConsensus } from './reportSetup';

let t: ReportTestApp;
beforeEach(() => {
  t = reportTestApp();
});
afterEach(() => t.close());

// Distinctive names (with non-ASCII letters) so a leak cannot hide behind a common word.
const NAMES = ['Zelda Quixbottom', 'Ørjan Vantablack', 'Yusuf Krzyzanowski', 'Maëlle Thistlewood'];

async function exportsOf(userId: string, workshopId: string) {
  const get = (suffix: string) => t.request(userId, 'GET', `/api/workshops/${workshopId}/report${suffix}`);
  const page = await (await get('')).text();
  const json = await (await get('.json')).text();
  const csv = await (await get('.csv')).text();
  const pdf = new Uint8Array(await (await get('.pdf')).arrayBuffer());
  return { page, json, csv, pdf };
}

describe.each(['anonymous', 'anonymous-while-rating'] as AnonymityMode[])('REPORT1: %s workshop', (anonymity) => {
  it('no real name anywhere in the bytes of the JSON, CSV and PDF, even after lock and finalize', async () => {
    const w = seedWorkshop(t, {
      anonymity,
      status: 'finalized',
      people: NAMES.map((name, i) => ({ name, role: i === 0 ? 'facilitator' : 'participant', perspective: i < 2 ? 'Faculty' : 'Registrar' })),
    });
    const firstRound = Object.fromEntries(w.memberIds.map((m) => [m, 'developing']));
    reveal(t, w.workshopId, 'systems', firstRound);
    w.memberIds.forEach((m, i) => {
      rate(t, w.workshopId, m, 'systems', i % 2 ? 'developing' : 'effective-practice', 'We discussed the LMS.');
    });
    setConsensus(t, w.workshopId, 'systems', { stage: 'developing', rationale: 'Agreed', locked: true, lockedAt: t.clock.now });

    const out = await exportsOf(w.userIds[1]!, w.workshopId);
    const pdf = await pdfText(out.pdf);
    const pdfRaw = Buffer.from(out.pdf).toString('latin1');
    for (const name of NAMES) {
      for (const part of name.split(' ')) {
        expect(out.page).not.toContain(part);
        expect(out.json).not.toContain(part);
        expect(out.csv).not.toContain(part);
        expect(pdf.text).not.toContain(part);
        expect(pdfRaw).not.toContain(part);
      }
    }
    // Pseudonyms are used instead, and the ratings are still there.
    const model = JSON.parse(out.json);
    const systems = model.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions).find((d: { id: string }) => d.id === 'systems');
    expect(systems.ratings.map((r: { participant: string }) => r.participant)).toEqual(['Participant 1', 'Participant 2', 'Participant 3', 'Participant 4']);
    expect(model.participants.byPerspective.every((p: object) => !('names' in p))).toBe(true);
    expect(out.csv).toContain('Participant 3');
    expect(pdf.text).toContain('Participant 3');
  });

  it('REPORT2: a perspective held by fewer than three members is shown as "Other"', async () => {
    const w = seedWorkshop(t, {
      anonymity,
      people: [
        { name: 'A', role: 'facilitator', perspective: 'Faculty' },
        { name: 'B', role: 'participant', perspective: 'Faculty' },
        { name: 'C', role: 'participant', perspective: 'Faculty' },
        { name: 'D', role: 'participant', perspective: 'Registrar' },
      ],
    });
    reveal(t, w.workshopId, 'sharing', {});
    for (const m of w.memberIds) rate(t, w.workshopId, m, 'sharing', 'developing');
    const model = await (await t.request(w.userIds[0]!, 'GET', `/api/workshops/${w.workshopId}/report`)).json();
    expect(model.participants.byPerspective).toEqual([
      { perspective: 'Faculty', count: 3 },
      { perspective: 'Other', count: 1 },
    ]);
    const sharing = model.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions).find((d: { id: string }) => d.id === 'sharing');
    expect(sharing.heatmap.map((h: { perspective: string }) => h.perspective)).toEqual(['Faculty', 'Other']);
    expect(JSON.stringify(model)).not.toContain('Registrar');
  });
});
