import { describe, expect, it } from 'vitest';
import { Limits } from '../../shared/domain';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * Bad input in the room (issue 4, "Bad input"): over-long rationale and comment are refused with a
 * visible message while the text stays in the box; an invalid evidence URL is flagged inline and not
 * saved; a tab whose session is gone asks to sign in again in the room and keeps what was typed.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

describe('room bad input', () => {
  it('refuses an over-long rationale and comment but keeps the text, and flags an invalid evidence URL', async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [{ name: 'Pat Participant' }]);
    const pat = participants[0] as Person;
    const page = pat.page;
    await enterRoom(pat, workshopId, rubric.firstDimensionId);

    // A short rationale is saved first, so we can tell later that the long one never replaced it.
    const rationale = page.getByRole('textbox', { name: 'Rationale' });
    await rationale.fill('Short and saved.');
    await rationale.blur();
    const long = 'x'.repeat(Limits.rationaleMax + 1);
    await rationale.fill(long);
    await expect.poll(() => page.getByText(/Too long to save: 5,001 of 5,000 characters/).count(), POLL).toBe(1);
    expect(await rationale.getAttribute('aria-invalid')).toBe('true');
    await rationale.blur();
    expect((await rationale.inputValue()).length).toBe(Limits.rationaleMax + 1);

    // Comment: the message shows, posting is off, the text stays.
    const comment = page.getByRole('textbox', { name: 'Comment' });
    await comment.fill('c'.repeat(Limits.commentMax + 1));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Too long to post' }).count(), POLL).toBe(1);
    expect(await page.getByRole('button', { name: 'Post comment' }).isDisabled()).toBe(true);
    expect((await comment.inputValue()).length).toBe(Limits.commentMax + 1);
    // Shortening it makes it postable again (the refusal is about length, not a stuck state).
    await comment.fill('A fitting comment.');
    await expect.poll(() => page.getByRole('button', { name: 'Post comment' }).isEnabled(), POLL).toBe(true);

    // Evidence: an invalid URL is flagged inline and "Add evidence" saves nothing.
    const form = page.getByRole('form', { name: 'Add evidence' });
    const url = form.getByRole('textbox', { name: 'Evidence URL' });
    await url.fill('not a web address');
    await expect.poll(() => form.getByText('Enter a full web address starting with https:// or http://').count(), POLL).toBe(1);
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    expect(await page.getByText('No evidence yet.').count()).toBe(1);
    expect(await url.inputValue()).toBe('not a web address');

    // Comment evidence link: same rule, the post button stays off while the URL is invalid.
    await page.getByRole('button', { name: 'Add an evidence link' }).click();
    await page.getByRole('textbox', { name: 'Link URL' }).fill('javascript:alert(1)');
    await expect.poll(() => page.getByRole('button', { name: 'Post comment' }).isDisabled(), POLL).toBe(true);

    // After a reload the over-long text is back in the box, still refused: it is kept as a private
    // draft, never saved as the rating (room-rationale-overflow.test.ts follows it further).
    await page.reload();
    await page.getByText('Connected — all changes saved').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.getByRole('textbox', { name: 'Rationale' }).inputValue()).length, POLL).toBe(Limits.rationaleMax + 1);
    expect(await page.getByText(/Too long to save: 5,001 of 5,000 characters/).count()).toBe(1);
    expect(await page.getByText('No evidence yet.').count()).toBe(1);
    expect(pat.errors).toEqual([]);
  });

  it('asks a tab whose session is gone to sign in again in the room, keeps what was typed, then syncs it', async () => {
    const { workshopId, facilitator: fran, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, []);
    const page = fran.page;
    const effective = rubric.stages[2]!;
    await enterRoom(fran, workshopId, rubric.firstDimensionId);
    // The facilitator's page has a consensus "Rationale" too: use the one in "My rating".
    const mine = page.getByRole('region', { name: 'My rating' });

    await mine.getByRole('textbox', { name: 'Rationale' }).fill('Typed before my session ended.');
    // The session ends on the server (as a logout elsewhere or an expiry does): the sockets close with 4411.
    const out = await fran.context.request.post(`${e2e.server.url}/api/auth/logout`, { headers: { Origin: e2e.server.url, Connection: 'close' } });
    expect(out.ok()).toBe(true);
    const banner = page.getByRole('alert').filter({ hasText: 'Your session ended.' });
    await expect.poll(() => banner.count(), POLL).toBe(1);
    expect(page.url()).toContain('/room/'); // still the room, not a sign-in page
    // Typed while signed out: a stage, more rationale, a comment not yet posted — all still editable.
    await mine.getByRole('radio', { name: effective.label }).check();
    await mine.getByRole('textbox', { name: 'Rationale' }).fill('Typed after my session ended.');
    await page.getByRole('textbox', { name: 'Comment' }).fill('A comment I have not posted yet.');

    await banner.getByRole('button', { name: 'Sign in again' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Your session expired — sign in again' });
    await dialog.getByLabel('Password').fill('correct horse battery');
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => banner.count(), POLL).toBe(0);
    await expect.poll(() => page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
    expect(await mine.getByRole('textbox', { name: 'Rationale' }).inputValue()).toBe('Typed after my session ended.');
    expect(await page.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('A comment I have not posted yet.');
    expect(await mine.getByRole('radio', { name: effective.label }).isChecked()).toBe(true);

    // …and it reached the server: revealing shows the rating made while signed out.
    await page.getByRole('button', { name: 'Reveal this dimension' }).click();
    const row = page.getByRole('table').filter({ hasText: 'per stage' }).getByRole('row', { name: new RegExp(`^${effective.label}`) });
    await expect.poll(async () => (await row.getByRole('cell').first().textContent())?.trim(), POLL).toBe('1');
    expect(fran.errors).toEqual([]);
  });

  it('reconnects the room when the sign-in dialog was opened by an action, not by the banner', async () => {
    const { workshopId, facilitator: fran, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, []);
    const page = fran.page;
    const effective = rubric.stages[2]!;
    await enterRoom(fran, workshopId, rubric.firstDimensionId);
    const mine = page.getByRole('region', { name: 'My rating' });

    const out = await fran.context.request.post(`${e2e.server.url}/api/auth/logout`, { headers: { Origin: e2e.server.url, Connection: 'close' } });
    expect(out.ok()).toBe(true);
    const banner = page.getByRole('alert').filter({ hasText: 'Your session ended.' });
    await expect.poll(() => banner.count(), POLL).toBe(1);
    await mine.getByRole('radio', { name: effective.label }).check();
    await expect.poll(() => page.getByText('Offline — 1 change will sync').count(), POLL).toBe(1);

    // The Spotlight call gets a 401, which opens the dialog (not the banner's button).
    await page.getByRole('button', { name: 'Spotlight this dimension' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Your session expired — sign in again' });
    await dialog.getByLabel('Password').fill('correct horse battery');
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => banner.count(), POLL).toBe(0);
    await expect.poll(() => page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
    await page.getByRole('button', { name: 'Reveal this dimension' }).click();
    const row = page.getByRole('table').filter({ hasText: 'per stage' }).getByRole('row', { name: new RegExp(`^${effective.label}`) });
    await expect.poll(async () => (await row.getByRole('cell').first().textContent())?.trim(), POLL).toBe('1');
    expect(fran.errors).toEqual([]);
  });
});
