import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { roomUrl, setupWorkshop } from './roomSetup';

/** A participant completes a rating with rationale and posts a comment with the keyboard only. */

// Generous: two shared cores, a lazy chunk, HTTP and two websocket syncs before anything shows.
const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

/** The accessible-ish name of the focused element: aria-label, else its <label>, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return labels[0]!.textContent?.trim() ?? '';
    return el.textContent?.trim() ?? '';
  });
}

/** Presses Tab until the focused element is named `name` (fails after `max` presses). */
async function tabTo(page: Page, name: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('room by keyboard', () => {
  it('rates with a rationale and posts a comment without the mouse', async () => {
    const { workshopId, participants, facilitator, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [{ name: 'Kim Keyboard' }]);
    const kim = participants[0]!;
    const first = rubric.stages[0]!;
    const second = rubric.stages[1]!;
    await kim.page.goto(roomUrl(workshopId, rubric.firstDimensionId));
    await expect.poll(() => kim.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);

    // Tab into the radio group (lands on the first stage), then the arrow key moves and selects.
    await tabTo(kim.page, first.label);
    await kim.page.keyboard.press('ArrowRight');
    expect(await focusedName(kim.page)).toBe(second.label);
    expect(await kim.page.getByRole('radio', { name: second.label }).isChecked()).toBe(true);
    // The focused card shows a visible focus indicator (outline on the card around the radio).
    const outline = await kim.page.evaluate(() => getComputedStyle(document.activeElement!.closest('.stage-card')!).outlineStyle);
    expect(outline).not.toBe('none');

    await tabTo(kim.page, 'Rationale');
    await kim.page.keyboard.type('Advisory boards know the frameworks.');
    await tabTo(kim.page, 'Comment');
    await kim.page.keyboard.type('Typed without a mouse.');
    await tabTo(kim.page, 'Post comment');
    await kim.page.keyboard.press('Enter');
    await expect.poll(() => kim.page.locator('.comment__text').filter({ hasText: 'Typed without a mouse.' }).count(), POLL).toBe(1);

    // It really was saved and synced: the facilitator sees Kim as rated, and sees the comment.
    await facilitator.page.goto(roomUrl(workshopId, rubric.firstDimensionId));
    await expect.poll(() => facilitator.page.getByText('Kim Keyboard: rated').count(), POLL).toBe(1);
    await expect.poll(() => facilitator.page.getByText('Typed without a mouse.').count(), POLL).toBe(1);
    // And the rationale survives a reload (member doc in IndexedDB and on the server).
    await kim.page.reload();
    await expect.poll(() => kim.page.getByRole('textbox', { name: 'Rationale' }).inputValue(), POLL).toBe('Advisory boards know the frameworks.');
    expect(kim.errors).toEqual([]);
  });
});
