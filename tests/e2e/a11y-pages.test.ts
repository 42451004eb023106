import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, checkA11y, launchBrowser, newPerson, startAppServer } from './helpers';
import { type Person, setupWorkshop } from './roomSetup';

/**
 * axe-core (WCAG 2.1 A/AA) on the pages outside the room that other e2e files do not scan: the
 * workshop home as a facilitator with members and invites listed, the institution history, the
 * audit log with entries, the sign-in page and "My workshops". Each page is checked only once its
 * data has rendered (a spinner alone would pass axe and prove nothing).
 */

const POLL = { timeout: 20_000 };
let server: AppServer;
let browser: Browser;
let fran: Person;
let workshopId = '';

/** A state-changing API call in the person's own cookie jar (Origin for the CSRF check). */
async function call(page: Page, method: 'POST' | 'PATCH', path: string, data: unknown): Promise<unknown> {
  const res = await page.request.fetch(`${server.url}${path}`, { method, data, headers: { Origin: server.url , Connection: 'close' } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
  return res.json().catch(() => null);
}

beforeAll(async () => {
  // Two sign-in attempts per address: the sign-in test's third attempt meets the real 429.
  server = await startAppServer({ env: { LOGIN_MAX_PER_IP: '2' } });
  browser = await launchBrowser();
  // setupWorkshop creates a participant and an observer invite (audited) and both join (audited).
  const setup = await setupWorkshop(browser, server.url, [
    { name: 'Pat Participant', perspective: 'Faculty' },
    { name: 'Olive Observer', perspective: 'IT', role: 'observer' },
  ]);
  workshopId = setup.workshopId;
  fran = setup.facilitator;
  const [pat] = setup.participants as [Person, Person];
  // A few more audited actions of different kinds: a settings change and a member's perspective change.
  await call(fran.page, 'PATCH', `/api/workshops/${workshopId}`, { settings: { allowNotSure: false } });
  await call(fran.page, 'PATCH', `/api/workshops/${workshopId}/members/${pat.memberId}`, { perspective: 'Administration' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility of the pages around the room', () => {
  it('the workshop home as a facilitator, with members and invites listed', async () => {
    const page = fran.page;
    await page.goto(`/workshops/${workshopId}`);
    await page.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    await page.getByRole('heading', { name: 'Members (3)' }).waitFor(POLL);
    await page.getByRole('row', { name: /Olive Observer/ }).waitFor();
    // Both invite links the setup created are listed, active.
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Active' }).count(), POLL).toBe(2);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('the institution history', async () => {
    const page = fran.page;
    const res = await page.request.get('/api/institutions');
    const { institutions } = (await res.json()) as { institutions: Array<{ id: string; name: string }> };
    expect(institutions.map((i) => i.name)).toEqual(['Example Community College']);
    await page.goto(`/institutions/${institutions[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Example Community College' }).waitFor();
    await page.getByRole('table', { name: /Consensus stage per dimension/ }).waitFor(POLL);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('the audit log, after a few audited actions', async () => {
    const page = fran.page;
    await page.goto(`/workshops/${workshopId}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByRole('table', { name: /entries/ });
    await table.waitFor(POLL);
    // Invites, joins, the settings change and the member change: well over four rows.
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    // AUDIT5: the member change reads in words — who it was done to, by name, not by id.
    const memberChange = table.locator('tbody tr', { hasText: 'Changed a member' });
    expect(await memberChange.locator('td').nth(3).textContent()).toBe('Pat Participant');
    expect(await memberChange.locator('td').nth(4).textContent()).toBe('perspective: Faculty → Administration');
    const settingsChange = table.locator('tbody tr', { hasText: 'Changed workshop settings' });
    expect(await settingsChange.locator('td').nth(3).textContent()).toBe('Spring LER self-assessment');
    expect(await settingsChange.locator('td').nth(4).textContent()).toContain('settings.allowNotSure: true → false');
    expect(await checkA11y(page)).toEqual([]);
    // Reflow (WCAG 1.4.10): at 320 px the page does not scroll sideways — long values wrap in
    // their cells, or the table would scroll in its own box — and still passes axe.
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await checkA11y(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 }); // newPerson's default, for the tests after
  });

  it('"My workshops" with a workshop and an institution listed', async () => {
    const page = fran.page;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'My workshops' }).waitFor();
    await page.getByRole('link', { name: 'Spring LER self-assessment' }).waitFor(POLL);
    await page.getByRole('heading', { level: 2, name: 'My institutions' }).waitFor(POLL);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('the sign-in page: blank, with a wrong password, and rate limited (the message counts minutes)', async () => {
    const { page } = await newPerson(browser, server.url);
    await page.goto('/signin');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);
    // The page with an error alert is a different page for axe (an alert region, a title).
    await page.getByLabel('Email').fill('nobody@example.edu');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password.').waitFor();
    expect(await checkA11y(page)).toEqual([]);

    // Second attempt (the last allowed), then the third is refused by the server with Retry-After.
    // Waits for each answer: a press while the button is pending is ignored.
    for (const expected of [401, 429]) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await answered).status()).toBe(expected);
    }
    // 15-minute default window: the server's seconds become whole minutes, rounded up.
    await page.getByText('Too many attempts from this network — try again in 15 minutes.').waitFor();
    expect(await page.getByText(/seconds/).count()).toBe(0);
    expect(await checkA11y(page)).toEqual([]);
  });
});
