import { describe, expect, it } from 'vitest';
import { newPerson, withAppAndBrowser } from './helpers';

/**
 * Sign-up, joining by invite and the guest's way out: the QA findings on the account pages, each
 * reproduced as a person would meet it in the browser.
 */

const e2e = withAppAndBrowser();
const uniqueEmail = (who: string) =>
  `${who}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;

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
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('password');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  });
});
