import { Hono } from 'hono';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadRubrics } from '../../rubric/loader';
import { testConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { newId } from '../../server/db/ids';
import { institutions, members, reveals, users, workshops } from '../../server/db/schema';
import type { AppDeps } from '../../server/deps';
import type { AppEnv } from '../../server/http/env';
import { onApiError } from '../../server/http/errors';
import { nullRealtimeBridge } from '../../server/realtime/bridge';
import { dbReportSource } from '../../server/report/source';
import { reportRoutes } from '../../server/routes/report';
import type { MemberRating } from '../../shared/docs/memberDoc';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import type { AnonymityMode, MemberRole } from '../../shared/domain';

/**
 * A network-free app serving only the report feature, on a private in-memory database.
 * Why not the full app and the auth fixtures: the report reads facts produced by other features
 * (members' docs, consensus); here the test stages them directly — ratings through a fake realtime
 * bridge, consensus through the report's source seam — and signs requests in with an `x-test-user`
 * header read by a stand-in for the session middleware. Everything from the route down is real.
 */
export function reportTestApp() {
  const database = openDatabase(':memory:');
  const clock = { now: Date.parse('2025-03-14T15:00:00Z') };
  const ratings = new Map<string, Map<string, Map<string, MemberRating>>>();
  const consensus = new Map<string, Map<string, ConsensusState>>();
  const changed: string[] = [];
  const deps: AppDeps = {
    config: testConfig(),
    database,
    rubrics: loadRubrics(),
    realtime: {
      ...nullRealtimeBridge,
      workshopChanged: async (id) => {
        changed.push(id);
      },
      memberRatings: async (id) => ratings.get(id) ?? new Map(),
    },
    now: () => clock.now,
  };
  const app = new Hono<AppEnv>();
  app.onError(onApiError);
  app.use('*', async (c, next) => {
    const id = c.req.header('x-test-user');
    const row = id ? database.sqlite.prepare('select id, kind, email, name from users where id = ?').get(id) : undefined;
    c.set('user', (row as AppEnv['Variables']['user']) ?? null);
    c.set('session', null);
    await next();
  });
  app.route(
    '/api',
    reportRoutes(deps, {
      sourceFor: (workshopId) => ({
        ...dbReportSource(deps, workshopId),
        consensus: () => consensus.get(workshopId) ?? new Map(),
      }),
      consensusFor: (workshopId) => consensus.get(workshopId) ?? new Map(),
    }),
  );

  const request = (userId: string | null, method: string, path: string, body?: unknown) =>
    app.request(`http://localhost${path}`, {
      method,
      headers: {
        ...(userId ? { 'x-test-user': userId } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  return { app, deps, database, clock, ratings, consensus, changed, request, close: () => database.close() };
}
export type ReportTestApp = ReturnType<typeof reportTestApp>;

export interface SeedMember {
  name: string;
  role: MemberRole;
  perspective: string;
  kind?: 'account' | 'guest';
}

/** Creates users, an institution, a workshop on the LER rubric and its members. */
export function seedWorkshop(
  t: ReportTestApp,
  input: {
    anonymity?: AnonymityMode;
    status?: 'open' | 'finalized';
    institution?: { id?: string; name: string };
    people: SeedMember[];
    userIds?: string[];
  },
) {
  const { db } = t.database;
  const now = t.clock.now;
  const userIds = input.people.map((p, i) => {
    const existing = input.userIds?.[i];
    if (existing) return existing;
    const id = newId();
    const kind = p.kind ?? 'account';
    db.insert(users)
      .values({ id, kind, name: p.name, email: kind === 'account' ? `${id}@example.edu` : null, createdAt: now })
      .run();
    return id;
  });
  const institutionId = input.institution?.id ?? newId();
  if (!input.institution?.id) {
    db.insert(institutions)
      .values({ id: institutionId, name: input.institution?.name ?? 'Lakeside Community College', system: 'State System', state: 'OH', createdAt: now })
      .run();
  }
  const workshopId = newId();
  db.insert(workshops)
    .values({
      id: workshopId,
      title: 'Spring LER self-assessment',
      institutionId,
      rubricId: 'ler-engagement',
      rubricVersion: '1.0',
      status: input.status ?? 'open',
      settings: {
        anonymity: input.anonymity ?? 'named',
        allowNotSure: true,
        autoReveal: false,
        ratingDeadline: null,
        perspectives: ['Faculty', 'IT', 'Registrar', 'Other'],
      },
      createdBy: userIds[0]!,
      createdAt: now,
      updatedAt: now,
      finalizedAt: input.status === 'finalized' ? now : null,
    })
    .run();
  const memberIds = input.people.map((p, i) => {
    const id = newId();
    db.insert(members)
      .values({
        id,
        workshopId,
        userId: userIds[i]!,
        displayName: p.name,
        role: p.role,
        perspective: p.perspective,
        pseudonym: `Participant ${i + 1}`,
        createdAt: now,
      })
      .run();
    return id;
  });
  return { workshopId, institutionId, userIds, memberIds };
}

export function reveal(t: ReportTestApp, workshopId: string, dimensionId: string, firstRound: Record<string, string | null>) {
  t.database.db.insert(reveals).values({ workshopId, dimensionId, revealedAt: t.clock.now, revealedBy: null, firstRound }).run();
}

export function rate(t: ReportTestApp, workshopId: string, memberId: string, dimensionId: string, stage: string | null, rationale = '') {
  const byMember = t.ratings.get(workshopId) ?? new Map<string, Map<string, MemberRating>>();
  const mine = byMember.get(memberId) ?? new Map<string, MemberRating>();
  mine.set(dimensionId, { stage, rationale, updatedAt: t.clock.now });
  byMember.set(memberId, mine);
  t.ratings.set(workshopId, byMember);
}

export function setConsensus(t: ReportTestApp, workshopId: string, dimensionId: string, state: Partial<ConsensusState>) {
  const byDim = t.consensus.get(workshopId) ?? new Map<string, ConsensusState>();
  byDim.set(dimensionId, {
    stage: null,
    rationale: '',
    dissent: '',
    nextSteps: '',
    updatedAt: t.clock.now,
    locked: false,
    lockedAt: null,
    revision: 1,
    contentHash: null,
    notAssessedReason: null,
    ...state,
  });
  t.consensus.set(workshopId, byDim);
}

/** The text of every page of a PDF, via pdfjs (legacy build: runs in Node without a DOM). */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { text: pages.join('\n'), info: meta.info as Record<string, unknown> };
}

/** RFC 4180 parser, enough to read our own CSV back (quoted cells, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
