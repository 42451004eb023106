import { describe, expect, it } from 'vitest';
import { newPerson, withAppAndBrowser } from './helpers';
import { type Person, setupWorkshop } from './roomSetup';

/**
 * Sign-up, joining by invite and the guest's way out: the QA findings on the account pages, each
 * reproduced as a person would meet it in the browser.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();
const uniqueEmail = (who: string) =>
  `${who}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;

/** A workshop with a participant invite link (the facilitator's page is returned to manage it). */
async function workshopWithInvite() {
  const { workshopId, facilitator } = await setupWorkshop(e2e.browser, e2e.server.url, []);
  const res = await facilitator.context.request.post(
    `${e2e.server.url}/api/workshops/${workshopId}/invites`,
    {
      data: { role: 'participant' },
      headers: { Origin: e2e.server.url, Connection: 'close' },
    },
  );
  expect(res.ok()).toBe(true);
  const { token } = (await res.json()) as { token: string };
  return { workshopId, facilitator, joinPath: `/join/${token}` };
}

describe('account pages', () => {
  it('sign-up: after a "too short" password error, the first click on "Create account" submits', async () => {
    const { page, errors } = await newPerson(e2e.browser, e2e.server.url);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Sam Signup');
    await page.getByLabel('Email').fill(uniqueEmail('sam'));
    const password = page.getByLabel('Password');
    await password.pressSequentially('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();

    await password.pressSequentially(' but long enough now');
    // One click, as a person makes it: mouse-down and mouse-up at the same point. Any layout shift
    // when the password field loses focus would move the button from under the pointer.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My workshops' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('sign-up: an empty password is refused with a message on the field, which gets focus', async () => {
    const { page } = await newPerson(e2e.browser, e2e.server.url);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Sam Signup');
    await page.getByLabel('Email').fill(uniqueEmail('sam'));
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter a password of at least 10 characters.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), POLL)
      .toBe('password');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('join: a name of only spaces or with a direction override gets a plain message, not the server’s report', async () => {
    const { joinPath } = await workshopWithInvite();
    const { page, errors } = await newPerson(e2e.browser, e2e.server.url);
    await page.goto(joinPath);
    const name = page.getByLabel('Name');
    await name.fill('   ');
    await page.getByLabel('Perspective').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('Enter your name: it needs at least one letter, digit or symbol.').waitFor();
    expect(await page.getByText('Too small').count()).toBe(0);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), POLL)
      .toBe('name');

    await name.fill('Pat\u202eevil');
    await page.getByText('Remove the control or text-direction characters from your name.').waitFor();
    await name.fill('Pat Participant');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a guest signing out is warned they cannot come back, and can create an account instead (AUTH11)', async () => {
    const { workshopId, participants } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Gus Guest' },
      { name: 'Gia Guest' },
    ]);
    const [gus, gia] = participants as [Person, Person];
    await gus.page.goto(`/workshops/${workshopId}`);
    await gus.page.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    await gus.page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = gus.page.getByRole('alertdialog', { name: 'Sign out of your guest session?' });
    await dialog.getByText('you cannot come back as this member').waitFor();
    await dialog.getByRole('button', { name: 'Create an account' }).click();

    await gus.page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await gus.page.getByLabel('Your name').fill('Gus Guest');
    await gus.page.getByLabel('Email').fill(uniqueEmail('gus'));
    await gus.page.getByLabel('Password').fill('correct horse battery');
    await gus.page.getByRole('button', { name: 'Create account' }).click();
    // Back on the workshop, still the same member: the account kept the guest's membership.
    await gus.page.getByRole('heading', { level: 1, name: 'Spring LER self-assessment' }).waitFor();
    const me = await gus.context.request.get(`${e2e.server.url}/api/workshops/${workshopId}`);
    expect(((await me.json()) as { me: { memberId: string } }).me.memberId).toBe(gus.memberId);

    // Another guest who insists is signed out, after the same warning.
    await gia.page.goto(`/workshops/${workshopId}`);
    await gia.page.getByRole('button', { name: 'Sign out' }).click();
    await gia.page.getByRole('alertdialog').getByRole('button', { name: 'Sign out anyway' }).click();
    await gia.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(gus.errors).toEqual([]);
  });

  it('invites: Revoke asks first, each button names its own link, and focus stays in the table', async () => {
    const { workshopId, facilitator } = await workshopWithInvite();
    const post = (data: unknown) =>
      facilitator.context.request.post(`${e2e.server.url}/api/workshops/${workshopId}/invites`, {
        data,
        headers: { Origin: e2e.server.url, Connection: 'close' },
      });
    expect((await post({ role: 'participant' })).ok()).toBe(true);
    const page = facilitator.page;
    await page.goto(`/workshops/${workshopId}`);
    const revokes = page.getByRole('button', { name: /^Revoke / });
    await expect.poll(() => revokes.count(), POLL).toBe(2);
    const [first, second] = await Promise.all([
      revokes.nth(0).getAttribute('aria-label'),
      revokes.nth(1).getAttribute('aria-label'),
    ]);
    expect(first).not.toBe(second);

    await revokes.nth(0).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke this participant link?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('cell', { name: 'Revoked', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: first! }).click();
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await page.getByRole('cell', { name: 'Revoked', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: first! }).count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''), POLL)
      .toMatch(/^invite-row-/);
    expect(facilitator.errors).toEqual([]);
  });
});
