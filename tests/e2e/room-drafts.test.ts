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
});
