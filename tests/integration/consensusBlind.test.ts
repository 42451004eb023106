import { afterEach, describe, expect, it } from 'vitest';
import { nullRealtimeBridge, type RealtimeBridge } from '../../server/realtime/bridge';
import type { MemberRating } from '../../shared/docs/memberDoc';
import { api, createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';
import { pdfText } from './reportSetup';

/**
 * SPEC LOCK10: a dimension can be locked only once its ratings were revealed, and no individual
 * rating of an unrevealed dimension leaves the server — not through GET /consensus (any member,
 * observers too), the report and its exports, or the audit log.
 */
const DIM = 'learning-evaluation';
const SECRET = 'SECRET-BLIND-RATIONALE';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.close());

async function setup() {
  const ratings = new Map<string, Map<string, MemberRating>>();
  const realtime: RealtimeBridge = { ...nullRealtimeBridge, memberRatings: async () => ratings };
  t = makeTestApp({ realtime });
  const fac = await signUp(t.app, { name: 'Fran Facilitator' });
  const workshop = await createWorkshop(t.app, fac.cookie);
  const pat = await joinWorkshop(t.app, fac.cookie, workshop.id, { role: 'participant', name: 'Pat Rater' });
  const obs = await joinWorkshop(t.app, fac.cookie, workshop.id, { role: 'observer', name: 'Obi Observer' });
  // Pat rated blind: nobody has revealed DIM.
  ratings.set(pat.memberId, new Map([[DIM, { stage: 'effective-practice', rationale: SECRET, updatedAt: 1 }]]));
  const base = `/api/workshops/${workshop.id}`;
  const as = (cookie: string) => (method: string, path: string, body?: unknown) =>
    api(t.app, method, `${base}${path}`, { cookie, ...(body === undefined ? {} : { body }) });
  return { workshop, pat, f: as(fac.cookie), o: as(obs.cookie), base, facCookie: fac.cookie };
}

const count = (table: string) =>
  (t.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('blind ratings stay blind through locking (LOCK10)', () => {
  it('LOCK10: locking an unrevealed dimension → 409 "Reveal the ratings before locking"; nothing is written', async () => {
    const s = await setup();
    expect((await s.f('PUT', `/dimensions/${DIM}/consensus`, { stage: 'developing', rationale: 'We agree.' })).status).toBe(200);
    const before = [count('consensus_locks'), count('audit_log'), count('consensus_drafts')];
    const res = await s.f('POST', `/dimensions/${DIM}/lock`);
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'conflict', message: 'Reveal the ratings before locking.' });
    expect([count('consensus_locks'), count('audit_log'), count('consensus_drafts')]).toEqual(before);
    const seen = await s.o('GET', '/consensus');
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.json)).not.toContain(s.pat.memberId);

    // "Not assessed" still closes a dimension nobody revealed.
    const other = 'sharing';
    expect((await s.f('POST', `/dimensions/${other}/not-assessed`, { reason: 'Nobody could speak to this.' })).status).toBe(200);

    // After the reveal the same lock succeeds and seals Pat's rating, now visible to everyone.
    expect((await s.f('POST', '/reveal', { dimensionIds: [DIM] })).status).toBe(200);
    const locked = await s.f('POST', `/dimensions/${DIM}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.json.lock.finalRatings).toEqual({ [s.pat.memberId]: 'effective-practice' });
  });

  it('LOCK10: a lock row of a never-revealed dimension (sealed before the rule) leaks no rating through consensus, report, exports or audit', async () => {
    const s = await setup();
    const fran = (await s.f('GET', '')).json.me.memberId as string;
    t.database.sqlite
      .prepare(
        `insert into consensus_locks (workshop_id, dimension_id, revision, stage, rationale, dissent,
           next_steps, final_ratings, first_round, content_hash, locked_at, locked_by)
         values (?, ?, 1, 'developing', 'Legacy lock.', '', '', ?, ?, 'legacy', 1, ?)`,
      )
      .run(s.workshop.id, DIM, JSON.stringify({ [s.pat.memberId]: 'effective-practice' }), JSON.stringify({ [s.pat.memberId]: 'effective-practice' }), fran);
    const sealedPair = `"${s.pat.memberId}":"effective-practice"`;

    const consensus = await s.o('GET', '/consensus');
    expect(consensus.status).toBe(200);
    const dim = consensus.json.dimensions.find((d: { dimensionId: string }) => d.dimensionId === DIM);
    expect(dim.locked).toBe(true);
    expect(dim.lock).toMatchObject({ stage: 'developing', finalRatings: {}, firstRound: {} });
    expect(JSON.stringify(consensus.json)).not.toContain(sealedPair);

    const report = await s.o('GET', '/report');
    expect(report.status).toBe(200);
    const rd = report.json.categories.flatMap((c: { dimensions: unknown[] }) => c.dimensions).find((d: { id: string }) => d.id === DIM);
    expect(rd.consensus.locked).toBe(true);
    expect(rd.ratings).toEqual([]);
    expect(Object.values(rd.final.counts).every((n) => n === 0)).toBe(true);
    expect(JSON.stringify(report.json)).not.toContain(SECRET);

    for (const ext of ['json', 'csv']) {
      const res = await s.o('GET', `/report.${ext}`);
      expect(res.status).toBe(200);
      const text = typeof res.json === 'string' ? res.json : JSON.stringify(res.json);
      expect(text).not.toContain(SECRET);
      // Named mode lists Pat among the members; what must not exist is a rating of Pat's on DIM.
      if (ext === 'csv') expect(text.split('\n').filter((l) => l.includes(DIM) && l.includes('Pat Rater'))).toEqual([]);
      else expect(JSON.stringify(res.json.categories)).not.toContain('Pat Rater');
    }
    const pdf = await t.app.request(`http://localhost${s.base}/report.pdf`, {
      headers: { Cookie: s.facCookie, Host: 'localhost' },
    });
    expect(pdf.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Legacy lock.');
    expect(text).not.toContain(SECRET);

    const audit = await s.f('GET', '/audit?limit=200');
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.json)).not.toContain(sealedPair);
    expect(JSON.stringify(audit.json)).not.toContain(SECRET);
  });
});
