import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchBrowser, startAppServer } from './helpers';
import { type Person, roomUrl, setupWorkshop } from './roomSetup';

/**
 * The workshop's life around the room: evidence drafts surviving a reload, the facilitator managing
 * members from the workshop home (a removed participant's room shows "you were removed", close 4410),
 * and finalize (refused with the open dimensions listed, then accepted; the room turns read-only).
 */

const POLL = { timeout: 30_000 };

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
  const res = await context.request.fetch(`${server.url}${path}`, { method, data, headers: { Origin: server.url , Connection: 'close' } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
  return res.json();
}

async function inRoom(person: Person, workshopId: string, dimensionId: string) {
  await person.page.goto(roomUrl(workshopId, dimensionId));
  await expect.poll(() => person.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
}

const membersTable = (page: Page) => page.getByRole('table', { name: 'Members of this workshop' });

describe('workshop lifecycle', () => {
  it('keeps half-filled evidence fields across a reload (member doc draft)', async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(browser, server.url, [{ name: 'Pat Participant' }]);
    const p = participants[0] as Person;
    await inRoom(p, workshopId, rubric.firstDimensionId);
    const form = p.page.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('Evidence URL').fill('https://example.edu/catalog');
    await form.getByLabel('Evidence title').fill('Course catalog');
    await form.getByLabel('Evidence note').fill('Page 12 lists the credit policy');
    await p.page.keyboard.press('Tab'); // blur flushes the debounced draft

    await p.page.reload();
    await expect.poll(() => p.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
    const after = p.page.getByRole('form', { name: 'Add evidence' });
    await expect.poll(() => after.getByLabel('Evidence URL').inputValue(), POLL).toBe('https://example.edu/catalog');
    expect(await after.getByLabel('Evidence title').inputValue()).toBe('Course catalog');
    expect(await after.getByLabel('Evidence note').inputValue()).toBe('Page 12 lists the credit policy');
  });

  it('the facilitator edits settings, changes a role, and removes a participant who is in the room (4410 page)', async () => {
    const { workshopId, facilitator: f, participants, rubric } = await setupWorkshop(browser, server.url, [
      { name: 'Pat Participant', perspective: 'Faculty' },
      { name: 'Quinn Participant', perspective: 'IT' },
    ]);
    const [pat] = participants as [Person, Person];
    await inRoom(pat, workshopId, rubric.firstDimensionId);

    await f.page.goto(`/workshops/${workshopId}`);
    await f.page.getByRole('button', { name: 'Edit settings' }).click();
    const settings = f.page.getByRole('form', { name: 'Workshop settings' });
    await settings.getByRole('textbox', { name: /^Title/ }).fill('Fall LER self-assessment');
    await settings.getByRole('checkbox', { name: /Reveal a dimension automatically/ }).check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => f.page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Fall LER self-assessment');
    await expect.poll(() => f.page.getByText('Yes, once everyone has rated').count(), POLL).toBe(1);

    // Role change through the dialog (a native select inside it, saved with an explicit press).
    await f.page.getByRole('button', { name: 'Change role or perspective of Quinn Participant' }).click();
    const edit = f.page.getByRole('dialog', { name: 'Change Quinn Participant' });
    await edit.getByLabel('Role').selectOption('observer');
    await edit.getByRole('button', { name: 'Save' }).click();
    const quinnRow = membersTable(f.page).getByRole('row', { name: /Quinn Participant/ });
    await expect.poll(() => quinnRow.getByRole('cell').first().textContent(), POLL).toBe('Observer');

    await f.page.getByRole('button', { name: 'Remove Pat Participant' }).click();
    const confirm = f.page.getByRole('alertdialog', { name: 'Remove Pat Participant?' });
    await confirm.getByRole('button', { name: 'Remove Pat Participant' }).click();
    await expect.poll(() => membersTable(f.page).getByText('Pat Participant').count(), POLL).toBe(0);
    // The participant's open room is cut off by the server (close 4410) and says so within seconds.
    await expect
      .poll(() => pat.page.getByRole('heading', { name: 'You were removed from this workshop' }).count(), { timeout: 5_000 })
      .toBe(1);
  });

  it('finalize: refused with the open dimensions listed, then accepted; the room becomes read-only', async () => {
    const { workshopId, facilitator: f, participants, rubric } = await setupWorkshop(browser, server.url, [{ name: 'Pat Participant' }]);
    const p = participants[0] as Person;
    const { rubric: full } = (await api(f.context, 'GET', `/api/rubrics/ler-engagement`)) as {
      rubric: { categories: Array<{ dimensions: Array<{ id: string; title: string }> }> };
    };
    const dims = full.categories.flatMap((c) => c.dimensions);
    const first = dims[0]!;
    const developing = rubric.stages[1]!;

    await f.page.goto(`/workshops/${workshopId}`);
    await f.page.getByRole('button', { name: 'Finalize workshop…' }).click();
    await f.page.getByRole('alertdialog').getByRole('button', { name: 'Finalize workshop' }).click();
    const open = f.page.getByRole('list', { name: 'Dimensions still open' });
    await expect.poll(() => open.getByRole('listitem').count(), POLL).toBe(dims.length);
    expect(await open.getByRole('link', { name: first.title }).count()).toBe(1);

    // Decide every dimension: lock the first, mark the rest "not assessed".
    const d = (id: string) => `/api/workshops/${workshopId}/dimensions/${id}`;
    await api(f.context, 'PUT', `${d(first.id)}/consensus`, { stage: developing.id, rationale: 'Pilots in two departments.' });
    // A lock needs a reveal (LOCK10).
    await api(f.context, 'POST', `/api/workshops/${workshopId}/reveal`, { dimensionIds: [first.id] });
    await api(f.context, 'POST', `${d(first.id)}/lock`, {});
    for (const dim of dims.slice(1)) {
      await api(f.context, 'POST', `${d(dim.id)}/not-assessed`, { reason: 'Out of scope for this round.' });
    }
    await inRoom(p, workshopId, dims[1]!.id);
    // Before finalize a "not assessed" dimension still takes ratings.
    expect(await p.page.getByRole('radio', { name: developing.label }).isEnabled()).toBe(true);

    await f.page.getByRole('button', { name: 'Finalize workshop…' }).click();
    await f.page.getByRole('alertdialog').getByRole('button', { name: 'Finalize workshop' }).click();
    await expect.poll(() => f.page.getByText(/This workshop was finalized/).count(), POLL).toBe(1);
    expect(await f.page.getByRole('button', { name: 'Finalize workshop…' }).count()).toBe(0);
    expect(await f.page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await f.page.getByRole('button', { name: 'Edit settings' }).count()).toBe(0);

    // The participant's room turns read-only live: no enabled rating control, no comment form.
    await expect.poll(() => p.page.getByText('This workshop is finalized: ratings, evidence and comments are read-only.').count(), POLL).toBe(1);
    const radios = p.page.getByRole('radio');
    expect(await radios.count()).toBeGreaterThan(0);
    for (const radio of await radios.all()) expect(await radio.isDisabled()).toBe(true);
    expect(await p.page.getByRole('textbox', { name: 'Rationale' }).isDisabled()).toBe(true);
    expect(await p.page.getByRole('form', { name: 'Add evidence' }).count()).toBe(0);

    // The institution history lists this workshop with its locked consensus.
    await f.page.getByRole('link', { name: 'Institution history' }).click();
    await expect.poll(() => f.page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Example Community College');
    const row = f.page.getByRole('row', { name: new RegExp(`^${escapeRegExp(first.title)}`) });
    await expect.poll(() => row.getByRole('cell').first().textContent(), POLL).toBe(developing.label);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
