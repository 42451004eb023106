import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * Discussion between two browsers (issue 4): reply, edit and delete my own comment, reactions with
 * counts reaching the other browser, "new since your last visit" markers and comment counts in the
 * side list.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

/** The side-list state line of a dimension ("Not rated · 0 rated · 2 comments · 1 new"). */
function navState(page: Page, title: string) {
  return page.getByRole('navigation', { name: 'Dimensions' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}
const comment = (page: Page, text: string) => page.locator('.comment').filter({ hasText: text });

describe('room discussion', () => {
  it('replies, reacts, edits, deletes, and marks what is new in the side list', async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [{ name: 'Pat Participant' }, { name: 'Quinn Participant' }]);
    const [pat, quinn] = participants as [Person, Person];
    const dim1 = rubric.firstDimensionId;
    await enterRoom(pat, workshopId, dim1);
    await enterRoom(quinn, workshopId, rubric.secondDimensionId);

    // Quinn is elsewhere when Pat posts: the side list shows the count and "1 new".
    await pat.page.getByRole('textbox', { name: 'Comment' }).fill('Our syllabi list outcomes.');
    await pat.page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => navState(quinn.page, rubric.firstDimensionTitle).textContent(), POLL).toMatch(/1 comment\b.*1 new/);
    await quinn.page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: rubric.firstDimensionTitle, exact: true }).click();
    await expect.poll(() => comment(quinn.page, 'Our syllabi list outcomes.').getByText('New', { exact: true }).count(), POLL).toBe(1);

    // Reply and react from Quinn; both reach Pat.
    await comment(quinn.page, 'Our syllabi list outcomes.').getByRole('button', { name: 'Reply' }).click();
    await quinn.page.getByRole('textbox', { name: 'Reply' }).fill('Not all of them, though.');
    await quinn.page.getByRole('button', { name: 'Post reply' }).click();
    await comment(quinn.page, 'Our syllabi list outcomes.').getByRole('button', { name: 'thumbs up (0)' }).click();
    const replies = pat.page.getByRole('list', { name: 'Replies' });
    await expect.poll(() => replies.getByText('Not all of them, though.').count(), POLL).toBe(1);
    await expect.poll(() => comment(pat.page, 'Our syllabi list outcomes.').getByRole('button', { name: 'thumbs up (1)' }).count(), POLL).toBe(1);
    await expect.poll(() => pat.page.getByRole('heading', { name: /Discussion/ }).textContent(), POLL).toContain('2 comments');

    // Back on dimension 1 later, Pat's earlier visit makes only the newer comment "New".
    await pat.page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: rubric.secondDimensionTitle, exact: true }).click();
    await quinn.page.getByRole('textbox', { name: 'Comment' }).fill('One more thought.');
    await quinn.page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => navState(pat.page, rubric.firstDimensionTitle).textContent(), POLL).toMatch(/3 comments.*1 new/);
    await pat.page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: rubric.firstDimensionTitle, exact: true }).click();
    await expect.poll(() => comment(pat.page, 'One more thought.').getByText('New', { exact: true }).count(), POLL).toBe(1);
    expect(await comment(pat.page, 'Not all of them, though.').getByText('New', { exact: true }).count()).toBe(0);

    // Edit my own comment; the other browser sees the new text, marked edited. Not others' comments.
    expect(await comment(pat.page, 'One more thought.').getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await comment(pat.page, 'Our syllabi list outcomes.').getByRole('button', { name: 'Edit' }).click();
    await pat.page.getByRole('textbox', { name: 'Edit comment' }).fill('Most syllabi list outcomes.');
    await pat.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => comment(quinn.page, 'Most syllabi list outcomes.').textContent(), POLL).toContain('edited');

    // Delete it through the confirm dialog; the reply stays.
    await comment(pat.page, 'Most syllabi list outcomes.').getByRole('button', { name: 'Delete' }).click();
    await pat.page.getByRole('alertdialog', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete comment' }).click();
    await expect.poll(() => quinn.page.getByText('Most syllabi list outcomes.').count(), POLL).toBe(0);
    await expect.poll(() => quinn.page.getByText('Comment deleted.').count(), POLL).toBe(1);
    expect(await quinn.page.getByText('Not all of them, though.').count()).toBe(1);

    for (const p of [pat, quinn]) expect(p.errors).toEqual([]);
  });
});
