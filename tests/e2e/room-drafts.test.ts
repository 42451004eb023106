import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * Drafts in my member doc follow the doc while the form is untouched: a newer draft that arrives by
 * sync after the form mounted with an older one is shown, not overwritten by the next keystroke (the
 * reload race that once emptied an evidence note in workshop-lifecycle). Reproduced with a second tab
 * of the same person: its draft reaches the first tab by sync, after that tab's forms mounted.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

const evidenceForm = (page: Page) => page.getByRole('form', { name: 'Add evidence' });
const commentBox = (page: Page) => page.getByRole('textbox', { name: 'Comment', exact: true });

describe('room drafts', () => {
  it('an untouched form adopts a newer draft from sync, and empties when the draft is submitted elsewhere', async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant' },
    ]);
    const first = participants[0] as Person;
    await enterRoom(first, workshopId, rubric.firstDimensionId);

    // The first tab holds an older draft (written, so it is also its last read value).
    await evidenceForm(first.page).getByLabel('Evidence URL').fill('https://example.edu/old');
    await first.page.keyboard.press('Tab'); // blur flushes the debounced draft

    const second: Person = { ...first, page: await first.context.newPage() };
    second.page.on('pageerror', (err) => first.errors.push(err.message));
    await enterRoom(second, workshopId, rubric.firstDimensionId);
    const form = evidenceForm(second.page);
    await expect
      .poll(() => form.getByLabel('Evidence URL').inputValue(), POLL)
      .toBe('https://example.edu/old');
    await form.getByLabel('Evidence URL').fill('https://example.edu/catalog');
    await form.getByLabel('Evidence note').fill('Page 12 lists the credit policy');
    await commentBox(second.page).fill('Half a comment');
    await second.page.keyboard.press('Tab');

    const mine = evidenceForm(first.page);
    await expect
      .poll(() => mine.getByLabel('Evidence note').inputValue(), POLL)
      .toBe('Page 12 lists the credit policy');
    expect(await mine.getByLabel('Evidence URL').inputValue()).toBe('https://example.edu/catalog');
    await expect.poll(() => commentBox(first.page).inputValue(), POLL).toBe('Half a comment');

    // Submitting in the second tab deletes the drafts; the untouched first tab empties too.
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await second.page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => mine.getByLabel('Evidence URL').inputValue(), POLL).toBe('');
    expect(await mine.getByLabel('Evidence note').inputValue()).toBe('');
    await expect.poll(() => commentBox(first.page).inputValue(), POLL).toBe('');
    expect(first.errors).toEqual([]);
  });

  it("keeps a comment's evidence link and an unsaved edit across a reload", async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant' },
    ]);
    const pat = participants[0] as Person;
    const page = pat.page;
    const reload = async () => {
      await page.reload();
      await page.getByText('Connected — all changes saved').waitFor(POLL);
    };
    await enterRoom(pat, workshopId, rubric.firstDimensionId);

    await commentBox(page).fill('Our catalog says so');
    await page.getByRole('button', { name: 'Add an evidence link' }).click();
    await page.getByRole('textbox', { name: 'Link URL' }).fill('https://example.edu/catalog');
    await page.getByRole('textbox', { name: 'Link title' }).fill('Catalog 2025');
    await page.keyboard.press('Tab'); // blur flushes the debounced draft
    await reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Link URL' }).inputValue(), POLL)
      .toBe('https://example.edu/catalog');
    expect(await page.getByRole('textbox', { name: 'Link title' }).inputValue()).toBe('Catalog 2025');
    expect(await commentBox(page).inputValue()).toBe('Our catalog says so');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Catalog 2025' }).count(), POLL).toBe(1);
    // Posting deleted the link draft: the new comment form starts without one after a reload.
    await reload();
    expect(await page.getByRole('textbox', { name: 'Link URL' }).count()).toBe(0);

    // An edit in progress comes back after a reload, with what was typed (text and link).
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Edit comment' }).fill('Our 2025 catalog says so');
    await page.getByRole('textbox', { name: 'Link title' }).fill('Catalog, page 12');
    await page.keyboard.press('Tab');
    await reload();
    const edit = page.getByRole('textbox', { name: 'Edit comment' });
    await expect.poll(() => edit.count(), POLL).toBe(1);
    expect(await edit.inputValue()).toBe('Our 2025 catalog says so');
    expect(await page.getByRole('textbox', { name: 'Link title' }).inputValue()).toBe('Catalog, page 12');

    // Cancel drops the edit: the posted text stays, and a reload does not reopen the edit.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await reload();
    await expect.poll(() => page.getByText('Our catalog says so').count(), POLL).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Edit comment' }).count()).toBe(0);
    expect(pat.errors).toEqual([]);
  });
});
