import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { nullRealtimeBridge } from '../../server/realtime/bridge';
import type { MemberRating } from '../../shared/docs/memberDoc';
import { WorkshopDocMaps } from '../../shared/docs/workshopDoc';
import { api, createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';
import { parseCsv, pdfText } from './reportSetup';

/**
 * CSV and PDF exports of workshops built only with the real routes (sign-up, create, invite, reveal,
 * consensus, lock) and the production report source — no staged facts. The bridge plays the
 * realtime layer: members' ratings and the projected workshop doc (evidence, comments, reactions),
 * as in reportRealSources.test.ts (REPORT12).
 */
const DIM = 'systems';
const FAC = 'Fran Facilitator';
const GUEST = 'Dana Rivera';

let close = () => {};
afterEach(() => close());

async function build(anonymity: 'named' | 'anonymous') {
  const ids: { fac?: string; guest?: string } = {};
  const workshopDoc = new Y.Doc();
  const rating = (stage: string, rationale: string): MemberRating => ({ stage, rationale, updatedAt: 1 });
  const t = makeTestApp({
    realtime: {
      ...nullRealtimeBridge,
      memberRatings: async () =>
        new Map([
          [ids.fac!, new Map([[DIM, rating('developing', 'Roadmap is funded')]])],
          [ids.guest!, new Map([[DIM, rating('new-emerging', 'Pilot only')]])],
        ]),
      workshopDocState: async () => Y.encodeStateAsUpdate(workshopDoc),
    },
  });
  close = t.close;
  const fac = await signUp(t.app, { name: FAC, email: 'fran@riverbend.edu' });
  const workshop = await createWorkshop(t.app, fac.cookie, {
    institution: 'Riverbend Community College',
    settings: { anonymity },
  });
  const guest = await joinWorkshop(t.app, fac.cookie, workshop.id, { role: 'participant', name: GUEST, perspective: 'IT' });
  const base = `/api/workshops/${workshop.id}`;
  const f = (method: string, path: string, body?: unknown) =>
    api(t.app, method, `${base}${path}`, { cookie: fac.cookie, ...(body === undefined ? {} : { body }) });
  ids.fac = (await f('GET', '')).json.me.memberId;
  ids.guest = guest.memberId;

  expect((await f('POST', '/reveal', { dimensionIds: [DIM] })).status).toBe(200);
  // What the projector writes into the workshop doc: authored, server-stamped entries.
  workshopDoc.transact(() => {
    workshopDoc.getMap(WorkshopDocMaps.evidence).set(`${ids.guest}:ev1`, {
      memberId: ids.guest,
      dimensionId: DIM,
      url: 'https://riverbend.edu/sis-roadmap',
      title: 'SIS roadmap',
      note: 'Procurement 2027',
      createdAt: 5,
    });
    const comment = (memberId: string, text: string, createdAt: number) => ({
      memberId,
      dimensionId: DIM,
      parentKey: null,
      text,
      evidence: [],
      createdAt,
      editedAt: null,
      deleted: false,
    });
    workshopDoc.getMap(WorkshopDocMaps.comments).set(`${ids.fac}:c1`, comment(ids.fac!, 'Registrar agrees', 1));
    workshopDoc.getMap(WorkshopDocMaps.comments).set(`${ids.guest}:c2`, comment(ids.guest!, 'The API pilot is live', 2));
    workshopDoc.getMap(WorkshopDocMaps.reactions).set(`${ids.guest}:c2`, { '👍': 2 });
  });
  expect((await f('PUT', `/dimensions/${DIM}/consensus`, { stage: 'developing', rationale: 'Funded roadmap.' })).status).toBe(200);
  const lock = await f('POST', `/dimensions/${DIM}/lock`);
  expect(lock.status).toBe(200);
  // The names each side is shown as: pseudonyms for the others in anonymous mode (ANON2).
  const facLabel = (await api(t.app, 'GET', `${base}/members`, { cookie: guest.cookie })).json.members.find(
    (m: { id: string }) => m.id === ids.fac,
  ).name as string;
  const guestLabel = (await f('GET', '/members')).json.members.find((m: { id: string }) => m.id === ids.guest)
    .name as string;
  const get = (path: string) => t.app.request(`http://localhost${base}${path}`, { headers: { Cookie: guest.cookie } });
  return { t, f, get, lock: lock.json.lock, facLabel, guestLabel, ids };
}

describe('report exports through the real routes', () => {
  it('REPORT4: CSV of a named workshop: one row per rating (name, first round, sealed stage, the member\'s rationale) and the consensus with its lock hash', async () => {
    const w = await build('named');
    const res = await w.get('/report.csv');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    const mine = rows.filter((r) => col(r, 'dimension_id') === DIM);
    const ratings = mine.filter((r) => col(r, 'record_type') === 'rating');
    expect(ratings.map((r) => [col(r, 'participant'), col(r, 'first_round_stage'), col(r, 'stage'), col(r, 'rationale')])).toEqual([
      // Same join time (the test clock stands still), so by name.
      [GUEST, 'new-emerging', 'new-emerging', 'Pilot only'],
      [FAC, 'developing', 'developing', 'Roadmap is funded'],
    ]);
    const consensus = mine.find((r) => col(r, 'record_type') === 'consensus')!;
    expect(col(consensus, 'stage')).toBe('developing');
    expect(col(consensus, 'locked')).toBe('yes');
    expect(col(consensus, 'content_hash')).toBe(w.lock.contentHash);
    expect(col(consensus, 'institution')).toBe('Riverbend Community College');
  });

  it('REPORT4: PDF of a named workshop parses and shows the locked consensus, ratings, evidence and key comments', async () => {
    const w = await build('named');
    const res = await w.get('/report.pdf');
    expect(res.status).toBe(200);
    const flat = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s+/g, ' ');
    expect(flat).toContain('Consensus: Developing (locked)');
    expect(flat).toContain('Funded roadmap.');
    expect(flat).toContain(`${GUEST} (IT)`);
    expect(flat).toContain(`SIS roadmap <https://riverbend.edu/sis-roadmap> (${GUEST})`);
    expect(flat).toContain(`${GUEST}: The API pilot is live`);
  });

  it('REPORT1: an ANONYMOUS workshop with evidence and key comments: no real name in JSON, CSV or PDF text; authors are pseudonyms', async () => {
    const w = await build('anonymous');
    expect(w.facLabel).toMatch(/^Participant \d+$/);
    expect(w.guestLabel).toMatch(/^Participant \d+$/);
    const secrets = [FAC, GUEST, 'Fran', 'Rivera', 'fran@riverbend.edu'];

    const json = await (await w.get('/report.json')).text();
    const page = await (await w.get('/report')).text();
    const csv = await (await w.get('/report.csv')).text();
    const pdf = (await pdfText(new Uint8Array(await (await w.get('/report.pdf')).arrayBuffer()))).text.replace(/\s+/g, ' ');
    for (const [what, text] of Object.entries({ json, page, csv, pdf })) {
      for (const s of secrets) expect(text, `${what} contains ${s}`).not.toContain(s);
    }

    // The authors are there, under their pseudonyms.
    const dim = JSON.parse(json).categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions).find((d: { id: string }) => d.id === DIM);
    expect(dim.evidence.map((e: { participant: string }) => e.participant)).toEqual([w.guestLabel]);
    expect(dim.keyComments.map((k: { participant: string; text: string }) => [k.participant, k.text])).toEqual([
      [w.guestLabel, 'The API pilot is live'],
      [w.facLabel, 'Registrar agrees'],
    ]);
    expect(dim.ratings.map((r: { participant: string }) => r.participant).sort()).toEqual([w.facLabel, w.guestLabel].sort());
    expect(pdf).toContain(`(${w.guestLabel}) — Procurement 2027`);
    expect(pdf).toContain(`${w.guestLabel}: The API pilot is live`);
    expect(pdf).toContain(`${w.facLabel}: Registrar agrees`);
    expect(parseCsv(csv.replace(/^\uFEFF/, '')).filter((r) => r.includes('rating')).map((r) => r.find((c) => /^Participant \d+$/.test(c))).sort()).toEqual(
      [w.facLabel, w.guestLabel].sort(),
    );
  });
});
