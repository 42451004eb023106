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
  /** The rubric's second dimension (to browse away from the first). */
  secondDimensionId: string;
  secondDimensionTitle: string;
  stages: Array<{ id: string; label: string }>;
}

async function call<T>(request: APIRequestContext, baseURL: string, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  // State-changing requests need a same-origin Origin header (the server's CSRF check).
  const res = await request.fetch(`${baseURL}${path}`, { method, data, headers: { Origin: baseURL , Connection: 'close' } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function setupWorkshop(
  browser: Browser,
  baseURL: string,
  participants: Array<{ name: string; perspective?: string; role?: 'participant' | 'observer' }>,
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
  // One invite link per role asked for (the role comes from the link, never from the joiner).
  const invites = new Map<string, string>();
  const people: Person[] = [];
  for (const { role = 'participant', ...p } of participants) {
    if (!invites.has(role)) {
      const invite = await call<{ token: string }>(f.context.request, baseURL, 'POST', `/api/workshops/${workshopId}/invites`, { role });
      invites.set(role, invite.token);
    }
    const person = await newPerson(browser, baseURL);
    const joined = await call<{ memberId: string }>(person.context.request, baseURL, 'POST', `/api/invites/${invites.get(role)}/redeem`, p);
    people.push({ ...person, memberId: joined.memberId, name: p.name });
  }
  const [first, second] = rubric.categories.flatMap((c) => c.dimensions) as [{ id: string; title: string }, { id: string; title: string }];
  return {
    workshopId,
    facilitator: { ...f, memberId: created.me.memberId, name: 'Fran Facilitator' },
    participants: people,
    rubric: {
      firstDimensionId: first.id,
      firstDimensionTitle: first.title,
      secondDimensionId: second.id,
      secondDimensionTitle: second.title,
      stages: rubric.stages.map((s) => ({ id: s.id, label: s.label })),
    },
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

/** Opens the room on a dimension and waits until both docs are synced. */
export async function enterRoom(person: Person, workshopId: string, dimensionId: string): Promise<void> {
  await person.page.goto(roomUrl(workshopId, dimensionId));
  await person.page.getByText('Connected — all changes saved').waitFor({ timeout: 30_000 });
}
