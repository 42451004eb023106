import { describe, expect, it } from 'vitest';
import { focusedElement, withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * Keyboard focus follows the discussion's actions instead of falling to <body>: Reply and Edit move it
 * into their text box, Save and Cancel give it back to the button that opened the form, and Delete
 * leaves it on the comment's "Comment deleted." line. A cancelled reply is kept: "Continue reply".
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

describe('room discussion focus', () => {
  it('moves focus into Reply and Edit boxes, back to their buttons, and onto a deleted comment', async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant' },
    ]);
    const pat = participants[0] as Person;
    const page = pat.page;
    await enterRoom(pat, workshopId, rubric.firstDimensionId);
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('First point.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const first = page.locator('.comment').filter({ hasText: 'First point.' });

    await first.getByRole('button', { name: 'Reply' }).click();
    expect(await focusedElement(page)).toBe('discussion: textarea Reply');
    await page.keyboard.type('A reply.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    expect(await focusedElement(page)).toBe('discussion: button Reply');

    // A reply cancelled half-written is kept, and its button says so — after a reload too.
    await first.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.keyboard.type('Half a thought');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await focusedElement(page)).toBe('discussion: button Continue reply');
    await page.reload();
    const resume = page.locator('.comment').filter({ hasText: 'First point.' }).getByRole('button', { name: 'Continue reply' });
    await resume.waitFor(POLL);
    await resume.click();
    expect(await page.getByRole('textbox', { name: 'Reply', exact: true }).inputValue()).toBe('Half a thought');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => first.getByRole('button', { name: 'Reply', exact: true }).count(), POLL).toBe(1);

    await first.getByRole('button', { name: 'Edit' }).click();
    expect(await focusedElement(page)).toBe('discussion: textarea Edit comment');
    await page.keyboard.type(' Updated.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('First point. Updated.').count(), POLL).toBe(1);
    expect(await focusedElement(page)).toBe('discussion: button Edit');
    await page.keyboard.press('Enter'); // Edit again, by keyboard this time
    expect(await focusedElement(page)).toBe('discussion: textarea Edit comment');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await focusedElement(page)).toBe('discussion: button Edit');

    await page
      .locator('.comment')
      .filter({ hasText: 'First point. Updated.' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page
      .getByRole('alertdialog', { name: 'Delete this comment?' })
      .getByRole('button', { name: 'Delete comment' })
      .click();
    await expect.poll(() => focusedElement(page), POLL).toBe('discussion: div Comment deleted.');
    expect(pat.errors).toEqual([]);
  });
});
