import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, checkA11y, launchBrowser, newPerson, startAppServer } from './helpers';

/**
 * The first slice a facilitator uses, end to end in Chromium against the real server: sign up,
 * create a workshop, invite by link, a second person joins and shows up in the member list.
 * Steps share one server and browser; each `it` builds on the previous one (they run in order).
 */
describe('foundation: sign up, create a workshop, invite, join', () => {
  let server: AppServer;
  let browser: Browser;
  let facilitator: Page;
  let workshopPath = '';
  let inviteUrl = '';
  const password = 'correct horse battery';
  const email = `facilitator-${Date.now()}@example.edu`;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    facilitator = (await newPerson(browser, server.url, { clipboard: true })).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName);

  it('the sign-up page has no axe violations, and signing up lands on "My workshops"', async () => {
    await facilitator.goto('/signup');
    await facilitator.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    expect(await facilitator.title()).toBe('Create an account — LER Workshop');
    expect(await checkA11y(facilitator)).toEqual([]);

    await facilitator.getByLabel('Your name').fill('Fran Facilitator');
    await facilitator.getByLabel('Email').fill(email);
    await facilitator.getByLabel('Password').fill(password);
    await facilitator.getByRole('button', { name: 'Create account' }).click();

    await facilitator.getByRole('heading', { level: 1, name: 'My workshops' }).waitFor();
    await facilitator.getByText('Signed in as').waitFor();
    expect(new URL(facilitator.url()).pathname).toBe('/');
  });

  it('creates a workshop; navigation retitles the page and moves focus to its heading', async () => {
    await facilitator.getByRole('link', { name: 'Create a workshop' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Create a workshop' }).waitFor();
    await expect.poll(() => focusedTag(facilitator)).toBe('H1');
    await expect.poll(() => facilitator.title()).toBe('Create a workshop — LER Workshop');

    await facilitator.getByLabel('Workshop title').fill('Spring LER self-assessment');
    await facilitator.getByLabel('Institution').fill('Riverbend Community College');
    await facilitator.getByLabel('Your perspective').selectOption('Administration');
    await facilitator.getByRole('checkbox', { name: /Allow “Not sure”/ }).uncheck();
    await facilitator.getByRole('button', { name: 'Create workshop' }).click();

    await facilitator.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    workshopPath = new URL(facilitator.url()).pathname;
    expect(workshopPath).toMatch(/^\/workshops\/[^/]+$/);
    await facilitator.getByText('Riverbend Community College').first().waitFor();
    // The settings chosen in the form are the ones the server stored.
    await expect.poll(() => facilitator.locator('dt:has-text("Not sure") + dd').textContent()).toBe('No');
    const me = facilitator.getByRole('row', { name: /Fran Facilitator/ });
    await me.getByRole('cell', { name: 'Facilitator', exact: true }).waitFor();
    await me.getByRole('cell', { name: 'Administration', exact: true }).waitFor();
  });

  it('the workshop home has no axe violations', async () => {
    expect(await checkA11y(facilitator)).toEqual([]);
  });

  it('creates an invite link, copies it, and shows its QR code full screen', async () => {
    await facilitator.getByLabel('Role', { exact: true }).selectOption('participant');
    await facilitator.getByLabel('Maximum uses').fill('5');
    await facilitator.getByRole('button', { name: 'Create link' }).click();

    const urlText = facilitator.getByTestId('invite-url');
    await urlText.waitFor();
    inviteUrl = (await urlText.textContent())!.trim();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{16,}$`));

    await facilitator.getByRole('button', { name: 'Copy link' }).click();
    await facilitator.getByText('✓ Copied').waitFor();
    expect(await facilitator.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);

    // The listed link: participant role, 0 of 5 uses, active.
    const row = facilitator.getByRole('row', { name: /Participant/ }).filter({ hasText: 'Active' });
    await row.getByRole('cell', { name: '0 of 5' }).waitFor();

    await facilitator.getByRole('button', { name: 'Show QR code', exact: true }).click();
    const dialog = facilitator.getByRole('dialog', { name: 'Scan to join' });
    await dialog.waitFor();
    const qr = dialog.getByRole('img', { name: /QR code for the invite link/ });
    await qr.waitFor();
    const box = (await qr.boundingBox())!;
    const viewport = facilitator.viewportSize()!;
    // Large enough to scan from the back of a room: at least 60 % of the shorter screen side.
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(0.6 * Math.min(viewport.width, viewport.height));
    await dialog.getByText(inviteUrl.replace(/^https?:\/\//, '')).waitFor();
    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus returns to the button that opened the dialog.
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Show QR code');
  });

  it('a second person opens the link, joins with a name and perspective, and appears in the member list', async () => {
    const { page: guest, errors } = await newPerson(browser, server.url);
    await guest.goto(inviteUrl);
    await guest.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    await guest.getByText('Riverbend Community College').waitFor();
    expect(await checkA11y(guest)).toEqual([]);

    await guest.getByLabel('Name', { exact: true }).fill('Dana Rivera');
    await guest.getByLabel('Perspective').selectOption('IT');
    await guest.getByRole('button', { name: 'Join' }).click();

    // The guest lands on the workshop home, signed in by the invite, and sees themself listed.
    await guest.waitForURL(`**${workshopPath}`);
    await guest.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    await guest.getByRole('row', { name: /Dana Rivera \(you\)/ }).waitFor();
    // A participant gets no invite management.
    expect(await guest.getByRole('heading', { name: 'Invite people' }).count()).toBe(0);
    expect(errors).toEqual([]);

    // The facilitator's list shows the newcomer after a reload (polling, never sleeping).
    await expect
      .poll(
        async () => {
          await facilitator.reload();
          await facilitator.getByRole('heading', { name: /^Members/ }).waitFor();
          return facilitator.getByRole('row', { name: /Dana Rivera/ }).count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    const row = facilitator.getByRole('row', { name: /Dana Rivera/ });
    await row.getByRole('cell', { name: 'Participant' }).waitFor();
    await row.getByRole('cell', { name: 'IT', exact: true }).waitFor();
    await facilitator.getByRole('heading', { name: 'Members (2)' }).waitFor();
  });

  it('a revoked link shows a clear message instead of the join form', async () => {
    await facilitator.getByRole('button', { name: /^Revoke Participant link/ }).click();
    await facilitator.getByRole('alertdialog').getByRole('button', { name: 'Revoke link' }).click();
    await facilitator.getByRole('row', { name: /Participant/ }).filter({ hasText: 'Revoked' }).waitFor();

    const { page: late } = await newPerson(browser, server.url);
    await late.goto(inviteUrl);
    await late.getByRole('heading', { level: 1, name: 'This invite link can no longer be used' }).waitFor();
    await late.getByText(/revoked/i).first().waitFor();
    expect(await late.getByRole('button', { name: 'Join' }).count()).toBe(0);
  });

  it('an expired session asks to sign in again over the page, keeps what was typed, and retries', async () => {
    await facilitator.getByLabel('Maximum uses').fill('12');
    // The server forgets nothing, but the browser loses its session (as when it expires).
    await facilitator.context().clearCookies();
    await facilitator.getByRole('button', { name: 'Create link' }).click();

    const dialog = facilitator.getByRole('alertdialog', { name: 'Your session expired — sign in again' });
    await dialog.waitFor();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The page was never unmounted: the typed value is still there, and the request went through.
    expect(await facilitator.getByLabel('Maximum uses').inputValue()).toBe('12');
    await facilitator.getByRole('row', { name: /Participant/ }).getByRole('cell', { name: '0 of 12' }).waitFor();
  });
});
