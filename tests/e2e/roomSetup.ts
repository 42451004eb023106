import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { newPerson } from './helpers';

/**
 * Room e2e fixtures: a facilitator (account) and participants (guests joining by invite link), each in
 * their own browser context, set up through the HTTP API so the tests spend their time in the room.
 *
 * There is deliberately no "is the realtime server up?" probe: the sync endpoint authenticates
 * sessions (a missing or unknown session is closed with 4401), and a broken sync server must make
 * the room tests fail, not skip.
 */

export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  memberId: string;
  name: string;
}

export interface RubricInfo {
  firstDimensionId: string;
  firstDimensionTitle: string;
  stages: Array<{ id: string; label: string }>;
}

async function call<T>(request: APIRequestContext, baseURL: string, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  // State-changing requests need a same-origin Origin header (the server's CSRF check).
  const res = await request.fetch(`${baseURL}${path}`, { method, data, headers: { Origin: baseURL } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function setupWorkshop(
  browser: Browser,
  baseURL: string,
  participants: Array<{ name: string; perspective?: string }>,
  settings: Record<string, unknown> = {},
): Promise<{ workshopId: string; facilitator: Person; participants: Person[]; rubric: RubricInfo }> {
  const f = await newPerson(browser, baseURL);
  const email = `facilitator-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;
  await call(f.context.request, baseURL, 'POST', '/api/auth/signup', { email, password: 'correct horse battery', name: 'Fran Facilitator' });
  const created = await call<{ workshop: { id: string; rubricId: string }; me: { memberId: string } }>(
    f.context.request,
    baseURL,
    'POST',
    '/api/workshops',
    { title: 'Spring LER self-assessment', institution: 'Example Community College', perspective: 'Administration', settings },
  );
  const workshopId = created.workshop.id;
  const { rubric } = await call<{ rubric: { stages: Array<{ id: string; label: string }>; categories: Array<{ dimensions: Array<{ id: string; title: string }> }> } }>(
    f.context.request,
    baseURL,
    'GET',
    `/api/rubrics/${created.workshop.rubricId}`,
  );
  const invite = await call<{ token: string }>(f.context.request, baseURL, 'POST', `/api/workshops/${workshopId}/invites`, { role: 'participant' });
  const people: Person[] = [];
  for (const p of participants) {
    const person = await newPerson(browser, baseURL);
    const joined = await call<{ memberId: string }>(person.context.request, baseURL, 'POST', `/api/invites/${invite.token}/redeem`, p);
    people.push({ ...person, memberId: joined.memberId, name: p.name });
  }
  const first = rubric.categories[0]!.dimensions[0]!;
  return {
    workshopId,
    facilitator: { ...f, memberId: created.me.memberId, name: 'Fran Facilitator' },
    participants: people,
    rubric: { firstDimensionId: first.id, firstDimensionTitle: first.title, stages: rubric.stages.map((s) => ({ id: s.id, label: s.label })) },
  };
}

export function roomUrl(workshopId: string, dimensionId?: string): string {
  return `/workshops/${workshopId}/room${dimensionId ? `/${dimensionId}` : ''}`;
}

/** Collects the text of every websocket frame a page receives (binary y-websocket frames as latin1). */
export function recordFrames(page: Page): { text: () => string } {
  const chunks: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      chunks.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('latin1'));
    });
  });
  return { text: () => chunks.join('\n') };
}
